package cn.gongfu.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cn.gongfu.evaluation.EvaluationService.IndicatorEvaluation;
import cn.gongfu.evaluation.EvaluationService.PlanEvaluation;
import cn.gongfu.evaluation.method.Status;
import cn.gongfu.evaluation.ranking.RankingService;
import cn.gongfu.evaluation.ranking.RankingService.UnitRank;
import cn.gongfu.plan.PlanDraft;
import cn.gongfu.plan.PlanDraft.IndicatorDraft;
import cn.gongfu.plan.PlanDraft.SectionDraft;
import cn.gongfu.plan.PlanDraft.TargetDraft;
import cn.gongfu.plan.PlanDraft.TaskDraft;
import cn.gongfu.plan.PlanWriter;
import cn.gongfu.support.MovableClock;
import cn.gongfu.support.SignedInAsAdmin;
import cn.gongfu.unit.UnitService;
import cn.gongfu.users.UserService;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.result.MockMvcResultMatchers;

/**
 * The scenario of issue 6 on each database: a plan in 岱山县 with three indicators, accepted values over
 * three years, and the statuses, realization degree and unit ranks worked out by hand in docs/methodology.md.
 */
abstract class EvaluationContract {

    static final String REGION = "330921";

    @Autowired
    PlanWriter writer;

    @Autowired
    UnitService units;

    @Autowired
    UserService users;

    @Autowired
    EvaluationService evaluation;

    @Autowired
    RankingService rankings;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MovableClock clock;

    long planId;

    @BeforeEach
    void scenario() {
        SignedInAsAdmin.signIn(users.loadUserByUsername("admin"));
        var existing = jdbc.sql("select id from plan where region_code = :r").param("r", REGION).query(Long.class).optional();
        if (existing.isPresent()) {
            planId = existing.get();
            return;
        }
        units.create(REGION, "县发展和改革局", "department", List.of("县发改局"));
        units.create(REGION, "县生态环境分局", "department", List.of());
        TargetDraft income = new TargetDraft("居民收入指数", "ge", new BigDecimal("100"), null, null, "点", 2025, "达到100");
        TargetDraft pollution = new TargetDraft("污染天数", "le", new BigDecimal("10"), null, null, "天", 2025, "控制在10天以内");
        TargetDraft parks = new TargetDraft("公园数量", "ge", new BigDecimal("200"), null, null, "个", 2025, "达到200个");
        planId = writer.create(new PlanDraft("岱山县共同富裕评价示例方案（2021—2025年）", REGION, null, 2021, 2025, "action_plan",
                List.of(new SectionDraft("s", null, "（一）", "评价示例")),
                List.of(task("1", "县发改局"), task("2", "县生态环境分局")),
                List.of(indicator("居民收入指数", "higher", "县发展和改革局", income),
                        indicator("污染天数", "lower", "县生态环境分局", pollution),
                        indicator("公园数量", "higher", "县发展和改革局", parks))));
        observe("居民收入指数", Map.of("2020", 50, "2021", 60, "2022", 70, "2023", 80));
        observe("污染天数", Map.of("2020", 20, "2021", 21, "2022", 22, "2023", 23));
        observe("公园数量", Map.of("2020", 100, "2023", 210));
    }

    @AfterEach
    void signOut() {
        SignedInAsAdmin.signOut();
    }

    /**
     * Without a month the evaluation is as of the clock's month while the plan runs; once it has ended, as of its last
     * month: moved on past the plan, the statuses are those of December 2025, not of a month after the plan.
     */
    @Test
    void theEvaluationIsAsOfTheClocksMonthUntilThePlanEnds() {
        try {
            clock.moveTo(LocalDateTime.of(2024, 1, 15, 12, 0));
            PlanEvaluation january2024 = evaluation.evaluate(planId, null, null);
            assertThat(january2024.asOf()).isEqualTo(YearMonth.of(2024, 1));
            assertThat(statuses(january2024)).isEqualTo(statuses(evaluation.evaluate(planId, null, YearMonth.of(2024, 1))));
            clock.moveTo(LocalDateTime.of(2026, 3, 15, 12, 0));
            PlanEvaluation afterTheEnd = evaluation.evaluate(planId, null, null);
            assertThat(afterTheEnd.asOf()).isEqualTo(YearMonth.of(2025, 12));
            assertThat(statuses(afterTheEnd)).isEqualTo(statuses(evaluation.evaluate(planId, null, YearMonth.of(2025, 12))))
                    .as("not those of March 2026, when every deadline had passed").isNotEqualTo(statuses(evaluation.evaluate(planId, null, YearMonth.of(2026, 3))));
        } finally {
            clock.reset();
        }
    }

    private static Map<String, Status> statuses(PlanEvaluation eval) {
        return eval.indicators().stream().collect(Collectors.toMap(e -> e.indicator().name(), e -> e.assessment().status()));
    }

