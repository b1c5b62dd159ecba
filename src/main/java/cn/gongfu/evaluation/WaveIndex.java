package cn.gongfu.evaluation;

import cn.gongfu.evaluation.method.FourSensesIndex;
import cn.gongfu.evaluation.method.FourSensesIndex.Dimension;
import cn.gongfu.kernel.BundleText;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A survey wave with its four-senses index: per sense and overall, the index (0–100), its 95% confidence
 * interval and sample size. {@code source} says what was stored ({@code answers} or {@code summary});
 * {@code overallCiMethod} how the overall interval was computed; {@code problem} why there is no index.
 */
public record WaveIndex(SurveyWave wave, String source, Integer respondents, List<Score> dimensions, Score overall,
                        String overallCiMethod, String problem) {

    public static final String ANSWERS = "answers", SUMMARY = "summary";

    /** {@code dimension} is the code of {@link SurveyService#DIMENSIONS}, or {@code overall}. */
    public record Score(String dimension, String label, double index, double standardError, double low, double high, int n) {}

    static WaveIndex of(SurveyWave wave, String source, Integer respondents, FourSensesIndex.Result r) {
        List<Score> dims = new ArrayList<>();
        for (Dimension d : Dimension.values()) {
            FourSensesIndex.Score s = r.dimensions().get(d);
            if (s == null) continue;
            String code = d.name().toLowerCase(Locale.ROOT);
            dims.add(score(code, SurveyService.DIMENSIONS.get(code), s));
        }
        return new WaveIndex(wave, source, respondents, dims, score("overall", BundleText.zh("surveys.dim.overall"), r.overall()), r.overallCiMethod(), null);
    }

    static WaveIndex unavailable(SurveyWave wave, String problem) {
        return new WaveIndex(wave, null, null, List.of(), null, null, problem);
    }

    private static Score score(String code, String label, FourSensesIndex.Score s) {
        return new Score(code, label, s.index(), s.standardError(), s.low(), s.high(), s.n());
    }

    /** The score of one sense (by code), or null. */
    public Score score(String code) {
        if ("overall".equals(code)) return overall;
        return dimensions.stream().filter(s -> s.dimension().equals(code)).findFirst().orElse(null);
    }
}
