package cn.gongfu.evaluation.method;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Worked example of docs/methodology.md §3: seed 001's schedule for the district charity base
 * (区级慈善基地, 2022): "5月底前:完成…改建设计;9月底前:完成…改建升级;12月底前:区级慈善基地运作".
 * Completion months and percents are invented.
 */
class TaskAssessorTest {

    private final TaskAssessor assessor = new TaskAssessor();

    private static TaskProgress charityBase(YearMonth designDone, YearMonth upgradeDone, YearMonth runningDone, Double percent) {
        return new TaskProgress(YearMonth.of(2022, 1), YearMonth.of(2022, 12), List.of(
                new Milestone("完成区级慈善基地平台改建设计", YearMonth.of(2022, 5), designDone),
                new Milestone("完成区级慈善基地平台改建升级", YearMonth.of(2022, 9), upgradeDone),
                new Milestone("区级慈善基地运作", YearMonth.of(2022, 12), runningDone)), percent);
    }

    @Test
    void percentAgainstTimeWhenNothingIsOverdue() {
        TaskAssessment behind = assessor.assess(charityBase(YearMonth.of(2022, 5), null, null, 50.0), YearMonth.of(2022, 7));
        assertThat(behind.expectedPercent()).isCloseTo(58.3333, within(1e-4));
        assertThat(behind.pace()).isCloseTo(0.8571, within(1e-4));
        assertThat(behind.due()).isEqualTo(1);
        assertThat(behind.doneOnTime()).isEqualTo(1);
        assertThat(behind.status()).isEqualTo(Status.LAGGING);
        TaskAssessment onPace = assessor.assess(charityBase(YearMonth.of(2022, 5), null, null, 55.0), YearMonth.of(2022, 7));
        assertThat(onPace.status()).isEqualTo(Status.ON_TRACK);
    }

    @Test
    void overdueMilestones() {
        TaskAssessment oneMonth = assessor.assess(charityBase(YearMonth.of(2022, 6), null, null, 80.0), YearMonth.of(2022, 10));
        assertThat(oneMonth.overdue()).containsExactly("完成区级慈善基地平台改建升级");
        assertThat(oneMonth.doneLate()).isEqualTo(1);
        assertThat(oneMonth.onTimeShare()).isEqualTo(0.0);
        assertThat(oneMonth.status()).isEqualTo(Status.LAGGING); // a missed date outranks a good percent
        TaskAssessment afterEnd = assessor.assess(charityBase(YearMonth.of(2022, 5), null, null, 80.0), YearMonth.of(2023, 1));
        assertThat(afterEnd.status()).isEqualTo(Status.SERIOUSLY_LAGGING);
        TaskAssessment fourMonths = assessor.assess(new TaskProgress(YearMonth.of(2022, 1), YearMonth.of(2023, 12),
                List.of(new Milestone("设计", YearMonth.of(2022, 5), null)), null), YearMonth.of(2022, 9));
        assertThat(fourMonths.status()).isEqualTo(Status.SERIOUSLY_LAGGING);
    }

    @Test
    void doneAndNotStarted() {
        TaskAssessment done = assessor.assess(charityBase(YearMonth.of(2022, 5), YearMonth.of(2022, 9), YearMonth.of(2022, 12), null), YearMonth.of(2022, 12));
        assertThat(done.status()).isEqualTo(Status.ACHIEVED);
        assertThat(done.onTimeShare()).isEqualTo(1.0);
        // the first milestone is due in May and its schedule gives no start: in March nothing has begun
        TaskAssessment early = assessor.assess(charityBase(null, null, null, null), YearMonth.of(2022, 3));
        assertThat(early.status()).isEqualTo(Status.NOT_STARTED);
    }

    /** Issue 14: the demo's tasks without milestones all read 严重滞后 a year after the plan, with nothing ever due. */
    @Test
    void aTaskWithNothingDueIsNeverLagging() {
        TaskProgress noMilestones = new TaskProgress(YearMonth.of(2021, 1), YearMonth.of(2025, 12), List.of(), null);
        assertThat(assessor.assess(noMilestones, YearMonth.of(2023, 6)).status()).isEqualTo(Status.ON_TRACK);
        assertThat(assessor.assess(noMilestones, YearMonth.of(2025, 12)).status()).isEqualTo(Status.ON_TRACK);
        assertThat(assessor.assess(noMilestones, YearMonth.of(2026, 12)).status()).isEqualTo(Status.NO_DATA);
        TaskProgress later = new TaskProgress(YearMonth.of(2021, 1), YearMonth.of(2025, 12),
                List.of(new Milestone("新院区建成投用", YearMonth.of(2024, 1), YearMonth.of(2024, 6), null)), null);
        assertThat(assessor.assess(later, YearMonth.of(2023, 12)).status()).isEqualTo(Status.NOT_STARTED);
        assertThat(assessor.assess(later, YearMonth.of(2024, 3)).status()).isEqualTo(Status.ON_TRACK);
        assertThat(assessor.assess(later, YearMonth.of(2024, 8)).status()).isEqualTo(Status.LAGGING);
        // a task owing something at its end is still seriously lagging after it
        assertThat(assessor.assess(later, YearMonth.of(2026, 1)).status()).isEqualTo(Status.SERIOUSLY_LAGGING);
        // asked about a past month, a milestone done later was still open then
        TaskProgress doneLater = new TaskProgress(YearMonth.of(2021, 1), YearMonth.of(2025, 12),
                List.of(new Milestone("新院区建成投用", YearMonth.of(2024, 1), YearMonth.of(2024, 6), YearMonth.of(2026, 5))), null);
        assertThat(assessor.assess(doneLater, YearMonth.of(2025, 12)).status()).isEqualTo(Status.SERIOUSLY_LAGGING);
        assertThat(assessor.assess(doneLater, YearMonth.of(2026, 6)).status()).isEqualTo(Status.ACHIEVED);
        TaskProgress reported = new TaskProgress(YearMonth.of(2021, 1), YearMonth.of(2025, 12), List.of(), 70.0);
        assertThat(assessor.assess(reported, YearMonth.of(2026, 1)).status()).isEqualTo(Status.SERIOUSLY_LAGGING);
    }
}
