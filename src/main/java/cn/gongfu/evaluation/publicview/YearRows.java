package cn.gongfu.evaluation.publicview;

import cn.gongfu.evaluation.EvaluationService.IndicatorEvaluation;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An indicator's trajectory as a table, year by year: the value reached (the latest of the year) and the year's
 * target. The chart's text alternative, for screen readers and for anyone who wants the figures.
 */
public record YearRows(int year, Double value, Double target) {

    static List<YearRows> of(IndicatorEvaluation e) {
        Map<Integer, Double[]> years = new TreeMap<>();
        e.values().forEach(p -> years.computeIfAbsent(p.period().getYear(), y -> new Double[2])[0] = p.value());
        e.targets().forEach(t -> {
            if (t.value() != null) {
                Double[] row = years.computeIfAbsent(t.year(), y -> new Double[2]);
                if (row[1] == null) row[1] = t.value().doubleValue();
            }
        });
        return years.entrySet().stream().map(y -> new YearRows(y.getKey(), y.getValue()[0], y.getValue()[1])).toList();
    }
}
