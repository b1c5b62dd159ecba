package cn.gongfu.evaluation.levels;

import cn.gongfu.audit.AuditLog;
import cn.gongfu.evaluation.EvaluationService;
import cn.gongfu.evaluation.EvaluationService.PlanSummary;
import cn.gongfu.evaluation.method.RollUp;
import cn.gongfu.evaluation.method.RollUp.Method;
import cn.gongfu.evaluation.method.Status;
import cn.gongfu.indicator.IndicatorRollUp;
import cn.gongfu.indicator.IndicatorRollUp.LatestValue;
import cn.gongfu.kernel.NotFoundException;
import cn.gongfu.kernel.PageRequest;
import cn.gongfu.kernel.Role;
import cn.gongfu.kernel.Scope;
import cn.gongfu.plan.Plan;
import cn.gongfu.plan.PlanService;
import cn.gongfu.region.Region;
import cn.gongfu.region.RegionService;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.time.Clock;
import java.time.Year;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A region and the regions directly below it, side by side (分级晾晒): each lower region's plan by its realization
 * degree, ranked; and every indicator the lower regions report, one column a region, with the total the indicator's
 * {@link RollUp} method allows, the higher region's own value beside it, and each region's rank for the indicator.
 * A county's towns report on the county's indicators; a city's counties on their own plans' indicators, matched by
 * name (and unit), or on the city's own, where their values flowed up ({@link IndicatorRollUp}).
 */
@Service
public class LevelsService {

    private final RegionService regions;
    private final PlanService plans;
    private final EvaluationService evaluation;
    private final IndicatorRollUp rollUp;
    private final RollUpRules rules;
    private final AuditLog audit;
    private final Clock clock;

    LevelsService(RegionService regions, PlanService plans, EvaluationService evaluation, IndicatorRollUp rollUp,
                  RollUpRules rules, AuditLog audit, Clock clock) {
        this.regions = regions;
        this.plans = plans;
        this.evaluation = evaluation;
        this.rollUp = rollUp;
        this.rules = rules;
        this.audit = audit;
        this.clock = clock;
    }

    /** A region below, in the race: its plan's degree (null: no published plan), and its mean rank over the indicators. */
    public record Lower(Region region, Plan plan, Double degree, Integer counted, Integer total, Long lagging, Integer rank,
                        Double meanRank, int ranked) {}

    /** A lower region's value of one indicator; {@code otherUnit}: reported in another unit, so neither totalled nor ranked. */
    public record Cell(Double value, String period, boolean copied, Integer rank, boolean otherUnit) {}

    public record Row(String indicator, String unit, String polarity, Method method, String weightIndicator, int ruleVersion,
                      boolean ruleSet, RollUp.Total total, Double ownValue, List<Cell> cells, int reporting) {}

    public record Comparison(Region region, List<Region> path, List<Region> lower, int year, List<Integer> years,
                             List<Lower> race, List<Row> rows) {}

    // not a read-only transaction: a lower plan's standing found due by this read is stored by it (EvaluationService)
    public Comparison compare(String regionCode, Integer year) {
        Scope.current().requireRegion(regionCode, "region", regionCode);
        Region region = regions.find(regionCode).orElseThrow(() -> new NotFoundException("region", regionCode));
        List<Region> lower = regions.all().stream().filter(r -> regionCode.equals(r.parentCode())).toList();
        List<String> lowerCodes = lower.stream().map(Region::code).toList();
        List<Integer> years = rollUp.yearsWithValues(lowerCodes);
        int thisYear = Year.now(clock).getValue();
        int shown = year != null ? year
                : years.stream().filter(y -> y <= thisYear).findFirst().orElse(years.isEmpty() ? thisYear : years.get(0));

        List<String> owners = new ArrayList<>(lowerCodes);
        owners.add(regionCode);
        Map<String, Map<String, LatestValue>> byName = new LinkedHashMap<>();
        for (LatestValue v : rollUp.latestByName(lowerCodes, owners, shown)) {
            byName.computeIfAbsent(v.indicatorName(), k -> new HashMap<>()).put(v.regionCode(), v);
        }
        Map<String, LatestValue> own = new HashMap<>();
        for (LatestValue v : rollUp.latestByName(List.of(regionCode), List.of(regionCode), shown)) own.put(v.indicatorName(), v);
        Map<String, RollUpRules.Rule> set = rules.of(regionCode);

        List<Row> rows = new ArrayList<>();
        for (var e : byName.entrySet()) {
            rows.add(row(e.getKey(), e.getValue(), lower, byName, own.get(e.getKey()), set.get(e.getKey())));
        }
        rows.sort(Comparator.comparingInt(Row::reporting).reversed().thenComparing(Row::indicator));
        return new Comparison(region, regions.pathTo(regionCode), lower, shown, years, race(lower, rows), rows);
    }

