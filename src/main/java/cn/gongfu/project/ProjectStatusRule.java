package cn.gongfu.project;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The one definition of a project's status (docs/methodology.md, §10; docs/projects.md). Pure Java: no Spring, no
 * database, a function of its inputs.
 *
 * <ul>
 *   <li><b>Time elapsed</b> (时序进度): the share of the planned period, start day to planned completion day (both
 *   included), that has passed by the end of the month assessed, bounded to 0–100%.</li>
 *   <li><b>Investment completion rate</b> (投资完成率): with an annual plan for the year assessed, completed this year
 *   (the accepted months of that year up to the month) ÷ the annual plan, expected to be the share of the year's months
 *   passed (month ÷ 12); otherwise cumulative completed ÷ planned investment, expected to be the time elapsed.</li>
 *   <li><b>Schedule lag</b> (进度滞后): time elapsed − progress percent (形象进度), in percentage points; the
 *   <b>investment lag</b> likewise: expected rate − rate.</li>
 * </ul>
 *
 * Status, the first rule that holds: progress 100% with no milestone open → ACHIEVED; the month before the start month
 * → NOT_STARTED; no accepted report → NO_DATA; the planned completion month passed → SERIOUSLY_LAGGING; the larger lag
 * above {@code seriousLag} points, or a milestone overdue more than {@code seriousOverdueMonths} months →
 * SERIOUSLY_LAGGING; the larger lag above {@code lag} points, or any milestone overdue → LAGGING; else ON_TRACK.
 */
public final class ProjectStatusRule {

    /**
     * @param lag                  lagging when behind by more than this many percentage points (default 10)
     * @param seriousLag           seriously lagging beyond this (default 20)
     * @param seriousOverdueMonths a milestone overdue more than this many months is serious (default 3, as tasks)
     */
    public record Cutoffs(double lag, double seriousLag, int seriousOverdueMonths) {
        public static final Cutoffs DEFAULTS = new Cutoffs(10, 20, 3);

        public Cutoffs {
            if (!(lag >= 0 && lag <= seriousLag)) throw new IllegalArgumentException("need 0 ≤ lag ≤ seriousLag");
            if (seriousOverdueMonths < 0) throw new IllegalArgumentException("negative months");
        }
    }

    /** A milestone as the rule sees it: its due day and the day it was done (null: open). */
    public record MilestoneState(LocalDate due, LocalDate done) {}

    /**
     * What the rule reads.
     *
     * @param reported           whether any accepted report exists up to the month
     * @param completedTotal     cumulative completed investment (万元) at the latest accepted report, 0 without one
     * @param completedThisYear  completed in the accepted months of the month's year up to it (万元)
     * @param annualPlanned      the annual plan for the month's year, null without one
     * @param percent            形象进度 of the latest accepted report, null without one
     */
    public record Facts(BigDecimal planned, BigDecimal annualPlanned, boolean reported, BigDecimal completedTotal,
                        BigDecimal completedThisYear, Integer percent, LocalDate start, LocalDate plannedEnd,
                        List<MilestoneState> milestones) {}

    /**
     * The outcome with what it rests on: each figure in percent (rate null where the plan is 0), and the reason as a
     * message key {@code project.reason.<reason>} with its arguments.
     */
    public record Outcome(ProjectStatus status, Double rate, double expectedRate, Double investmentLag,
                          double elapsed, Double scheduleLag, int overdueMilestones, long worstMonthsOverdue,
                          boolean annual, String reason, List<Object> reasonArgs) {}

    private final Cutoffs cutoffs;

    public ProjectStatusRule() {
        this(Cutoffs.DEFAULTS);
    }

    public ProjectStatusRule(Cutoffs cutoffs) {
        this.cutoffs = cutoffs;
    }

    public Cutoffs cutoffs() {
        return cutoffs;
    }

