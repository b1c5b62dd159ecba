package cn.gongfu.reporting;

import cn.gongfu.kernel.ProblemException;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** Reported data that breaks rules; every error names where (field, or sheet/row/column) and why. Nothing was stored. */
public class ValidationException extends ProblemException {

    /** Where and what: {@code location} is a field name, or "sheet 任务进展, row 5, column 进展状态". */
    public record Error(String location, String message) {}

    private final List<Error> errors;

    public ValidationException(List<Error> errors) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-report", errors.size() + " error(s): " + errors.stream().map(e -> e.location() + ": " + e.message()).toList());
        this.errors = List.copyOf(errors);
    }

    public List<Error> errors() {
        return errors;
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("errors", errors);
    }
}
