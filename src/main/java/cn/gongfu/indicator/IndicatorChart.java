package cn.gongfu.indicator;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The ECharts option for an indicator's page: targets by year against observed values, one line per
 * region. Built on the server so the page needs no inline script (the browser only calls setOption).
 */
final class IndicatorChart {

    private IndicatorChart() {}

    /** Targets with a number (a range draws its midpoint) and yearly observations, per region. */
    static Map<String, Object> option(Indicator indicator, List<TargetView> targets, List<Observation> observations,
                                      Map<String, String> regionNames, String targetLabel, String observedLabel) {
        TreeSet<Integer> years = new TreeSet<>();
        Map<String, Map<Integer, BigDecimal>> targetLines = new LinkedHashMap<>();
        for (TargetView t : targets) {
            BigDecimal v = numeric(t);
            if (v == null) continue;
            years.add(t.year());
            targetLines.computeIfAbsent(t.regionCode(), r -> new LinkedHashMap<>()).putIfAbsent(t.year(), v);
        }
        Map<String, Map<Integer, BigDecimal>> observedLines = new LinkedHashMap<>();
        for (Observation o : observations) {
            if (o.value() == null || o.period().length() != 4) continue;
            int year = Integer.parseInt(o.period());
            years.add(year);
            observedLines.computeIfAbsent(o.regionCode(), r -> new LinkedHashMap<>()).put(year, o.value());
        }
        List<Map<String, Object>> series = new ArrayList<>();
        targetLines.forEach((region, byYear) -> series.add(line(
                targetLabel + " · " + regionNames.getOrDefault(region, region), years, byYear, true)));
        observedLines.forEach((region, byYear) -> series.add(line(
                observedLabel + " · " + regionNames.getOrDefault(region, region), years, byYear, false)));

        Map<String, Object> option = new LinkedHashMap<>();
        option.put("tooltip", Map.of("trigger", "axis"));
        option.put("legend", Map.of("top", 0, "type", "scroll"));
        option.put("grid", Map.of("left", 48, "right", 24, "top", 48, "bottom", 32));
        option.put("xAxis", Map.of("type", "category", "data", years.stream().map(String::valueOf).toList()));
        option.put("yAxis", Map.of("type", "value", "name", indicator.unit() == null ? "" : indicator.unit(), "scale", true));
        option.put("series", series);
        return option;
    }

    private static Map<String, Object> line(String name, TreeSet<Integer> years, Map<Integer, BigDecimal> byYear,
                                            boolean dashed) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("name", name);
        s.put("type", "line");
        s.put("connectNulls", true);
        s.put("data", years.stream().map(byYear::get).toList());
        if (dashed) {
            s.put("lineStyle", Map.of("type", "dashed"));
            s.put("symbol", "diamond");
        }
        return s;
    }

    private static BigDecimal numeric(TargetView t) {
        if (t.value() != null) return t.value();
        if (t.min() != null && t.max() != null) return t.min().add(t.max()).divide(BigDecimal.valueOf(2));
        return null;
    }
}
