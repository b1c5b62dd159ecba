package cn.gongfu.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cn.gongfu.evaluation.EvaluationService.IndicatorEvaluation;
import cn.gongfu.evaluation.EvaluationService.PlanEvaluation;
import cn.gongfu.evaluation.EvaluationService.TaskEvaluation;
import cn.gongfu.evaluation.method.Assessment;
import cn.gongfu.evaluation.method.Status;
import cn.gongfu.indicator.Indicator;
import cn.gongfu.plan.PlanDraft;
import cn.gongfu.plan.PlanDraft.IndicatorDraft;
import cn.gongfu.plan.PlanDraft.MilestoneDraft;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.result.MockMvcResultMatchers;

/**
 * The definitions behind a true status picture (issue 14), on each database, with a plan of its own in 嵊泗县 for
 * 2021–2025: a task with nothing due is never lagging; progress from a baseline that moved the wrong way is
 * regressing, shown bounded; the realization degree counts only indicators with data and says how many; an
 * ended plan is evaluated at its last month; indicators named inside a task's text take their facts from it.
 */
abstract class StatusPictureContract {

    static final String REGION = "330922";

    @Autowired
    PlanWriter writer;

    @Autowired
    UnitService units;

    @Autowired
    UserService users;

    @Autowired
    EvaluationService evaluation;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MovableClock clock;

    @Autowired
    MockMvc mvc;

    long planId;

    @BeforeEach
    void plan() {
        SignedInAsAdmin.signIn(users.loadUserByUsername("admin"));
        var existing = jdbc.sql("select id from plan where region_code = :r").param("r", REGION).query(Long.class).optional();
        if (existing.isPresent()) {
            planId = existing.get();
            return;
        }
        units.create(REGION, "县卫生健康局", "department", List.of("县卫健局"));
        units.create(REGION, "县民政局", "department", List.of());
        TargetDraft infants = target("婴儿死亡率", "le", "2.5", "‰", "控制在2.5‰以内");
        TargetDraft lifespan = target("人均预期寿命", "ge", "82", "岁", "达到82岁");
        TargetDraft beds = target("每千常住人口床位数", "ge", "6.6", "张", "达到6.6张");
        TargetDraft nurseries = target("普惠托位数", "ge", "1200", "个", "普惠托位达到1200个");
        TargetDraft volunteers = target("志愿服务活跃度", "ge", "50", null, "志愿服务活跃度达到50");
        planId = writer.create(new PlanDraft("嵊泗县状态示例方案（2021—2025年）", REGION, null, 2021, 2025, "action_plan",
                List.of(new SectionDraft("s1", null, "（一）", "公共服务优质共享行动"), new SectionDraft("s1.1", "s1", "1.", "推进幼有善育")),
                List.of(task("1", "s1.1", "县民政局", List.of(), List.of(nurseries)),
                        task("2", "s1.1", "县卫健局", List.of(new MilestoneDraft("2024-01", "2024-06", "新院区建成投用")), List.of()),
                        task("3", "s1.1", "县卫健局", List.of(new MilestoneDraft("2022-01", "2022-06", "完成规划编制")), List.of()),
                        task("4", null, "县民政局", List.of(), List.of(volunteers))),
                List.of(indicator("婴儿死亡率", "lower", infants), indicator("人均预期寿命", "higher", lifespan),
                        indicator("每千常住人口床位数", "higher", beds))));
        observe("婴儿死亡率", Map.of("2020", "2.31", "2023", "1.79"));
        observe("人均预期寿命", Map.of("2020", "81.66", "2023", "81.41"));
        jdbc.sql("update milestone set state = 'done', completed_on = date '2022-06-20' where text = '完成规划编制'"
                + " and task_id in (select id from task where plan_id = :p)").param("p", planId).update();
    }

    @AfterEach
    void signOut() {
        clock.reset();
        SignedInAsAdmin.signOut();
    }

    @Test
    void aTaskWithNothingDueIsNeverLagging() {
        // mid-plan: task 1 has no milestone and no report, task 2's milestone begins only in 2024
        Map<String, Status> july2023 = taskStatuses(evaluation.evaluate(planId, null, YearMonth.of(2023, 7)));
        assertThat(july2023).containsEntry("1", Status.ON_TRACK).containsEntry("2", Status.NOT_STARTED)
                .containsEntry("3", Status.ACHIEVED);
        // at the plan's end the milestone of task 2 is half a year overdue; task 1 still owes nothing
        Map<String, Status> end = taskStatuses(evaluation.evaluate(planId, null, YearMonth.of(2025, 12)));
        assertThat(end).containsEntry("1", Status.ON_TRACK).containsEntry("2", Status.SERIOUSLY_LAGGING)
                .containsEntry("3", Status.ACHIEVED);
        // even asked about a month after the plan: nothing was due, so no data, never late
        Map<String, Status> after = taskStatuses(evaluation.evaluate(planId, null, YearMonth.of(2026, 6)));
        assertThat(after.get("1")).isEqualTo(Status.NO_DATA);
    }

