package cn.gongfu.evaluation.method;

import cn.gongfu.evaluation.method.UnitScore.Component;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * An office's 考核细则 for a plan's year: the weights of the score's components, the deductions computed from the
 * unit's record (points each, capped per rule), and the cap of all deductions together and of all bonuses. Units compete
 * in their peer groups as the ranking has them (departments; towns and streets). {@link #DEFAULTS} is what holds
 * without a rule: {@link UnitScore#DEFAULT_WEIGHTS} and the deductions documented in docs/assessment.md.
 */
public record ScoreRules(Map<Component, Double> weights, Map<DeductionRule, Deduction> deductions, double deductionCap,
                         double bonusCap) {

    /** What a unit loses points for, counted from reporting and supervision. */
    public enum DeductionRule {
        /** A report not submitted by its due date. */
        OVERDUE_REPORT,
        /** A report returned by the office (each return counts). */
        RETURNED_REPORT,
        /** A red order (红色督办单) the unit received. */
        RED_ORDER,
        /** An issue (问题) past its deadline and not closed. */
        OVERDUE_ISSUE
    }

    /** Points lost per counted case, and at most {@code cap} for the rule. */
    public record Deduction(double pointsEach, double cap) {

        public Deduction {
            if (pointsEach < 0 || cap < 0 || Double.isNaN(pointsEach) || Double.isNaN(cap))
                throw new IllegalArgumentException("deduction points and cap must not be negative");
        }

        /** The points lost for {@code count} cases: {@code min(cap, count · pointsEach)}. */
        public double points(int count) {
            return Math.min(cap, count * pointsEach);
        }
    }

    public ScoreRules {
        weights = Collections.unmodifiableMap(new EnumMap<>(weights));
        deductions = Collections.unmodifiableMap(new EnumMap<>(deductions));
        if (weights.values().stream().anyMatch(w -> w < 0 || w.isNaN())) throw new IllegalArgumentException("weights must not be negative");
        if (weights.values().stream().mapToDouble(Double::doubleValue).sum() <= 0) throw new IllegalArgumentException("no weight is positive");
        if (deductionCap < 0 || bonusCap < 0) throw new IllegalArgumentException("caps must not be negative");
    }

    public static final ScoreRules DEFAULTS = defaults();

    private static ScoreRules defaults() {
        Map<DeductionRule, Deduction> d = new EnumMap<>(DeductionRule.class);
        d.put(DeductionRule.OVERDUE_REPORT, new Deduction(0.5, 3));
        d.put(DeductionRule.RETURNED_REPORT, new Deduction(0.5, 2));
        d.put(DeductionRule.RED_ORDER, new Deduction(1, 3));
        d.put(DeductionRule.OVERDUE_ISSUE, new Deduction(0.5, 2));
        return new ScoreRules(UnitScore.DEFAULT_WEIGHTS, d, 10, 5);
    }

    /** The rule's deduction (none: zero points). */
    public Deduction deduction(DeductionRule rule) {
        return deductions.getOrDefault(rule, new Deduction(0, 0));
    }
}
