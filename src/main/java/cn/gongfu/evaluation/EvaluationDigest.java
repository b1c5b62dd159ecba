package cn.gongfu.evaluation;

import cn.gongfu.evaluation.EvaluationService.IndicatorEvaluation;
import cn.gongfu.evaluation.method.Assessment;
import cn.gongfu.evaluation.method.Status;
import cn.gongfu.indicator.TargetView;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * The evaluation in plain terms, for modules that must not see {@code evaluation.method}: each indicator's status as
 * a code with the numbers behind it, and the units' ranks (through {@link UnitRankings}, which the ranking room
 * implements). What a bulletin freezes and a warning grades.
 */
@Service
public class EvaluationDigest {

    private final EvaluationService evaluation;
    private final UnitRankings rankings;

    public EvaluationDigest(EvaluationService evaluation, UnitRankings rankings) {
        this.evaluation = evaluation;
        this.rankings = rankings;
    }

    /**
     * One indicator of a plan as of a month.
     *
     * @param status   the status code, one of ACHIEVED, ON_TRACK, LAGGING, SERIOUSLY_LAGGING, REGRESSING, NO_DATA
     * @param value    the latest accepted value used, or null
     * @param period   the period of that value (2026-06), or null
     * @param target   the target as a person reads it ("≥ 6.6"), with its year, or null
     * @param progress the share of the way travelled (may exceed 1 or be negative), or null
     * @param shown    the progress as people read it, within 0–1 (null when unknown or when the value moved away from
     *                 the baseline: 倒退), see {@code Assessment#shownProgress}
     */
    public record IndicatorLine(long indicatorId, String code, String name, String unit, String domain, Long responsibleUnitId,
                                String responsibleUnitName, String status, Double value, String period, String target,
                                Integer targetYear, Double progress, Double shown, boolean movedAway, String reason) {

        /** Whether the status asks for attention: lagging, seriously lagging or regressing. */
        public boolean lagging() {
            return LAGGING.contains(status);
        }
    }

    /** The statuses that need attention, worst first. */
    public static final List<String> LAGGING = List.of("REGRESSING", "SERIOUSLY_LAGGING", "LAGGING");

    /** Every indicator of the plan in its own region as of {@code asOf}, as {@link EvaluationService#evaluate} sees them. */
    public List<IndicatorLine> indicators(long planId, YearMonth asOf) {
        return evaluation.evaluateIndicators(planId, null, asOf).indicators().stream().map(EvaluationDigest::line).toList();
    }

    /** The indicators lagging, seriously lagging or regressing, worst status first and least progress first within it. */
    public List<IndicatorLine> lagging(long planId, YearMonth asOf) {
        return indicators(planId, asOf).stream().filter(IndicatorLine::lagging)
                .sorted(Comparator.comparing((IndicatorLine l) -> LAGGING.indexOf(l.status()))
                        .thenComparing(l -> l.progress() == null ? 0 : l.progress()))
                .toList();
    }

    /**
     * A plan on one screen, for a leader's workbench: the realization degree, how many indicators it rests on (those
     * with data of all), how many are in each status, and the five most in need of attention.
     *
     * @param statuses status code → count, in the order of {@code Status} (achieved first, no data last)
     * @param lines    every indicator, as {@link #indicators} gives them (so that a caller needs no second evaluation)
     */
    public record PlanSummary(long planId, String planTitle, YearMonth asOf, double degree, int indicators, int withData,
                              Map<String, Long> statuses, List<IndicatorLine> worst, List<IndicatorLine> lines) {}

    public PlanSummary summary(long planId, YearMonth asOf) {
        var eval = evaluation.evaluateIndicators(planId, null, asOf);
        List<IndicatorLine> lines = eval.indicators().stream().map(EvaluationDigest::line).toList();
        Map<String, Long> statuses = new LinkedHashMap<>();
        for (Status s : Status.values()) {
            long n = lines.stream().filter(l -> l.status().equals(s.name())).count();
            if (n > 0) statuses.put(s.name(), n);
        }
        int withData = (int) lines.stream().filter(l -> !l.status().equals(Status.NO_DATA.name())).count();
        List<IndicatorLine> worst = eval.mostLagging(5).stream().map(EvaluationDigest::line).toList();
        return new PlanSummary(planId, eval.plan().title(), eval.asOf(), eval.realization().overall(), lines.size(), withData,
                statuses, worst, lines);
    }

    /** One domain (领域) of the realization degree: its degree in [0, 1] and its weight in the overall one. */
    public record DomainLine(String domain, double degree, double weight) {}

    /** The realization degree as of a month, whole and by domain, with how many indicators it rests on. */
    public record Degree(double overall, int counted, int total, List<DomainLine> domains) {}

    public Degree degree(long planId, YearMonth asOf) {
        var eval = evaluation.evaluateIndicators(planId, null, asOf);
        return new Degree(eval.realization().overall(), eval.coverage().counted(), eval.coverage().total(),
                eval.realization().domains().stream().map(d -> new DomainLine(d.domain(), d.degree(), d.weight())).toList());
    }

    /**
     * One task of a plan as of a month: its status code (ACHIEVED: every milestone done; SERIOUSLY_LAGGING and LAGGING
     * behind; ON_TRACK; NOT_STARTED…), its milestones due and done, and the milestones overdue by their text.
     */
    public record TaskLine(long taskId, String code, String title, String status, String reason, int due, int done,
                           List<String> overdue) {}

    public List<TaskLine> tasks(long planId, YearMonth asOf) {
        return evaluation.evaluate(planId, null, asOf).tasks().stream().map(t -> new TaskLine(t.taskId(), t.code(), t.title(),
                t.assessment().status().name(), t.assessment().reason(), t.assessment().due(),
                t.assessment().doneOnTime() + t.assessment().doneLate(), t.assessment().overdue())).toList();
    }

    /** The units' ranks by peer group as of a month, as the caller may see them ({@link UnitRankings#ranks}). */
    public List<UnitRankings.RankLine> ranks(long planId, YearMonth asOf) {
        return rankings.ranks(planId, asOf);
    }

    private static IndicatorLine line(IndicatorEvaluation e) {
        Assessment a = e.assessment();
        TargetView target = e.targets().stream()
                .filter(t -> a.targetYear() != null && t.year() == a.targetYear()).findFirst()
                .orElse(e.targets().isEmpty() ? null : e.targets().get(e.targets().size() - 1));
        var i = e.indicator();
        return new IndicatorLine(i.id(), i.code(), i.name(), i.unit(), i.domain(), i.responsibleUnitId(), i.responsibleUnitName(),
                a.status().name(), a.current() == null ? null : a.current().value(),
                a.currentPeriod() == null ? null : a.currentPeriod().toString(),
                target == null ? null : target.display(), target == null ? null : target.year(), a.progress(), a.shownProgress(),
                a.movedAway(), a.reason());
    }
}
