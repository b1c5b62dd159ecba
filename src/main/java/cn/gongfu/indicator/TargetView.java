package cn.gongfu.indicator;

import cn.gongfu.vocabulary.MeasureUnits;
import cn.gongfu.vocabulary.TargetComparator;
import java.math.BigDecimal;

/**
 * A target value (目标值) for an indicator, region and year, with the plan and task it came from.
 *
 * @param unit the target's own unit as its document wrote it ("亿元"), which may differ from {@code indicatorUnit};
 *             null for a target that gave none or was stored before targets kept their unit
 */
public record TargetView(
        long id,
        long indicatorId,
        String indicatorName,
        String indicatorUnit,
        String regionCode,
        int year,
        String comparator,
        BigDecimal value,
        BigDecimal min,
        BigDecimal max,
        String unit,
        String rawText,
        Long planId,
        String planTitle,
        Long taskId) {

    /** The target as a person reads it: "≥ 6.6", "1–2", "完成上级下达任务" or the document's words. */
    public String display() {
        return display(comparator, value, min, max, rawText);
    }

    /** The unit the target is written in: its own, or its indicator's where it gave none. */
    public String shownUnit() {
        return unit != null ? unit : indicatorUnit;
    }

    /** Whether the target is written in another unit than its indicator (亿元 for an indicator in 万元). */
    public boolean unitDiffers() {
        return MeasureUnits.differ(unit, indicatorUnit);
    }

    public static String display(String comparator, BigDecimal value, BigDecimal min, BigDecimal max, String rawText) {
        String v = plain(value);
        return switch (TargetComparator.fromCode(comparator)) {
            case GE -> "≥ " + v;
            case GT -> "> " + v;
            case LE -> "≤ " + v;
            case LT -> "< " + v;
            case EQ -> v;
            case RANGE -> plain(min) + "–" + plain(max);
            case ASSIGNED, QUALITATIVE -> rawText == null ? comparator : rawText;
        };
    }

    private static String plain(BigDecimal n) {
        return n == null ? "" : n.stripTrailingZeros().toPlainString();
    }
}
