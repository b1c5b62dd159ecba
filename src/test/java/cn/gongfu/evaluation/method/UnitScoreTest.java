package cn.gongfu.evaluation.method;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cn.gongfu.evaluation.method.UnitScore.Component;
import cn.gongfu.evaluation.method.UnitScore.UnitInput;
import cn.gongfu.evaluation.method.UnitScore.UnitResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Worked example of docs/methodology.md §5: units of 奉化 (names from the seeds), invented shares. */
class UnitScoreTest {

    static List<UnitInput> units() {
        return List.of(
                new UnitInput("区卫生健康局", "department", 0.8, 0.9, 1.0, 0.9, 1),
                new UnitInput("区教育局", "department", 0.75, 1.0, 0.9, 1.0, 0),
                new UnitInput("区民政局", "department", 0.6, 0.5, 0.8, 0.7, 3),
                new UnitInput("锦屏街道", "town", 0.8, 0.8, 1.0, 1.0, 0),
                new UnitInput("岳林街道", "town", 0.85, 0.8, 1.0, 0.8, 0),
                new UnitInput("溪口镇", "town", 0.7, 0.6, 0.6, 0.9, 2),
                new UnitInput("萧王庙街道", "town", 0.9, null, 1.0, 1.0, 0));
    }

    @Test
    void scoresAndRanksPerPeerGroup() {
        List<UnitResult> r = UnitScore.rank(units());
        assertThat(r).extracting(UnitResult::unitId).containsExactly(
                "区教育局", "区卫生健康局", "区民政局", "萧王庙街道", "岳林街道", "锦屏街道", "溪口镇");
        assertThat(r).extracting(UnitResult::score).containsExactly(88.5, 86.5, 59.5, 94.67, 87.0, 87.0, 67.0);
        assertThat(r).extracting(UnitResult::rank).containsExactly(1, 2, 3, 1, 2, 2, 4);
        assertThat(r.get(4).tied()).isTrue();
        assertThat(r.get(0).groupSize()).isEqualTo(3);
        UnitResult health = r.get(1);
        assertThat(health.components().get(Component.OVERDUE_ISSUES)).isCloseTo(0.8, within(1e-9));
        assertThat(health.contributions().get(Component.INDICATOR_ACHIEVEMENT)).isCloseTo(32.0, within(1e-9));
        // No milestones: its weight drops out and the others are rescaled by 1/0.75.
        assertThat(r.get(3).contributions()).doesNotContainKey(Component.MILESTONE_TIMELINESS);
        assertThat(r.get(3).contributions().get(Component.INDICATOR_ACHIEVEMENT)).isCloseTo(48.0, within(1e-9));
    }
}
