package cn.gongfu.kernel;

import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * Someone changed the same thing since the caller read it: nothing is overwritten. {@code current} is the version
 * now stored, so a page can reload it and the user can make the change again on what is there.
 */
public class StaleVersionException extends ProblemException {

    private final int current;

    public StaleVersionException(String what, int expected, int current) {
        super(HttpStatus.CONFLICT, "stale-version", BundleText.both("problem.staleVersion.detail", what, expected, current));
        this.current = current;
    }

    public int current() {
        return current;
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("currentVersion", current);
    }
}
