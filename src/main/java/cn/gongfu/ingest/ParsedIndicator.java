package cn.gongfu.ingest;

import cn.gongfu.vocabulary.Polarity;
import java.util.List;

/** An indicator row of a target table or an inline indicator list (指标目标), with its yearly values. */
public record ParsedIndicator(
        String code,
        String domain,
        String name,
        String unit,
        Polarity polarity,
        boolean cumulative,
        List<ParsedIndicatorValue> values,
        int line) {
}
