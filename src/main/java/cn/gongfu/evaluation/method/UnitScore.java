package cn.gongfu.evaluation.method;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scores of responsible units (departments; towns and streets) and their rank within each peer group.
 *
 * <p>Each component is a share in [0, 1]; the score is {@code 100 · Σ w_k c_k / Σ w_k} over the
 * components the unit has (a town with no milestones is not punished for it). Scores are rounded to
 * two decimals before ranking, and equal rounded scores share a rank ("1, 1, 3": standard competition
 * ranking), so units are never separated by noise below what is published.
 */
public final class UnitScore {

    private UnitScore() {}

    public enum Component {
        /** Share of the unit's indicators achieved or on track (or its realization degree). */
        INDICATOR_ACHIEVEMENT,
        /** Milestones done on time / milestones due ({@link TaskAssessment#onTimeShare}). */
        MILESTONE_TIMELINESS,
        /** Reports submitted by their deadline / reports due. */
        REPORTING_TIMELINESS,
        /** Reports accepted without being returned / reports reviewed. */
        REPORTING_QUALITY,
        /** 1 − overdue issues / {@code issueCap}, floored at 0: each overdue issue 问题 costs the same. */
        OVERDUE_ISSUES,
        /** Orders (督办单) answered by their deadline / orders due; weighted only where an office's rule gives it a weight. */
        ORDERS_ON_TIME,
        /** The 四感 index of the unit's region (0–100) / 100, where surveyed; weighted only by an office's rule. */
        FOUR_SENSES
    }

    /** Default weights (documented in methodology.md): outcomes first, then delivery, then discipline. */
    public static final Map<Component, Double> DEFAULT_WEIGHTS = defaults();

    /** Overdue issues at which the issue component reaches 0. */
    public static final int DEFAULT_ISSUE_CAP = 5;

    private static Map<Component, Double> defaults() {
        Map<Component, Double> w = new EnumMap<>(Component.class);
        w.put(Component.INDICATOR_ACHIEVEMENT, 0.40);
        w.put(Component.MILESTONE_TIMELINESS, 0.25);
        w.put(Component.REPORTING_TIMELINESS, 0.15);
        w.put(Component.REPORTING_QUALITY, 0.10);
        w.put(Component.OVERDUE_ISSUES, 0.10);
        w.put(Component.ORDERS_ON_TIME, 0.0);
        w.put(Component.FOUR_SENSES, 0.0);
        return Collections.unmodifiableMap(w);
    }

    /**
     * One unit's inputs; a null share means "not applicable" and drops out with its weight.
     * {@code overdueIssues} is a count.
     */
    public record UnitInput(String unitId, String peerGroup, Double indicatorAchievement, Double milestoneTimeliness,
                            Double reportingTimeliness, Double reportingQuality, Integer overdueIssues,
                            Double ordersOnTime, Double fourSenses) {

        /** The inputs of the live ranking, which scores neither orders nor the 四感 index. */
        public UnitInput(String unitId, String peerGroup, Double indicatorAchievement, Double milestoneTimeliness,
                         Double reportingTimeliness, Double reportingQuality, Integer overdueIssues) {
            this(unitId, peerGroup, indicatorAchievement, milestoneTimeliness, reportingTimeliness, reportingQuality, overdueIssues,
                    null, null);
        }
    }

    /** A unit's score, its components (shares), their contributions in points, and its rank in its peer group. */
    public record UnitResult(String unitId, String peerGroup, double score, Map<Component, Double> components,
                             Map<Component, Double> contributions, int rank, int groupSize, boolean tied) {}

    public static List<UnitResult> rank(List<UnitInput> units) {
        return rank(units, DEFAULT_WEIGHTS, DEFAULT_ISSUE_CAP);
    }

