package cn.gongfu.evaluation.method;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cn.gongfu.evaluation.method.RealizationDegree.Item;
import cn.gongfu.evaluation.method.UnitScore.UnitInput;
import cn.gongfu.evaluation.method.UnitScore.UnitResult;
import cn.gongfu.vocabulary.Polarity;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * One plan (2022–2025, baseline 2021), three indicators, three towns, observations 2022–2024, all
 * invented; assessed in December 2024. Statuses, realization degrees and ranks are known in advance
 * (docs/methodology.md §8).
 *
 * <ul>
 *   <li>A, higher is better: 50 → target 70 by 2025;</li>
 *   <li>B, lower is better: 10 → target ≤ 8 by 2025;</li>
 *   <li>C, yes/no milestone due in 2023.</li>
 * </ul>
 */
class EvaluationScenarioTest {

    private static final YearMonth AS_OF = YearMonth.of(2024, 12);

    record Town(String name, double[] a, double[] b, double[] c, double milestoneTimeliness,
                double reportingTimeliness, double reportingQuality, int overdueIssues) {}

    static final List<Town> TOWNS = List.of(
            new Town("锦屏街道", new double[] {55, 60, 65}, new double[] {9.5, 9.0, 7.9}, new double[] {0, 1, 1}, 1.0, 1.0, 1.0, 0),
            new Town("岳林街道", new double[] {52, 56, 60}, new double[] {9.8, 9.6, 9.5}, new double[] {0, 0, 1}, 0.0, 1.0, 0.5, 1),
            new Town("溪口镇", new double[] {51, 52, 52}, new double[] {10.2, 10.4, 10.5}, new double[] {0, 0, 0}, 0.0, 2.0 / 3, 1.0, 2));

    private static List<Point> series(double[] v) {
        return List.of(Point.of("2022", v[0]), Point.of("2023", v[1]), Point.of("2024", v[2]));
    }

    private static List<Assessment> assess(Town t) {
        IndicatorAssessor assessor = new IndicatorAssessor();
        return List.of(
                assessor.assess(new IndicatorSeries(Polarity.HIGHER, false, Point.ofYear(2021, 50), Target.atLeast(70, 2025), series(t.a())), AS_OF),
                assessor.assess(new IndicatorSeries(Polarity.LOWER, false, Point.ofYear(2021, 10), Target.atMost(8, 2025), series(t.b())), AS_OF),
                assessor.assess(new IndicatorSeries(Polarity.MILESTONE, false, Point.ofYear(2021, 0), Target.event(1, 2023), series(t.c())), AS_OF));
    }

    @Test
    void statuses() {
        Map<String, List<Status>> statuses = new LinkedHashMap<>();
        for (Town t : TOWNS) statuses.put(t.name(), assess(t).stream().map(Assessment::status).toList());
        assertThat(statuses.get("锦屏街道")).containsExactly(Status.ON_TRACK, Status.ACHIEVED, Status.ACHIEVED);
        assertThat(statuses.get("岳林街道")).containsExactly(Status.LAGGING, Status.SERIOUSLY_LAGGING, Status.ACHIEVED);
        assertThat(statuses.get("溪口镇")).containsExactly(Status.SERIOUSLY_LAGGING, Status.REGRESSING, Status.SERIOUSLY_LAGGING);

        Assessment yuelinA = assess(TOWNS.get(1)).get(0);
        assertThat(yuelinA.progress()).isCloseTo(0.5, within(1e-9));
        assertThat(yuelinA.expectedProgress()).isCloseTo(0.75, within(1e-9));
        assertThat(yuelinA.trendRatio()).isCloseTo(0.7140, within(1e-4));
        assertThat(yuelinA.trendCategory()).isEqualTo(TrendCategory.MODERATE);
    }

    @Test
    void realizationDegrees() {
        double[] expected = {0.9762, 0.8997, 0.5016};
        for (int i = 0; i < TOWNS.size(); i++) {
            Town t = TOWNS.get(i);
            List<Item> items = List.of(
                    Item.positive("A", "d1", t.a()[2], 70, 50.0),
                    Item.inverse("B", "d1", t.b()[2], 8, 10.0),
                    Item.yesNo("C", "d2", t.c()[2] >= 1));
            assertThat(RealizationDegree.compute(items, RealizationDegree.Variant.LEVEL).overall())
                    .as(t.name()).isCloseTo(expected[i], within(1e-4));
        }
    }

    @Test
    void unitRanks() {
        List<UnitInput> inputs = new ArrayList<>();
        for (Town t : TOWNS) {
            List<Assessment> as = assess(t);
            double good = as.stream().filter(a -> a.status() == Status.ACHIEVED || a.status() == Status.ON_TRACK).count();
            inputs.add(new UnitInput(t.name(), "town", good / as.size(), t.milestoneTimeliness(), t.reportingTimeliness(),
                    t.reportingQuality(), t.overdueIssues()));
        }
        List<UnitResult> ranks = UnitScore.rank(inputs);
        assertThat(ranks).extracting(UnitResult::unitId).containsExactly("锦屏街道", "岳林街道", "溪口镇");
        assertThat(ranks).extracting(UnitResult::score).containsExactly(100.0, 41.33, 26.0);
        assertThat(ranks).extracting(UnitResult::rank).containsExactly(1, 2, 3);
    }
}
