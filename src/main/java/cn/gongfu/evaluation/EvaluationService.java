package cn.gongfu.evaluation;

import cn.gongfu.evaluation.method.Assessment;
import cn.gongfu.evaluation.method.IndicatorAssessor;
import cn.gongfu.evaluation.method.IndicatorSeries;
import cn.gongfu.evaluation.method.Milestone;
import cn.gongfu.evaluation.method.Point;
import cn.gongfu.evaluation.method.RealizationDegree;
import cn.gongfu.evaluation.method.Status;
import cn.gongfu.evaluation.method.Target;
import cn.gongfu.evaluation.method.TaskAssessment;
import cn.gongfu.evaluation.method.TaskAssessor;
import cn.gongfu.evaluation.method.TaskProgress;
import cn.gongfu.evaluation.method.Thresholds;
import cn.gongfu.evaluation.method.Weights;
import cn.gongfu.indicator.Indicator;
import cn.gongfu.indicator.IndicatorService;
import cn.gongfu.indicator.TargetView;
import cn.gongfu.kernel.BundleText;
import cn.gongfu.kernel.NotFoundException;
import cn.gongfu.kernel.Scope;
import cn.gongfu.kernel.Where;
import cn.gongfu.plan.Plan;
import cn.gongfu.plan.PlanService;
import cn.gongfu.reporting.ReportCalendarService;
import cn.gongfu.vocabulary.Periods;
import cn.gongfu.vocabulary.Polarity;
import cn.gongfu.vocabulary.TargetComparator;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Evaluation of a plan in a region as of a month: each indicator's status against its target, the
 * realization degree per domain and overall with each indicator's contribution, and each task's status.
 * The indicators' assessments as of the plan's default month in its own region — what every dashboard opens
 * with — are stored ({@link Standings}) and kept current by the changes that move them ({@link StandingsUpkeep}):
 * an accepted report re-assesses its indicators in its own transaction, other changes mark the plan for a
 * recompute on its next read. Any other month or region, and the tasks, are derived on read (a handful of
 * set-based queries, then the pure methods of {@code evaluation.method}). A stored and a derived assessment are
 * the same computation over the same rows, so they agree exactly ({@code StandingsContract}).
 */
@Service
public class EvaluationService {

    private final JdbcClient jdbc;
    private final PlanService plans;
    private final IndicatorService indicators;
    private final ReportCalendarService calendars;
    private final IndicatorAssessor assessor;
    private final TaskAssessor taskAssessor;
    private final Standings standings;
    private final TransactionTemplate transaction;
    private final Clock clock;

    EvaluationService(JdbcClient jdbc, PlanService plans, IndicatorService indicators, ReportCalendarService calendars,
                      Thresholds thresholds, Standings standings, TransactionTemplate transaction, Clock clock) {
        this.clock = clock;
        this.standings = standings;
        this.transaction = transaction;
        this.jdbc = jdbc;
        this.plans = plans;
        this.indicators = indicators;
        this.calendars = calendars;
        this.assessor = new IndicatorAssessor(thresholds);
        this.taskAssessor = new TaskAssessor(thresholds);
    }

    /**
     * One indicator's evaluation: what it is, its yearly targets, its accepted values and the assessment. In a plan's
     * evaluation {@code values} is empty (the assessment holds the baseline and latest value; the series of every
     * indicator is not what a plan page shows): the indicator's own evaluation carries them.
     */
    public record IndicatorEvaluation(Indicator indicator, String regionCode, List<TargetView> targets, List<Point> values,
                                      Assessment assessment) {}

    /** A task's evaluation from its milestones and the latest accepted progress report. */
    public record TaskEvaluation(long taskId, String code, String title, List<Milestone> milestones, List<Span> spans,
                                 TaskAssessment assessment) {}

    /** A milestone's schedule as the plan gives it, from month to month, and when it was done. */
    public record Span(YearMonth from, YearMonth to, String text, LocalDate completedOn) {}

