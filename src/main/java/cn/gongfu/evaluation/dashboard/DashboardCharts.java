package cn.gongfu.evaluation.dashboard;

import cn.gongfu.evaluation.EvaluationService;
import cn.gongfu.evaluation.EvaluationService.IndicatorEvaluation;
import cn.gongfu.evaluation.EvaluationService.TaskEvaluation;
import cn.gongfu.evaluation.method.Assessment;
import cn.gongfu.evaluation.method.Point;
import cn.gongfu.evaluation.method.RealizationDegree;
import cn.gongfu.evaluation.method.Status;
import cn.gongfu.evaluation.ranking.RankingService.UnitRank;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * ECharts options for the dashboards, built on the server: the page puts them in a data-chart attribute
 * and app.js only calls setOption, so no inline script is needed.
 */
final class DashboardCharts {

    static final Map<Status, String> COLORS = Map.of(Status.ACHIEVED, "#1e7b4f", Status.ON_TRACK, "#52a675",
            Status.LAGGING, "#e0a100", Status.SERIOUSLY_LAGGING, "#d9480f", Status.REGRESSING, "#b3261e",
            Status.NO_DATA, "#9aa5b1", Status.NOT_STARTED, "#6b7785");

    /** The Gantt rows one screen shows (28 px a row); more scroll inside the chart. */
    static final int GANTT_ROWS = 22;

    /** The Gantt's height in pixels for so many rows: all of them up to a screen, else a screen that scrolls. */
    static int ganttHeight(int rows) {
        return Math.max(240, 28 * Math.min(rows, GANTT_ROWS) + 104);
    }

    private DashboardCharts() {}

    static Map<String, Object> gauge(double degree, String label) {
        Map<String, Object> series = new LinkedHashMap<>();
        series.put("type", "gauge");
        series.put("min", 0);
        series.put("max", 100);
        series.put("progress", Map.of("show", true, "width", 14));
        series.put("axisLine", Map.of("lineStyle", Map.of("width", 14)));
        // the number stands in the middle of the dial and the labels outside the ticks, so neither covers the other
        series.put("axisTick", Map.of("distance", -14, "length", 4));
        series.put("splitLine", Map.of("distance", -14, "length", 8));
        series.put("axisLabel", Map.of("distance", 20, "fontSize", 10));
        series.put("pointer", Map.of("show", false));
        series.put("detail", Map.of("valueAnimation", false, "formatter", "{value}%", "fontSize", 26, "offsetCenter", List.of(0, "0%")));
        series.put("title", Map.of("offsetCenter", List.of(0, "35%"), "fontSize", 12));
        series.put("data", List.of(Map.of("value", Math.round(degree * 1000) / 10.0, "name", label)));
        return Map.of("series", List.of(series));
    }

    static Map<String, Object> radar(RealizationDegree.Result result, String label) {
        List<Map<String, Object>> indicators = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (RealizationDegree.DomainResult d : result.domains()) {
            indicators.add(Map.of("name", d.domain(), "max", 100));
            values.add(Math.round(d.degree() * 1000) / 10.0);
        }
        return Map.of("tooltip", Map.of(), "radar", Map.of("indicator", indicators, "radius", "55%", "center", List.of("50%", "52%"),
                        "axisName", Map.of("fontSize", 11, "overflow", "break", "width", 72)),
                "series", List.of(Map.of("type", "radar", "areaStyle", Map.of("opacity", 0.2),
                        "data", List.of(Map.of("value", values, "name", label)))));
    }

