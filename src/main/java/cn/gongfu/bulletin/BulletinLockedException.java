package cn.gongfu.bulletin;

import cn.gongfu.kernel.ProblemException;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** An issued bulletin is locked: its narrative, figures and number stay as issued. */
public class BulletinLockedException extends ProblemException {

    private final long id;

    public BulletinLockedException(long id) {
        super(HttpStatus.CONFLICT, "bulletin-locked", "bulletin " + id + " is issued and stays as issued");
        this.id = id;
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("id", id);
    }
}
