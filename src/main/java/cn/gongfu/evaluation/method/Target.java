package cn.gongfu.evaluation.method;

import cn.gongfu.vocabulary.Polarity;
import cn.gongfu.vocabulary.TargetComparator;

/**
 * A target for one year: {@code value} for the one-sided comparators, {@code min}/{@code max} for a
 * range. The target is due at the end of {@code year} (December). Which numbers a comparator needs is
 * {@link TargetComparator#isSatisfiedBy}: the rule the plan writer and the import review apply too.
 */
public record Target(TargetComparator comparator, Double value, Double min, Double max, int year) {

    /** Relative tolerance for comparisons: the database keeps 6 decimals, doubles add noise. */
    static final double EPS = 1e-9;

    public Target {
        if (comparator == null) throw new IllegalArgumentException("target comparator is required");
        if (!comparator.isSatisfiedBy(value, min, max))
            throw new IllegalArgumentException("a " + comparator.code() + " target needs " + comparator.needs() + " (year " + year + ")");
    }

    public static Target atLeast(double value, int year) { return new Target(TargetComparator.GE, value, null, null, year); }
    public static Target atMost(double value, int year) { return new Target(TargetComparator.LE, value, null, null, year); }
    public static Target below(double value, int year) { return new Target(TargetComparator.LT, value, null, null, year); }
    public static Target reach(double value, int year) { return new Target(TargetComparator.EQ, value, null, null, year); }
    public static Target range(double min, double max, int year) { return new Target(TargetComparator.RANGE, null, min, max, year); }
    /** A yes/no or staged target: reached when the reported stage is at least {@code stage}. */
    public static Target event(double stage, int year) { return new Target(TargetComparator.QUALITATIVE, stage, null, null, year); }

    /** Whether {@code x} meets this target for an indicator of the given polarity. */
    public boolean isMetBy(double x, Polarity polarity) {
        return switch (comparator) {
            case GE -> x >= value - tol(value);
            case GT -> x > value + tol(value);
            case LE -> x <= value + tol(value);
            case LT -> x < value - tol(value);
            case EQ -> switch (polarity) {
                case LOWER -> x <= value + tol(value);
                case BAND -> Math.abs(x - value) <= tol(value);
                default -> x >= value - tol(value);
            };
            case RANGE -> x >= min - tol(min) && x <= max + tol(max);
            case ASSIGNED, QUALITATIVE -> x >= eventGoal() - tol(eventGoal());
        };
    }

    /**
     * The single number progress is measured towards: the value; for a range the bound on the good
     * side (min if higher is better, max if lower is better); 1 (= done) for a yes/no without value.
     */
    public double goal(Polarity polarity) {
        if (comparator == TargetComparator.RANGE) return polarity == Polarity.LOWER ? max : min;
        if (comparator == TargetComparator.ASSIGNED || comparator == TargetComparator.QUALITATIVE) return eventGoal();
        return value;
    }

    /** Lower and upper bound of the band this target describes (a point for EQ). */
    double bandLow() { return comparator == TargetComparator.RANGE ? min : value; }
    double bandHigh() { return comparator == TargetComparator.RANGE ? max : value; }

    private double eventGoal() { return value != null ? value : 1.0; }

    private static double tol(double v) { return EPS * Math.max(1.0, Math.abs(v)); }
}
