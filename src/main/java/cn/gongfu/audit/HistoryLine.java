package cn.gongfu.audit;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One line of an edit page's history: who changed what, when, and each changed field as its label and words, old →
 * new. A row added has only new values, one deleted only old ones. Events recorded before the fields were kept
 * ({@link AuditFields}) show their recorded text as it is ({@code before}, {@code after}).
 *
 * @param version the version the change made (null where the row has none or it was deleted)
 * @param changes what changed, in the row's field order; empty for events of before
 */
public record HistoryLine(LocalDateTime occurredAt, String actor, String action, String version, List<FieldChange> changes,
                          String before, String after) {

    /**
     * A field that changed: {@code field} names its label ({@code history.field.<field>}); where the value is a code
     * (a polarity, a comparator), {@code valueKey} is the prefix of its words in the bundle (polarity.higher).
     */
    public record FieldChange(String field, String before, String after, String valueKey) {

        public String labelKey() {
            return "history.field." + field;
        }

        public String beforeKey() {
            return valueKey == null || before == null ? null : valueKey + before;
        }

        public String afterKey() {
            return valueKey == null || after == null ? null : valueKey + after;
        }
    }

    /** Fields whose values are codes, with the bundle prefix of their words. */
    private static final Map<String, String> CODED = Map.of("polarity", "polarity.", "comparator", "comparator.");

    /** Whether the event was recorded with its fields (else it shows its text as recorded). */
    public boolean inWords() {
        return before == null && after == null;
    }

    public static HistoryLine of(AuditEvent e) {
        var before = AuditFields.read(e.beforeValue());
        var after = AuditFields.read(e.afterValue());
        boolean words = (before.isPresent() || e.beforeValue() == null) && (after.isPresent() || e.afterValue() == null)
                && (before.isPresent() || after.isPresent());
        if (!words) return new HistoryLine(e.occurredAt(), e.actor(), e.action(), null, List.of(), e.beforeValue(), e.afterValue());
        Map<String, String> old = before.orElse(Map.of());
        Map<String, String> now = after.orElse(Map.of());
        Set<String> fields = new LinkedHashSet<>(old.keySet());
        fields.addAll(now.keySet());
        fields.remove(AuditFields.VERSION);
        List<FieldChange> changes = new ArrayList<>();
        for (String f : fields) {
            String o = old.get(f);
            String n = now.get(f);
            if (!Objects.equals(o, n)) changes.add(new FieldChange(f, o, n, CODED.get(f)));
        }
        return new HistoryLine(e.occurredAt(), e.actor(), e.action(), now.get(AuditFields.VERSION), List.copyOf(changes), null, null);
    }

    public static List<HistoryLine> of(List<AuditEvent> events) {
        return events.stream().map(HistoryLine::of).toList();
    }
}
