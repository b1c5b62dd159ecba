package cn.gongfu.ingest;

import cn.gongfu.ingest.TableColumn.Role;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the office says a table column holds where the header words misled the reader ("目标" that is the work itself,
 * a 情况 column that is progress). A choice names a column by its table's header line and its place in the header
 * ({@link #key}); the document's bytes never change, so the same header line names the same table on every re-read.
 * Choices replace the reader's own roles after the header was recognised: they change how cells are read and what
 * they become, never whether a table is found.
 */
public final class ColumnRoles {

    public static final ColumnRoles NONE = new ColumnRoles(Map.of());

    /** The meanings an office may give a column: every role but the two the reader derives itself (UNITS, ENGLISH). */
    public static final List<String> CHOICES = Arrays.stream(Role.values())
            .filter(r -> r != Role.UNITS && r != Role.ENGLISH).map(Role::name).toList();

    private static final Pattern YEAR = Pattern.compile("(?:19|20)\\d{2}");

    private final Map<String, String> byKey;

    private ColumnRoles(Map<String, String> byKey) {
        this.byKey = byKey;
    }

    /** The choices as stored: key ({@link #key}) → role name; unknown role names are the caller's to refuse. */
    public static ColumnRoles of(Map<String, String> byKey) {
        return byKey == null || byKey.isEmpty() ? NONE : new ColumnRoles(Map.copyOf(byKey));
    }

    public static String key(int headerLine, int column) {
        return headerLine + ":" + column;
    }

    public static boolean isChoice(String role) {
        return CHOICES.contains(role);
    }

    /** A year column needs a year in its header (2025年目标 → 2025): without one it cannot say which year it holds. */
    public static boolean fits(String role, String header) {
        return !Role.YEAR.name().equals(role) || YEAR.matcher(header).find();
    }

    public Map<String, String> asMap() {
        return new LinkedHashMap<>(byKey);
    }

    public boolean isEmpty() {
        return byKey.isEmpty();
    }

    /** The columns of the table whose header is on headerLine, with the office's choices in place of the reader's. */
    List<TableColumn> apply(int headerLine, List<TableColumn> columns) {
        if (byKey.isEmpty()) {
            return columns;
        }
        List<TableColumn> out = new ArrayList<>(columns);
        for (int i = 0; i < out.size(); i++) {
            String chosen = byKey.get(key(headerLine, i));
            if (chosen == null || !isChoice(chosen) || !fits(chosen, out.get(i).header())) {
                continue;
            }
            TableColumn c = out.get(i);
            out.set(i, new TableColumn(c.header(), Role.valueOf(chosen), yearOf(chosen, c)));
        }
        return out;
    }

    private static int yearOf(String role, TableColumn c) {
        if (!Role.YEAR.name().equals(role)) {
            return 0;
        }
        Matcher m = YEAR.matcher(c.header());
        return m.find() ? Integer.parseInt(m.group()) : 0;
    }
}
