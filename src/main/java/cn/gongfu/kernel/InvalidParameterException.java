package cn.gongfu.kernel;

import java.util.Map;
import org.springframework.http.HttpStatus;

/** A request parameter that parsed but makes no sense; rendered as a 400 problem naming the field. */
public class InvalidParameterException extends ProblemException {

    private final String field;

    public InvalidParameterException(String field, String message) {
        super(HttpStatus.BAD_REQUEST, "bad-parameter", field + ": " + message);
        this.field = field;
    }

    public String field() {
        return field;
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("field", field);
    }
}
