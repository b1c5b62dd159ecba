package cn.gongfu.kernel;

import java.util.ArrayList;
import java.util.List;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.MethodParameter;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.annotation.HandlerMethodValidationException;

/**
 * Bean Validation's findings as (field, message) pairs, for the API's problem details and the pages' forms
 * alike. A value that did not even convert (text for a number) says so instead of Spring's internal message.
 */
public final class FieldErrors {

    /** One broken rule: the field as the client named it, and a bilingual message. */
    public record Error(String field, String message) {}

    private FieldErrors() {}

    public static List<Error> of(BindingResult result) {
        List<Error> errors = new ArrayList<>();
        result.getFieldErrors().forEach(e -> errors.add(of(e)));
        result.getGlobalErrors().forEach(e -> errors.add(new Error(e.getObjectName(), e.getDefaultMessage())));
        return errors;
    }

    public static List<Error> of(HandlerMethodValidationException e) {
        List<Error> errors = new ArrayList<>();
        for (var result : e.getParameterValidationResults()) {
            if (result instanceof ParameterErrors bound) {
                bound.getFieldErrors().forEach(f -> errors.add(of(f)));
                continue;
            }
            String name = parameterName(result.getMethodParameter());
            for (MessageSourceResolvable r : result.getResolvableErrors()) errors.add(new Error(name, r.getDefaultMessage()));
        }
        return errors;
    }

    /** A value that did not even convert (text for a number) says so, instead of Spring's internal message. */
    private static Error of(FieldError e) {
        return new Error(e.getField(), e.isBindingFailure() ? BundleText.both("rules.notAValue") : e.getDefaultMessage());
    }

    /** The name the client used: {@code @RequestParam("x")} or {@code @PathVariable("x")}, else the Java name. */
    private static String parameterName(MethodParameter p) {
        var param = p.getParameterAnnotation(RequestParam.class);
        if (param != null && !param.name().isEmpty()) return param.name();
        var path = p.getParameterAnnotation(PathVariable.class);
        if (path != null && !path.name().isEmpty()) return path.name();
        return p.getParameterName();
    }
}
