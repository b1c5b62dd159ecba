package cn.gongfu.evaluation.method;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Weighting schemes for composites (OECD/JRC Handbook, methods.md §3). Every method returns weights
 * keyed by item id that sum to 1.
 */
public final class Weights {

    private Weights() {}

    /** Equal weights: the default, and the only one that needs no justification beyond itself. */
    public static Map<String, Double> equal(Collection<String> ids) {
        Map<String, Double> w = new LinkedHashMap<>();
        for (String id : ids) w.put(id, 1.0 / ids.size());
        return w;
    }

    /**
     * Expert weights (e.g. points summing to 100 as in the NBS scheme), rescaled to sum to 1. Every
     * id needs a weight ≥ 0 and at least one must be positive.
     */
    public static Map<String, Double> expert(Collection<String> ids, Map<String, Double> points) {
        double sum = 0;
        for (String id : ids) {
            Double p = points.get(id);
            if (p == null || p < 0 || p.isNaN()) throw new IllegalArgumentException("no valid expert weight for '" + id + "'");
            sum += p;
        }
        if (sum <= 0) throw new IllegalArgumentException("expert weights sum to 0");
        Map<String, Double> w = new LinkedHashMap<>();
        for (String id : ids) w.put(id, points.get(id) / sum);
        return w;
    }

    /**
     * Entropy weights from a cross-section: {@code scores.get(region).get(item)} are non-negative,
     * already normalised and polarity-adjusted (e.g. the realization scores Z). For item j over m
     * regions: {@code p_ij = x_ij / Σ_i x_ij}, {@code e_j = −(1/ln m) Σ_i p_ij ln p_ij},
     * {@code w_j = (1 − e_j) / Σ_j (1 − e_j)}. An item equal in every region carries no information
     * (e_j = 1, weight 0); if no item carries any, weights fall back to equal. Needs m ≥ 2 regions and
     * a value for every item in every region. Weights move whenever the data move: use them to compare
     * regions in one cross-section, not for a published score that must stay stable.
     */
    public static Map<String, Double> entropy(List<String> ids, Map<String, Map<String, Double>> scores) {
        int m = scores.size();
        if (m < 2) throw new IllegalArgumentException("entropy weights need at least 2 regions, got " + m);
        Map<String, Double> divergence = new LinkedHashMap<>();
        double total = 0;
        for (String id : ids) {
            double colSum = 0;
            for (Map.Entry<String, Map<String, Double>> row : scores.entrySet()) {
                Double x = row.getValue().get(id);
                if (x == null || x < 0 || x.isNaN())
                    throw new IllegalArgumentException("entropy weights need a value ≥ 0 for '" + id + "' in '" + row.getKey() + "'");
                colSum += x;
            }
            double e = 1.0; // all zero: no information
            if (colSum > 0) {
                double h = 0;
                for (Map<String, Double> row : scores.values()) {
                    double p = row.get(id) / colSum;
                    if (p > 0) h -= p * Math.log(p);
                }
                e = h / Math.log(m);
            }
            double dj = Math.max(0, 1 - e);
            divergence.put(id, dj);
            total += dj;
        }
        if (total <= 1e-15) return equal(ids);
        Map<String, Double> w = new LinkedHashMap<>();
        for (String id : ids) w.put(id, divergence.get(id) / total);
        return w;
    }
}
