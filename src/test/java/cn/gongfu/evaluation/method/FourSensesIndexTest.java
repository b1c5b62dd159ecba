package cn.gongfu.evaluation.method;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cn.gongfu.evaluation.method.FourSensesIndex.Dimension;
import cn.gongfu.evaluation.method.FourSensesIndex.Result;
import cn.gongfu.evaluation.method.FourSensesIndex.Summary;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Worked examples of docs/methodology.md §6 (invented survey waves; no seed publishes one). */
class FourSensesIndexTest {

    private static final double E = 1e-4;

    @Test
    void fromSummaries() {
        Map<Dimension, Summary> s = new EnumMap<>(Dimension.class);
        s.put(Dimension.GAIN, new Summary(4.1, 0.8, 400));
        s.put(Dimension.HAPPINESS, new Summary(4.2, 0.7, 400));
        s.put(Dimension.SECURITY, new Summary(4.4, 0.6, 400));
        s.put(Dimension.IDENTITY, new Summary(4.0, 0.9, 400));
        Result r = FourSensesIndex.fromSummaries(5, s);
        assertThat(r.dimensions().get(Dimension.GAIN).index()).isCloseTo(77.5, within(E));
        assertThat(r.dimensions().get(Dimension.GAIN).standardError()).isCloseTo(1.0, within(E));
        assertThat(r.dimensions().get(Dimension.GAIN).low()).isCloseTo(75.5400, within(E));
        assertThat(r.dimensions().get(Dimension.GAIN).high()).isCloseTo(79.4600, within(E));
        assertThat(r.overall().index()).isCloseTo(79.375, within(E));
        assertThat(r.overall().standardError()).isCloseTo(0.4739, within(E));
        assertThat(r.overall().high() - r.overall().index()).isCloseTo(0.9289, within(E));
        assertThat(r.overallCiMethod()).startsWith("independent");
    }

    @Test
    void fromRawAnswers() {
        Map<Dimension, List<Integer>> a = new EnumMap<>(Dimension.class);
        for (Dimension d : Dimension.values()) a.put(d, List.of(5, 4, 4, 3, 5));
        Result r = FourSensesIndex.fromAnswers(5, a);
        assertThat(r.dimensions().get(Dimension.SECURITY).index()).isCloseTo(80.0, within(E));
        assertThat(r.dimensions().get(Dimension.SECURITY).standardError()).isCloseTo(9.3541, within(E));
    }

    /** Six respondents answer all four: the respondent-level CI is wider than the independence one. */
    @Test
    void fromRespondentsAccountsForCorrelation() {
        int[][] rows = {{5, 4, 4, 5}, {4, 4, 5, 4}, {3, 3, 4, 3}, {5, 5, 5, 4}, {4, 3, 4, 4}, {2, 3, 3, 2}};
        List<Map<Dimension, Integer>> respondents = new ArrayList<>();
        for (int[] row : rows) {
            Map<Dimension, Integer> m = new EnumMap<>(Dimension.class);
            for (Dimension d : Dimension.values()) m.put(d, row[d.ordinal()]);
            respondents.add(m);
        }
        Result r = FourSensesIndex.fromRespondents(5, respondents);
        assertThat(r.overall().index()).isCloseTo(70.8333, within(E));
        assertThat(r.overall().standardError()).isCloseTo(8.6402, within(E));
        assertThat(r.overallCiMethod()).isEqualTo("respondent-level");
        assertThat(r.dimensions().get(Dimension.GAIN).index()).isCloseTo(70.8333, within(E));
        assertThat(r.dimensions().get(Dimension.GAIN).standardError()).isCloseTo(11.9315, within(E));
    }
}
