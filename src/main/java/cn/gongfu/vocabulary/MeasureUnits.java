package cn.gongfu.vocabulary;

/**
 * Units of measure as documents write them ("亿元", "万元", "张", "%"). They are compared as written: a target in
 * 亿元 for an indicator kept in 万元 is not converted, it is shown to a person, since a wrong unit usually means a
 * wrong number or the wrong indicator.
 */
public final class MeasureUnits {

    private MeasureUnits() {}

    /**
     * Whether a target's unit contradicts its indicator's: both are given and differ after trimming. A target or
     * an indicator without a unit contradicts nothing: there is nothing to compare.
     */
    public static boolean differ(String targetUnit, String indicatorUnit) {
        if (isBlank(targetUnit) || isBlank(indicatorUnit)) return false;
        return !targetUnit.strip().equals(indicatorUnit.strip());
    }

    /** The unit as it is kept: trimmed, or null when there is none. */
    public static String clean(String unit) {
        return isBlank(unit) ? null : unit.strip();
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