    /**
     * What the realization degree rests on: {@code counted} of the plan's {@code total} indicators have a value and
     * a target to score; the others (no value yet, or no quantified target) are left out, never scored 0.
     */
    public record Coverage(int counted, int total) {}

    public record PlanEvaluation(Plan plan, String regionCode, YearMonth asOf, List<IndicatorEvaluation> indicators,
                                 RealizationDegree.Result realization, Coverage coverage, Map<Status, Long> distribution,
                                 List<TaskEvaluation> tasks) {

        /** The indicators most in need of attention: regressing, then seriously lagging, then lagging, least progress first. */
        public List<IndicatorEvaluation> mostLagging(int n) {
            List<Status> bad = List.of(Status.REGRESSING, Status.SERIOUSLY_LAGGING, Status.LAGGING);
            return indicators.stream().filter(i -> bad.contains(i.assessment().status()))
                    .sorted(Comparator.comparing((IndicatorEvaluation i) -> bad.indexOf(i.assessment().status()))
                            .thenComparing(i -> i.assessment().progress() == null ? 0 : i.assessment().progress()))
                    .limit(n).toList();
        }
    }

    /**
     * Evaluates a plan in a region (the plan's own when null) as of a month (this month when null), as the
     * caller may see it: a region outside the caller's scope is 404, and the tasks are only those of the
     * caller's units (reporters and unit heads; {@link PlanService#restrictTasks}). Indicators, and the realization
     * degree made of them, are the plan's in its region for every role, as the indicator list shows them.
     */
    public PlanEvaluation evaluate(long planId, String regionCode, YearMonth asOf) {
        return evaluate(planId, regionCode, asOf, Scope.current());
    }

    /**
     * The plan's evaluation with the tasks of every unit, for an aggregate over all units (the unit ranking,
     * whose ranks depend on every unit's milestones). The plan must be in the caller's scope; the caller shows
     * of it only what {@link #evaluate} would, and never its tasks as such. Public for evaluation's ranking
     * sub-module only: no other module uses it.
     */
    public PlanEvaluation evaluateEveryUnit(long planId, YearMonth asOf) {
        return evaluate(planId, null, asOf, null);
    }

    /**
     * The evaluation of {@link #evaluate} without its tasks ({@code tasks()} is empty): for what shows the indicators
     * alone (the overview, the indicator exports, the portal's plan and indicators, the digests), since assessing a
     * county plan's ~500 tasks and their milestones is the larger part of an evaluation read.
     */
    public PlanEvaluation evaluateIndicators(long planId, String regionCode, YearMonth asOf) {
        return evaluate(planId, regionCode, asOf, null, false);
    }

    private PlanEvaluation evaluate(long planId, String regionCode, YearMonth asOf, Scope taskScope) {
        return evaluate(planId, regionCode, asOf, taskScope, true);
    }

    /** {@code taskScope}: whose tasks to evaluate; null for every unit's. */
    private PlanEvaluation evaluate(long planId, String regionCode, YearMonth asOf, Scope taskScope, boolean withTasks) {
        Plan plan = plans.get(planId);
        String region = region(plan, regionCode);
        YearMonth month = asOf == null ? defaultMonth(plan) : asOf;
        List<IndicatorEvaluation> evaluations = indicatorEvaluations(plan, region, month);
        RealizationDegree.Result realization = realization(evaluations);
        boolean tasks = withTasks && region.equals(plan.regionCode());
        return new PlanEvaluation(plan, region, month, evaluations, realization, coverage(realization, evaluations),
                distribution(evaluations), tasks ? taskEvaluations(plan, month, taskScope) : List.of());
    }

