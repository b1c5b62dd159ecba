package cn.gongfu.evaluation.method;

import cn.gongfu.vocabulary.Polarity;
import cn.gongfu.vocabulary.TargetComparator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Checks the targets of one indicator in one region, across years and sources:
 * <ul>
 *   <li>{@link Kind#CONFLICT}: two sources give different targets for the same year;</li>
 *   <li>{@link Kind#CUMULATIVE_FALLS}: a running total's target is lower than an earlier year's;</li>
 *   <li>{@link Kind#TARGET_WORSENS}: a later year's target is worse, for the polarity, than the
 *       previous year's (e.g. a mortality rate allowed to rise).</li>
 * </ul>
 * Successive years are compared across all sources; every finding names both targets and sources.
 * Qualitative targets and ranges are compared only for conflicts.
 */
public final class TargetConsistency {

    private TargetConsistency() {}

    public enum Kind { CONFLICT, CUMULATIVE_FALLS, TARGET_WORSENS }

    /** A target as some document states it; {@code source} says where (plan, section, text span). */
    public record SourcedTarget(Target target, String source) {}

    public record Finding(Kind kind, String indicator, SourcedTarget first, SourcedTarget second, String message) {}

    public static List<Finding> check(String indicator, Polarity polarity, boolean cumulative, List<SourcedTarget> targets) {
        List<SourcedTarget> sorted = new ArrayList<>(targets);
        sorted.sort(Comparator.comparingInt((SourcedTarget t) -> t.target().year()));
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            for (int j = i + 1; j < sorted.size() && sorted.get(j).target().year() == sorted.get(i).target().year(); j++) {
                SourcedTarget a = sorted.get(i), b = sorted.get(j);
                if (!same(a.target(), b.target()))
                    findings.add(new Finding(Kind.CONFLICT, indicator, a, b, indicator + " " + a.target().year() + ": "
                            + show(a.target()) + " (" + a.source() + ") ≠ " + show(b.target()) + " (" + b.source() + ")"));
            }
        }
        if (polarity.direction() == 0 && !cumulative) return findings;
        // Each target against every target of the nearest earlier year (all sources).
        for (SourcedTarget later : sorted) {
            int prevYear = sorted.stream().mapToInt(t -> t.target().year()).filter(y -> y < later.target().year()).max().orElse(Integer.MIN_VALUE);
            for (SourcedTarget earlier : sorted) {
                if (earlier.target().year() != prevYear) continue;
                Double e = point(earlier.target()), l = point(later.target());
                if (e == null || l == null) continue;
                String pair = show(earlier.target()) + " in " + earlier.target().year() + " (" + earlier.source() + ") → "
                        + show(later.target()) + " in " + later.target().year() + " (" + later.source() + ")";
                if (cumulative && l < e) {
                    findings.add(new Finding(Kind.CUMULATIVE_FALLS, indicator, earlier, later, indicator + ": running total falls, " + pair));
                } else if (polarity.direction() * (l - e) < 0) {
                    findings.add(new Finding(Kind.TARGET_WORSENS, indicator, earlier, later, indicator + ": target worsens, " + pair));
                }
            }
        }
        return findings;
    }

    /**
     * Two targets agree when they say the same; a number and a bound on the same number ("8.5" and "≥8.5",
     * "≥8.5" and ">8.5") are the same target phrased differently, unless the bounds point opposite ways.
     */
    private static boolean same(Target a, Target b) {
        int da = direction(a.comparator()), db = direction(b.comparator());
        if (da != Integer.MIN_VALUE && db != Integer.MIN_VALUE) {
            return eq(a.value(), b.value()) && (da == db || da == 0 || db == 0);
        }
        return a.comparator() == b.comparator() && eq(a.value(), b.value()) && eq(a.min(), b.min()) && eq(a.max(), b.max());
    }

    /** +1 for a lower bound, −1 for an upper bound, 0 for a plain number; MIN_VALUE for ranges and yes/no targets. */
    private static int direction(TargetComparator c) {
        return switch (c) {
            case GE, GT -> 1;
            case LE, LT -> -1;
            case EQ -> 0;
            default -> Integer.MIN_VALUE;
        };
    }

    private static boolean eq(Double a, Double b) {
        if (a == null || b == null) return Objects.equals(a, b);
        return Math.abs(a - b) <= Target.EPS * Math.max(1, Math.abs(a));
    }

    /** A single comparable number, or null for ranges and yes/no targets. */
    private static Double point(Target t) {
        return switch (t.comparator()) {
            case GE, GT, LE, LT, EQ -> t.value();
            default -> null;
        };
    }

    private static String show(Target t) {
        return switch (t.comparator()) {
            case GE -> "≥" + t.value();
            case GT -> ">" + t.value();
            case LE -> "≤" + t.value();
            case LT -> "<" + t.value();
            case EQ -> String.valueOf(t.value());
            case RANGE -> "[" + t.min() + ", " + t.max() + "]";
            case ASSIGNED -> "assigned" + (t.value() == null ? "" : " " + t.value());
            case QUALITATIVE -> "stage " + (t.value() == null ? "1" : t.value());
        };
    }
}
