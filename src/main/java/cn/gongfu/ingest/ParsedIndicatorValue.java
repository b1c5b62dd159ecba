package cn.gongfu.ingest;

import cn.gongfu.vocabulary.TargetComparator;
import java.math.BigDecimal;

/** One year's cell of an indicator: raw text as written ("<3.5", "全覆盖"), its comparator and number if any. */
public record ParsedIndicatorValue(int year, String raw, TargetComparator comparator, BigDecimal value) {
}