    @Test
    void progressFromABaselineThatMovedTheWrongWayIsRegressingAndBounded() {
        Map<String, Assessment> byName = assessments(evaluation.evaluate(planId, null, YearMonth.of(2025, 12)));
        // 2.31 → 1.79 against a ceiling of 2.5 above the baseline: met; the raw ratio (1.79 − 2.31)/(2.5 − 2.31) is −274%
        Assessment infants = byName.get("婴儿死亡率");
        assertThat(infants.status()).isEqualTo(Status.ACHIEVED);
        assertThat(infants.progress()).isCloseTo((1.79 - 2.31) / (2.5 - 2.31), within(1e-9));
        assertThat(infants.shownProgress()).isEqualTo(1.0);
        assertThat(infants.movedAway()).isFalse();
        // 81.66 → 81.41 towards 82: moved away, regressing, shown as such and not as −74%
        Assessment lifespan = byName.get("人均预期寿命");
        assertThat(lifespan.status()).isEqualTo(Status.REGRESSING);
        assertThat(lifespan.progress()).isNegative();
        assertThat(lifespan.movedAway()).isTrue();
        assertThat(lifespan.shownProgress()).isNull();
    }

    @Test
    void theRealizationDegreeCountsOnlyIndicatorsWithDataAndSaysHowMany() {
        PlanEvaluation eval = evaluation.evaluate(planId, null, YearMonth.of(2025, 12));
        // five indicators: two with values; 床位数 and the tasks' 普惠托位数 and 志愿服务活跃度 without any
        assertThat(eval.indicators()).hasSize(5);
        assertThat(eval.coverage()).isEqualTo(new EvaluationService.Coverage(2, 5));
        assertThat(eval.realization().contributions()).extracting(c -> c.id()).containsExactlyInAnyOrder("婴儿死亡率", "人均预期寿命");
        // Z: 婴儿死亡率 min(2.5/1.79, 1) = 1, 人均预期寿命 81.41/82; nothing scored 0 for a missing value
        assertThat(eval.realization().overall()).isCloseTo((1 + 81.41 / 82) / 2, within(1e-9));
    }

    @Test
    void anEndedPlanIsEvaluatedAtItsLastMonthByDefault() {
        clock.moveTo(LocalDateTime.of(2026, 12, 3, 9, 0));
        PlanEvaluation ended = evaluation.evaluate(planId, null, null);
        assertThat(ended.asOf()).isEqualTo(YearMonth.of(2025, 12));
        assertThat(taskStatuses(ended)).isEqualTo(taskStatuses(evaluation.evaluate(planId, null, YearMonth.of(2025, 12))));
        clock.moveTo(LocalDateTime.of(2023, 7, 10, 9, 0));
        assertThat(evaluation.evaluate(planId, null, null).asOf()).isEqualTo(YearMonth.of(2023, 7));
    }

