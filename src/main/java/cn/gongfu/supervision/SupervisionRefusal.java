package cn.gongfu.supervision;

import cn.gongfu.kernel.ProblemException;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** A supervision command that does not apply to the item as it is now: 一键催办 on something not overdue (409). */
public class SupervisionRefusal extends ProblemException {

    private final String item;

    SupervisionRefusal(String type, String item, String message) {
        super(HttpStatus.CONFLICT, type, message);
        this.item = item;
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("item", item);
    }
}