    /**
     * A plan's figures at a glance, in its own region as of its default month: its realization degree, what that rests
     * on and how many indicators are in each status — what a card of plans shows. Read from the plan's standing and its
     * indicators' definitions only, without the tasks and targets its whole evaluation reads.
     */
    public record PlanSummary(Plan plan, YearMonth asOf, RealizationDegree.Result realization, Coverage coverage,
                              Map<Status, Long> distribution) {}

    public PlanSummary summary(long planId) {
        Plan plan = plans.get(planId);
        YearMonth month = defaultMonth(plan);
        Map<Long, Assessment> assessments = standing(plan, month);
        List<IndicatorEvaluation> evaluations = indicators.definitions(assessments.keySet()).stream()
                .sorted(Comparator.comparingLong(Indicator::id))
                .map(i -> new IndicatorEvaluation(i, plan.regionCode(), List.of(), List.of(), assessments.get(i.id()))).toList();
        RealizationDegree.Result realization = realization(evaluations);
        return new PlanSummary(plan, month, realization, coverage(realization, evaluations), distribution(evaluations));
    }

    private static Coverage coverage(RealizationDegree.Result realization, List<IndicatorEvaluation> evaluations) {
        return new Coverage(realization == null ? 0 : realization.contributions().size(), evaluations.size());
    }

    private static Map<Status, Long> distribution(List<IndicatorEvaluation> evaluations) {
        Map<Status, Long> distribution = new EnumMap<>(Status.class);
        for (Status s : Status.values()) if (s != Status.NOT_STARTED) distribution.put(s, 0L);
        evaluations.forEach(e -> distribution.merge(e.assessment().status(), 1L, Long::sum));
        return distribution;
    }

    /**
     * The month a plan is evaluated at unless one is asked for: this month while the plan runs, its last month
     * (December of its last year) once it has ended, so a 2021–2025 plan reads as of 2025-12 and not as of a month
     * after it, when every unfinished task would count as late.
     */
    public YearMonth defaultMonth(Plan plan) {
        YearMonth now = YearMonth.now(clock);
        YearMonth last = YearMonth.of(plan.endYear(), 12);
        return now.isAfter(last) ? last : now;
    }

    /** The region evaluated: the plan's own when none is given; one outside the caller's scope reads as absent (404). */
    private static String region(Plan plan, String regionCode) {
        if (regionCode == null || regionCode.isBlank()) return plan.regionCode();
        String code = regionCode.strip();
        Scope.current().requireRegion(code, "region", code);
        return code;
    }

    /** An indicator's status as a name of {@code evaluation.method.Status} (LAGGING, …), for modules that see no method type. */
    public record IndicatorStatus(Indicator indicator, String status) {}

    /** Each indicator of a plan with its status, in the plan's region as of {@code asOf} (supervision's warnings). */
    public List<IndicatorStatus> indicatorStatuses(long planId, YearMonth asOf) {
        Plan plan = plans.get(planId);
        return indicatorEvaluations(plan, plan.regionCode(), asOf).stream()
                .map(e -> new IndicatorStatus(e.indicator(), e.assessment().status().name())).toList();
    }

    /** The evaluation of one indicator of a plan, for its page. */
    public IndicatorEvaluation evaluateIndicator(long planId, long indicatorId, String regionCode, YearMonth asOf) {
        return indicatorHistory(planId, indicatorId, regionCode, List.of(asOf == null ? defaultMonth(plans.get(planId)) : asOf)).get(0);
    }

    /** One indicator assessed as of each month given, its targets and values read once: how its status came about. */
    public List<IndicatorEvaluation> indicatorHistory(long planId, long indicatorId, String regionCode, List<YearMonth> months) {
        indicators.get(indicatorId);
        Plan plan = plans.get(planId);
        String region = region(plan, regionCode);
        PlanTargets targets = targets(plan, indicators.targetsOfIndicators(List.of(indicatorId)));
        if (targets.byIndicator().isEmpty() || !targets.indicators().containsKey(indicatorId)) {
            throw new NotFoundException("indicator of plan", indicatorId);
        }
        List<Point> values = values(region, targets).getOrDefault(indicatorId, List.of());
        Map<Long, List<Point>> series = Map.of(indicatorId, values);
        return months.stream().map(m -> new IndicatorEvaluation(targets.indicators().get(indicatorId), region,
                targets.byIndicator().get(indicatorId), values, assess(plan, region, targets, series, m).get(indicatorId))).toList();
    }

