package cn.gongfu.indicator;

import java.math.BigDecimal;
import java.util.List;

/** A target value (目标值) for an indicator, region and year, with the plan and task it came from. */
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
        String rawText,
        Long planId,
        String planTitle,
        Long taskId) {

    public static final List<String> COMPARATORS =
            List.of("ge", "gt", "le", "lt", "eq", "range", "assigned", "qualitative");

    /** The target as a person reads it: "≥ 6.6", "1–2", "完成上级下达任务" or the document's words. */
    public String display() {
        return display(comparator, value, min, max, rawText);
    }

    public static String display(String comparator, BigDecimal value, BigDecimal min, BigDecimal max, String rawText) {
        String v = plain(value);
        return switch (comparator) {
            case "ge" -> "≥ " + v;
            case "gt" -> "> " + v;
            case "le" -> "≤ " + v;
            case "lt" -> "< " + v;
            case "eq" -> v;
            case "range" -> plain(min) + "–" + plain(max);
            default -> rawText == null ? comparator : rawText;
        };
    }

    private static String plain(BigDecimal n) {
        return n == null ? "" : n.stripTrailingZeros().toPlainString();
    }
}
