package cn.gongfu.evaluation.method;

import cn.gongfu.evaluation.method.ScoreRules.DeductionRule;
import cn.gongfu.evaluation.method.UnitScore.Component;
import cn.gongfu.evaluation.method.UnitScore.UnitInput;
import cn.gongfu.evaluation.method.UnitScore.UnitResult;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A unit's 考核 score explained line by line: {@code total = weighted + min(bonuses, bonusCap) − min(deductions,
 * deductionCap)}, where the weighted part (0–100) is {@link UnitScore}'s (the one formula of it), the bonuses are the
 * office's approved ones, and the deductions those the rule computes from the unit's counts and the office's manual ones.
 * An upheld appeal overrides one line's points ({@code overrides}: line key → points; for a bonus or deduction line the
 * points it counts, not signed). Totals are rounded to two decimals and ranked within the peer group, ties sharing a rank.
 */
public final class ExplainedScore {

    private ExplainedScore() {}

    public enum LineKind { COMPONENT, BONUS, DEDUCTION, BONUS_CAP, DEDUCTION_CAP }

    /**
     * One line. {@code key}: the component's or deduction rule's name, {@code item:<id>} for a bonus or manual deduction,
     * {@code BONUS_CAP}/{@code DEDUCTION_CAP}. {@code reason}: the item's reason (null otherwise). {@code share} and
     * {@code weight} (the effective weight, rescaled over the unit's components) for components; {@code count} for a
     * computed deduction. {@code points} signed: what the line adds to the total. {@code before}: the points before an
     * appeal changed them (null when none did).
     */
    public record Line(LineKind kind, String key, String reason, Double share, Double weight, Integer count, double points,
                       Double before) {

        public boolean adjusted() {
            return before != null;
        }
    }

    /** The record the rule's deductions count. */
    public record Counts(int overdueReports, int returnedReports, int redOrders, int overdueIssues) {

        public static final Counts NONE = new Counts(0, 0, 0, 0);

        int of(DeductionRule rule) {
            return switch (rule) {
                case OVERDUE_REPORT -> overdueReports;
                case RETURNED_REPORT -> returnedReports;
                case RED_ORDER -> redOrders;
                case OVERDUE_ISSUE -> overdueIssues;
            };
        }
    }

    /** An approved bonus ({@code bonus}) or manual deduction, its points not signed. */
    public record Item(long id, boolean bonus, String reason, double points) {}

    /** A unit's explained score and its rank by total in its peer group. */
    public record Explained(String unitId, String peerGroup, double weighted, double bonuses, double deductions, double total,
                            int rank, int groupSize, List<Line> lines) {}

    public static List<Explained> explain(List<UnitInput> inputs, ScoreRules rules, Map<String, Counts> counts,
                                          Map<String, List<Item>> items, Map<String, Map<String, Double>> overrides) {
        // a unit none of whose components the rule weighs is not scored (the rule gave its only components weight 0)
        List<UnitInput> grouped = inputs.stream().filter(i -> UnitScore.scorable(i, rules.weights())).toList();
        List<UnitResult> weighted = UnitScore.rank(grouped, rules.weights(), UnitScore.DEFAULT_ISSUE_CAP);
        List<Explained> unranked = new ArrayList<>();
        for (UnitResult r : weighted) {
            Map<String, Double> over = overrides.getOrDefault(r.unitId(), Map.of());
            List<Line> lines = new ArrayList<>();
            double wSum = r.components().keySet().stream().mapToDouble(k -> rules.weights().getOrDefault(k, 0.0)).sum();
            double weightedPoints = 0;
            for (Map.Entry<Component, Double> c : r.components().entrySet()) {
                double points = r.contributions().get(c.getKey());
                Double changed = over.get(c.getKey().name());
                lines.add(new Line(LineKind.COMPONENT, c.getKey().name(), null, c.getValue(),
                        rules.weights().getOrDefault(c.getKey(), 0.0) / wSum, null, changed == null ? points : changed,
                        changed == null ? null : round(points)));
                weightedPoints += changed == null ? points : changed;
            }
            double bonus = 0;
            double deduction = 0;
            Counts cs = counts.getOrDefault(r.unitId(), Counts.NONE);
            for (DeductionRule rule : DeductionRule.values()) {
                int n = cs.of(rule);
                double points = rules.deduction(rule).points(n);
                Double changed = over.get(rule.name());
                if (points == 0 && changed == null) continue;
                double counted = changed == null ? points : changed;
                lines.add(new Line(LineKind.DEDUCTION, rule.name(), null, null, null, n, -counted, changed == null ? null : -points));
                deduction += counted;
            }
            for (Item item : items.getOrDefault(r.unitId(), List.of())) {
                String key = "item:" + item.id();
                Double changed = over.get(key);
                double counted = changed == null ? item.points() : changed;
                double sign = item.bonus() ? 1 : -1;
                lines.add(new Line(item.bonus() ? LineKind.BONUS : LineKind.DEDUCTION, key, item.reason(), null, null, null,
                        sign * counted, changed == null ? null : sign * item.points()));
                if (item.bonus()) bonus += counted;
                else deduction += counted;
            }
            if (bonus > rules.bonusCap()) {
                lines.add(new Line(LineKind.BONUS_CAP, "BONUS_CAP", null, null, null, null, -(bonus - rules.bonusCap()), null));
                bonus = rules.bonusCap();
            }
            if (deduction > rules.deductionCap()) {
                lines.add(new Line(LineKind.DEDUCTION_CAP, "DEDUCTION_CAP", null, null, null, null, deduction - rules.deductionCap(), null));
                deduction = rules.deductionCap();
            }
            double w = round(weightedPoints);
            unranked.add(new Explained(r.unitId(), r.peerGroup(), w, round(bonus), round(deduction), round(w + bonus - deduction),
                    0, 0, List.copyOf(lines)));
        }
        Map<String, List<Explained>> groups = new LinkedHashMap<>();
        unranked.forEach(e -> groups.computeIfAbsent(e.peerGroup(), g -> new ArrayList<>()).add(e));
        List<Explained> out = new ArrayList<>();
        for (List<Explained> group : groups.values()) {
            List<Double> totals = group.stream().map(Explained::total).toList();
            group.stream().sorted(Comparator.comparing(Explained::total).reversed().thenComparing(Explained::unitId))
                    .forEach(e -> out.add(new Explained(e.unitId(), e.peerGroup(), e.weighted(), e.bonuses(), e.deductions(),
                            e.total(), UnitScore.competitionRank(e.total(), totals), group.size(), e.lines())));
        }
        return out;
    }

    static double round(double x) {
        return BigDecimal.valueOf(x).setScale(2, RoundingMode.HALF_UP).doubleValue();
    }
}
