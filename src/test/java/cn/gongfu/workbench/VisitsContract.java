package cn.gongfu.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongfu.evaluation.EvaluationDigest.IndicatorLine;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** What a leader saw, compared with now on the next visit: nothing on the first, the indicators whose status moved later. */
abstract class VisitsContract {

    @Autowired
    Visits visits;

    private static IndicatorLine line(long id, String name, String status) {
        return new IndicatorLine(id, null, name, null, null, null, null, status, null, null, null, null, null, null, false, null);
    }

    @Test
    void theFirstVisitHasNothingToCompareTheNextNamesWhatMoved() {
        String user = "visits-test-" + System.nanoTime();
        Visits.Since first = visits.visit(user, 1, List.of(line(1, "托位数", "LAGGING"), line(2, "床位数", "ON_TRACK")));
        assertThat(first.seenAt()).isNull();
        assertThat(first.changes()).isEmpty();

        Visits.Since second = visits.visit(user, 1, List.of(line(1, "托位数", "ON_TRACK"), line(2, "床位数", "ON_TRACK"),
                line(3, "新指标", "NO_DATA")));
        assertThat(second.seenAt()).isNotNull();
        assertThat(second.changes()).containsExactly(new StatusChange(1, "托位数", "LAGGING", "ON_TRACK"));

        Visits.Since third = visits.visit(user, 1, List.of(line(1, "托位数", "ON_TRACK"), line(3, "新指标", "REGRESSING")));
        assertThat(third.changes()).as("compared with the visit just before, not the first")
                .containsExactly(new StatusChange(3, "新指标", "NO_DATA", "REGRESSING"));
        assertThat(visits.visit(user, 2, List.of(line(1, "托位数", "ACHIEVED"))).seenAt()).as("each plan on its own").isNull();
    }
}
