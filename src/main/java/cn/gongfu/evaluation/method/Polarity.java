package cn.gongfu.evaluation.method;

import java.util.Locale;

/** Which way is better for an indicator; the codes are those of the {@code indicator.polarity} column. */
public enum Polarity {
    /** Higher is better (正向指标). */
    HIGHER,
    /** Lower is better (逆向指标), e.g. an unemployment or mortality rate. */
    LOWER,
    /** Stay inside a band (区间指标). */
    BAND,
    /** A stage or yes/no event (通过评估, 建成); observations are stage numbers, 1 = done for yes/no. */
    MILESTONE,
    /** Qualitative (全覆盖, 完成上级下达任务); observations are 1 (met) or 0 (not met). */
    QUALITATIVE;

    public static Polarity fromCode(String code) {
        return valueOf(code.trim().toUpperCase(Locale.ROOT));
    }

    /** +1 when a higher value is better, -1 when lower is better, 0 when direction has no meaning. */
    public int direction() {
        return switch (this) {
            case HIGHER, MILESTONE, QUALITATIVE -> 1;
            case LOWER -> -1;
            case BAND -> 0;
        };
    }

    /** Yes/no or staged: no growth rate, no projection. */
    public boolean isEvent() {
        return this == MILESTONE || this == QUALITATIVE;
    }
}
