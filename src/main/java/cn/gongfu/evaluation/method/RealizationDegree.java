package cn.gongfu.evaluation.method;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Realization degree (实现度) per domain and overall, after the NBS monitoring scheme for a moderately
 * prosperous society (全面建设小康社会统计监测方案): each indicator normalised against its target and
 * capped at 1, then {@code Σ w_i Z_i}. Two variants, and every result says which it used:
 * <ul>
 *   <li>{@link Variant#LEVEL} (NBS): positive {@code Z = min(x/x_s, 1)}, inverse {@code Z = min(x_s/x, 1)},
 *       interval scoring with target [a, b] and bounds [L, U], yes/no 1 or 0 — the level reached;</li>
 *   <li>{@link Variant#FROM_BASELINE}: {@code Z = clamp((x − x_b)/(x_s − x_b), 0, 1)} — the share of the
 *       plan's way travelled (interval and yes/no items score as in LEVEL).</li>
 * </ul>
 * A domain's degree is the weighted mean of its items with the weights renormalised within the
 * domain; the overall degree is {@code Σ w_i Z_i} over all items. Results are fractions (0.873 = 87.3%).
 */
public final class RealizationDegree {

    private RealizationDegree() {}

    public enum Kind {
        /** Higher is better: Z = min(x / x_s, 1). */
        POSITIVE,
        /** Lower is better: Z = min(x_s / x, 1). */
        INVERSE,
        /** Inside [a, b] scores 1, falling linearly to 0 at the allowed bounds L and U. */
        INTERVAL,
        /** Yes/no: 1 when x ≥ x_s (default x_s = 1), else 0. */
        YES_NO
    }

    public enum Variant { LEVEL, FROM_BASELINE }

    /**
     * One indicator's input. {@code target} is x_s (or a for an interval); {@code targetHigh} is b;
     * {@code lowerBound}/{@code upperBound} are L and U for an interval; {@code baseline} is x_b, needed
     * by {@link Variant#FROM_BASELINE} for positive and inverse items.
     */
    public record Item(String id, String domain, Kind kind, double value, double target,
                       Double targetHigh, Double lowerBound, Double upperBound, Double baseline) {

        public static Item positive(String id, String domain, double value, double target, Double baseline) {
            return new Item(id, domain, Kind.POSITIVE, value, target, null, null, null, baseline);
        }

        public static Item inverse(String id, String domain, double value, double target, Double baseline) {
            return new Item(id, domain, Kind.INVERSE, value, target, null, null, null, baseline);
        }

        public static Item interval(String id, String domain, double value, double a, double b, double lowerBound, double upperBound) {
            return new Item(id, domain, Kind.INTERVAL, value, a, b, lowerBound, upperBound, null);
        }

        public static Item yesNo(String id, String domain, boolean done) {
            return new Item(id, domain, Kind.YES_NO, done ? 1 : 0, 1, null, null, null, null);
        }
    }

    /** One item's part of the number: {@code contribution = weight × score}; {@code formula} shows how Z was found. */
    public record Contribution(String id, String domain, double score, double weight, double contribution, String formula) {}

    public record DomainResult(String domain, double degree, double weight) {}

    /** The overall degree, each domain's, each item's contribution, and the variant and formula used. */
    public record Result(Variant variant, double overall, List<DomainResult> domains, List<Contribution> contributions, String formula) {}

    /** Equal weights over the items. */
    public static Result compute(List<Item> items, Variant variant) {
        return compute(items, variant, Weights.equal(items.stream().map(Item::id).toList()));
    }

    /** With the given weights (see {@link Weights}); they are rescaled to sum to 1. */
    public static Result compute(List<Item> items, Variant variant, Map<String, Double> weights) {
        if (items.isEmpty()) throw new IllegalArgumentException("no indicators to aggregate");
        Map<String, Double> w = Weights.expert(items.stream().map(Item::id).toList(), weights);
        List<Contribution> contributions = new ArrayList<>();
        Map<String, double[]> byDomain = new LinkedHashMap<>(); // domain → {Σ w z, Σ w}
        double overall = 0;
        for (Item item : items) {
            double z = score(item, variant);
            double wi = w.get(item.id());
            contributions.add(new Contribution(item.id(), item.domain(), z, wi, wi * z, formula(item, variant, z)));
            overall += wi * z;
            double[] acc = byDomain.computeIfAbsent(item.domain(), k -> new double[2]);
            acc[0] += wi * z;
            acc[1] += wi;
        }
        List<DomainResult> domains = new ArrayList<>();
        byDomain.forEach((d, acc) -> domains.add(new DomainResult(d, acc[1] == 0 ? 0 : acc[0] / acc[1], acc[1])));
        String formula = (variant == Variant.LEVEL ? "NBS level: " : "distance from baseline: ") + "Σ w_i·Z_i, Z capped to [0, 1]";
        return new Result(variant, overall, domains, contributions, formula);
    }

    /** Z for one item, within [0, 1]. */
    public static double score(Item item, Variant variant) {
        double x = item.value(), s = item.target();
        return switch (item.kind()) {
            case YES_NO -> x >= s ? 1 : 0;
            case INTERVAL -> interval(x, s, item.targetHigh(), item.lowerBound(), item.upperBound());
            case POSITIVE, INVERSE -> variant == Variant.FROM_BASELINE ? fromBaseline(item) : level(item.kind(), x, s);
        };
    }

    private static double level(Kind kind, double x, double s) {
        if (kind == Kind.POSITIVE) return s <= 0 ? (x >= s ? 1 : 0) : clamp(x / s);
        // Inverse: a value of 0 is as good as it gets; a target of 0 scores only when reached.
        if (x <= 0) return 1;
        return s <= 0 ? 0 : clamp(s / x);
    }

    private static double fromBaseline(Item item) {
        if (item.baseline() == null)
            throw new IllegalArgumentException("'" + item.id() + "' needs a baseline for the from-baseline variant");
        double b = item.baseline(), x = item.value(), s = item.target();
        int d = item.kind() == Kind.POSITIVE ? 1 : -1;
        if (d * (s - b) <= 0) { // the target is no improvement on the baseline: the plan asks to hold a line
            boolean held = d * (x - s) >= 0;
            return held ? 1 : 0;
        }
        return clamp((x - b) / (s - b));
    }

    private static double interval(double x, double a, Double b, Double lower, Double upper) {
        if (b == null || lower == null || upper == null || !(lower <= a && a <= b && b <= upper))
            throw new IllegalArgumentException("an interval item needs L ≤ a ≤ b ≤ U");
        if (x >= a && x <= b) return 1;
        if (x < a) return a == lower ? 0 : clamp((x - lower) / (a - lower));
        return upper.equals(b) ? 0 : clamp((upper - x) / (upper - b));
    }

    private static double clamp(double z) {
        return Math.max(0, Math.min(1, z));
    }

    private static String formula(Item item, Variant variant, double z) {
        String zs = String.format(Locale.ROOT, "%.4f", z);
        return switch (item.kind()) {
            case YES_NO -> "done ? 1 : 0 = " + zs;
            case INTERVAL -> "interval [" + num(item.target()) + ", " + num(item.targetHigh()) + "] within ["
                    + num(item.lowerBound()) + ", " + num(item.upperBound()) + "], x = " + num(item.value()) + " → " + zs;
            case POSITIVE, INVERSE -> variant == Variant.FROM_BASELINE
                    ? "clamp((" + num(item.value()) + " − " + num(item.baseline()) + ")/(" + num(item.target()) + " − " + num(item.baseline()) + ")) = " + zs
                    : item.kind() == Kind.POSITIVE
                    ? "min(" + num(item.value()) + "/" + num(item.target()) + ", 1) = " + zs
                    : "min(" + num(item.target()) + "/" + num(item.value()) + ", 1) = " + zs;
        };
    }

    private static String num(Double x) {
        if (x == null) return "?";
        return x == Math.rint(x) && Math.abs(x) < 1e15 ? String.valueOf(x.longValue()) : String.valueOf(x);
    }
}