    static Map<String, Object> distribution(Map<Status, Long> counts, Function<Status, String> names) {
        List<Map<String, Object>> data = new ArrayList<>();
        counts.forEach((status, n) -> {
            if (n > 0) data.add(Map.of("name", names.apply(status), "value", n, "itemStyle", Map.of("color", COLORS.get(status))));
        });
        return Map.of("tooltip", Map.of("trigger", "item"), "legend", Map.of("bottom", 0, "type", "scroll"),
                "series", List.of(Map.of("type", "pie", "radius", List.of("36%", "58%"), "center", List.of("50%", "44%"),
                        "avoidLabelOverlap", true, "data", data,
                        "label", Map.of("formatter", "{b}\n{c}", "overflow", "break", "width", 72, "fontSize", 11),
                        "labelLine", Map.of("length", 8, "length2", 6))));
    }

    /**
     * Observed values against the straight path from baseline to target, the yearly targets as marks, and
     * the projection from the latest value to the target year.
     */
    static Map<String, Object> trajectory(IndicatorEvaluation e, Map<String, String> labels) {
        Assessment a = e.assessment();
        TreeSet<Integer> years = new TreeSet<>();
        e.values().forEach(p -> years.add(p.period().getYear()));
        e.targets().forEach(t -> years.add(t.year()));
        if (a.targetYear() != null) years.add(a.targetYear());
        List<Integer> axis = years.isEmpty() ? List.of() : range(years.first(), years.last());
        Map<Integer, Double> observed = new LinkedHashMap<>();
        e.values().forEach(p -> observed.put(p.period().getYear(), p.value()));
        Map<Integer, Double> targets = new LinkedHashMap<>();
        e.targets().forEach(t -> {
            if (t.value() != null) targets.putIfAbsent(t.year(), t.value().doubleValue());
        });
        List<Map<String, Object>> series = new ArrayList<>();
        series.add(line(labels.get("observed"), axis, observed, Map.of("width", 3), "circle"));
        series.add(Map.of("name", labels.get("target"), "type", "scatter", "symbol", "diamond", "symbolSize", 12,
                "data", axis.stream().map(targets::get).toList()));
        if (a.baseline() != null && a.goal() != null && a.targetYear() != null) {
            Map<Integer, Double> path = new LinkedHashMap<>();
            int from = a.baseline().period().getYear();
            for (int y = from; y <= a.targetYear(); y++) {
                path.put(y, a.baseline().value() + (a.goal() - a.baseline().value()) * (y - from) / Math.max(1, a.targetYear() - from));
            }
            series.add(line(labels.get("trajectory"), axis, path, Map.of("type", "dashed"), "none"));
        }
        if (a.current() != null && a.projectedValue() != null && a.targetYear() != null) {
            Map<Integer, Double> projection = new LinkedHashMap<>();
            projection.put(a.current().period().getYear(), a.current().value());
            projection.put(a.targetYear(), a.projectedValue());
            series.add(line(labels.get("projection"), axis, projection, Map.of("type", "dotted"), "triangle"));
        }
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("tooltip", Map.of("trigger", "axis"));
        option.put("legend", Map.of("top", 0));
        option.put("grid", Map.of("left", 56, "right", 24, "top", 48, "bottom", 32));
        option.put("xAxis", Map.of("type", "category", "data", axis.stream().map(String::valueOf).toList()));
        option.put("yAxis", Map.of("type", "value", "scale", true, "name", e.indicator().unit() == null ? "" : e.indicator().unit()));
        option.put("series", series);
        return option;
    }