    public Outcome assess(Facts f, YearMonth asOf) {
        LocalDate day = asOf.atEndOfMonth();
        double elapsed = elapsedShare(f.start(), f.plannedEnd(), day);
        boolean annual = f.annualPlanned() != null;
        BigDecimal done = annual ? f.completedThisYear() : f.completedTotal();
        BigDecimal plan = annual ? f.annualPlanned() : f.planned();
        Double rate = plan.signum() == 0 ? null : percent(done, plan);
        double expectedRate = annual ? round(100.0 * asOf.getMonthValue() / 12) : elapsed;
        Double investmentLag = rate == null || !f.reported() ? null : round(expectedRate - rate);
        Double scheduleLag = f.percent() == null ? null : round(elapsed - f.percent());

        List<MilestoneState> overdue = f.milestones().stream()
                .filter(m -> m.due().isBefore(day) && (m.done() == null || m.done().isAfter(day))).toList();
        long worst = overdue.stream().mapToLong(m -> monthsLate(m.due(), asOf)).max().orElse(0);
        boolean openMilestones = f.milestones().stream().anyMatch(m -> m.done() == null || m.done().isAfter(day));
        double lag = Math.max(scheduleLag == null ? 0 : scheduleLag, investmentLag == null ? 0 : investmentLag);

        ProjectStatus status;
        String reason;
        List<Object> args;
        if (f.percent() != null && f.percent() >= 100 && !openMilestones) {
            status = ProjectStatus.ACHIEVED;
            reason = "done";
            args = List.of();
        } else if (asOf.isBefore(YearMonth.from(f.start()))) {
            status = ProjectStatus.NOT_STARTED;
            reason = "notStarted";
            args = List.of(f.start().toString());
        } else if (!f.reported()) {
            status = ProjectStatus.NO_DATA;
            reason = "noReport";
            args = List.of();
        } else if (asOf.isAfter(YearMonth.from(f.plannedEnd()))) {
            status = ProjectStatus.SERIOUSLY_LAGGING;
            reason = "endPassed";
            args = List.of(f.plannedEnd().toString(), f.percent());
        } else if (lag > cutoffs.seriousLag() || worst > cutoffs.seriousOverdueMonths()) {
            status = ProjectStatus.SERIOUSLY_LAGGING;
            reason = worst > cutoffs.seriousOverdueMonths() ? "milestoneLate" : "behind";
            args = worst > cutoffs.seriousOverdueMonths() ? List.of(overdue.size(), worst) : List.of(fmt(lag), fmt(cutoffs.seriousLag()));
        } else if (lag > cutoffs.lag() || !overdue.isEmpty()) {
            status = ProjectStatus.LAGGING;
            reason = !overdue.isEmpty() ? "milestoneLate" : "behind";
            args = !overdue.isEmpty() ? List.of(overdue.size(), worst) : List.of(fmt(lag), fmt(cutoffs.lag()));
        } else {
            status = ProjectStatus.ON_TRACK;
            reason = "onPace";
            args = List.of(fmt(lag), fmt(cutoffs.lag()));
        }
        return new Outcome(status, rate, expectedRate, investmentLag, elapsed, scheduleLag, overdue.size(), worst, annual,
                reason, args);
    }

    /** The share of [start, end] (days, both included) passed by {@code day}, in percent, bounded to 0–100. */
    static double elapsedShare(LocalDate start, LocalDate end, LocalDate day) {
        long all = ChronoUnit.DAYS.between(start, end) + 1;
        long passed = ChronoUnit.DAYS.between(start, day) + 1;
        return round(100.0 * Math.max(0, Math.min(all, passed)) / all);
    }

    /** Months between a milestone's due month and the month assessed: due in May, assessed in August: 3. */
    static long monthsLate(LocalDate due, YearMonth asOf) {
        return Math.max(0, ChronoUnit.MONTHS.between(YearMonth.from(due), asOf));
    }

    static double percent(BigDecimal part, BigDecimal whole) {
        return part.multiply(BigDecimal.valueOf(100)).divide(whole, 1, RoundingMode.HALF_UP).doubleValue();
    }

    private static double round(double d) {
        return Math.round(d * 10) / 10.0;
    }

    private static String fmt(double d) {
        return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }
}
