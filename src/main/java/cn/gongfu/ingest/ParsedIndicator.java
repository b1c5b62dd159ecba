package cn.gongfu.ingest;

import cn.gongfu.vocabulary.Polarity;
import java.util.List;

/**
 * An indicator row of a target table or an inline indicator list (指标目标), with its yearly values as the table
 * writes them. baseline is the value of the base year (the first year column of a target table: where the plan
 * starts from, not a target), or null. actual marks a table of observed values (a statistical yearbook: every year
 * before the plan's start), whose values are actuals and never targets.
 */
public record ParsedIndicator(
        String code,
        String domain,
        String name,
        String unit,
        Polarity polarity,
        boolean cumulative,
        List<ParsedIndicatorValue> values,
        int line,
        ParsedIndicatorValue baseline,
        boolean actual) {

    public ParsedIndicator(String code, String domain, String name, String unit, Polarity polarity, boolean cumulative,
                           List<ParsedIndicatorValue> values, int line) {
        this(code, domain, name, unit, polarity, cumulative, values, line, null, false);
    }

    /** The values that are targets: none for a table of actuals, and not the base year's (the first value). */
    public List<ParsedIndicatorValue> targetValues() {
        if (actual) {
            return List.of();
        }
        return baseline == null || values.isEmpty() ? values : values.subList(1, values.size());
    }
}
