package cn.gongfu.evaluation.method;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cn.gongfu.evaluation.method.RollUp.Method;
import cn.gongfu.evaluation.method.RollUp.Part;
import cn.gongfu.evaluation.method.RollUp.Total;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Worked examples of the roll-up rules (docs/levels.md). */
class RollUpTest {

    @Test
    void theDefaultRuleTellsQuantitiesFromRatios() {
        assertThat(RollUp.infer("保障性租赁住房筹建套数", "套")).isEqualTo(Method.SUM);
        assertThat(RollUp.infer("完成投资额", "亿元")).isEqualTo(Method.SUM);
        assertThat(RollUp.infer("就业人数", "万人")).isEqualTo(Method.SUM);
        assertThat(RollUp.infer("居民人均可支配收入", "元")).as("per capita: weighted by population").isEqualTo(Method.WEIGHTED);
        assertThat(RollUp.infer("城镇调查失业率", "%")).isEqualTo(Method.NONE);
        assertThat(RollUp.infer("每千人口拥有3岁以下婴幼儿托位数", "个")).as("每 makes a ratio whatever its unit").isEqualTo(Method.NONE);
        assertThat(RollUp.infer("孕产妇死亡率", "1/10万")).isEqualTo(Method.NONE);
        assertThat(RollUp.infer("城乡居民收入倍差", null)).isEqualTo(Method.NONE);
        assertThat(RollUp.infer("人均预期寿命", "岁")).isEqualTo(Method.WEIGHTED);
        assertThat(RollUp.infer("森林覆盖率", "%")).isEqualTo(Method.NONE);
        assertThat(RollUp.infer("某项工作", "")).as("unknown unit: no total rather than a wrong one").isEqualTo(Method.NONE);
    }

    @Test
    void aSumCountsTheRegionsThatReportedAndSaysWhenItIsPartial() {
        // 120 + 80 + 100 = 300 over three of four regions
        Total t = RollUp.total(Method.SUM, List.of(new Part(120.0, null), new Part(80.0, null), new Part(null, null), new Part(100.0, null)));
        assertThat(t.value()).isEqualTo(300.0);
        assertThat(t.counted()).isEqualTo(3);
        assertThat(t.regions()).isEqualTo(4);
        assertThat(t.complete()).isFalse();
        assertThat(RollUp.total(Method.SUM, List.of(new Part(null, null))).value()).isNull();
    }

    @Test
    void aWeightedMeanUsesOnlyRegionsWithBothAValueAndAPositiveWeight() {
        // (50,000·30 + 40,000·10) / (30 + 10) = 1,900,000 / 40 = 47,500; the third has no weight, the fourth weight 0
        Total t = RollUp.total(Method.WEIGHTED, List.of(new Part(50_000.0, 30.0), new Part(40_000.0, 10.0),
                new Part(99_999.0, null), new Part(10.0, 0.0)));
        assertThat(t.value()).isCloseTo(47_500.0, within(1e-9));
        assertThat(t.counted()).isEqualTo(2);
        assertThat(t.complete()).isFalse();
        assertThat(RollUp.total(Method.WEIGHTED, List.of(new Part(1.0, null))).value()).isNull();
    }

    @Test
    void notComparableHasNoTotal() {
        Total t = RollUp.total(Method.NONE, List.of(new Part(3.1, 10.0), new Part(2.9, 20.0)));
        assertThat(t.value()).isNull();
        assertThat(t.complete()).isFalse();
    }

    @Test
    void ranksFollowThePolarityAndTiesShareARank() {
        assertThat(RollUp.ranks(Arrays.asList(5.0, 7.0, null, 7.0, 1.0), "higher")).containsExactly(3, 1, null, 1, 4);
        assertThat(RollUp.ranks(Arrays.asList(5.0, 7.0, null, 7.0, 1.0), "lower")).containsExactly(2, 3, null, 3, 1);
        assertThat(RollUp.ranks(Arrays.asList(5.0, 7.0), "band")).containsExactly(null, null);
    }
}
