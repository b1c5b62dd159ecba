package cn.gongfu.reporting;

import cn.gongfu.kernel.ProblemException;
import java.util.Collections;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * Someone else changed the same thing since it was read: nothing was overwritten, and {@code current}
 * shows the other person's version so the user can merge by hand.
 */
public class ConflictException extends ProblemException {

    private final transient Object current;

    public ConflictException(String message, Object current) {
        super(HttpStatus.CONFLICT, "conflict", message);
        this.current = current;
    }

    public Object current() {
        return current;
    }

    /** {@code current} may be null (the thing was deleted meanwhile): still a member, as before. */
    @Override
    public Map<String, Object> properties() {
        return Collections.singletonMap("current", current);
    }
}