    /** The plan's indicators assessed in a region at a month: from the standings where they are kept, else derived. */
    private List<IndicatorEvaluation> indicatorEvaluations(Plan plan, String region, YearMonth asOf) {
        PlanTargets targets = targets(plan);
        Map<Long, Assessment> assessments = region.equals(plan.regionCode()) && asOf.equals(defaultMonth(plan))
                ? standing(plan, asOf)
                : assess(plan, region, targets, values(region, targets), asOf);
        List<IndicatorEvaluation> result = new ArrayList<>();
        targets.byIndicator().forEach((indicatorId, ts) -> {
            Assessment a = assessments.get(indicatorId);
            Indicator indicator = targets.indicators().get(indicatorId);
            // an indicator outside the reader's scope is left out, as in a derived evaluation
            if (a != null && indicator != null) result.add(new IndicatorEvaluation(indicator, region, ts, List.of(), a));
        });
        return result;
    }

    /**
     * The stored standing of the plan as of its default month; when it has none, or one of another month (a month
     * has passed), it is recomputed and stored now, in the caller's transaction if there is one, as the system: the
     * standing is the plan's whole, whoever's read found it due (each reader sees of it what its scope allows).
     */
    private Map<Long, Assessment> standing(Plan plan, YearMonth month) {
        return standings.read(plan.id(), month).orElseGet(() -> transaction.execute(status -> {
            // readers of a plan whose standing is due wait here for each other: the first one recomputes it
            if (standings.lock(plan.id()).filter(month::equals).isPresent()) return standings.read(plan.id(), month).orElseThrow();
            return Scope.asSystem(() -> store(plan, targets(plan), month));
        }));
    }

    /** Recomputes and stores the plan's standing; call under its lock. Returns the assessments stored. */
    private Map<Long, Assessment> store(Plan plan, PlanTargets targets, YearMonth month) {
        Map<Long, Assessment> assessments = assess(plan, plan.regionCode(), targets, values(plan.regionCode(), targets), month);
        standings.replaceAll(plan.id(), month, assessments);
        return assessments;
    }

    /**
     * The full recompute: every published plan's standing from its targets and accepted values, one plan per
     * transaction (three set-based reads and one batch write each). Runs as the system. Returns how many indicator
     * assessments were stored.
     */
    public long recomputeAll() {
        return Scope.asSystem(() -> {
            long stored = 0;
            for (long planId : plans.publishedIds()) stored += recompute(planId);
            return stored;
        });
    }

    /** Recomputes one plan's standing now (the full recompute, for one plan); returns how many assessments it stored. */
    public int recompute(long planId) {
        return Scope.asSystem(() -> transaction.execute(status -> {
            Plan plan = plans.get(planId);
            standings.lock(planId);
            return store(plan, targets(plan), defaultMonth(plan)).size();
        }));
    }

    /**
     * The incremental step: a report's values changed state (accepted, or an accepted report reopened), so every
     * stored standing with a target on one of its indicators in its region re-assesses those indicators, in the
     * caller's transaction (the acceptance's own: the figures move with it or not at all). Returns how many
     * assessments it replaced.
     */
    int refreshValuesOf(long submissionId) {
        Map<String, Set<Long>> byRegion = new HashMap<>();
        jdbc.sql("select distinct region_code, indicator_id from observation where submission_id = :s").param("s", submissionId)
                .query(rs -> {
                    byRegion.computeIfAbsent(rs.getString(1), k -> new HashSet<>()).add(rs.getLong(2));
                });
        return refresh(byRegion);
    }

