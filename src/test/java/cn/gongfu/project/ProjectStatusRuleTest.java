package cn.gongfu.project;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongfu.project.ProjectStatusRule.Facts;
import cn.gongfu.project.ProjectStatusRule.MilestoneState;
import cn.gongfu.project.ProjectStatusRule.Outcome;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The worked examples of docs/projects.md (<i>Status rule</i>) and docs/methodology.md §10: a project of 1,000 万元
 * planned for 2026 (1 January to 31 December), assessed as of June 2026, when 181 of its 365 days have passed (49.6%).
 */
class ProjectStatusRuleTest {

    static final LocalDate START = LocalDate.of(2026, 1, 1);
    static final LocalDate END = LocalDate.of(2026, 12, 31);
    static final YearMonth JUNE = YearMonth.of(2026, 6);
    final ProjectStatusRule rule = new ProjectStatusRule();

    static Facts facts(String total, Integer percent, List<MilestoneState> milestones) {
        return new Facts(new BigDecimal("1000"), null, percent != null, new BigDecimal(total), new BigDecimal(total), percent,
                START, END, milestones);
    }

    @Test
    void onTrackWhenProgressAndInvestmentKeepPaceWithTime() {
        Outcome o = rule.assess(facts("450", 45, List.of()), JUNE);
        assertThat(o.elapsed()).isEqualTo(49.6);
        assertThat(o.rate()).isEqualTo(45.0);                 // 450 / 1,000
        assertThat(o.expectedRate()).isEqualTo(49.6);         // of the total: the time elapsed
        assertThat(o.investmentLag()).isEqualTo(4.6);
        assertThat(o.scheduleLag()).isEqualTo(4.6);           // 49.6 − 45
        assertThat(o.status()).isEqualTo(ProjectStatus.ON_TRACK);
        assertThat(o.reason()).isEqualTo("onPace");
    }

    @Test
    void laggingBeyondTenPointsAndSeriouslyBeyondTwenty() {
        Outcome lagging = rule.assess(facts("450", 35, List.of()), JUNE);
        assertThat(lagging.scheduleLag()).isEqualTo(14.6);
        assertThat(lagging.status()).isEqualTo(ProjectStatus.LAGGING);
        assertThat(lagging.reason()).isEqualTo("behind");
        assertThat(lagging.reasonArgs()).containsExactly("14.6", "10");

        Outcome serious = rule.assess(facts("450", 25, List.of()), JUNE);
        assertThat(serious.scheduleLag()).isEqualTo(24.6);
        assertThat(serious.status()).isEqualTo(ProjectStatus.SERIOUSLY_LAGGING);

        // the investment lags as much as the works do: 200 of 1,000 is 20%, 29.6 points behind time
        Outcome money = rule.assess(facts("200", 50, List.of()), JUNE);
        assertThat(money.scheduleLag()).isEqualTo(-0.4);
        assertThat(money.investmentLag()).isEqualTo(29.6);
        assertThat(money.status()).isEqualTo(ProjectStatus.SERIOUSLY_LAGGING);
    }

    @Test
    void anAnnualPlanIsMeasuredByTheYearsMonths() {
        // 600 planned for 2026, 300 completed in its accepted months up to June: 50%, as 6 of 12 months have passed
        Facts f = new Facts(new BigDecimal("1000"), new BigDecimal("600"), true, new BigDecimal("700"), new BigDecimal("300"), 50,
                LocalDate.of(2025, 7, 1), LocalDate.of(2027, 6, 30), List.of());
        Outcome o = rule.assess(f, JUNE);
        assertThat(o.annual()).isTrue();
        assertThat(o.rate()).isEqualTo(50.0);
        assertThat(o.expectedRate()).isEqualTo(50.0);
        assertThat(o.investmentLag()).isEqualTo(0.0);
        // 2025-07-01 to 2026-06-30 is 365 of 730 days
        assertThat(o.elapsed()).isEqualTo(50.0);
        assertThat(o.status()).isEqualTo(ProjectStatus.ON_TRACK);
    }