    @Test
    void statusesFollowTheMethod() {
        PlanEvaluation eval = evaluation.evaluate(planId, null, YearMonth.of(2024, 1));
        Map<String, IndicatorEvaluation> byName = eval.indicators().stream()
                .collect(Collectors.toMap(e -> e.indicator().name(), e -> e));
        // income: 50 → 80 of 50 → 100 is 60% of the way after 37 of 60 months (61.7%): pace 0.97 ≥ 0.9
        IndicatorEvaluation income = byName.get("居民收入指数");
        assertThat(income.assessment().progress()).isCloseTo(0.6, within(1e-9));
        assertThat(income.assessment().expectedProgress()).isCloseTo(37.0 / 60, within(1e-9));
        assertThat(income.assessment().status()).isEqualTo(Status.ON_TRACK);
        // pollution days grew from 20 to 23 where fewer is better: moving away from the target
        assertThat(byName.get("污染天数").assessment().status()).isEqualTo(Status.REGRESSING);
        // 210 parks meet the 2025 target of 200 already
        assertThat(byName.get("公园数量").assessment().status()).isEqualTo(Status.ACHIEVED);
        assertThat(eval.distribution()).containsEntry(Status.ON_TRACK, 1L).containsEntry(Status.REGRESSING, 1L)
                .containsEntry(Status.ACHIEVED, 1L);
        assertThat(eval.mostLagging(5)).extracting(e -> e.indicator().name()).containsExactly("污染天数");
    }

    @Test
    void theRealizationDegreeIsTheEquallyWeightedCappedDistanceToTarget() {
        PlanEvaluation eval = evaluation.evaluate(planId, null, YearMonth.of(2024, 1));
        // Z: income 80/100 = 0.8; pollution (inverse) 10/23 = 0.4348; parks min(210/200, 1) = 1
        double expected = (0.8 + 10.0 / 23 + 1.0) / 3;
        assertThat(eval.realization().overall()).isCloseTo(expected, within(1e-9));
        assertThat(eval.realization().contributions()).hasSize(3)
                .allSatisfy(c -> assertThat(c.weight()).isCloseTo(1.0 / 3, within(1e-9)));
    }

    @Test
    void unitsRankByWhatTheyAnswerFor() {
        List<UnitRank> ranks = rankings.rank(planId, YearMonth.of(2024, 1));
        Map<String, UnitRank> byName = ranks.stream().collect(Collectors.toMap(UnitRank::unitName, r -> r));
        // the development bureau's two indicators are achieved or on track; the environment bureau's one regresses
        assertThat(byName.get("县发展和改革局").result().rank()).isEqualTo(1);
        assertThat(byName.get("县发展和改革局").result().score()).isCloseTo(100, within(1e-9));
        assertThat(byName.get("县生态环境分局").result().rank()).isEqualTo(2);
        assertThat(byName.get("县生态环境分局").result().score()).isCloseTo(0, within(1e-9));
    }

    @Autowired
    MockMvc mvc;

    @Test
    void theApiGivesTheSameEvaluation() throws Exception {
        mvc.perform(MockMvcRequestBuilders.get("/api/v1/evaluation/plans/{id}", planId)
                        .param("asOf", "2024-01"))
                .andExpect(MockMvcResultMatchers.status().isOk())
                .andExpect(MockMvcResultMatchers.jsonPath("$.indicators.length()").value(3))
                .andExpect(MockMvcResultMatchers
                        .jsonPath("$.indicators[?(@.indicator.name == '公园数量')].assessment.status").value("ACHIEVED"))
                .andExpect(MockMvcResultMatchers
                        .jsonPath("$.realization.overall").value(Matchers.closeTo((0.8 + 10.0 / 23 + 1.0) / 3, 1e-9)));
        mvc.perform(MockMvcRequestBuilders.get("/api/v1/evaluation/plans/{id}/units", planId)
                        .param("asOf", "2024-01"))
                .andExpect(MockMvcResultMatchers.jsonPath("$[0].unitName").value("县发展和改革局"));
    }

    @Test
    void anAcceptedValueShowsInTheEvaluationAtOnce() {
        jdbc.sql("delete from observation where period = '2024' and indicator_id = (select id from indicator where name = '污染天数' and region_code = :r)")
                .param("r", REGION).update();
        assertThat(status("污染天数", YearMonth.of(2025, 1))).isEqualTo(Status.REGRESSING);
        jdbc.sql("""
                insert into observation (indicator_id, region_code, period, value, state)
                select id, :r, '2024', 9, 'approved' from indicator where name = '污染天数' and region_code = :r""")
                .param("r", REGION).update();
        assertThat(status("污染天数", YearMonth.of(2025, 1))).isEqualTo(Status.ACHIEVED);
        jdbc.sql("delete from observation where period = '2024' and indicator_id = (select id from indicator where name = '污染天数' and region_code = :r)")
                .param("r", REGION).update();
    }

    private Status status(String name, YearMonth asOf) {
        return evaluation.evaluate(planId, null, asOf).indicators().stream().filter(e -> e.indicator().name().equals(name))
                .findFirst().orElseThrow().assessment().status();
    }

    private void observe(String indicator, Map<String, Integer> values) {
        long id = jdbc.sql("select id from indicator where name = :n and region_code = :r").param("n", indicator).param("r", REGION)
                .query(Long.class).single();
        values.forEach((period, value) -> jdbc.sql("""
                insert into observation (indicator_id, region_code, period, value, state) values (:i, :r, :p, :v, 'approved')""")
                .param("i", id).param("r", REGION).param("p", period).param("v", value).update());
    }

    private static TaskDraft task(String code, String lead) {
        return new TaskDraft("main", code, "s", "measure", null, "示例任务" + code, null, List.of(lead), List.of(),
                null, null, null, null, List.of(), List.of());
    }

    private static IndicatorDraft indicator(String name, String polarity, String unit, TargetDraft target) {
        return new IndicatorDraft(null, "示例领域", name, target.unit(), polarity, false, unit, null, List.of(target));
    }
}