    /**
     * Re-assesses, in every stored standing, the indicators whose values changed in a region ({@code byRegion}: region
     * code to indicator ids): those the plan has a target for in that region, its own. Returns how many it replaced.
     */
    int refresh(Map<String, Set<Long>> byRegion) {
        if (byRegion.isEmpty()) return 0;
        Map<Long, List<TargetView>> byPlan = new HashMap<>();
        for (TargetView t : indicators.targetsOfIndicators(byRegion.values().stream().flatMap(Set::stream).distinct().toList())) {
            if (t.planId() != null && byRegion.getOrDefault(t.regionCode(), Set.of()).contains(t.indicatorId())) {
                byPlan.computeIfAbsent(t.planId(), k -> new ArrayList<>()).add(t);
            }
        }
        return Scope.asSystem(() -> {
            int replaced = 0;
            for (long planId : standings.plansWithStandings(byPlan.keySet())) {
                Optional<YearMonth> asOf = standings.lock(planId);
                Plan plan = plans.get(planId);
                YearMonth month = defaultMonth(plan);
                // a standing of another month is recomputed whole on its next read
                if (asOf.isEmpty() || !asOf.get().equals(month)) continue;
                PlanTargets targets = targets(plan, byPlan.get(planId));
                Map<Long, Assessment> assessments = assess(plan, plan.regionCode(), targets, values(plan.regionCode(), targets), month);
                standings.replace(planId, assessments);
                replaced += assessments.size();
            }
            return replaced;
        });
    }

    /** The plan's assessments as of its default month derived from the rows now, stored nowhere: what a standing must equal. */
    Map<Long, Assessment> derive(long planId) {
        Plan plan = plans.get(planId);
        PlanTargets targets = targets(plan);
        return assess(plan, plan.regionCode(), targets, values(plan.regionCode(), targets), defaultMonth(plan));
    }

    /** The plan's stored assessments, when it has a standing as of its default month. */
    Optional<Map<Long, Assessment>> stored(long planId) {
        return standings.read(planId, defaultMonth(plans.get(planId)));
    }

    /** Marks the plan's standing for a recompute on its next read: what it is judged by changed. */
    void forget(long planId) {
        standings.forget(planId);
    }

    /** Marks every standing for a recompute (a statistics feed may have moved any indicator anywhere). */
    void forgetAll() {
        standings.forgetAll();
    }

    /** A plan's targets in its own region by indicator (in the order of the plan's targets), and those indicators. */
    private record PlanTargets(Map<Long, List<TargetView>> byIndicator, Map<Long, Indicator> indicators) {}

    /** All of the plan's targets and their indicators, in two queries. */
    private PlanTargets targets(Plan plan) {
        return targets(plan, indicators.targetsOfPlan(plan.id()));
    }

    /** The plan's targets in its own region among {@code targets} (of any plans), with their indicators' definitions. */
    private PlanTargets targets(Plan plan, List<TargetView> targets) {
        Map<Long, List<TargetView>> byIndicator = new LinkedHashMap<>();
        for (TargetView t : targets) {
            if (Objects.equals(t.planId(), plan.id()) && t.regionCode().equals(plan.regionCode())) {
                byIndicator.computeIfAbsent(t.indicatorId(), k -> new ArrayList<>()).add(t);
            }
        }
        Map<Long, Indicator> byId = new HashMap<>();
        indicators.definitions(byIndicator.keySet()).forEach(i -> byId.put(i.id(), i));
        return new PlanTargets(byIndicator, byId);
    }

