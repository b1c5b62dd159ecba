package cn.gongfu.kernel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The where-clause of a list query built from optional filters: a filter whose value is absent adds
 * nothing. Values are always bound as named parameters, never concatenated into the SQL.
 */
public final class Where {

    private final List<String> clauses = new ArrayList<>();
    private final Map<String, Object> params = new HashMap<>();

    /** Adds a clause that always applies. */
    public Where and(String clause) {
        clauses.add(clause);
        return this;
    }

    /** Adds {@code clause} (which refers to {@code :name}) when {@code value} is present. */
    public Where and(String clause, String name, Object value) {
        if (value != null && !(value instanceof String s && s.isBlank())) {
            clauses.add(clause);
            params.put(name, value);
        }
        return this;
    }

    /** Adds a case-insensitive substring match on any of {@code columns} when {@code text} is present. */
    public Where containing(String name, String text, String... columns) {
        List<String> ors = new ArrayList<>();
        for (String column : columns) ors.add("lower(" + column + ") like :" + name);
        return and("(" + String.join(" or ", ors) + ")", name, likePattern(text));
    }

    /** The LIKE pattern matching values that contain {@code text} (compare with a lower-cased column); null when there is no text. */
    public static String likePattern(String text) {
        if (text == null || text.isBlank()) return null;
        return "%" + escapeLike(text.strip().toLowerCase()) + "%";
    }

    /** The LIKE pattern matching values that start with {@code text} as written; null when there is no text. */
    public static String prefixPattern(String text) {
        if (text == null || text.isBlank()) return null;
        return escapeLike(text.strip()) + "%";
    }

    public String sql() {
        return clauses.isEmpty() ? "" : " where " + String.join(" and ", clauses);
    }

    public Map<String, Object> params() {
        return params;
    }

    /** Makes {@code %}, {@code _} and the escape character itself match literally (backslash is the default LIKE escape on H2 and PostgreSQL). */
    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
