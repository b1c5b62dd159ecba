package cn.gongfu.evaluation.method;

import java.util.Locale;

/** How a target value is to be read; the codes are those of the {@code target.comparator} column. */
public enum TargetComparator {
    GE, GT, LE, LT,
    /** "达到X": read by polarity (at least X if higher is better, at most X if lower is better, exactly X for a band). */
    EQ,
    /** Between min and max (either may be open). */
    RANGE,
    /** 完成上级下达任务: met when the reported value reaches the assigned value, or 1 (= done) without one. */
    ASSIGNED,
    /** Yes/no (全覆盖, 通过): met when the reported value reaches the target value, or 1 without one. */
    QUALITATIVE;

    public static TargetComparator fromCode(String code) {
        return valueOf(code.trim().toUpperCase(Locale.ROOT));
    }
}
