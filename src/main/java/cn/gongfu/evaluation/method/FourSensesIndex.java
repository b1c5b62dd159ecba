package cn.gongfu.evaluation.method;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The four-senses index (获得感、幸福感、安全感、认同感) of one region and survey wave.
 *
 * <p>Per dimension: {@code I = 100 · (mean − 1)/(k − 1)} on a k-point Likert scale, with standard
 * error {@code 100/(k−1) · sd/√n} and a 95% confidence interval {@code I ± 1.96 · SE} (normal
 * approximation; sd is the sample standard deviation, n − 1). Overall: {@code Σ w_d I_d} (equal
 * weights by default). Its CI depends on what is known:
 * <ul>
 *   <li>from respondents' answers to all four ({@link #fromRespondents}): each respondent's weighted
 *       index is computed and the overall CI is that of their mean, which accounts for the
 *       correlation between dimensions;</li>
 *   <li>from answers or summaries per dimension ({@link #fromAnswers}, {@link #fromSummaries}):
 *       {@code SE = √(Σ w_d² SE_d²)}, which assumes independent dimensions. Answers from the same
 *       people are positively correlated, so this interval is too narrow; the result says so.</li>
 * </ul>
 */
public final class FourSensesIndex {

    private FourSensesIndex() {}

    public static final double Z95 = 1.959964;

    public enum Dimension { GAIN, HAPPINESS, SECURITY, IDENTITY }

    /** Summary of the answers to one dimension: mean on the 1..k scale, sample sd, sample size. */
    public record Summary(double mean, double sd, int n) {}

    public record Score(double index, double standardError, double low, double high, int n) {}

    /**
     * @param overallCiMethod "respondent-level" or "independent dimensions (too narrow if answers are correlated)"
     */
    public record Result(int scalePoints, Map<Dimension, Score> dimensions, Score overall, String overallCiMethod) {}

    public static Result fromAnswers(int k, Map<Dimension, List<Integer>> answers) {
        return fromAnswers(k, answers, equalWeights());
    }

    public static Result fromAnswers(int k, Map<Dimension, List<Integer>> answers, Map<Dimension, Double> weights) {
        Map<Dimension, Summary> s = new EnumMap<>(Dimension.class);
        answers.forEach((d, list) -> s.put(d, summarise(k, d.name(), list.stream().mapToDouble(Integer::doubleValue).toArray())));
        return fromSummaries(k, s, weights);
    }

    public static Result fromSummaries(int k, Map<Dimension, Summary> summaries) {
        return fromSummaries(k, summaries, equalWeights());
    }

    public static Result fromSummaries(int k, Map<Dimension, Summary> summaries, Map<Dimension, Double> weights) {
        checkScale(k);
        Map<Dimension, Score> dims = new EnumMap<>(Dimension.class);
        double index = 0, var = 0, wSum = 0;
        int nMin = Integer.MAX_VALUE;
        for (Map.Entry<Dimension, Summary> e : summaries.entrySet()) {
            Summary s = e.getValue();
            if (s.n() < 2) throw new IllegalArgumentException(e.getKey() + ": a confidence interval needs n ≥ 2, got " + s.n());
            Score sc = score(toIndex(s.mean(), k), 100.0 / (k - 1) * s.sd() / Math.sqrt(s.n()), s.n());
            dims.put(e.getKey(), sc);
            double w = weight(weights, e.getKey());
            index += w * sc.index();
            var += w * w * sc.standardError() * sc.standardError();
            wSum += w;
            nMin = Math.min(nMin, s.n());
        }
        if (dims.isEmpty()) throw new IllegalArgumentException("no dimension in the wave");
        Score overall = score(index / wSum, Math.sqrt(var) / wSum, nMin);
        return new Result(k, dims, overall, "independent dimensions (too narrow if answers are correlated)");
    }

    /** Each respondent answers every dimension (a map per respondent, all four present). */
    public static Result fromRespondents(int k, List<Map<Dimension, Integer>> respondents) {
        return fromRespondents(k, respondents, equalWeights());
    }

    public static Result fromRespondents(int k, List<Map<Dimension, Integer>> respondents, Map<Dimension, Double> weights) {
        checkScale(k);
        if (respondents.size() < 2) throw new IllegalArgumentException("a confidence interval needs at least 2 respondents");
        Map<Dimension, Summary> perDim = new EnumMap<>(Dimension.class);
        for (Dimension d : Dimension.values()) {
            double[] xs = new double[respondents.size()];
            for (int i = 0; i < xs.length; i++) {
                Integer a = respondents.get(i).get(d);
                if (a == null) throw new IllegalArgumentException("respondent " + (i + 1) + " has no answer for " + d);
                xs[i] = a;
            }
            perDim.put(d, summarise(k, d.name(), xs));
        }
        double wSum = 0;
        for (Dimension d : Dimension.values()) wSum += weight(weights, d);
        double[] person = new double[respondents.size()];
        for (int i = 0; i < person.length; i++) {
            double v = 0;
            for (Dimension d : Dimension.values()) v += weight(weights, d) * toIndex(respondents.get(i).get(d), k);
            person[i] = v / wSum;
        }
        Summary p = summarise(Integer.MAX_VALUE, "overall", person);
        Result byDim = fromSummaries(k, perDim, weights);
        Score overall = score(p.mean(), p.sd() / Math.sqrt(p.n()), p.n());
        return new Result(k, byDim.dimensions(), overall, "respondent-level");
    }

    public static double toIndex(double mean, int k) {
        return 100.0 * (mean - 1) / (k - 1);
    }

    private static Summary summarise(int k, String what, double[] xs) {
        if (xs.length < 2) throw new IllegalArgumentException(what + ": a confidence interval needs n ≥ 2, got " + xs.length);
        double sum = 0;
        for (double x : xs) {
            if (x < 1 || x > k) throw new IllegalArgumentException(what + ": answer " + x + " is outside 1.." + k);
            sum += x;
        }
        double mean = sum / xs.length, ss = 0;
        for (double x : xs) ss += (x - mean) * (x - mean);
        return new Summary(mean, Math.sqrt(ss / (xs.length - 1)), xs.length);
    }

    private static Score score(double index, double se, int n) {
        return new Score(index, se, index - Z95 * se, index + Z95 * se, n);
    }

    private static double weight(Map<Dimension, Double> weights, Dimension d) {
        Double w = weights.get(d);
        if (w == null || w < 0) throw new IllegalArgumentException("no valid weight for " + d);
        return w;
    }

    private static Map<Dimension, Double> equalWeights() {
        Map<Dimension, Double> w = new EnumMap<>(Dimension.class);
        for (Dimension d : Dimension.values()) w.put(d, 0.25);
        return w;
    }

    private static void checkScale(int k) {
        if (k < 2) throw new IllegalArgumentException("a Likert scale needs at least 2 points, got " + k);
    }
}
