package cn.gongfu.audit;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * What an edit records about a row on either side of the change: its version and its fields in order, as a JSON
 * object ({@code {"version":"3","title":"…"}}). The audit log keeps the whole state before and after; the edit pages
 * compare the two field by field and show only what changed, in words ({@link HistoryLine}). Field names are the
 * forms' (title, leadUnits…): each has a label in the bundle under {@code history.field.<name>}.
 */
public final class AuditFields {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<LinkedHashMap<String, String>> FIELDS = new TypeReference<>() {};

    /** The field every versioned row carries; shown as the version the change made, not as a change of its own. */
    public static final String VERSION = "version";

    private final Map<String, String> values = new LinkedHashMap<>();

    private AuditFields() {}

    /** A row at this version. */
    public static AuditFields at(int version) {
        AuditFields f = new AuditFields();
        f.values.put(VERSION, String.valueOf(version));
        return f;
    }

    /**
     * The field's value as text: numbers without trailing zeros, null where empty. Lists come joined as their module
     * writes them (a plan's unit names by 、, {@code plan.TaskInput.LIST_SEPARATOR}).
     */
    public AuditFields with(String field, Object value) {
        values.put(field, text(value));
        return this;
    }

    public String json() {
        return JSON.writeValueAsString(values);
    }

    @Override
    public String toString() {
        return json();
    }

    /** The fields of a recorded value, if it was recorded by this class; events of before (plain text) are not. */
    static Optional<Map<String, String>> read(String recorded) {
        if (recorded == null || !recorded.startsWith("{")) return Optional.empty();
        try {
            return Optional.of(Collections.unmodifiableMap(JSON.readValue(recorded, FIELDS)));
        } catch (JacksonException e) {
            return Optional.empty();
        }
    }

    private static String text(Object value) {
        if (value == null) return null;
        if (value instanceof BigDecimal d) return d.stripTrailingZeros().toPlainString();
        String s = value.toString();
        return s.isBlank() ? null : s;
    }
}
