package cn.gongfu.evaluation.method;

import java.util.List;
import java.util.Set;

/**
 * How the values of the regions below a region add up for one indicator (分级汇总): a total where the indicator is
 * additive (counts, money), a mean weighted by another indicator of each region where a weight is defined (per-capita
 * figures by 常住人口), and none otherwise: a rate or an index of several regions has no total, and saying one would
 * mislead. docs/levels.md states the rule and the defaults.
 */
public final class RollUp {

    private RollUp() {}

    public enum Method {
        /** Σ v_i: counts, money, areas. */
        SUM,
        /** Σ v_i·w_i / Σ w_i over the regions with both a value and a weight. */
        WEIGHTED,
        /** Not comparable as a total: shown side by side only. */
        NONE;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static Method of(String code) {
            return valueOf(code.toUpperCase(java.util.Locale.ROOT));
        }
    }

    /** The weight a per-capita indicator is averaged by when the office names none. */
    public static final String DEFAULT_WEIGHT = "常住人口";

    /** Words of a name that make an indicator a ratio, a rate or an index: never summed. */
    private static final List<String> RATIO_WORDS = List.of("人均", "每", "率", "比重", "比例", "占比", "指数", "系数", "平均",
            "密度", "增长", "增速", "倍差", "覆盖", "满意度", "水平");

    /** Units of quantities that add up across regions. */
    private static final Set<String> ADDITIVE_UNITS = Set.of("个", "家", "所", "项", "人", "万人", "户", "万户", "套", "张", "辆",
            "公里", "千米", "亩", "万亩", "元", "万元", "亿元", "吨", "万吨", "座", "处", "间", "名", "次", "人次", "万人次", "条",
            "栋", "幢", "平方米", "万平方米", "公顷", "台", "床", "支", "件", "场", "批");

    /**
     * The method when the office has set none: a per-capita name (人均) is weighted by {@link #DEFAULT_WEIGHT}; another
     * ratio, rate or index, or a unit with a "%" or a "/", is not comparable; a quantity in an additive unit is summed;
     * anything else is not comparable (a wrong total is worse than none).
     */
    public static Method infer(String name, String unit) {
        String n = name == null ? "" : name;
        String u = unit == null ? "" : unit.trim();
        if (n.contains("人均")) return Method.WEIGHTED;
        if (u.contains("%") || u.contains("‰") || u.contains("/") || u.contains("每")) return Method.NONE;
        for (String w : RATIO_WORDS) if (n.contains(w)) return Method.NONE;
        return ADDITIVE_UNITS.contains(u) ? Method.SUM : Method.NONE;
    }

    /** One region's part: its value, and its weight (null: none reported). */
    public record Part(Double value, Double weight) {}

    /**
     * The combined value of {@code parts}, one per region below (a null value: not reported). {@code value} is null
     * when there is none: no method, no value, or (weighted) no region with both a value and a positive weight.
     * {@code counted} regions went into it, out of {@code regions}: a sum over some of the regions is a partial total
     * and says so.
     */
    public record Total(Method method, Double value, int counted, int regions) {

        public boolean complete() {
            return value != null && counted == regions;
        }
    }

    public static Total total(Method method, List<Part> parts) {
        int regions = parts.size();
        switch (method) {
            case SUM -> {
                double sum = 0;
                int counted = 0;
                for (Part p : parts) {
                    if (p.value() != null) {
                        sum += p.value();
                        counted++;
                    }
                }
                return new Total(method, counted == 0 ? null : sum, counted, regions);
            }
            case WEIGHTED -> {
                double weighted = 0, weights = 0;
                int counted = 0;
                for (Part p : parts) {
                    if (p.value() != null && p.weight() != null && p.weight() > 0) {
                        weighted += p.value() * p.weight();
                        weights += p.weight();
                        counted++;
                    }
                }
                return new Total(method, counted == 0 ? null : weighted / weights, counted, regions);
            }
            default -> {
                return new Total(method, null, 0, regions);
            }
        }
    }

    /**
     * Standard competition ranks ("1, 1, 3") of the values for the polarity: higher first for {@code higher}, lower
     * first for {@code lower}; no rank (null) for a region without a value or for other polarities (a band, a
     * milestone: nearer to the target is not "more").
     */
    public static Integer[] ranks(List<Double> values, String polarity) {
        Integer[] ranks = new Integer[values.size()];
        boolean higher = "higher".equals(polarity);
        if (!higher && !"lower".equals(polarity)) return ranks;
        for (int i = 0; i < values.size(); i++) {
            Double v = values.get(i);
            if (v == null) continue;
            int better = 0;
            for (Double o : values) if (o != null && (higher ? o > v : o < v)) better++;
            ranks[i] = better + 1;
        }
        return ranks;
    }
}
