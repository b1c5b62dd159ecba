package cn.gongfu.web;

import cn.gongfu.kernel.BundleText;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Collection;
import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * What was wrong with a JSON body Jackson could not read, for a 400 that names the field: Jackson's path
 * ({@code percentDone}, {@code ids[2]}) where it has one, else the field the parser was in, else "body".
 */
final class JsonBodyError {

    private JsonBodyError() {}

    static String field(HttpMessageNotReadableException e) {
        if (!(e.getCause() instanceof JacksonException j)) return "body";
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference r : j.getPath()) {
            if (r.getPropertyName() != null) path.append(path.isEmpty() ? "" : ".").append(r.getPropertyName());
            else if (r.getIndex() >= 0) path.append('[').append(r.getIndex()).append(']');
        }
        if (!path.isEmpty()) return path.toString();
        if (j.processor() instanceof JsonParser parser) {
            var context = parser.streamReadContext();
            while (context != null) {
                if (context.currentName() != null) return context.currentName();
                context = context.getParent();
            }
        }
        return "body";
    }

    static String message(HttpMessageNotReadableException e) {
        Throwable cause = e.getCause();
        if (cause instanceof StorableTextJson.UnstorableText t) return t.getOriginalMessage();
        if (cause instanceof StreamConstraintsException || cause instanceof InputCoercionException) {
            return BundleText.both("json.error.outOfRange");
        }
        if (cause instanceof MismatchedInputException m && m.getTargetType() != null) {
            return BundleText.zh("json.error.expected", chinese(m.getTargetType())) + " "
                    + BundleText.en("json.error.expected", ApiProblems.describe(m.getTargetType()));
        }
        if (cause instanceof StreamReadException) return BundleText.joined("", "json.error.notJson");
        if (cause == null) return BundleText.both("json.error.missing");
        return BundleText.both("json.error.unreadable");
    }

    private static String chinese(Class<?> type) {
        if (type == Long.class || type == long.class || type == Integer.class || type == int.class) return BundleText.zh("json.type.integer");
        if (type == BigDecimal.class || type == Double.class || type == double.class) return BundleText.zh("json.type.number");
        if (type == Boolean.class || type == boolean.class) return BundleText.zh("json.type.boolean");
        if (type == String.class) return BundleText.zh("json.type.text");
        if (Collection.class.isAssignableFrom(type) || type.isArray()) return BundleText.zh("json.type.list");
        if (type.isEnum()) return BundleText.zh("json.type.oneOf", Arrays.toString(type.getEnumConstants()));
        return BundleText.zh("json.type.object");
    }
}
