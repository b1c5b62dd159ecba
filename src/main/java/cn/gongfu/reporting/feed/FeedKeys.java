package cn.gongfu.reporting.feed;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Resolves a feed's indicators (an id, or a name within the row's region) and regions while the rows stream by,
 * within the caller's scope: an indicator or region outside it resolves as unknown, as the feed's one message for
 * both has it, so nothing leaks. Resolving here rather than in SQL stages each row with its indicator's id, so the
 * checks, the history and the merge read the staged rows without joining the indicator table by id and by name
 * again (issue 15, "Feeds").
 *
 * <p>The indicators are loaded a region at a time, when a row first names one of that region's indicators (by name,
 * or by the id of one of them): a feed usually names a few regions' indicators, so a few queries load what it needs
 * and memory holds only those. A feed naming very many regions or unknown ids would make one query each; after
 * {@value #MAX_QUERIES} of them everything in scope is loaded at once, so no feed costs more than that many queries.
 */
final class FeedKeys {

    static final int MAX_QUERIES = 1000;

    private final JdbcTemplate jdbc;
    /** The caller's regions; null for every region. */
    private final Set<String> scope;
    /** Called before each query, so that the staging can pause a COPY that holds the connection. */
    private Runnable beforeQuery = () -> { };

    /** Known ids in scope, to themselves; a looked-up id outside scope or unknown, to null. */
    private final Map<Long, Long> ids = new HashMap<>();
    /** The regions whose indicators are loaded: name to id (empty for a region outside scope). */
    private final Map<String, Map<String, Long>> names = new HashMap<>();
    private final Map<String, Boolean> regions = new HashMap<>();
    private int queries;
    private boolean everything;

    FeedKeys(JdbcTemplate jdbc, Set<String> scope) {
        this.jdbc = jdbc;
        this.scope = scope;
    }

    void beforeQuery(Runnable hook) {
        this.beforeQuery = hook;
    }

    /** The indicator's id, or null when there is none by that id or name, or it lies outside the caller's scope. */
    Long indicator(Long ref, String name, String region) {
        if (ref != null) return byId(ref);
        if (name == null || region == null) return null;
        return region(region, true).get(name);
    }

    /** Whether the region exists and lies in the caller's scope. */
    boolean knownRegion(String code) {
        if (code == null) return false;
        Boolean known = regions.get(code);
        if (known != null) return known;
        if (!inScope(code) || everything) known = false;
        else {
            query();
            if (everything) return knownRegion(code);
            known = !jdbc.queryForList("select code from region where code = ?", String.class, code).isEmpty();
        }
        regions.put(code, known);
        return known;
    }

    int queries() {
        return queries;
    }

    private Long byId(long ref) {
        if (ids.containsKey(ref) || everything) return ids.get(ref);
        query();
        if (everything) return ids.get(ref);
        List<String> owner = jdbc.queryForList("select region_code from indicator where id = ?", String.class, ref);
        if (!owner.isEmpty()) region(owner.get(0), false);
        if (!ids.containsKey(ref)) ids.put(ref, null);      // unknown, or its region outside scope
        return ids.get(ref);
    }

    private Map<String, Long> region(String code, boolean countQuery) {
        Map<String, Long> byName = names.get(code);
        if (byName != null) return byName;
        if (everything || !inScope(code)) return names.computeIfAbsent(code, c -> new HashMap<>());
        if (countQuery) {
            query();
            if (everything) return names.computeIfAbsent(code, c -> new HashMap<>());
        }
        Map<String, Long> loaded = new HashMap<>();
        jdbc.query("select id, name from indicator where region_code = ?", rs -> {
            long id = rs.getLong(1);
            loaded.put(rs.getString(2), id);
            ids.put(id, id);
        }, code);
        names.put(code, loaded);
        return loaded;
    }

    /** Counts a query about to be made; past the bound, loads every indicator and region in scope instead. */
    private void query() {
        beforeQuery.run();
        if (++queries <= MAX_QUERIES) return;
        everything = true;
        names.clear();
        jdbc.query("select id, region_code, name from indicator", rs -> {
            String code = rs.getString(2);
            if (!inScope(code)) return;
            long id = rs.getLong(1);
            names.computeIfAbsent(code, c -> new HashMap<>()).put(rs.getString(3), id);
            ids.put(id, id);
        });
        Set<String> known = new HashSet<>();
        jdbc.query("select code from region", rs -> {
            if (inScope(rs.getString(1))) known.add(rs.getString(1));
        });
        regions.replaceAll((c, k) -> known.contains(c));
        for (String c : known) regions.putIfAbsent(c, true);
    }

    private boolean inScope(String region) {
        return scope == null || scope.contains(region);
    }
}
