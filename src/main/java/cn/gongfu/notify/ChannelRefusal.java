package cn.gongfu.notify;

import cn.gongfu.kernel.ProblemException;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** A channel command that does not apply as things are: retrying a delivery that has not failed, testing a disabled robot (409). */
public class ChannelRefusal extends ProblemException {

    private final String item;

    ChannelRefusal(String type, String item, String message) {
        super(HttpStatus.CONFLICT, type, message);
        this.item = item;
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("item", item);
    }
}
