package cn.gongfu.evaluation.method;

/**
 * The Eurostat / UN ESCAP SDG trend categories from the growth-rate ratio
 * {@code R = d · rate_observed / |rate_required|}; without a quantified target, from the
 * direction-adjusted growth rate itself (Open SDG defaults). See {@link Thresholds}.
 */
public enum TrendCategory {
    /** The latest value meets the target ("target achieved"), whatever the trend. */
    ACHIEVED,
    /** R ≥ 0.95 (significant progress); without target: rate ≥ 1.5% a year. */
    ON_TRACK,
    /** 0.60 ≤ R < 0.95; without target: 0.5%–1.5%. */
    MODERATE,
    /** 0 ≤ R < 0.60; without target: 0–0.5% ("limited"). */
    INSUFFICIENT,
    /** R < 0; without target: rate below 0 ("deterioration"). */
    MOVING_AWAY,
    /** Too little data, values of mixed sign, a band, a milestone, or no rate required. */
    NOT_ASSESSABLE
}