    @Test
    void anOverdueMilestoneMakesItLaggingAndMoreThanThreeMonthsSeriously() {
        Outcome late = rule.assess(facts("500", 50, List.of(new MilestoneState(LocalDate.of(2026, 4, 30), null))), JUNE);
        assertThat(late.overdueMilestones()).isEqualTo(1);
        assertThat(late.worstMonthsOverdue()).isEqualTo(2);   // April to June
        assertThat(late.status()).isEqualTo(ProjectStatus.LAGGING);
        assertThat(late.reason()).isEqualTo("milestoneLate");

        Outcome veryLate = rule.assess(facts("500", 50, List.of(new MilestoneState(LocalDate.of(2026, 1, 31), null))), JUNE);
        assertThat(veryLate.worstMonthsOverdue()).isEqualTo(5);
        assertThat(veryLate.status()).isEqualTo(ProjectStatus.SERIOUSLY_LAGGING);

        // done late is done: no longer overdue
        Outcome doneLate = rule.assess(facts("500", 50,
                List.of(new MilestoneState(LocalDate.of(2026, 1, 31), LocalDate.of(2026, 5, 2)))), JUNE);
        assertThat(doneLate.status()).isEqualTo(ProjectStatus.ON_TRACK);
    }

    @Test
    void thePlannedCompletionPassedUnfinishedIsSeriouslyLagging() {
        Facts f = new Facts(new BigDecimal("1000"), null, true, new BigDecimal("950"), new BigDecimal("950"), 90, START,
                LocalDate.of(2026, 5, 31), List.of());
        Outcome o = rule.assess(f, JUNE);
        assertThat(o.elapsed()).isEqualTo(100.0);
        assertThat(o.status()).isEqualTo(ProjectStatus.SERIOUSLY_LAGGING);
        assertThat(o.reason()).isEqualTo("endPassed");
        assertThat(o.reasonArgs()).containsExactly("2026-05-31", 90);
    }

    @Test
    void doneNotStartedAndNoData() {
        Outcome done = rule.assess(facts("980", 100, List.of(new MilestoneState(LocalDate.of(2026, 5, 31), LocalDate.of(2026, 5, 20)))), JUNE);
        assertThat(done.status()).isEqualTo(ProjectStatus.ACHIEVED);

        Outcome openMilestone = rule.assess(facts("980", 100, List.of(new MilestoneState(LocalDate.of(2026, 9, 30), null))), JUNE);
        assertThat(openMilestone.status()).as("100% with a milestone still open is not done").isEqualTo(ProjectStatus.ON_TRACK);

        Facts later = new Facts(new BigDecimal("1000"), null, false, BigDecimal.ZERO, BigDecimal.ZERO, null,
                LocalDate.of(2026, 8, 1), END, List.of());
        assertThat(rule.assess(later, JUNE).status()).isEqualTo(ProjectStatus.NOT_STARTED);
        assertThat(rule.assess(later, JUNE).elapsed()).isEqualTo(0.0);

        Outcome nothing = rule.assess(facts("0", null, List.of()), JUNE);
        assertThat(nothing.status()).isEqualTo(ProjectStatus.NO_DATA);
        assertThat(nothing.scheduleLag()).isNull();
        assertThat(nothing.investmentLag()).isNull();
        assertThat(nothing.rate()).isEqualTo(0.0);
    }

    @Test
    void nothingPlannedHasNoRate() {
        Facts f = new Facts(BigDecimal.ZERO, null, true, BigDecimal.ZERO, BigDecimal.ZERO, 50, START, END, List.of());
        Outcome o = rule.assess(f, JUNE);
        assertThat(o.rate()).isNull();
        assertThat(o.investmentLag()).isNull();
        assertThat(o.status()).isEqualTo(ProjectStatus.ON_TRACK);
    }
}
