package cn.gongfu.kernel;

import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * A refusal the caller can act on. Every feature's refusal extends this, carrying its status, a problem type and the
 * properties that say where the problem is, so the API's one problem mapper ({@code web.ApiProblems}) renders any of
 * them as RFC 9457 problem details without knowing the feature: the kernel and the web shell depend on no feature.
 * The title comes from the message bundles under {@code problem.<type>}.
 */
public abstract class ProblemException extends RuntimeException {

    private final HttpStatus status;
    private final String type;

    protected ProblemException(HttpStatus status, String type, String message) {
        super(message);
        this.status = status;
        this.type = type;
    }

    public HttpStatus status() {
        return status;
    }

    /** The last segment of the problem's type URI, such as {@code invalid-report}; also its title's bundle key. */
    public String type() {
        return type;
    }

    /** Extra members of the problem details, in order: the field, the errors, the id of what is in the way. */
    public Map<String, Object> properties() {
        return Map.of();
    }
}