    @Test
    void theDashboardOffersTheMonthAndShowsWordsNotRawFigures() throws Exception {
        clock.moveTo(LocalDateTime.of(2026, 12, 3, 9, 0));
        String overview = mvc.perform(MockMvcRequestBuilders.get("/dashboard").param("plan", String.valueOf(planId)))
                .andExpect(MockMvcResultMatchers.status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(overview).contains("截至 2025-12", "基于 5 项指标中的 2 项", "缺：领域、计量单位", "name=\"month\"", "value=\"2025-12\"", "倒退")
                .doesNotContain("-274%", "−274%", "Σ", "w_i", "done ? 1");
        String chosen = mvc.perform(MockMvcRequestBuilders.get("/dashboard/tasks").param("plan", String.valueOf(planId))
                        .param("month", "2023-07"))
                .andExpect(MockMvcResultMatchers.status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(chosen).contains("截至 2023-07", "未开始", "进度正常").doesNotContain("months from", "+月");
        mvc.perform(MockMvcRequestBuilders.get("/dashboard/tasks").param("plan", String.valueOf(planId)).param("month", "2023-13"))
                .andExpect(MockMvcResultMatchers.status().isBadRequest());
        String units = mvc.perform(MockMvcRequestBuilders.get("/dashboard/units").param("plan", String.valueOf(planId)))
                .andExpect(MockMvcResultMatchers.status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(units).contains("指标达成").doesNotContain("INDICATOR_ACHIEVEMENT", "0.42857");
    }

    @Test
    void indicatorsNamedInATasksTextInheritItsFacts() {
        Indicator nurseries = evaluation.evaluate(planId, null, YearMonth.of(2025, 12)).indicators().stream()
                .map(IndicatorEvaluation::indicator).filter(i -> i.name().equals("普惠托位数")).findFirst().orElseThrow();
        assertThat(nurseries.domain()).isEqualTo("公共服务优质共享行动");
        assertThat(nurseries.unit()).isEqualTo("个");
        assertThat(nurseries.responsibleUnitName()).isEqualTo("县民政局");
        // a task outside any section and a target without a unit leave those facts missing: the dashboard flags them
        Indicator volunteers = evaluation.evaluate(planId, null, YearMonth.of(2025, 12)).indicators().stream()
                .map(IndicatorEvaluation::indicator).filter(i -> i.name().equals("志愿服务活跃度")).findFirst().orElseThrow();
        assertThat(volunteers.domain()).isNull();
        assertThat(volunteers.unit()).isNull();
        assertThat(volunteers.responsibleUnitName()).isEqualTo("县民政局");
    }

    /** V21 gives the indicators of plans published before what they lacked, from their task, and changes nothing set. */
    @Test
    void theMigrationFillsInWhatOlderTaskIndicatorsLack() throws Exception {
        String sql = new String(new org.springframework.core.io.ClassPathResource(
                "db/migration/V21__task_indicators_from_their_task.sql").getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        long nurseries = jdbc.sql("select id from indicator where name = '普惠托位数' and region_code = :r").param("r", REGION)
                .query(Long.class).single();
        long infants = jdbc.sql("select id from indicator where name = '婴儿死亡率' and region_code = :r").param("r", REGION)
                .query(Long.class).single();
        jdbc.sql("update indicator set domain = null, unit_id = null, unit = null where id = :i").param("i", nurseries).update();
        for (String statement : sql.replaceAll("(?m)^--.*$", "").split(";")) {
            if (!statement.isBlank()) jdbc.sql(statement).update();
        }
        Indicator filled = evaluation.evaluate(planId, null, YearMonth.of(2025, 12)).indicators().stream()
                .map(IndicatorEvaluation::indicator).filter(i -> i.id() == nurseries).findFirst().orElseThrow();
        assertThat(filled.domain()).isEqualTo("公共服务优质共享行动");
        assertThat(filled.unit()).isEqualTo("个");
        assertThat(filled.responsibleUnitName()).isEqualTo("县民政局");
        // a plan-table indicator keeps its own facts
        assertThat(jdbc.sql("select domain from indicator where id = :i").param("i", infants).query(String.class).single())
                .isEqualTo("病有良医");
    }

    private static Map<String, Status> taskStatuses(PlanEvaluation eval) {
        return eval.tasks().stream().collect(Collectors.toMap(TaskEvaluation::code, t -> t.assessment().status()));
    }

    private static Map<String, Assessment> assessments(PlanEvaluation eval) {
        return eval.indicators().stream().collect(Collectors.toMap(e -> e.indicator().name(), IndicatorEvaluation::assessment,
                (a, b) -> a, java.util.LinkedHashMap::new));
    }

    private void observe(String indicator, Map<String, String> values) {
        long id = jdbc.sql("select id from indicator where name = :n and region_code = :r").param("n", indicator).param("r", REGION)
                .query(Long.class).single();
        values.forEach((period, value) -> jdbc.sql("""
                insert into observation (indicator_id, region_code, period, value, state) values (:i, :r, :p, :v, 'approved')""")
                .param("i", id).param("r", REGION).param("p", period).param("v", new BigDecimal(value)).update());
    }

    private static TargetDraft target(String name, String comparator, String value, String unit, String text) {
        return new TargetDraft(name, comparator, new BigDecimal(value), null, null, unit, 2025, text);
    }

    private static TaskDraft task(String code, String section, String lead, List<MilestoneDraft> milestones, List<TargetDraft> targets) {
        return new TaskDraft("main", code, section, "measure", null, "示例任务" + code, null, List.of(lead), List.of(),
                null, null, null, null, milestones, targets);
    }

    private static IndicatorDraft indicator(String name, String polarity, TargetDraft target) {
        return new IndicatorDraft(null, "病有良医", name, target.unit(), polarity, false, "县卫生健康局", null, List.of(target), List.of());
    }
}
