package cn.gongfu.indicator;

import cn.gongfu.kernel.InvalidParameterException;
import cn.gongfu.kernel.NotFoundException;
import cn.gongfu.kernel.PageRequest;
import cn.gongfu.kernel.PageResult;
import cn.gongfu.kernel.Pager;
import cn.gongfu.kernel.Rows;
import cn.gongfu.kernel.Scope;
import cn.gongfu.kernel.PlanInputsChanged;
import cn.gongfu.kernel.Where;
import cn.gongfu.unit.UnitService;
import cn.gongfu.vocabulary.Polarity;
import cn.gongfu.vocabulary.TargetComparator;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class IndicatorService {

    /**
     * The base year of the indicator {@code i}: its earliest accepted annual value in its own region (one index range
     * scan of observation's unique key per indicator, inside the one query that lists them).
     */
    private static final String BASE_PERIOD = """
            select min(b.period) from observation b where b.indicator_id = i.id and b.region_code = i.region_code
                and b.state = 'approved' and length(b.period) = 4""";
    private static final String INDICATOR_COLUMNS = """
            i.id, i.code, i.name, i.unit, i.polarity, i.cumulative, i.domain, i.unit_id,
            i.data_source, i.region_code, i.weight,
            (%s) as baseline_year,
            (select o.value from observation o where o.indicator_id = i.id and o.region_code = i.region_code
                and o.period = (%s)) as baseline""".formatted(IndicatorService.BASE_PERIOD, IndicatorService.BASE_PERIOD);
    private static final String DEFINITION_COLUMNS = """
            i.id, i.code, i.name, i.unit, i.polarity, i.cumulative, i.domain, i.unit_id,
            i.data_source, i.region_code, i.weight, null as baseline_year, null as baseline""";
    private static final String INDICATOR_FROM = "from indicator i";
    private static final RowMapper<Indicator> INDICATOR = (rs, i) -> new Indicator(
            rs.getLong("id"), rs.getString("code"), rs.getString("name"), rs.getString("unit"),
            rs.getString("polarity"), rs.getBoolean("cumulative"), rs.getString("domain"),
            (Long) rs.getObject("unit_id", Long.class), null, rs.getString("data_source"),
            rs.getString("region_code"), rs.getBigDecimal("weight"),
            rs.getString("baseline_year") == null ? null : Integer.valueOf(rs.getString("baseline_year")), rs.getBigDecimal("baseline"));

    private static final String TARGET_COLUMNS = """
            t.id, t.indicator_id, i.name as indicator_name, i.unit as indicator_unit, t.region_code, t.year,
            t.comparator, t.value, t.min_value, t.max_value, t.unit, t.raw_text, t.plan_id, p.title as plan_title, t.task_id""";
    private static final String TARGET_FROM =
            "from target t join indicator i on i.id = t.indicator_id left join plan p on p.id = t.plan_id";
    private static final RowMapper<TargetView> TARGET = IndicatorService::target;

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final Pager pager;
    private final UnitService units;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    public IndicatorService(JdbcClient jdbc, JdbcTemplate batch, Pager pager, UnitService units, Clock clock,
                            ApplicationEventPublisher events) {
        this.events = events;
        this.units = units;
        this.clock = clock;
        this.jdbc = jdbc;
        this.batch = batch;
        this.pager = pager;
    }

    public PageResult<Indicator> list(Long planId, String regionCode, String domain, String text, PageRequest page) {
        return list(planId, regionCode, domain, null, text, page);
    }

    /** The list as {@link #list(Long, String, String, String, PageRequest)}, also by responsible unit (the list page's filter). */
    public PageResult<Indicator> list(Long planId, String regionCode, String domain, Long responsibleUnitId, String text, PageRequest page) {
        Where where = new Where()
                .and("exists (select 1 from target t where t.indicator_id = i.id and t.plan_id = :plan)", "plan", planId)
                .and("i.region_code = :region", "region", regionCode)
                .and("i.domain = :domain", "domain", domain)
                .and("i.unit_id = :unit", "unit", responsibleUnitId)
                .containing("text", text, "i.name", "i.domain");
        Scope.current().restrictRegion(where, "i.region_code");
        PageResult<Indicator> found = pager.page(INDICATOR_COLUMNS, INDICATOR_FROM, where, "i.domain, i.id", page, INDICATOR);
        return new PageResult<>(withUnitNames(found.items()), found.page(), found.size(), found.total());
    }

    /**
     * These indicators as definitions, for a computation over many: what they measure, their direction, domain, weight
     * and units, but without the baseline ({@code baselineYear} and {@code baseline} are null), which costs a read of
     * each one's values (the evaluation finds its own). Those outside the caller's scope are left out.
     */
    public List<Indicator> definitions(java.util.Collection<Long> ids) {
        if (ids.isEmpty()) return List.of();
        Where where = new Where().and("i.id in (:ids)", "ids", ids);
        Scope.current().restrictRegion(where, "i.region_code");
        return withUnitNames(jdbc.sql("select " + DEFINITION_COLUMNS + " " + INDICATOR_FROM + where.sql() + " order by i.domain, i.id")
                .params(where.params()).query(INDICATOR).list());
    }

    /** The indicator if it exists and lies within the caller's scope. */
    public Optional<Indicator> find(long id) {
        Scope scope = Scope.current();
        return jdbc.sql("select " + INDICATOR_COLUMNS + " " + INDICATOR_FROM + " where i.id = :id")
                .param("id", id).query(INDICATOR).optional().filter(i -> scope.coversRegion(i.regionCode()))
                .map(i -> withUnitNames(List.of(i)).get(0));
    }

    /** The responsible units' names, asked of the unit module once for the whole list (its table is its own). */
    private List<Indicator> withUnitNames(List<Indicator> indicators) {
        Set<Long> ids = indicators.stream().map(Indicator::responsibleUnitId).filter(Objects::nonNull).collect(Collectors.toSet());
        if (ids.isEmpty()) return indicators;
        Map<Long, String> names = units.names(ids);
        return indicators.stream().map(i -> i.responsibleUnitId() == null ? i : i.withResponsibleUnitName(names.get(i.responsibleUnitId()))).toList();
    }

    public Indicator get(long id) {
        return find(id).orElseThrow(() -> new NotFoundException("indicator", id));
    }

    /** Distinct domains (领域) in a region, in name order, for filters. */
    public List<String> domains(String regionCode) {
        Where where = new Where().and("domain is not null").and("region_code = :region", "region", regionCode);
        Scope.current().restrictRegion(where, "region_code");
        return jdbc.sql("select distinct domain from indicator" + where.sql() + " order by domain")
                .params(where.params()).query(String.class).list();
    }

    public PageResult<TargetView> targets(Long indicatorId, Long planId, String regionCode, Integer year,
                                          String comparator, PageRequest page) {
        if (comparator != null && !comparator.isBlank() && !TargetComparator.isCode(comparator)) {
            throw new InvalidParameterException("comparator", "must be one of " + TargetComparator.codes());
        }
        Where where = new Where()
                .and("t.indicator_id = :indicator", "indicator", indicatorId)
                .and("t.plan_id = :plan", "plan", planId)
                .and("t.region_code = :region", "region", regionCode)
                .and("t.year = :year", "year", year)
                .and("t.comparator = :comparator", "comparator", comparator);
        Scope.current().restrictRegion(where, "i.region_code");
        Scope.current().restrictRegion(where, "t.region_code");
        return pager.page(TARGET_COLUMNS, TARGET_FROM, where, "t.indicator_id, t.year, t.id", page, TARGET);
    }

    /** All targets of one indicator set for regions within the caller's scope, by year: what its chart draws. */
    public List<TargetView> targetsOf(long indicatorId) {
        get(indicatorId);
        Where where = Scope.current().restrictRegion(new Where().and("t.indicator_id = :id", "id", indicatorId), "t.region_code");
        return jdbc.sql("select " + TARGET_COLUMNS + " " + TARGET_FROM + where.sql() + " order by t.region_code, t.year, t.id")
                .params(where.params()).query(TARGET).list();
    }

    /** Every target a plan sets, those of its tasks and those of its indicator tables. The caller has checked the plan's scope. */
    public List<TargetView> targetsOfPlan(long planId) {
        return jdbc.sql("select " + TARGET_COLUMNS + " " + TARGET_FROM + " where t.plan_id = :id order by t.id")
                .param("id", planId).query(TARGET).list();
    }

    /** Ids of the region's indicators among these names. */
    public Map<String, Long> idsByName(String regionCode, Collection<String> names) {
        Map<String, Long> ids = new HashMap<>();
        if (names.isEmpty()) return ids;
        jdbc.sql("select name, id from indicator where region_code = :region and name in (:names)")
                .param("region", regionCode).param("names", names)
                .query((rs, i) -> Map.entry(rs.getString(1), rs.getLong(2)))
                .list().forEach(e -> ids.put(e.getKey(), e.getValue()));
        return ids;
    }

    /** An indicator a document's name matches, with the unit it is kept in (null when it has none). */
    public record NameMatch(long id, String unit) {}

    /** The region's indicators among these names, with their units: what an import's targets are checked against. */
    public Map<String, NameMatch> matchByName(String regionCode, Collection<String> names) {
        Map<String, NameMatch> matches = new HashMap<>();
        if (names.isEmpty()) return matches;
        jdbc.sql("select name, id, unit from indicator where region_code = :region and name in (:names)")
                .param("region", regionCode).param("names", names)
                .query(rs -> {
                    matches.put(rs.getString(1), new NameMatch(rs.getLong(2), rs.getString(3)));
                });
        return matches;
    }

    /** The caller has checked the task's scope. */
    /** Every target of these indicators, in any plan and region (whose standings a changed value moves). */
    public List<TargetView> targetsOfIndicators(java.util.Collection<Long> indicatorIds) {
        if (indicatorIds.isEmpty()) return List.of();
        return jdbc.sql("select " + TARGET_COLUMNS + " " + TARGET_FROM + " where t.indicator_id in (:ids) order by t.id")
                .param("ids", indicatorIds).query(TARGET).list();
    }

    public List<TargetView> targetsOfTask(long taskId) {
        return jdbc.sql("select " + TARGET_COLUMNS + " " + TARGET_FROM + " where t.task_id = :id order by t.id")
                .param("id", taskId).query(TARGET).list();
    }

    /** The indicator's values in the regions within the caller's scope: another region's values are not shown. */
    public List<Observation> observationsOf(long indicatorId) {
        get(indicatorId);
        Where where = Scope.current().restrictRegion(new Where().and("indicator_id = :id", "id", indicatorId), "region_code");
        return jdbc.sql("select id, indicator_id, region_code, period, value, state, reported_by, reported_at, comment, version"
                        + " from observation" + where.sql() + " order by region_code, period")
                .params(where.params()).query(Rows.of(Observation.class)).list();
    }

    /** What a new indicator is when a document first names it. */
    public record IndicatorSpec(String code, String name, String unit, String polarity, boolean cumulative,
                                String domain, Long responsibleUnitId, String dataSource) {}

    /**
     * Ids of the region's indicators with these names; those not yet known are created from their spec.
     * An existing indicator is matched by name and left as it is.
     */
    @Transactional
    public Map<String, Long> ensure(String regionCode, List<IndicatorSpec> specs) {
        Map<String, Long> ids = idsByName(regionCode, specs.stream().map(IndicatorSpec::name).distinct().toList());
        Set<String> seen = new HashSet<>(ids.keySet());
        List<IndicatorSpec> missing = new ArrayList<>();
        for (IndicatorSpec spec : specs) {
            if (seen.add(spec.name())) missing.add(spec);
        }
        for (IndicatorSpec s : missing) {
            if (!Polarity.isCode(s.polarity())) {
                throw new InvalidParameterException("polarity", "indicator " + s.name() + ": must be one of " + Polarity.codes());
            }
        }
        batch.batchUpdate("""
                insert into indicator (code, name, unit, polarity, cumulative, domain, unit_id, data_source, region_code)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""", missing, missing.size(), (ps, s) -> {
            ps.setString(1, s.code());
            ps.setString(2, s.name());
            ps.setString(3, s.unit());
            ps.setString(4, s.polarity());
            ps.setBoolean(5, s.cumulative());
            ps.setString(6, s.domain());
            ps.setObject(7, s.responsibleUnitId(), Types.BIGINT);
            ps.setString(8, s.dataSource());
            ps.setString(9, regionCode);
        });
        if (!missing.isEmpty()) ids.putAll(idsByName(regionCode, missing.stream().map(IndicatorSpec::name).toList()));
        return ids;
    }

    /** @param unit the target's own unit as the document writes it ("亿元"), null when it gives none */
    public record NewTarget(long indicatorId, String regionCode, int year, String comparator, BigDecimal value,
                            BigDecimal min, BigDecimal max, String unit, String rawText, Long planId, Long taskId) {}

    @Transactional
    public void addTargets(List<NewTarget> targets) {
        batch.batchUpdate("""
                insert into target (indicator_id, region_code, year, comparator, value, min_value, max_value,
                                    unit, raw_text, plan_id, task_id)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", targets, targets.size(), (ps, t) -> {
            ps.setLong(1, t.indicatorId());
            ps.setString(2, t.regionCode());
            ps.setInt(3, t.year());
            ps.setString(4, t.comparator());
            ps.setBigDecimal(5, t.value());
            ps.setBigDecimal(6, t.min());
            ps.setBigDecimal(7, t.max());
            ps.setString(8, t.unit());
            ps.setString(9, t.rawText());
            ps.setObject(10, t.planId(), Types.BIGINT);
            ps.setObject(11, t.taskId(), Types.BIGINT);
        });
        targets.stream().map(NewTarget::planId).filter(java.util.Objects::nonNull).distinct()
                .forEach(plan -> events.publishEvent(new PlanInputsChanged(plan)));
    }

    /** An accepted value of an indicator in a region, for comparing regions. */
    public record RegionalValue(String regionCode, String indicatorName, String unit, String period, double value) {}

    /**
     * The latest accepted value in each of the caller's regions of those of a plan's indicators that some region other
     * than the plan's own ({@code planRegion}) reports: the plan's indicators side by side across regions. By indicator
     * name and region.
     */
    public List<RegionalValue> acceptedValuesAcrossRegions(long planId, String planRegion) {
        // only the regions within the caller's scope, both for the values and for which indicators have any
        Scope scope = Scope.current();
        Where elsewhere = scope.restrictRegion(new Where().and("x.indicator_id = i.id").and("x.state = 'approved'")
                .and("x.region_code <> :r", "r", planRegion), "x.region_code");
        Where where = scope.restrictRegion(new Where().and("o.state = 'approved'").and("o.value is not null")
                .and("exists (select 1 from target t where t.indicator_id = i.id and t.plan_id = :p)", "p", planId)
                .and("exists (select 1 from observation x" + elsewhere.sql() + ")"), "o.region_code");
        where.params().putAll(elsewhere.params());
        // the latest value of each indicator in each region, chosen by the database: a page shows only those, and a
        // province's years of monthly values never travel to the application to be thrown away there (issue 15)
        return jdbc.sql("select region_code, name, unit, period, value from (select o.region_code, i.name, i.unit, o.period, o.value,"
                        + " row_number() over (partition by o.indicator_id, o.region_code order by o.period desc) as nth"
                        + " from observation o join indicator i on i.id = o.indicator_id" + where.sql() + ") v"
                        + " where nth = 1 order by name, region_code").params(where.params())
                .query((rs, i) -> new RegionalValue(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getDouble(5))).list();
    }

    public record NewObservation(long indicatorId, String regionCode, String period, BigDecimal value,
                                 String state, String reportedBy, String comment) {}

    @Transactional
    public void addObservations(List<NewObservation> observations) {
        batch.batchUpdate("""
                insert into observation (indicator_id, region_code, period, value, state, reported_by, reported_at, comment)
                values (?, ?, ?, ?, ?, ?, ?, ?)""", observations, observations.size(), (ps, o) -> {
            Timestamp now = Timestamp.valueOf(LocalDateTime.now(clock));
            ps.setLong(1, o.indicatorId());
            ps.setString(2, o.regionCode());
            ps.setString(3, o.period());
            ps.setBigDecimal(4, o.value());
            ps.setString(5, o.state());
            ps.setString(6, o.reportedBy());
            ps.setTimestamp(7, now);
            ps.setString(8, o.comment());
        });
    }

    /**
     * Adds the observations of which none exists yet for the same indicator, region and period (one per key, the
     * first given); an existing value, reported or imported before, is kept.
     */
    @Transactional
    public void addObservationsIfAbsent(List<NewObservation> observations) {
        Map<String, NewObservation> unique = new LinkedHashMap<>();
        for (NewObservation o : observations) {
            unique.putIfAbsent(o.indicatorId() + "|" + o.regionCode() + "|" + o.period(), o);
        }
        List<NewObservation> rows = List.copyOf(unique.values());
        batch.batchUpdate("""
                insert into observation (indicator_id, region_code, period, value, state, reported_by, reported_at, comment)
                select ?, ?, ?, ?, ?, ?, ?, ? where not exists
                    (select 1 from observation where indicator_id = ? and region_code = ? and period = ?)""",
                rows, rows.size(), (ps, o) -> {
                    ps.setLong(1, o.indicatorId());
                    ps.setString(2, o.regionCode());
                    ps.setString(3, o.period());
                    ps.setBigDecimal(4, o.value());
                    ps.setString(5, o.state());
                    ps.setString(6, o.reportedBy());
                    ps.setTimestamp(7, Timestamp.valueOf(LocalDateTime.now(clock)));
                    ps.setString(8, o.comment());
                    ps.setLong(9, o.indicatorId());
                    ps.setString(10, o.regionCode());
                    ps.setString(11, o.period());
                });
    }

    private static TargetView target(ResultSet rs, int row) throws SQLException {
        // by position, in TARGET_COLUMNS' order: a plan's evaluation maps ~1,500 targets per read, and a lookup by name
        // per column per row was a fifth of the public portal's time at county scale
        return new TargetView(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getInt(6),
                rs.getString(7), rs.getBigDecimal(8), rs.getBigDecimal(9), rs.getBigDecimal(10), rs.getString(11), rs.getString(12),
                rs.getObject(13, Long.class), rs.getString(14), rs.getObject(15, Long.class));
    }
}
