package cn.gongfu.evaluation.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongfu.evaluation.method.UnitScore.Component;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A published entry keeps its score's components as shares readable back, not as a map's raw text (issue 14). */
class PublishedComponentsTest {

    @Test
    void theComponentsAreStoredAsSharesAndReadBackInOrder() {
        Map<Component, Double> components = new EnumMap<>(Component.class);
        components.put(Component.INDICATOR_ACHIEVEMENT, 0.42857142857142855);
        components.put(Component.MILESTONE_TIMELINESS, 1.0);
        String stored = RankingService.storedComponents(components);
        assertThat(stored).isEqualTo("{\"INDICATOR_ACHIEVEMENT\":0.4286,\"MILESTONE_TIMELINESS\":1.0000}");
        assertThat(RankingService.readComponents(stored))
                .containsExactly(Map.entry("INDICATOR_ACHIEVEMENT", 0.4286), Map.entry("MILESTONE_TIMELINESS", 1.0));
    }

    @Test
    void entriesPublishedBeforeReadTooAndWhatCannotBeReadIsLeftOut() {
        assertThat(RankingService.readComponents("{INDICATOR_ACHIEVEMENT=1.0, REPORTING_TIMELINESS=0.42857142857142855}"))
                .containsExactly(Map.entry("INDICATOR_ACHIEVEMENT", 1.0), Map.entry("REPORTING_TIMELINESS", 0.42857142857142855));
        assertThat(RankingService.readComponents("{}")).isEmpty();
        assertThat(RankingService.readComponents(null)).isEmpty();
        assertThat(RankingService.readComponents("{A=x, B=0.5, garbage}")).containsExactly(Map.entry("B", 0.5));
    }
}
