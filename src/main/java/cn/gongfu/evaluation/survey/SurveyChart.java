package cn.gongfu.evaluation.survey;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ECharts option of the survey page: one line per sense (and the overall index, dashed) over the
 * waves, each with its 95% confidence interval drawn as a band (a transparent lower bound with the
 * interval's width stacked on it). Band series share their line's name, so the legend toggles both.
 */
final class SurveyChart {

    private SurveyChart() {}

    static final Map<String, String> COLOURS = Map.of("gain", "#c0392b", "happiness", "#d68910",
            "security", "#1f7a8c", "identity", "#6c3483", "overall", "#2c3e50");

    /** {@code labels}: the name of each sense and of "overall" in the reader's language. */
    static Map<String, Object> option(List<WaveIndex> waves, Map<String, String> labels, boolean withRegion,
                                      Map<String, String> regionNames) {
        List<WaveIndex> drawn = waves.stream().filter(w -> w.overall() != null).toList();
        List<String> x = drawn.stream().map(w -> (withRegion ? regionNames.getOrDefault(w.wave().regionCode(),
                w.wave().regionCode()) + " · " : "") + w.wave().name()).toList();
        List<Map<String, Object>> series = new ArrayList<>();
        List<String> legend = new ArrayList<>();
        for (String code : List.of("gain", "happiness", "security", "identity", "overall")) {
            String name = labels.get(code);
            String colour = COLOURS.get(code);
            legend.add(name);
            List<Double> index = new ArrayList<>(), low = new ArrayList<>(), width = new ArrayList<>();
            for (WaveIndex w : drawn) {
                WaveIndex.Score s = w.score(code);
                index.add(s == null ? null : round(s.index()));
                low.add(s == null ? null : round(s.low()));
                width.add(s == null ? null : round(s.high() - s.low()));
            }
            String stack = "ci-" + code;
            Map<String, Object> lower = new LinkedHashMap<>();
            lower.put("name", name);
            lower.put("type", "line");
            lower.put("stack", stack);
            lower.put("data", low);
            lower.put("symbol", "none");
            lower.put("silent", true);
            lower.put("lineStyle", Map.of("opacity", 0));
            lower.put("tooltip", Map.of("show", false));
            series.add(lower);
            Map<String, Object> band = new LinkedHashMap<>();
            band.put("name", name);
            band.put("type", "line");
            band.put("stack", stack);
            band.put("data", width);
            band.put("symbol", "none");
            band.put("silent", true);
            band.put("lineStyle", Map.of("opacity", 0));
            band.put("areaStyle", Map.of("color", colour, "opacity", "overall".equals(code) ? 0.08 : 0.14));
            band.put("tooltip", Map.of("show", false));
            series.add(band);
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("name", name);
            line.put("type", "line");
            line.put("data", index);
            line.put("itemStyle", Map.of("color", colour));
            line.put("lineStyle", "overall".equals(code) ? Map.of("color", colour, "type", "dashed", "width", 3)
                    : Map.of("color", colour, "width", 2));
            series.add(line);
        }
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("animation", false);   // drawn at once: screenshots and printouts show the whole line
        option.put("color", List.of(COLOURS.get("gain"), COLOURS.get("happiness"), COLOURS.get("security"),
                COLOURS.get("identity"), COLOURS.get("overall")));
        option.put("tooltip", Map.of("trigger", "axis"));
        option.put("legend", Map.of("top", 0, "data", legend));
        option.put("grid", Map.of("left", 48, "right", 24, "top", 48, "bottom", 40));
        option.put("xAxis", Map.of("type", "category", "boundaryGap", false, "data", x));
        option.put("yAxis", Map.of("type", "value", "min", 0, "max", 100));
        option.put("series", series);
        return option;
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
