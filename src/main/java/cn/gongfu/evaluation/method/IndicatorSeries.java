package cn.gongfu.evaluation.method;

import cn.gongfu.vocabulary.Polarity;
import java.util.List;

/**
 * What the assessor needs about one indicator in one region.
 *
 * @param polarity     which way is better
 * @param cumulative   a running total (累计数): rates and projection are linear
 * @param baseline     the plan's starting value (e.g. the 2022 column); if null, the earliest observation
 * @param target       the target being assessed (usually the final year's); null = no quantified target
 * @param observations reported values, any order; those after the assessment month are ignored
 */
public record IndicatorSeries(Polarity polarity, boolean cumulative, Point baseline, Target target, List<Point> observations) {

    public IndicatorSeries {
        if (polarity == null) throw new IllegalArgumentException("polarity is required");
        observations = observations == null ? List.of() : List.copyOf(observations);
    }
}
