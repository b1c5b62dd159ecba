package cn.gongfu.kernel;

import java.util.List;

/**
 * An input record that breaks the rules declared on it: every broken rule, each naming its field. It is an
 * {@link InvalidParameterException} for the first of them, so every form that already shows those shows these.
 */
public class InvalidInputException extends InvalidParameterException {

    private final List<FieldErrors.Error> errors;

    public InvalidInputException(List<FieldErrors.Error> errors) {
        super(errors.get(0).field(), errors.get(0).message());
        this.errors = List.copyOf(errors);
    }

    public List<FieldErrors.Error> errors() {
        return errors;
    }
}
