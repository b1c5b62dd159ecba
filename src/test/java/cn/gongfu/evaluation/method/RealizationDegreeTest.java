package cn.gongfu.evaluation.method;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import cn.gongfu.evaluation.method.RealizationDegree.Item;
import cn.gongfu.evaluation.method.RealizationDegree.Result;
import cn.gongfu.evaluation.method.RealizationDegree.Variant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Worked example of docs/methodology.md §4: six indicators of seed 002 in three domains, 2025 targets,
 * baselines from the 2022 column; the 2024 values are invented.
 */
class RealizationDegreeTest {

    private static final double E = 1e-4;

    static List<Item> sevenServices2024() {
        return List.of(
                Item.positive("托位数", "幼有善育", 4.3, 5, 3.52),
                Item.positive("普惠托位占比", "幼有善育", 86, 90, 75.0),
                Item.positive("发育监测筛查率", "幼有善育", 91, 95, 86.0),
                Item.yesNo("义务教育优质均衡评估", "学有优教", true),
                Item.inverse("城镇登记失业率", "劳有所得", 2.1, 3.5, 1.84),
                Item.positive("欠薪线索动态化解率", "劳有所得", 94.8, 95, 94.0));
    }

    @Test
    void nbsLevelEqualWeights() {
        Result r = RealizationDegree.compute(sevenServices2024(), Variant.LEVEL);
        assertThat(r.overall()).isCloseTo(0.9619, within(E));
        assertThat(r.domains().get(0).domain()).isEqualTo("幼有善育");
        assertThat(r.domains().get(0).degree()).isCloseTo(0.9245, within(E));
        assertThat(r.domains().get(1).degree()).isCloseTo(1.0, within(E));
        assertThat(r.domains().get(2).degree()).isCloseTo(0.9989, within(E));
        assertThat(r.contributions().get(0).score()).isCloseTo(0.86, within(E));
        assertThat(r.contributions().get(0).contribution()).isCloseTo(0.86 / 6, within(E));
        assertThat(r.contributions().get(0).formula()).isEqualTo("min(4.3/5, 1) = 0.8600");
        assertThat(r.contributions().get(4).score()).isEqualTo(1.0); // 3.5/2.1 capped
        assertThat(r.contributions().stream().mapToDouble(RealizationDegree.Contribution::contribution).sum())
                .isCloseTo(r.overall(), within(1e-12));
        assertThat(r.variant()).isEqualTo(Variant.LEVEL);
    }

    @Test
    void fromBaselineVariant() {
        Result r = RealizationDegree.compute(sevenServices2024(), Variant.FROM_BASELINE);
        assertThat(r.overall()).isCloseTo(0.7693, within(E));
        assertThat(r.contributions().get(0).score()).isCloseTo(0.5270, within(E));
        // The unemployment ceiling 3.5 is above the 1.84 baseline: no improvement asked, the line is held.
        assertThat(r.contributions().get(4).score()).isEqualTo(1.0);
    }

    @Test
    void expertWeights() {
        Map<String, Double> points = new LinkedHashMap<>();
        points.put("托位数", 20.0);
        points.put("普惠托位占比", 20.0);
        points.put("发育监测筛查率", 10.0);
        points.put("义务教育优质均衡评估", 20.0);
        points.put("城镇登记失业率", 15.0);
        points.put("欠薪线索动态化解率", 15.0);
        Result r = RealizationDegree.compute(sevenServices2024(), Variant.LEVEL, points);
        assertThat(r.overall()).isCloseTo(0.9586, within(E));
        assertThat(r.contributions().get(0).weight()).isCloseTo(0.2, within(E));
    }

    @Test
    void intervalScoring() {
        assertThat(RealizationDegree.score(Item.interval("x", "d", 4, 3, 5, 1, 9), Variant.LEVEL)).isEqualTo(1.0);
        assertThat(RealizationDegree.score(Item.interval("x", "d", 2, 3, 5, 1, 9), Variant.LEVEL)).isEqualTo(0.5);
        assertThat(RealizationDegree.score(Item.interval("x", "d", 7, 3, 5, 1, 9), Variant.LEVEL)).isEqualTo(0.5);
        assertThat(RealizationDegree.score(Item.interval("x", "d", 10, 3, 5, 1, 9), Variant.LEVEL)).isEqualTo(0.0);
        assertThat(RealizationDegree.score(Item.positive("x", "d", 6.7, 6.6, null), Variant.LEVEL)).isEqualTo(1.0);
        assertThatThrownBy(() -> RealizationDegree.score(Item.positive("x", "d", 6.7, 6.6, null), Variant.FROM_BASELINE))
                .hasMessageContaining("needs a baseline");
    }

    /** Three towns of 奉化, three indicators' Z scores (invented): an item equal everywhere gets no weight. */
    @Test
    void entropyWeights() {
        Map<String, Map<String, Double>> z = new LinkedHashMap<>();
        z.put("锦屏街道", Map.of("a", 0.9, "b", 0.5, "c", 0.8));
        z.put("岳林街道", Map.of("a", 0.9, "b", 1.0, "c", 0.6));
        z.put("溪口镇", Map.of("a", 0.9, "b", 0.3, "c", 0.7));
        Map<String, Double> w = Weights.entropy(List.of("a", "b", "c"), z);
        assertThat(w.get("a")).isCloseTo(0.0, within(E));
        assertThat(w.get("b")).isCloseTo(0.9451, within(E));
        assertThat(w.get("c")).isCloseTo(0.0549, within(E));
        Result jinping = RealizationDegree.compute(List.of(Item.positive("a", "d", 0.9, 1, null),
                Item.positive("b", "d", 0.5, 1, null), Item.positive("c", "d", 0.8, 1, null)), Variant.LEVEL, w);
        assertThat(jinping.overall()).isCloseTo(0.5165, within(E));
        assertThat(Weights.entropy(List.of("a"), Map.of("x", Map.of("a", 1.0), "y", Map.of("a", 1.0))).get("a")).isEqualTo(1.0);
    }
}
