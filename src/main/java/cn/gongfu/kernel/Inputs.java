package cn.gongfu.kernel;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Checks an input record against the rules declared on it, where a page builds the record from its form
 * (the API gets the same check from {@code @Valid} on its request bodies): one declaration, both doors.
 */
@Component
public class Inputs {

    private final Validator validator;

    public Inputs(Validator validator) {
        this.validator = validator;
    }

    /** The input itself when it keeps every rule; else an {@link InvalidInputException} naming each field. */
    public <T> T check(T input) {
        var violations = validator.validate(input);
        if (violations.isEmpty()) return input;
        throw new InvalidInputException(violations.stream()
                .sorted(Comparator.comparing((ConstraintViolation<T> v) -> v.getPropertyPath().toString()))
                .map(v -> new FieldErrors.Error(v.getPropertyPath().toString(), v.getMessage())).toList());
    }

    /** A list body ({@code [3, 5]}) with no null in it: {@code [null]} names the position instead of failing below. */
    public static <T> List<T> withoutNulls(String field, List<T> list) {
        for (int k = 0; k < list.size(); k++) {
            if (list.get(k) == null) throw new InvalidParameterException(field + "[" + k + "]", Rules.REQUIRED);
        }
        return list;
    }
}
