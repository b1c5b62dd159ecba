package cn.gongfu.evaluation.method;

import java.time.YearMonth;

/**
 * The assessment of one indicator in one region at one month. Numbers that cannot be computed are
 * null (e.g. no growth rate for a milestone), never invented.
 *
 * @param status              the status (see {@link Status})
 * @param reason              one line saying which rule gave the status, with the numbers
 * @param targetMet           the latest value meets the target
 * @param reportOverdue       the value for the last period due is missing (the status is then NO_DATA)
 * @param baseline            baseline used (value and period)
 * @param current             latest value used, or null
 * @param goal                the number progress is measured towards (see {@link Target#goal})
 * @param targetYear          the target's year (due in its December)
 * @param progress            share of the way travelled, (x_c − x_b)/(T_v − x_b); may exceed 1 or be negative
 * @param expectedProgress    share of the time elapsed from baseline to target, to the month
 * @param pace                progress / expectedProgress (null when no time has passed)
 * @param growthModel         compound, linear (cumulative) or none
 * @param rateObserved        annual rate so far (CAGR, or increment per year for linear)
 * @param rateRequired        annual rate needed from the baseline to reach the goal
 * @param trendRatio          R = d · rateObserved / |rateRequired|
 * @param trendCategory       Eurostat/ESCAP category
 * @param projectedValue      value expected in the target year if the observed rate continues
 * @param anticipatedProgress (projected − x_b)/(T_v − x_b): ≥ 1 maintain, (0,1) accelerate, ≤ 0 reverse
 */
public record Assessment(
        Status status,
        String reason,
        boolean targetMet,
        boolean reportOverdue,
        Point baseline,
        Point current,
        Double goal,
        Integer targetYear,
        Double progress,
        double expectedProgress,
        Double pace,
        GrowthModel growthModel,
        Double rateObserved,
        Double rateRequired,
        Double trendRatio,
        TrendCategory trendCategory,
        Double projectedValue,
        Double anticipatedProgress) {

    /** What ESCAP's anticipated progress asks of the unit: keep going, speed up, or turn around. */
    public enum Anticipation { MAINTAIN, ACCELERATE, REVERSE }

    public Anticipation anticipation() {
        if (anticipatedProgress == null) return null;
        if (anticipatedProgress >= 1) return Anticipation.MAINTAIN;
        return anticipatedProgress > 0 ? Anticipation.ACCELERATE : Anticipation.REVERSE;
    }

    /**
     * Whether the latest value lies further from the target than the baseline (progress below 0): the way
     * travelled is backwards, shown as "regressing" (倒退) rather than as a negative percent.
     */
    public boolean movedAway() {
        return !targetMet && progress != null && progress < 0;
    }

    /**
     * Progress as pages show it, within [0, 1]: 1 once the target is met (a target no better than its baseline,
     * such as a ceiling above today's value, makes the raw ratio meaningless: −274% for a met ceiling), null when
     * unknown or {@link #movedAway() moved away}, else the raw progress capped at 1. The raw {@link #progress}
     * stays for the API, the export and a tooltip.
     */
    public Double shownProgress() {
        if (targetMet) return 1.0;
        if (progress == null || movedAway()) return null;
        return Math.min(1.0, progress);
    }

    public YearMonth currentPeriod() {
        return current == null ? null : current.period();
    }
}
