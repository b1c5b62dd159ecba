package cn.gongfu.web;

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
            return "数值超出范围或位数过多 the number is out of range or has too many digits";
        }
        if (cause instanceof MismatchedInputException m && m.getTargetType() != null) {
            return "应为" + chinese(m.getTargetType()) + " expected " + ApiProblems.describe(m.getTargetType());
        }
        if (cause instanceof StreamReadException) return "不是有效的 JSON（UTF-8）the body is not valid JSON in UTF-8";
        if (cause == null) return "缺少请求体或无法读取 the request body is missing or unreadable";
        return "无法读取 could not be read";
    }

    private static String chinese(Class<?> type) {
        if (type == Long.class || type == long.class || type == Integer.class || type == int.class) return "整数";
        if (type == java.math.BigDecimal.class || type == Double.class || type == double.class) return "数值";
        if (type == Boolean.class || type == boolean.class) return " true 或 false";
        if (type == String.class) return "文本";
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) return "列表";
        if (type.isEnum()) return "以下之一 " + java.util.Arrays.toString(type.getEnumConstants());
        return "对象";
    }
}