    /** The accepted values in the region of the indicators with targets, by indicator, in period order: one query. */
    private Map<Long, List<Point>> values(String region, PlanTargets targets) {
        Map<Long, List<Point>> values = new HashMap<>();
        if (targets.byIndicator().isEmpty()) return values;
        jdbc.sql("""
                select indicator_id, period, value from observation
                where state = 'approved' and region_code = :region and value is not null and indicator_id in (:ids)
                order by indicator_id, period""")
                .param("region", region).param("ids", targets.byIndicator().keySet())
                .query(rs -> {
                    values.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(Point.of(rs.getString(2), rs.getDouble(3)));
                });
        return values;
    }

    /** Each indicator with targets assessed as of {@code asOf}, by indicator id. */
    private Map<Long, Assessment> assess(Plan plan, String region, PlanTargets targets, Map<Long, List<Point>> values, YearMonth asOf) {
        YearMonth lastDue = lastDueYear(plan, asOf);
        Map<Long, Assessment> result = new HashMap<>();
        targets.byIndicator().forEach((indicatorId, ts) -> {
            Indicator indicator = targets.indicators().get(indicatorId);
            if (indicator == null) return;
            Polarity polarity = Polarity.fromCode(indicator.polarity());
            List<Target> yearly = ts.stream().map(EvaluationService::target).filter(Objects::nonNull).toList();
            Target target = IndicatorAssessor.targetFor(yearly, plan.endYear());
            List<Point> points = values.getOrDefault(indicatorId, List.of());
            Point baseline = points.stream().filter(p -> p.period().getYear() < plan.startYear())
                    .max(Comparator.comparing(Point::period)).orElse(null);
            result.put(indicatorId, assessor.assess(new IndicatorSeries(polarity, indicator.cumulative(), baseline, target, points),
                    asOf, lastDue));
        });
        return result;
    }

    /** December of the last year whose annual values were due by the end of the month assessed, from the plan's calendar. */
    private YearMonth lastDueYear(Plan plan, YearMonth asOf) {
        return calendars.calendar(plan.id()).map(c -> {
            LocalDate today = asOf.atEndOfMonth();
            for (int year = today.getYear(); year >= plan.startYear() - 1; year--) {
                if (!Periods.dueOn(String.valueOf(year), c.dueDay()).isAfter(today)) return YearMonth.of(year, 12);
            }
            return null;
        }).orElse(null);
    }

