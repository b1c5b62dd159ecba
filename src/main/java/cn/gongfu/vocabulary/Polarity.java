package cn.gongfu.vocabulary;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Which way is better for an indicator. The code is the lower-case name, as in the extraction contract's
 * {@code indicators[].polarity} and the {@code indicator.polarity} column. The parser guesses it, people confirm
 * it in the importer, the methods read it.
 */
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

    private static final List<String> CODES = Arrays.stream(values()).map(Polarity::code).toList();

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The polarity of a code, ignoring case and surrounding blanks; IllegalArgumentException for anything else. */
    public static Polarity fromCode(String code) {
        if (code == null) throw new IllegalArgumentException("no polarity given");
        return valueOf(code.trim().toUpperCase(Locale.ROOT));
    }

    public static boolean isCode(String code) {
        return CODES.contains(code);
    }

    public static List<String> codes() {
        return CODES;
    }

    /**
     * The polarity a target's comparator implies where nothing else tells: an upper bound (以下, 控制在) means
     * lower is better, an assigned or yes/no target is qualitative, anything else higher is better.
     */
    public static Polarity impliedBy(TargetComparator comparator) {
        if (comparator.isDownward()) return LOWER;
        return comparator == TargetComparator.ASSIGNED || comparator == TargetComparator.QUALITATIVE ? QUALITATIVE : HIGHER;
    }

    /** +1 when a higher value is better, -1 when lower is better, 0 when direction has no meaning. */
    public int direction() {
        return switch (this) {
            case HIGHER, MILESTONE, QUALITATIVE -> 1;
            case LOWER -> -1;
            case BAND -> 0;
        };
    }

    /** Yes/no or staged: no growth rate, no projection, and a report may leave the number out. */
    public boolean isEvent() {
        return this == MILESTONE || this == QUALITATIVE;
    }
}