    private Row row(String name, Map<String, LatestValue> values, List<Region> lower, Map<String, Map<String, LatestValue>> byName,
                    LatestValue own, RollUpRules.Rule rule) {
        // the unit most regions report in is the row's; a region in another unit is shown but not added or ranked
        Map<String, Integer> unitCounts = new HashMap<>();
        values.values().forEach(v -> unitCounts.merge(unit(v), 1, Integer::sum));
        String unit = unitCounts.entrySet().stream().max(Map.Entry.<String, Integer>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder()))).map(Map.Entry::getKey).orElse("");
        String polarity = values.values().iterator().next().polarity();
        Method method = rule != null ? rule.method() : RollUp.infer(name, unit);
        String weightName = method != Method.WEIGHTED ? null
                : rule != null && rule.weightIndicator() != null ? rule.weightIndicator() : RollUp.DEFAULT_WEIGHT;
        Map<String, LatestValue> weights = weightName == null ? Map.of() : byName.getOrDefault(weightName, Map.of());

        List<RollUp.Part> parts = new ArrayList<>();
        List<Double> comparable = new ArrayList<>();
        for (Region r : lower) {
            LatestValue v = values.get(r.code());
            Double value = v == null || !unit(v).equals(unit) ? null : v.value().doubleValue();
            LatestValue w = weights.get(r.code());
            parts.add(new RollUp.Part(value, w == null ? null : w.value().doubleValue()));
            comparable.add(value);
        }
        Integer[] ranks = RollUp.ranks(comparable, polarity);
        List<Cell> cells = new ArrayList<>();
        for (int i = 0; i < lower.size(); i++) {
            LatestValue v = values.get(lower.get(i).code());
            cells.add(v == null ? null : new Cell(v.value().doubleValue(), v.period(), v.copied(), ranks[i], !unit(v).equals(unit)));
        }
        Double ownValue = own == null || !unit(own).equals(unit) ? null : own.value().doubleValue();
        return new Row(name, unit, polarity, method, weightName, rule == null ? 0 : rule.version(), rule != null,
                RollUp.total(method, parts), ownValue, cells, values.size());
    }

    private static String unit(LatestValue v) {
        return v.unit() == null ? "" : v.unit().trim();
    }

    /** The race: by the plan's realization degree where the regions have plans, then by the mean rank over the indicators. */
    private List<Lower> race(List<Region> lower, List<Row> rows) {
        List<Lower> race = new ArrayList<>();
        for (int i = 0; i < lower.size(); i++) {
            Region r = lower.get(i);
            double rankSum = 0;
            int ranked = 0;
            for (Row row : rows) {
                Cell c = row.cells().get(i);
                if (c != null && c.rank() != null) {
                    rankSum += c.rank();
                    ranked++;
                }
            }
            Double meanRank = ranked == 0 ? null : Math.round(rankSum / ranked * 100) / 100.0;
            List<Plan> published = plans.list(r.code(), "published", null, new PageRequest(0, 100)).items();
            if (published.isEmpty()) {
                race.add(new Lower(r, null, null, null, null, null, null, meanRank, ranked));
                continue;
            }
            PlanSummary s = evaluation.summary(PlanService.openedByDefault(published).id());
            Double degree = s.realization() == null ? null : Math.round(s.realization().overall() * 10000) / 10000.0;
            long lagging = s.distribution().getOrDefault(Status.LAGGING, 0L) + s.distribution().getOrDefault(Status.SERIOUSLY_LAGGING, 0L);
            race.add(new Lower(r, s.plan(), degree, s.coverage().counted(), s.coverage().total(), lagging, null, meanRank, ranked));
        }
        // competition ranks by the plans' degrees (higher first) where the regions below have plans (counties); where
        // none has (towns, which report on their county's plan), by the mean rank over the indicators (lower first)
        boolean plans = race.stream().anyMatch(l -> l.degree() != null);
        Integer[] ranks = plans ? RollUp.ranks(race.stream().map(Lower::degree).toList(), "higher")
                : RollUp.ranks(race.stream().map(Lower::meanRank).toList(), "lower");
        List<Lower> ranked = new ArrayList<>();
        for (int i = 0; i < race.size(); i++) {
            Lower l = race.get(i);
            ranked.add(new Lower(l.region(), l.plan(), l.degree(), l.counted(), l.total(), l.lagging(), ranks[i], l.meanRank(), l.ranked()));
        }
        ranked.sort(Comparator.comparing(Lower::rank, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(Lower::meanRank, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(l -> l.region().code()));
        return ranked;
    }

    /**
     * The office copies every accepted value of the regions below up to its own indicators of the same name and
     * unit (what each acceptance does for its own report, done for all: after a feed, or for values accepted before
     * the higher plan was published).
     */
    @Transactional
    public IndicatorRollUp.Result pull(String regionCode) {
        Scope scope = Scope.current();
        scope.require(Role.OFFICE, Role.ADMIN);
        scope.requireRegion(regionCode, "region", regionCode);
        regions.find(regionCode).orElseThrow(() -> new NotFoundException("region", regionCode));
        List<String> lower = regions.all().stream().filter(r -> regionCode.equals(r.parentCode())).map(Region::code).toList();
        IndicatorRollUp.Result result = rollUp.sync(regionCode, lower, null);
        audit.record("levels.rollUp", "region:" + regionCode, null, counts(result));
        return result;
    }

    static String counts(IndicatorRollUp.Result r) {
        return "copied=" + r.copied() + " updated=" + r.updated() + " withdrawn=" + r.withdrawn() + " keptOwn=" + r.keptOwn();
    }
}
