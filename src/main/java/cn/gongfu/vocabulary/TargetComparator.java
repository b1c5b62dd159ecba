package cn.gongfu.vocabulary;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * How a target value is to be read. The code is the lower-case name: the extraction contract's
 * {@code targets[].comparator} and the {@code target.comparator} column use the same words.
 */
public enum TargetComparator {
    /** 达到, 以上, 不低于. */
    GE,
    /** 超过, 高于. */
    GT,
    /** 以下, 以内, 控制在, 不高于. */
    LE,
    /** 低于, 小于. */
    LT,
    /** "达到X" or a plain table value: read by polarity (at least X if higher is better, at most X if lower is better, exactly X for a band). */
    EQ,
    /** Between min and max, both given ("1-2个"); a bound on one side only is GE or LE, never a range. */
    RANGE,
    /** 完成上级下达任务: met when the reported value reaches the assigned value, or 1 (= done) without one. */
    ASSIGNED,
    /** Yes/no (全覆盖, 通过): met when the reported value reaches the target value, or 1 without one. */
    QUALITATIVE;

    private static final List<String> CODES = Arrays.stream(values()).map(TargetComparator::code).toList();

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The comparator of a code, ignoring case and surrounding blanks; IllegalArgumentException for anything else. */
    public static TargetComparator fromCode(String code) {
        if (code == null) throw new IllegalArgumentException("no comparator given");
        return valueOf(code.trim().toUpperCase(Locale.ROOT));
    }

    public static boolean isCode(String code) {
        return CODES.contains(code);
    }

    /** Every code, in declaration order: what an API lists as allowed. */
    public static List<String> codes() {
        return CODES;
    }

    /** True when a larger number is the wanted direction ("达到", "以上"). */
    public boolean isUpward() {
        return this == GE || this == GT;
    }

    public boolean isDownward() {
        return this == LE || this == LT;
    }

    /** A single number is the target: the one-sided bounds and EQ. */
    public boolean needsValue() {
        return this == GE || this == GT || this == LE || this == LT || this == EQ;
    }

    /**
     * The one rule for what numbers a target needs, applied by the plan writer, the import review and the
     * methods alike: a value for {@link #needsValue()} comparators, both min and max for a range, and nothing
     * for assigned and qualitative targets (their value is optional). Extra numbers are ignored.
     */
    public boolean isSatisfiedBy(Object value, Object min, Object max) {
        if (this == RANGE) return min != null && max != null;
        return !needsValue() || value != null;
    }

    /** What {@link #isSatisfiedBy} asks for, in the words of a problem message: "a value", "min and max" or "nothing". */
    public String needs() {
        return this == RANGE ? "min and max" : needsValue() ? "a value" : "nothing";
    }
}
