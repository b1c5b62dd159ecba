package cn.gongfu.evaluation.method;

/** How rates and projections are computed. */
public enum GrowthModel {
    /** Compound annual growth rate (Eurostat, ESCAP): for levels and ratios. */
    COMPOUND,
    /**
     * Constant yearly increment, in the indicator's unit: for cumulative indicators (累计数), whose
     * running total grows by a roughly constant flow; compounding a running total would overstate it,
     * and a total that starts at 0 has no growth rate.
     */
    LINEAR,
    /** No rate: bands, milestones, qualitative targets. */
    NONE
}
