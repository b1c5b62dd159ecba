package cn.gongfu.ingest;

import cn.gongfu.vocabulary.TargetComparator;
import java.math.BigDecimal;

/**
 * One quantified (or qualitative) target found in a text span. value/min/max and unit are kept as written
 * ("500亿元" is 500 and "亿元"); multiplying out 万/亿 is the consumer's job. approximate marks "8%左右".
 */
public record ParsedTarget(
        String indicator,
        TargetComparator comparator,
        BigDecimal value,
        BigDecimal min,
        BigDecimal max,
        String unit,
        Integer year,
        boolean implied,
        String text,
        boolean approximate) {

    public ParsedTarget(String indicator, TargetComparator comparator, BigDecimal value, BigDecimal min, BigDecimal max, String unit,
                        Integer year, boolean implied, String text) {
        this(indicator, comparator, value, min, max, unit, year, implied, text, false);
    }
}
