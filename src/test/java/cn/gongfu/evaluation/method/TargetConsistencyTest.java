package cn.gongfu.evaluation.method;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongfu.evaluation.method.TargetConsistency.Finding;
import cn.gongfu.evaluation.method.TargetConsistency.Kind;
import cn.gongfu.evaluation.method.TargetConsistency.SourcedTarget;
import cn.gongfu.vocabulary.Polarity;
import cn.gongfu.vocabulary.TargetComparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Worked examples of docs/methodology.md §7: three real inconsistencies in seed 002. */
class TargetConsistencyTest {

    private static final String TABLE = "七优享 五年目标表";

    private static SourcedTarget table(double v, int year) {
        return new SourcedTarget(Target.reach(v, year), TABLE);
    }

    /** #9 开展职业技能培训累计数: table says 10.5 万人次 for 2027, task 三.2 says "到2027年，全区累计开展职业技能培训8.5万人次". */
    @Test
    void trainingTargetsConflict() {
        List<Finding> f = TargetConsistency.check("开展职业技能培训累计数", Polarity.HIGHER, true, List.of(
                table(2, 2022), table(3.7, 2023), table(5.4, 2024), table(7.1, 2025), table(8.8, 2026), table(10.5, 2027),
                new SourcedTarget(Target.reach(8.5, 2027), "重点任务（三）2")));
        assertThat(f).extracting(Finding::kind).contains(Kind.CONFLICT);
        Finding conflict = f.stream().filter(x -> x.kind() == Kind.CONFLICT).findFirst().orElseThrow();
        assertThat(conflict.first().source()).isEqualTo(TABLE);
        assertThat(conflict.second().source()).isEqualTo("重点任务（三）2");
        // 8.8 in 2026 (table) → 8.5 in 2027 (text): the running total would fall too.
        assertThat(f).extracting(Finding::kind).containsExactlyInAnyOrder(Kind.CONFLICT, Kind.CUMULATIVE_FALLS);
    }

    /** #17 保障性租赁住房累计建设筹集套数: 0.938 in 2026, 0.548 in 2027. */
    @Test
    void cumulativeRentalHousingFalls() {
        List<Finding> f = TargetConsistency.check("保障性租赁住房累计建设筹集套数", Polarity.HIGHER, true, List.of(
                table(0.333, 2022), table(0.548, 2023), table(0.778, 2024), table(0.908, 2025), table(0.938, 2026), table(0.548, 2027)));
        assertThat(f).hasSize(1);
        assertThat(f.get(0).kind()).isEqualTo(Kind.CUMULATIVE_FALLS);
        assertThat(f.get(0).first().target().year()).isEqualTo(2026);
        assertThat(f.get(0).second().target().year()).isEqualTo(2027);
        assertThat(f.get(0).message()).contains("0.938", "0.548", TABLE);
    }

    /** #11 重大慢性病过早死亡率 (lower is better): 9.5 in 2022, 10.0 in 2023. */
    @Test
    void mortalityTargetWorsens() {
        List<Finding> f = TargetConsistency.check("重大慢性病过早死亡率", Polarity.LOWER, false, List.of(
                table(9.5, 2022), table(10.0, 2023), table(9.5, 2024), table(9.0, 2025), table(8.5, 2026), table(8.3, 2027)));
        assertThat(f).hasSize(1);
        assertThat(f.get(0).kind()).isEqualTo(Kind.TARGET_WORSENS);
        assertThat(f.get(0).second().target().value()).isEqualTo(10.0);
    }

    /** The same number written as a plain target in one source and as a bound in another is one target. */
    @Test
    void aNumberAndABoundOnItAgreeButOppositeBoundsConflict() {
        assertThat(TargetConsistency.check("人均预期寿命", Polarity.HIGHER, false, List.of(
                table(8.5, 2025), new SourcedTarget(Target.atLeast(8.5, 2025), "重点任务（一）1"),
                new SourcedTarget(new Target(TargetComparator.GT, 8.5, null, null, 2025), "附件")))).isEmpty();
        List<Finding> f = TargetConsistency.check("人均预期寿命", Polarity.HIGHER, false, List.of(
                new SourcedTarget(Target.atLeast(8.5, 2025), TABLE), new SourcedTarget(Target.atMost(8.5, 2025), "附件")));
        assertThat(f).extracting(Finding::kind).containsExactly(Kind.CONFLICT);
        assertThat(TargetConsistency.check("人均预期寿命", Polarity.HIGHER, false, List.of(
                table(8.5, 2025), new SourcedTarget(Target.atLeast(8.6, 2025), "附件")))).extracting(Finding::kind)
                .containsExactly(Kind.CONFLICT);
    }

    /** #7 城镇登记失业率 "<3.5" every year, and #13 持证养老护理员 32 → ≥32: consistent. */
    @Test
    void consistentTargetsGiveNoFinding() {
        assertThat(TargetConsistency.check("城镇登记失业率", Polarity.LOWER, false, List.of(
                new SourcedTarget(Target.below(3.5, 2023), TABLE), new SourcedTarget(Target.below(3.5, 2024), TABLE),
                new SourcedTarget(Target.below(3.5, 2027), "重点任务（三）1")))).isEmpty();
        assertThat(TargetConsistency.check("每万老年人口拥有持证养老护理员数", Polarity.HIGHER, false, List.of(
                table(32, 2025), new SourcedTarget(Target.atLeast(32, 2026), TABLE)))).isEmpty();
    }
}
