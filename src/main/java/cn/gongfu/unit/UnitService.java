package cn.gongfu.unit;

import cn.gongfu.audit.AuditLog;
import cn.gongfu.kernel.BundleText;
import cn.gongfu.kernel.InvalidParameterException;
import cn.gongfu.kernel.Role;
import cn.gongfu.kernel.NotFoundException;
import cn.gongfu.kernel.PageRequest;
import cn.gongfu.kernel.PageResult;
import cn.gongfu.kernel.Pager;
import cn.gongfu.kernel.Scope;
import cn.gongfu.kernel.Where;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class UnitService {

    private final JdbcClient jdbc;
    private final Pager pager;
    private final ApplicationEventPublisher events;
    private final AuditLog audit;

    public UnitService(JdbcClient jdbc, Pager pager, ApplicationEventPublisher events, AuditLog audit) {
        this.jdbc = jdbc;
        this.pager = pager;
        this.events = events;
        this.audit = audit;
    }

    /** Units whose name or any alias contains {@code text}. */
    public PageResult<Unit> list(String regionCode, String kind, String text, PageRequest page) {
        if (kind != null && !kind.isBlank() && !Unit.KINDS.contains(kind)) {
            throw new InvalidParameterException("kind", "must be one of " + Unit.KINDS);
        }
        Where where = new Where()
                .and("u.region_code = :region", "region", regionCode)
                .and("u.kind = :kind", "kind", kind)
                .and("u.merged_into is null");
        where.and("(lower(u.name) like :text or exists (select 1 from unit_alias a"
                + " where a.unit_id = u.id and lower(a.alias) like :text))", "text", Where.likePattern(text));
        Scope.current().restrictRegion(where, "u.region_code");
        PageResult<Unit> rows = pager.page("u.id, u.name, u.kind, u.region_code", "from unit u", where,
                "u.region_code, u.kind, u.name, u.id", page,
                (rs, i) -> new Unit(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), List.of()));
        Map<Long, List<String>> aliases = aliasesOf(rows.items().stream().map(Unit::id).toList());
        return rows.map(u -> withAliases(u, aliases));
    }

    /** Every unit of these regions within the caller's scope, by name, for a selector: no page cap, no aliases. */
    public List<Unit> choices(Collection<String> regionCodes) {
        if (regionCodes.isEmpty()) return List.of();
        Where where = new Where().and("u.region_code in (:regions)", "regions", List.copyOf(regionCodes)).and("u.merged_into is null");
        Scope.current().restrictRegion(where, "u.region_code");
        return jdbc.sql("select u.id, u.name, u.kind, u.region_code from unit u" + where.sql()
                        + " order by u.region_code, u.name, u.id")
                .params(where.params())
                .query((rs, i) -> new Unit(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), List.of()))
                .list();
    }

    /** The names of these units by id, for labelling rows that carry only ids (no scope check: names only). */
    public Map<Long, String> names(Collection<Long> ids) {
        Map<Long, String> names = new HashMap<>();
        if (ids.isEmpty()) return names;
        jdbc.sql("select id, name from unit where id in (:ids)").param("ids", List.copyOf(ids))
                .query(rs -> {
                    names.put(rs.getLong(1), rs.getString(2));
                });
        return names;
    }

    public Optional<Unit> find(long id) {
        return jdbc.sql("select id, name, kind, region_code from unit where id = :id").param("id", id)
                .query((rs, i) -> new Unit(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), List.of()))
                .optional()
                .map(u -> withAliases(u, aliasesOf(List.of(u.id()))));
    }

    /** The unit if it lies within the caller's scope. */
    public Unit get(long id) {
        Scope scope = Scope.current();
        return find(id).filter(u -> scope.coversRegion(u.regionCode()))
                .orElseThrow(() -> new NotFoundException("unit", id));
    }

    /**
     * Resolves names as written in a document to unit ids within a region: by canonical name first,
     * then by alias. Names that resolve to nothing are absent from the result.
     */
    public Map<String, Long> resolve(String regionCode, Collection<String> names) {
        if (names.isEmpty()) return Map.of();
        Map<String, Long> found = new HashMap<>();
        jdbc.sql("""
                select a.alias, a.unit_id from unit_alias a where a.region_code = :region and a.alias in (:names)
                union all
                select u.name, u.id from unit u where u.region_code = :region and u.name in (:names) and u.merged_into is null""")
                .param("region", regionCode).param("names", names)
                .query((rs, i) -> Map.entry(rs.getString(1), rs.getLong(2)))
                .list()
                // a canonical name wins over an alias that happens to spell the same
                .forEach(e -> found.merge(e.getKey(), e.getValue(), (alias, name) -> name));
        return found;
    }

    /**
     * Existing units for names written short (区卫健局 for 区卫生健康局): a name whose short form
     * ({@link UnitAbbreviations}) is that of exactly one unit of the region, by its name or an alias. Names with no
     * such unit, or with several, are absent: the office decides those.
     */
    public Map<String, Long> suggest(String regionCode, Collection<String> names) {
        if (names.isEmpty()) return Map.of();
        Map<String, java.util.Set<Long>> byShortForm = new HashMap<>();
        jdbc.sql("""
                select u.name, u.id from unit u where u.region_code = :region and u.merged_into is null
                union all
                select a.alias, a.unit_id from unit_alias a join unit u on u.id = a.unit_id
                where a.region_code = :region and u.merged_into is null""")
                .param("region", regionCode)
                .query(rs -> {
                    byShortForm.computeIfAbsent(UnitAbbreviations.shortForm(rs.getString(1)), k -> new java.util.HashSet<>()).add(rs.getLong(2));
                });
        Map<String, Long> found = new HashMap<>();
        for (String name : names) {
            java.util.Set<Long> ids = byShortForm.get(UnitAbbreviations.shortForm(name));
            if (ids != null && ids.size() == 1) found.put(name, ids.iterator().next());
        }
        return found;
    }

    /**
     * Merges one unit into another of the same region: the survivor takes the merged unit's name and aliases as its
     * aliases (documents that name it still resolve), its tasks, indicators, users and open items move through the
     * owning modules ({@link UnitsMerged}, in this transaction), and the merged unit stays, marked as merged into the
     * survivor, so that what happened under its name (accepted reports, rankings, the audit log) keeps its history.
     */
    @Transactional
    public void merge(long survivorId, long mergedId) {
        Scope scope = Scope.current();
        scope.require(Role.OFFICE, Role.ADMIN);
        Unit survivor = get(survivorId);
        Unit merged = get(mergedId);
        if (survivorId == mergedId) throw new InvalidParameterException("merged", BundleText.both("unit.merge.same"));
        if (!survivor.regionCode().equals(merged.regionCode())) {
            throw new InvalidParameterException("merged", BundleText.both("unit.merge.otherRegion", merged.name(), survivor.name()));
        }
        if (mergedInto(survivorId) != null || mergedInto(mergedId) != null) {
            throw new InvalidParameterException("merged", BundleText.both("unit.merge.already"));
        }
        jdbc.sql("update unit_alias set unit_id = :s where unit_id = :m").param("s", survivorId).param("m", mergedId).update();
        boolean nameIsAlias = jdbc.sql("select count(*) from unit_alias where region_code = :r and alias = :a")
                .param("r", merged.regionCode()).param("a", merged.name()).query(Integer.class).single() > 0;
        if (!nameIsAlias) addAlias(merged.regionCode(), merged.name(), survivorId);
        jdbc.sql("update unit set merged_into = :s where id = :m").param("s", survivorId).param("m", mergedId).update();
        events.publishEvent(new UnitsMerged(merged.regionCode(), survivorId, mergedId));
        String what = merged.name() + " (unit " + mergedId + ", aliases " + merged.aliases() + ") into " + survivor.name() + " (unit " + survivorId + ")";
        audit.record("unit.merge", "unit:" + survivorId, null, what);
        audit.record("unit.merge", "unit:" + mergedId, null, what);
    }

    private Long mergedInto(long unitId) {
        return jdbc.sql("select merged_into from unit where id = :id").param("id", unitId).query(Long.class).optional().orElse(null);
    }

    @Transactional
    public long create(String regionCode, String name, String kind, List<String> aliases) {
        if (!Unit.KINDS.contains(kind)) throw new InvalidParameterException("kind", "must be one of " + Unit.KINDS);
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into unit (name, kind, region_code) values (:name, :kind, :region)")
                .param("name", name).param("kind", kind).param("region", regionCode)
                .update(key, "id");
        long id = key.getKey().longValue();
        aliases.forEach(alias -> addAlias(regionCode, alias, id));
        return id;
    }

    /** Teaches the region another name for a unit, as the office confirmed it while importing a document. */
    public void addAlias(String regionCode, String alias, long unitId) {
        jdbc.sql("insert into unit_alias (region_code, alias, unit_id) values (:region, :alias, :id)")
                .param("region", regionCode).param("alias", alias).param("id", unitId).update();
    }

    private Map<Long, List<String>> aliasesOf(List<Long> unitIds) {
        if (unitIds.isEmpty()) return Map.of();
        return jdbc.sql("select unit_id, alias from unit_alias where unit_id in (:ids) order by alias")
                .param("ids", unitIds)
                .query((rs, i) -> Map.entry(rs.getLong(1), rs.getString(2)))
                .list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey, LinkedHashMap::new,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
    }

    private static Unit withAliases(Unit u, Map<Long, List<String>> aliases) {
        return new Unit(u.id(), u.name(), u.kind(), u.regionCode(), aliases.getOrDefault(u.id(), List.of()));
    }
}
