package cn.gongfu.reporting;

import cn.gongfu.kernel.ProblemException;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** Reported data that breaks rules; every error names where (field, or sheet/row/column) and why. Nothing was stored. */
public class ValidationException extends ProblemException {

    /**
     * Where and what: {@code location} is a field name, or "工作表 任务进展，第5行，进展状态列". An error in an uploaded
     * workbook also names its place apart, for the page that lists them: {@code sheet}, {@code row} (as Excel numbers
     * it), {@code cell} ("D5") and {@code field} (the column's header); these are absent for a field of a form.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Error(String location, String message, String sheet, Integer row, String cell, String field) {

        public Error(String location, String message) {
            this(location, message, null, null, null, null);
        }
    }

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
