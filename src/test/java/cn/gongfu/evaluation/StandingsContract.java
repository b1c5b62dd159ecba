package cn.gongfu.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongfu.evaluation.EvaluationService.IndicatorEvaluation;
import cn.gongfu.evaluation.method.Assessment;
import cn.gongfu.evaluation.method.Status;
import cn.gongfu.indicator.IndicatorEdits;
import cn.gongfu.indicator.IndicatorEdits.EditableTarget;
import cn.gongfu.indicator.TargetInput;
import cn.gongfu.reporting.ReportCalendar;
import cn.gongfu.reporting.ReportCalendarService;
import cn.gongfu.reporting.ValueAccepted;
import cn.gongfu.support.DemoFacts;
import cn.gongfu.support.SignedInAsAdmin;
import cn.gongfu.users.UserService;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 15, on each database: the demo plan's dashboard reads its stored standing, which equals the assessment derived
 * from the rows; each change of what the plan is judged by that the application makes outside a report (a target
 * edited, the reporting calendar set, a statistics feed's event) marks it for a recompute, and the next read brings it back
 * equal to the derived one. (Reports, the incremental path, are tested on a generated city:
 * {@link StandingsOnAGeneratedCityTest}.)
 */
abstract class StandingsContract {

    @Autowired
    EvaluationService evaluation;
    @Autowired
    IndicatorEdits edits;
    @Autowired
    ReportCalendarService calendars;
    @Autowired
    StandingsUpkeep upkeep;
    @Autowired
    UserService users;
    @Autowired
    JdbcClient jdbc;

    long plan;

    @BeforeEach
    void signIn() {
        SignedInAsAdmin.signIn(users.loadUserByUsername("admin"));
        plan = DemoFacts.demoPlanId(jdbc);
    }

    @AfterEach
    void signOut() {
        evaluation.recompute(plan);
        SignedInAsAdmin.signOut();
    }

    @Test
    void theDashboardReadsTheStoredStandingWhichEqualsTheDerivedOne() {
        evaluation.evaluate(plan, null, null);
        Map<Long, Assessment> stored = evaluation.stored(plan).orElseThrow();
        assertThat(stored).isEqualTo(evaluation.derive(plan)).hasSizeGreaterThan(40);
        // a card's summary (standing and definitions only) says what the whole evaluation says
        var whole = evaluation.evaluate(plan, null, null);
        var summary = evaluation.summary(plan);
        assertThat(summary.asOf()).isEqualTo(whole.asOf());
        assertThat(summary.coverage()).isEqualTo(whole.coverage());
        assertThat(summary.distribution()).isEqualTo(whole.distribution());
        assertThat(summary.realization().overall()).isCloseTo(whole.realization().overall(), org.assertj.core.api.Assertions.within(1e-12));

        // what a read shows is the stored row: one altered by hand shows until a recompute repairs it
        long indicator = stored.entrySet().stream().filter(e -> e.getValue().status() != Status.ACHIEVED).findFirst().orElseThrow().getKey();
        jdbc.sql("update indicator_standing set status = 'ACHIEVED' where plan_id = :p and indicator_id = :i")
                .param("p", plan).param("i", indicator).update();
        assertThat(statusOf(indicator)).isEqualTo(Status.ACHIEVED);
        evaluation.recompute(plan);
        assertThat(statusOf(indicator)).isEqualTo(stored.get(indicator).status());
    }

    @Test
    void eachChangeOfWhatThePlanIsJudgedByMarksItsStandingAndTheNextReadRecomputesIt() {
        EditableTarget target = jdbc.sql("select id from target where plan_id = :p and value is not null order by id")
                .param("p", plan).query(Long.class).list().stream().map(edits::target).findFirst().orElseThrow();
        List<Runnable> changes = List.of(
                () -> edit(target, target.value().multiply(BigDecimal.TEN)),
                () -> edit(edits.target(target.id()), target.value()),
                () -> {
                    ReportCalendar c = calendars.calendar(plan).orElseThrow();
                    calendars.setCalendar(plan, c.cadence(), c.indicatorCadence(), c.dueDay(), c.firstPeriod(), c.lastPeriod());
                },
                // the listener itself: a published event would stay in the registry, undelivered, for other suites to wait on
                () -> upkeep.on(new ValueAccepted(ValueAccepted.FEED, "feed:test", null, 1, List.of())));
        for (Runnable change : changes) {
            evaluation.evaluate(plan, null, null);
            assertThat(evaluation.stored(plan)).isPresent();
            change.run();
            assertThat(evaluation.stored(plan)).as("marked for a recompute").isEmpty();
            evaluation.evaluate(plan, null, null);
            assertThat(evaluation.stored(plan)).contains(evaluation.derive(plan));
        }
    }

    private void edit(EditableTarget t, BigDecimal value) {
        edits.editTarget(t.id(), t.version(), new TargetInput(null, t.comparator(), value, t.min(), t.max(), t.unit(), t.year(), t.rawText()));
    }

    private Status statusOf(long indicator) {
        return evaluation.evaluate(plan, null, null).indicators().stream().filter(e -> e.indicator().id() == indicator)
                .map(IndicatorEvaluation::assessment).findFirst().orElseThrow().status();
    }
}