    /**
     * Milestones as bars from their first to their last month, coloured by their task's status (the one the task
     * table shows, so the chart and the table agree), with a line at the month evaluated. Bars stack on an invisible
     * offset in months from January of the first year (ECharts stacks only on a value axis, so no script is needed);
     * a second, category axis on top names the years at their boundaries, so the axis reads as dates.
     * <p>
     * The rows are grouped by {@code groupOf} (the task's action, or chapter): the tasks come in the order the groups
     * should show, and each group starts with a label row of its own, {@code {group|heading}} in the axis' rich text,
     * with no bar. A task without a group is put under {@code otherGroup}; when no task has a group, there are no label
     * rows at all. The option is a base option with a media query for narrow charts (phones), where the labels take
     * less of the width.
     */
    static Map<String, Object> gantt(List<TaskEvaluation> tasks, Function<TaskEvaluation, String> groupOf, String otherGroup,
                                     YearMonth asOf, String asOfLabel,
                                     Function<Status, String> statusNames, Function<LocalDate, String> doneText) {
        List<EvaluationService.Span> all = tasks.stream().flatMap(t -> t.spans().stream()).toList();
        int firstYear = all.stream().map(EvaluationService.Span::from).min(YearMonth::compareTo).orElse(asOf).getYear();
        YearMonth last = all.stream().map(EvaluationService.Span::to).max(YearMonth::compareTo).orElse(asOf);
        int lastYear = Math.max(last.getYear(), asOf.getYear());
        YearMonth base = YearMonth.of(firstYear, 1);
        List<String> rows = new ArrayList<>();
        List<Object> offsets = new ArrayList<>();
        List<Object> bars = new ArrayList<>();
        boolean grouped = tasks.stream().anyMatch(t -> groupOf.apply(t) != null);
        String group = null;
        for (TaskEvaluation t : tasks) {
            String heading = groupOf.apply(t) == null ? otherGroup : groupOf.apply(t);
            if (grouped && !heading.equals(group)) {
                group = heading;
                rows.add(groupRow(heading));
                offsets.add(null);
                bars.add(null);
            }
            Status status = t.assessment().status();
            for (EvaluationService.Span s : t.spans()) {
                rows.add(t.code() + " " + shorten(s.text(), 16));
                offsets.add(monthsFrom(base, s.from()));
                bars.add(Map.of("value", monthsFrom(s.from(), s.to()) + 1, "itemStyle", Map.of("color", COLORS.get(status)),
                        "name", t.code() + " " + s.text() + " · " + s.from() + " – " + s.to() + " · "
                                + doneText.apply(s.completedOn()) + " · " + statusNames.apply(status)));
            }
        }
        List<String> years = new ArrayList<>();
        for (int y = firstYear; y <= lastYear + 1; y++) years.add(String.valueOf(y));
        int span = 12 * (lastYear + 1 - firstYear);
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("tooltip", Map.of("trigger", "item", "formatter", "{b}"));
        List<Status> shown = tasks.stream().map(t -> t.assessment().status()).distinct().sorted().toList();
        option.put("legend", Map.of("top", 0, "type", "scroll", "selectedMode", false,
                "data", shown.stream().map(statusNames).toList()));
        boolean scrolls = rows.size() > GANTT_ROWS;
        option.put("grid", Map.of("left", 200, "right", scrolls ? 40 : 24, "top", 56, "bottom", 16));
        if (scrolls) {
            option.put("dataZoom", List.of(
                    Map.of("type", "slider", "yAxisIndex", 0, "right", 8, "width", 16, "startValue", 0, "endValue", GANTT_ROWS - 1,
                            "zoomLock", true, "showDetail", false),
                    Map.of("type", "inside", "yAxisIndex", 0, "zoomOnMouseWheel", false, "moveOnMouseWheel", true)));
        }
        option.put("xAxis", List.of(
                Map.of("type", "value", "min", 0, "max", span, "interval", 12, "axisLabel", Map.of("show", false)),
                Map.of("type", "category", "position", "top", "boundaryGap", false, "data", years,
                        "splitLine", Map.of("show", false))));
        option.put("yAxis", Map.of("type", "category", "data", rows, "inverse", true,
                // labels end in an ellipsis within the grid's left margin rather than being cut at the chart's edge
                "axisLabel", Map.of("width", 188, "overflow", "truncate",
                        "rich", Map.of("group", Map.of("fontWeight", "bold", "color", "#1d4f91", "fontSize", 12)))));
        List<Map<String, Object>> series = new ArrayList<>(List.of(
                Map.of("type", "bar", "stack", "gantt", "silent", true, "itemStyle", Map.of("color", "transparent"), "data", offsets),
                Map.of("type", "bar", "stack", "gantt", "data", bars, "markLine", Map.of("symbol", "none", "silent", true,
                        "label", Map.of("formatter", asOfLabel, "position", "insideEndTop"), "lineStyle", Map.of("color", "#1d4f91", "width", 2),
                        "data", List.of(Map.of("xAxis", monthsFrom(base, asOf) + 1))))));
        // the legend's entries: one empty series a status, in the status's colour
        shown.forEach(st -> series.add(Map.of("type", "bar", "name", statusNames.apply(st), "data", List.of(),
                "itemStyle", Map.of("color", COLORS.get(st)))));
        option.put("series", series);
        // a chart narrower than 500 px (a phone) gives the bars more room and the labels less
        return Map.of("baseOption", option, "media", List.of(Map.of("query", Map.of("maxWidth", 500),
                "option", Map.of("grid", Map.of("left", 124), "yAxis", Map.of("axisLabel", Map.of("width", 116, "fontSize", 11))))));
    }

