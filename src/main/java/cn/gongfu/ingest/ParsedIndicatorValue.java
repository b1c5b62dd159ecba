package cn.gongfu.ingest;

import cn.gongfu.vocabulary.TargetComparator;
import java.math.BigDecimal;

/**
 * One year's cell of an indicator: raw text as written ("<3.5", "全覆盖", "78.2(2021年)"), its comparator and number
 * if any, and the note a cell carries in brackets ("2021年", "某市"), or null.
 */
public record ParsedIndicatorValue(int year, String raw, TargetComparator comparator, BigDecimal value, String note) {

    public ParsedIndicatorValue(int year, String raw, TargetComparator comparator, BigDecimal value) {
        this(year, raw, comparator, value, null);
    }
}