    /** A stored target in the method's terms; assigned and wordy qualitative targets without a number become yes/no events. */
    static Target target(TargetView t) {
        TargetComparator comparator = TargetComparator.fromCode(t.comparator());
        Double value = t.value() == null ? null : t.value().doubleValue();
        Double min = t.min() == null ? null : t.min().doubleValue();
        Double max = t.max() == null ? null : t.max().doubleValue();
        try {
            return new Target(comparator, value, min, max, t.year());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * Realization degree: level against the final target, capped; expert weights where the office set them, equal
     * otherwise. Only indicators with an accepted value and a target count (available cases, docs/methodology.md §9):
     * one without a value is left out and the weights rescale over the others, so missing data never reads as
     * failure; {@link Coverage} says how many counted.
     */
    private static RealizationDegree.Result realization(List<IndicatorEvaluation> evaluations) {
        List<RealizationDegree.Item> items = new ArrayList<>();
        Map<String, Double> points = new HashMap<>();
        for (IndicatorEvaluation e : evaluations) {
            Assessment a = e.assessment();
            if (a.current() == null) continue;
            String id = e.indicator().name();
            String domain = e.indicator().domain() == null ? BundleText.zh("evaluation.domain.other") : e.indicator().domain();
            Polarity polarity = Polarity.fromCode(e.indicator().polarity());
            if (polarity.isEvent()) {
                items.add(RealizationDegree.Item.yesNo(id, domain, a.targetMet()));
            } else if (a.goal() != null && (polarity == Polarity.LOWER || a.goal() > 0)) {
                // an inverse item at 0 scores 1 (孕产妇死亡率 0 against ≤ 8); RealizationDegree handles the zeros
                Double baseline = a.baseline() == null ? null : a.baseline().value();
                items.add(polarity == Polarity.LOWER
                        ? RealizationDegree.Item.inverse(id, domain, a.current().value(), a.goal(), baseline)
                        : RealizationDegree.Item.positive(id, domain, a.current().value(), a.goal(), baseline));
            } else {
                continue;
            }
            if (e.indicator().weight() != null) points.put(id, e.indicator().weight().doubleValue());
        }
        if (items.isEmpty()) return null;
        List<String> ids = items.stream().map(RealizationDegree.Item::id).toList();
        Map<String, Double> weights = points.size() == ids.size() ? Weights.expert(ids, points) : Weights.equal(ids);
        return RealizationDegree.compute(items, RealizationDegree.Variant.LEVEL, weights);
    }

    /** The plan's tasks that {@code scope} sees (every task when null), filtered in each of the three queries. */
    private List<TaskEvaluation> taskEvaluations(Plan plan, YearMonth asOf, Scope scope) {
        record Row(long taskId, String code, String title) {}
        Where tasksWhere = taskWhere(scope, "t.plan_id", "t.id", plan.id());
        List<Row> tasks = jdbc.sql("select t.id, t.code, t.title from task t" + tasksWhere.sql() + " order by t.position")
                .params(tasksWhere.params()).query((rs, i) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3))).list();
        Map<Long, List<Span>> spans = new HashMap<>();
        Where milestonesWhere = taskWhere(scope, "t.plan_id", "t.id", plan.id());
        jdbc.sql("select m.task_id, m.text, m.from_month, m.to_month, m.completed_on from milestone m join task t on t.id = m.task_id"
                        + milestonesWhere.sql() + " order by m.from_month, m.id")
                .params(milestonesWhere.params())
                .query(rs -> {
                    spans.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new Span(YearMonth.parse(rs.getString(3).strip()),
                            YearMonth.parse(rs.getString(4).strip()), rs.getString(2), rs.getObject(5, LocalDate.class)));
                });
        // the latest accepted percent the lead unit reported for each task, among the periods that began by the month
        // assessed (a later report says nothing about where the task stood then)
        Map<Long, Double> percent = new HashMap<>();
        Where percentWhere = taskWhere(scope, "s.plan_id", "tr.task_id", plan.id())
                .and("s.state = 'accepted'").and("tr.percent_done is not null");
        jdbc.sql("""
                select tr.task_id, tr.percent_done, s.period from task_report tr join submission s on s.id = tr.submission_id
                join task_unit tu on tu.task_id = tr.task_id and tu.unit_id = s.unit_id and tu.role = 'lead'"""
                        + percentWhere.sql() + " order by s.period")
                .params(percentWhere.params()).query(rs -> {
                    if (!YearMonth.from(Periods.firstDay(rs.getString(3))).isAfter(asOf)) percent.put(rs.getLong(1), rs.getDouble(2));
                });
        YearMonth start = YearMonth.of(plan.startYear(), 1);
        YearMonth end = YearMonth.of(plan.endYear(), 12);
        return tasks.stream().map(t -> {
            List<Span> ss = spans.getOrDefault(t.taskId(), List.of());
            List<Milestone> ms = ss.stream().map(m -> new Milestone(m.text(), m.from(), m.to(),
                    m.completedOn() == null ? null : YearMonth.from(m.completedOn()))).toList();
            return new TaskEvaluation(t.taskId(), t.code(), t.title(), ms, ss,
                    taskAssessor.assess(new TaskProgress(start, end, ms, percent.get(t.taskId())), asOf));
        }).toList();
    }

    /** {@code planColumn = :p}, and the task at {@code taskColumn} within the scope's units (when there is a scope). */
    private static Where taskWhere(Scope scope, String planColumn, String taskColumn, long planId) {
        Where where = new Where().and(planColumn + " = :p", "p", planId);
        return scope == null ? where : PlanService.restrictTasks(scope, where, taskColumn);
    }
}