    /** A group's label row on the Gantt's axis: its heading, shortened to fit, in the axis' bold rich-text style. */
    static String groupRow(String heading) {
        return "{group|" + shorten(heading.replaceAll("[{}|]", ""), 15) + "}";
    }

    /** Whole months from {@code from} to {@code to}. */
    private static long monthsFrom(YearMonth from, YearMonth to) {
        return (to.getYear() - from.getYear()) * 12L + to.getMonthValue() - from.getMonthValue();
    }

    static Map<String, Object> rankingBars(List<UnitRank> ranks) {
        List<UnitRank> ordered = new ArrayList<>(ranks);
        Collections.reverse(ordered);
        return Map.of("tooltip", Map.of("trigger", "axis"), "grid", Map.of("left", 150, "right", 40, "top", 16, "bottom", 24),
                "xAxis", Map.of("type", "value", "max", 100),
                "yAxis", Map.of("type", "category", "data", ordered.stream().map(UnitRank::unitName).toList()),
                "series", List.of(Map.of("type", "bar", "data", ordered.stream().map(r -> Math.round(r.result().score() * 10) / 10.0).toList(),
                        "label", Map.of("show", true, "position", "right"))));
    }

    /**
     * One indicator's latest values across regions, a bar a region, on a value axis named by the indicator's unit:
     * the regions page draws one such small chart an indicator, so 元 and % never share an axis.
     */
    static Map<String, Object> regionChart(String unit, List<String> regionNames, List<Double> values) {
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("tooltip", Map.of("trigger", "axis"));
        option.put("grid", Map.of("left", 16, "right", 16, "top", 32, "bottom", 8, "containLabel", true));
        option.put("xAxis", Map.of("type", "category", "data", regionNames,
                "axisLabel", Map.of("interval", 0, "overflow", "break", "width", 72, "fontSize", 11)));
        option.put("yAxis", Map.of("type", "value", "name", unit == null ? "" : unit, "nameTextStyle", Map.of("align", "left")));
        option.put("series", List.of(Map.of("type", "bar", "barMaxWidth", 40, "data", values,
                "itemStyle", Map.of("color", "#1d4f91"), "label", Map.of("show", true, "position", "top", "fontSize", 11))));
        return option;
    }

    private static Map<String, Object> line(String name, List<Integer> axis, Map<Integer, Double> values, Map<String, Object> style,
                                            String symbol) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("name", name);
        s.put("type", "line");
        s.put("connectNulls", true);
        s.put("symbol", symbol);
        s.put("lineStyle", style);
        s.put("data", axis.stream().map(values::get).toList());
        return s;
    }

    private static List<Integer> range(int from, int to) {
        List<Integer> r = new ArrayList<>();
        for (int y = from; y <= to; y++) r.add(y);
        return r;
    }

    private static String shorten(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n) + "…";
    }

    static Point latest(List<Point> points) {
        return points.isEmpty() ? null : points.get(points.size() - 1);
    }
}