    /** Scores every unit and ranks it within its peer group; results are in rank order within each group. */
    public static List<UnitResult> rank(List<UnitInput> units, Map<Component, Double> weights, int issueCap) {
        if (issueCap <= 0) throw new IllegalArgumentException("issueCap must be positive");
        Map<String, List<Scored>> groups = new LinkedHashMap<>();
        for (UnitInput u : units) groups.computeIfAbsent(u.peerGroup(), g -> new ArrayList<>()).add(score(u, weights, issueCap));
        List<UnitResult> out = new ArrayList<>();
        for (List<Scored> group : groups.values()) {
            group.sort(Comparator.comparing(Scored::score).reversed().thenComparing(s -> s.input.unitId()));
            for (int i = 0; i < group.size(); i++) {
                Scored s = group.get(i);
                int rank = competitionRank(s.score, group.stream().map(Scored::score).toList());
                boolean tied = group.stream().filter(o -> o.score == s.score).count() > 1;
                out.add(new UnitResult(s.input.unitId(), s.input.peerGroup(), s.score, s.components, s.contributions,
                        rank, group.size(), tied));
            }
        }
        return out;
    }

    /**
     * A score's rank among its group's scores (itself included), standard competition ranking ("1, 1, 3"): one plus how
     * many score higher. The ranking here and the assessment's totals (weighted part ± bonuses and deductions) rank so.
     */
    public static int competitionRank(double score, java.util.Collection<Double> group) {
        return 1 + (int) group.stream().filter(o -> o > score).count();
    }

    private record Scored(UnitInput input, double score, Map<Component, Double> components, Map<Component, Double> contributions) {}

    /** Whether the unit has a component the weights weigh (else {@link #rank} refuses it). */
    public static boolean scorable(UnitInput u, Map<Component, Double> weights) {
        return components(u, weights, DEFAULT_ISSUE_CAP).keySet().stream().anyMatch(k -> weights.getOrDefault(k, 0.0) > 0);
    }

    private static Scored score(UnitInput u, Map<Component, Double> weights, int issueCap) {
        Map<Component, Double> c = components(u, weights, issueCap);
        double wSum = 0;
        for (Component k : c.keySet()) wSum += weights.getOrDefault(k, 0.0);
        if (wSum <= 0) throw new IllegalArgumentException("unit '" + u.unitId() + "' has no weighted component");
        Map<Component, Double> contributions = new EnumMap<>(Component.class);
        double total = 0;
        for (Map.Entry<Component, Double> e : c.entrySet()) {
            double points = 100 * weights.getOrDefault(e.getKey(), 0.0) / wSum * e.getValue();
            contributions.put(e.getKey(), points);
            total += points;
        }
        double rounded = BigDecimal.valueOf(total).setScale(2, RoundingMode.HALF_UP).doubleValue();
        // unmodifiable views of the EnumMaps keep the components in their declared order; Map.copyOf would iterate in
        // an order salted per JVM, so the same ranking read differently from one start to the next
        return new Scored(u, rounded, Collections.unmodifiableMap(c), Collections.unmodifiableMap(contributions));
    }

    private static Map<Component, Double> components(UnitInput u, Map<Component, Double> weights, int issueCap) {
        Map<Component, Double> c = new EnumMap<>(Component.class);
        put(c, Component.INDICATOR_ACHIEVEMENT, u.indicatorAchievement());
        put(c, Component.MILESTONE_TIMELINESS, u.milestoneTimeliness());
        put(c, Component.REPORTING_TIMELINESS, u.reportingTimeliness());
        put(c, Component.REPORTING_QUALITY, u.reportingQuality());
        if (u.overdueIssues() != null) c.put(Component.OVERDUE_ISSUES, Math.max(0, 1 - (double) u.overdueIssues() / issueCap));
        // the two components only an office's rule weighs are left out where that rule gives them no weight, so the
        // default ranking reads as before
        if (weights.getOrDefault(Component.ORDERS_ON_TIME, 0.0) > 0) put(c, Component.ORDERS_ON_TIME, u.ordersOnTime());
        if (weights.getOrDefault(Component.FOUR_SENSES, 0.0) > 0) put(c, Component.FOUR_SENSES, u.fourSenses());
        return c;
    }

    private static void put(Map<Component, Double> c, Component k, Double share) {
        if (share == null) return;
        if (share < 0 || share > 1 || share.isNaN())
            throw new IllegalArgumentException(k + " must be a share within [0, 1], got " + share);
        c.put(k, share);
    }
}
