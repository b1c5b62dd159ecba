package cn.gongfu.importing;

import cn.gongfu.ingest.ColumnRoles;
import java.util.Map;
import java.util.TreeMap;

/**
 * How an import keeps the office's column choices: one per line, {@code headerLine:column=ROLE}, sorted, so that the
 * stored text and the audit lines read the same for the same choices.
 */
final class ColumnChoices {

    private ColumnChoices() {
    }

    static ColumnRoles read(String stored) {
        if (stored == null || stored.isBlank()) {
            return ColumnRoles.NONE;
        }
        Map<String, String> byKey = new TreeMap<>();
        for (String line : stored.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                byKey.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
            }
        }
        return ColumnRoles.of(byKey);
    }

    /** The text to store; null for no choices. */
    static String write(Map<String, String> byKey) {
        if (byKey.isEmpty()) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        new TreeMap<>(byKey).forEach((k, v) -> out.append(k).append('=').append(v).append('\n'));
        return out.toString();
    }
}
