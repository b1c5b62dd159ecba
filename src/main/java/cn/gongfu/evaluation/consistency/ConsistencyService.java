package cn.gongfu.evaluation.consistency;

import static cn.gongfu.kernel.BundleText.zh;

import cn.gongfu.evaluation.method.Target;
import cn.gongfu.evaluation.method.TargetConsistency;
import cn.gongfu.evaluation.method.TargetConsistency.SourcedTarget;
import cn.gongfu.kernel.InvalidParameterException;
import cn.gongfu.kernel.Scope;
import cn.gongfu.region.RegionService;
import cn.gongfu.vocabulary.Polarity;
import cn.gongfu.vocabulary.TargetComparator;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Checks the targets a region's plans set against each other and against the plans of the regions above
 * it (a district against its city and province): same indicator name, same year, different targets; a
 * running total falling; a target worsening for its polarity. See {@link TargetConsistency}.
 *
 * <p>All targets come in one query. Plans replaced by a newer version are left out. Findings are kept
 * only when at least one side is the region's own target: the city's quarrels with itself are the city's.
 */
@Service
class ConsistencyService {

    private static final Logger log = LoggerFactory.getLogger(ConsistencyService.class);

    /** One side of a finding: where the target was set and what it says. {@code linked}: the caller may open the plan. */
    public record Source(String regionCode, String regionName, int year, String target, String rawText,
                         Long planId, String planTitle, Long taskId, String taskCode, String text, boolean linked) {}

    public record Finding(String kind, String indicator, Source first, Source second, String message) {}

    public record Report(String regionCode, String regionName, int indicatorsChecked, int targetsChecked,
                         List<Finding> findings) {}

    private record Row(String indicator, String polarity, boolean cumulative, int depth, String regionCode,
                       String regionName, int year, String comparator, BigDecimal value, BigDecimal min,
                       BigDecimal max, String rawText, Long planId, String planTitle, String planRegion,
                       Long taskId, String taskCode) {}

    private final JdbcClient jdbc;
    private final RegionService regions;

    public ConsistencyService(JdbcClient jdbc, RegionService regions) {
        this.jdbc = jdbc;
        this.regions = regions;
    }

    /** The findings for {@code regionCode} (the caller's own region when null), grouped by kind. */
    public Report findings(String regionCode) {
        Scope scope = Scope.current();
        String code = regionCode == null || regionCode.isBlank()
                ? (scope.user() == null ? null : scope.user().regionCode()) : regionCode.strip();
        if (code == null) throw new InvalidParameterException("region", "required: the region whose targets to check");
        var region = regions.find(code).filter(r -> scope.coversRegion(r.code()))
                .orElseThrow(() -> new InvalidParameterException("region", "unknown region or outside your scope: " + code));
        List<Row> rows = jdbc.sql("""
                with recursive up (code, depth) as (
                    select code, 0 from region where code = :region
                    union all
                    select r.parent_code, up.depth + 1 from region r join up on r.code = up.code
                    where r.parent_code is not null)
                select i.name, i.polarity, i.cumulative, up.depth, t.region_code, rg.name as region_name, t.year,
                       t.comparator, t.value, t.min_value, t.max_value, t.raw_text, p.id as plan_id, p.title,
                       p.region_code as plan_region, t.task_id, tk.code as task_code
                from target t
                join up on up.code = t.region_code
                join region rg on rg.code = t.region_code
                join indicator i on i.id = t.indicator_id
                left join plan p on p.id = t.plan_id
                left join task tk on tk.id = t.task_id
                where p.id is null or not exists (select 1 from plan newer where newer.previous_plan_id = p.id)
                order by i.name, up.depth, t.year, t.id""")
                .param("region", code)
                .query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getInt(4),
                        rs.getString(5), rs.getString(6), rs.getInt(7), rs.getString(8), rs.getBigDecimal(9),
                        rs.getBigDecimal(10), rs.getBigDecimal(11), rs.getString(12), (Long) rs.getObject(13, Long.class),
                        rs.getString(14), rs.getString(15), (Long) rs.getObject(16, Long.class), rs.getString(17)))
                .list();

        Map<String, List<Row>> byName = new LinkedHashMap<>();
        rows.forEach(r -> byName.computeIfAbsent(r.indicator(), k -> new ArrayList<>()).add(r));
        List<Finding> findings = new ArrayList<>();
        int indicators = 0, targets = 0;
        for (var e : byName.entrySet()) {
            List<Row> group = e.getValue();
            if (group.stream().noneMatch(r -> r.depth() == 0)) continue;   // the region itself sets no target for it
            indicators++;
            // polarity and running-total flag as the region's own indicator has them (rows are ordered by depth)
            Row own = group.get(0);
            Map<SourcedTarget, Row> origin = new IdentityHashMap<>();
            List<SourcedTarget> sourced = new ArrayList<>();
            for (Row r : group) {
                Target t = target(r);
                if (t == null) continue;
                SourcedTarget st = new SourcedTarget(t, sourceText(r));
                origin.put(st, r);
                sourced.add(st);
            }
            targets += sourced.size();
            for (var f : TargetConsistency.check(e.getKey(), Polarity.fromCode(own.polarity()), own.cumulative(), sourced)) {
                Row a = origin.get(f.first()), b = origin.get(f.second());
                if (a.depth() != 0 && b.depth() != 0) continue;
                findings.add(new Finding(f.kind().name().toLowerCase(Locale.ROOT), f.indicator(),
                        source(a, scope), source(b, scope), f.message()));
            }
        }
        findings.sort(Comparator.comparing(Finding::kind).thenComparing(Finding::indicator));
        return new Report(region.code(), region.name(), indicators, targets, findings);
    }

    private static Target target(Row r) {
        try {
            return new Target(TargetComparator.fromCode(r.comparator()), num(r.value()), num(r.min()), num(r.max()), r.year());
        } catch (IllegalArgumentException e) {
            log.warn("target of {} in {} ({}) skipped: {}", r.indicator(), r.regionCode(), r.year(), e.getMessage());
            return null;
        }
    }

    private static Double num(BigDecimal v) {
        return v == null ? null : v.doubleValue();
    }

    /** Plan title + year + raw text: what a reader needs to find the sentence in the document. */
    private static String sourceText(Row r) {
        return (r.planTitle() == null ? r.regionName() : r.planTitle()) + (r.taskCode() == null ? "" : " " + r.taskCode())
                + " · " + zh("consistency.source.year", r.year())
                + (r.rawText() == null || r.rawText().isBlank() ? "" : " · " + zh("consistency.source.quote", r.rawText()));
    }

    private static Source source(Row r, Scope scope) {
        return new Source(r.regionCode(), r.regionName(), r.year(), display(r), r.rawText(), r.planId(), r.planTitle(),
                r.taskId(), r.taskCode(), sourceText(r), r.planRegion() != null && scope.coversRegion(r.planRegion()));
    }

    private static String display(Row r) {
        String v = plain(r.value());
        return switch (r.comparator()) {
            case "ge" -> "≥ " + v;
            case "gt" -> "> " + v;
            case "le" -> "≤ " + v;
            case "lt" -> "< " + v;
            case "eq" -> v;
            case "range" -> plain(r.min()) + " – " + plain(r.max());
            case "assigned" -> zh("consistency.assigned") + (r.value() == null ? "" : " " + v);
            default -> r.rawText() == null ? v : r.rawText();
        };
    }

    private static String plain(BigDecimal v) {
        return v == null ? "" : v.stripTrailingZeros().toPlainString();
    }
}
