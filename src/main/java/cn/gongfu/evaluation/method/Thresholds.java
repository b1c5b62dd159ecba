package cn.gongfu.evaluation.method;

/**
 * Cut-offs for statuses and trend categories. {@link #DEFAULTS} are justified in
 * {@code docs/methodology.md} ("Status thresholds").
 *
 * @param onTrackPace       on track if progress ≥ this × expected progress (时序进度)
 * @param laggingPace       lagging (not seriously) if progress ≥ this × expected progress
 * @param onTrackRatio      on track if the growth-rate ratio R ≥ this (Eurostat/ESCAP 0.95)
 * @param moderateRatio     lagging (not seriously) if R ≥ this (Eurostat/ESCAP 0.60)
 * @param noTargetOnTrackRate  without a quantified target: on track if the direction-adjusted CAGR ≥ this (Open SDG 1.5%)
 * @param noTargetModerateRate without a quantified target: moderate if the CAGR ≥ this (Open SDG 0.5%)
 * @param minTrendYears     a growth rate needs at least this many years between baseline and current value
 * @param zeroStandInShare  a target (or value) of 0 is replaced by this share of |baseline| for the CAGR
 * @param seriousOverdueMonths a task milestone overdue by more than this many months makes the task seriously lagging
 */
public record Thresholds(
        double onTrackPace,
        double laggingPace,
        double onTrackRatio,
        double moderateRatio,
        double noTargetOnTrackRate,
        double noTargetModerateRate,
        double minTrendYears,
        double zeroStandInShare,
        int seriousOverdueMonths) {

    public static final Thresholds DEFAULTS = new Thresholds(0.9, 0.6, 0.95, 0.60, 0.015, 0.005, 1.0, 0.01, 3);

    public Thresholds {
        if (!(laggingPace > 0 && laggingPace <= onTrackPace))
            throw new IllegalArgumentException("need 0 < laggingPace ≤ onTrackPace");
        if (!(moderateRatio >= 0 && moderateRatio <= onTrackRatio))
            throw new IllegalArgumentException("need 0 ≤ moderateRatio ≤ onTrackRatio");
        if (!(noTargetModerateRate >= 0 && noTargetModerateRate <= noTargetOnTrackRate))
            throw new IllegalArgumentException("need 0 ≤ noTargetModerateRate ≤ noTargetOnTrackRate");
        if (!(zeroStandInShare > 0)) throw new IllegalArgumentException("zeroStandInShare must be positive");
        if (minTrendYears < 0 || seriousOverdueMonths < 0) throw new IllegalArgumentException("negative threshold");
    }

    /** Trend category from the growth-rate ratio R (quantified target). */
    public TrendCategory categoryOfRatio(double ratio) {
        if (ratio >= onTrackRatio) return TrendCategory.ON_TRACK;
        if (ratio >= moderateRatio) return TrendCategory.MODERATE;
        if (ratio >= 0) return TrendCategory.INSUFFICIENT;
        return TrendCategory.MOVING_AWAY;
    }

    /** Trend category from the direction-adjusted CAGR alone (no quantified target). */
    public TrendCategory categoryOfRate(double directedRate) {
        if (directedRate >= noTargetOnTrackRate) return TrendCategory.ON_TRACK;
        if (directedRate >= noTargetModerateRate) return TrendCategory.MODERATE;
        if (directedRate >= 0) return TrendCategory.INSUFFICIENT;
        return TrendCategory.MOVING_AWAY;
    }
}
