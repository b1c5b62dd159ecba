package cn.gongfu.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gongfu.kernel.Role;
import cn.gongfu.support.MovableClock;
import cn.gongfu.support.ReportSteps;
import cn.gongfu.support.SignedInAsAdmin;
import cn.gongfu.users.UserService;
import cn.gongfu.vocabulary.Periods;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A progress table of an existing plan offers itself as that plan's progress reports (issue 13), on each database: the
 * review matches its rows to the plan's tasks, the import writes each row's progress into the report of the unit
 * leading the task as a draft the unit then submits as usual, and it is refused, writing nothing, where a unit's
 * report for the period is already submitted or accepted. Each test has its own plan and units ({@link ProgressSamples}).
 */
abstract class ProgressImportContract {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserService users;

    @Autowired
    MovableClock clock;

    @Test
    void aProgressTableIsMatchedToItsPlanAndBecomesDraftReportsTheUnitsSubmit() throws Exception {
        String tag = "进展甲";
        long planId = publishWithCalendar(tag);
        String period = Periods.containing(LocalDate.now(clock), "quarterly");

        JsonNode review = json(upload("progress-a.txt", ProgressSamples.progress(tag, "")));
        long id = review.get("job").get("id").asLong();
        JsonNode progress = review.get("progress");
        assertThat(progress.get("plan").get("id").asLong()).isEqualTo(planId);
        JsonNode rows = progress.get("rows");
        assertThat(rows).hasSize(5);
        // rows 1–4 match tasks 1–4 (2 reworded, 1 shortened), row 5 is no task of the plan
        assertThat(rows.valueStream().map(r -> r.get("taskCode").isNull() ? "-" : r.get("taskCode").asText()).toList())
                .containsExactly("1", "2", "3", "4", "-");
        assertThat(rows.get(0).get("text").asText()).isEqualTo("已完成2个中心主体施工，第3个正在选址。");
        assertThat(rows.get(0).get("percentDone").asInt()).isEqualTo(67);
        // 105%: done (100), and the rate the per cent cannot hold stays in the text
        assertThat(rows.get(2).get("percentDone").asInt()).isEqualTo(100);
        assertThat(rows.get(2).get("text").asText()).isEqualTo("3所幼儿园已于9月开园，新增学位630个。\n完成率：105%");
        assertThat(rows.get(3).get("text").isNull()).as("row 4 reports nothing").isTrue();
        JsonNode outline = progress.get("outline");
        assertThat(outline.get("period").asText()).isEqualTo(period);
        // the lead units of the tasks with something to report; the co-operating 财政局 gets no report of its own
        assertThat(outline.get("units").valueStream().map(u -> u.get("unitName").asText() + " " + u.get("taskIds").size()).toList())
                .containsExactly(ProgressSamples.unit(tag, "民政局") + " 1", ProgressSamples.unit(tag, "住建局") + " 1",
                        ProgressSamples.unit(tag, "教育局") + " 1");
        assertThat(outline.get("units").valueStream().map(u -> u.get("state").isNull()).toList()).containsOnly(true);

        String page = page(get("/imports/{id}", id));
        assertThat(page).contains("这是《" + ProgressSamples.planTitle(tag) + "（2026—2027年）》的进展情况", "4 行对应到方案任务，1 行未对应",
                "id=\"import-progress\"", "作为进展填报导入", "未对应到方案任务", "将新建草稿", "value=\"" + period + "\"");
        assertThat(page).doesNotContain("id=\"import-progress\" type=\"submit\" class=\"primary\" disabled");

        long submissionsBefore = rows("submission");
        JsonNode done = json(mvc.perform(post("/api/v1/imports/{id}/progress", id)).andExpect(status().isOk()));
        assertThat(done.get("period").asText()).isEqualTo(period);
        assertThat(rows("submission")).isEqualTo(submissionsBefore + 3);

        long civil = unitId(ProgressSamples.unit(tag, "民政局"));
        long education = unitId(ProgressSamples.unit(tag, "教育局"));
        assertThat(jdbc.sql("select count(*) from submission where plan_id = :p and unit_id = :u").param("p", planId)
                .param("u", unitId(ProgressSamples.unit(tag, "财政局"))).query(Long.class).single()).isZero();
        long civilReport = submission(planId, civil, period);
        assertThat(state(civilReport)).isEqualTo("draft");
        // the unit's report holds all its tasks; the reported one has the document's words, the empty row nothing
        assertThat(reports(civilReport)).containsExactly(
                "1 in_progress 67 已完成2个中心主体施工，第3个正在选址。 v1", "4 not_started null null v0");
        assertThat(reports(submission(planId, education, period))).containsExactly(
                "3 done 100 3所幼儿园已于9月开园，新增学位630个。\n完成率：105% v1");
        assertThat(jdbc.sql("select state, plan_id from import_job where id = :id").param("id", id)
                .query((rs, i) -> rs.getString(1) + " " + rs.getLong(2)).single()).isEqualTo("reported " + planId);
        assertThat(audit("import:" + id)).anyMatch(e -> e.startsWith("import.progress: review → reported to plan " + planId
                + " " + period + ": 3 task(s), 1 row(s) unmatched"));
        assertThat(audit("submission:" + civilReport)).containsExactly("submission.import-progress: null → import:" + id
                + " progress-a.txt → " + period + ": task 1 in_progress 67% 已完成2个中心主体施工，第3个正在选址。");

        // the import is closed: shown as reported, with each unit's draft to open; it cannot be imported twice
        String after = page(get("/imports/{id}", id));
        assertThat(after).contains("已作为进展导入", "id=\"progress-done\"", "/reports/" + civilReport)
                .doesNotContain("id=\"import-progress\"");
        mvc.perform(post("/api/v1/imports/{id}/progress", id)).andExpect(status().isConflict());

        // the unit checks its draft and submits it through the normal workflow; the office then accepts it
        RequestPostProcessor reporter = user("progress-a-reporter", civil, Role.REPORTER);
        RequestPostProcessor head = user("progress-a-head", civil, Role.UNIT_HEAD);
        JsonNode form = json(mvc.perform(get("/api/v1/submissions/{id}", civilReport).with(reporter)).andExpect(status().isOk()));
        JsonNode task1 = form.get("tasks").get(0);
        assertThat(task1.get("narrative").asText()).isEqualTo("已完成2个中心主体施工，第3个正在选址。");
        mvc.perform(put("/api/v1/submissions/{id}/tasks/{t}", civilReport, task1.get("taskId").asLong()).with(reporter)
                .contentType(MediaType.APPLICATION_JSON).content(JSON.writeValueAsString(Map.of("progress", "in_progress",
                        "percentDone", 70, "narrative", "已完成2个中心主体施工，第3个已选址。", "version", 1))))
                .andExpect(status().isOk());
        ReportSteps.act(mvc, head, civilReport, "APPROVE", null);
        ReportSteps.act(mvc, reporter, civilReport, "SUBMIT", null);
        assertThat(state(civilReport)).isEqualTo("submitted");
    }

    @Test
    void aUnitWhoseReportIsSubmittedOrAcceptedRefusesTheWholeImportAndNothingIsWritten() throws Exception {
        String tag = "进展乙";
        long planId = publishWithCalendar(tag);
        String period = Periods.containing(LocalDate.now(clock), "quarterly");
        long first = json(upload("progress-b1.txt", ProgressSamples.progress(tag, ""))).get("job").get("id").asLong();
        json(mvc.perform(post("/api/v1/imports/{id}/progress", first)).andExpect(status().isOk()));

        // 住建局 submits its report; then a corrected table of the same plan comes in
        long housing = unitId(ProgressSamples.unit(tag, "住建局"));
        long housingReport = submission(planId, housing, period);
        ReportSteps.act(mvc, user("progress-b-head", housing, Role.UNIT_HEAD), housingReport, "APPROVE", null);
        ReportSteps.act(mvc, user("progress-b-reporter", housing, Role.REPORTER), housingReport, "SUBMIT", null);
        long civilReport = submission(planId, unitId(ProgressSamples.unit(tag, "民政局")), period);
        List<String> civilBefore = reports(civilReport);

        JsonNode review = json(upload("progress-b2.txt", ProgressSamples.progress(tag, "（更新）")));
        long second = review.get("job").get("id").asLong();
        JsonNode outline = review.get("progress").get("outline");
        assertThat(outline.get("units").valueStream().map(u -> u.get("unitName").asText() + " " + u.get("state").asText()).toList())
                .containsExactly(ProgressSamples.unit(tag, "民政局") + " draft", ProgressSamples.unit(tag, "住建局") + " submitted",
                        ProgressSamples.unit(tag, "教育局") + " draft");
        String page = page(get("/imports/{id}", second));
        assertThat(page).contains("以下单位本期填报已报送或已通过，不能覆盖：" + ProgressSamples.unit(tag, "住建局") + " (已报送)")
                .containsPattern("id=\"import-progress\"[^>]*disabled");

        long submissions = rows("submission");
        long events = rows("audit_event");
        String refused = mvc.perform(post("/api/v1/imports/{id}/progress", second)).andExpect(status().isConflict())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused).contains(ProgressSamples.unit(tag, "住建局"), "已报送或已通过，数据已锁定，未导入任何内容",
                "already submitted or accepted and locked: nothing was imported");
        // nothing written: not the other units' drafts, not a report, not the import's state, not an audit line
        assertThat(reports(civilReport)).isEqualTo(civilBefore);
        assertThat(rows("submission")).isEqualTo(submissions);
        assertThat(rows("audit_event")).isEqualTo(events);
        assertThat(jdbc.sql("select state from import_job where id = :id").param("id", second).query(String.class).single())
                .isEqualTo("review");
        // the page says the same where the office pressed the button
        String pageRefusal = mvc.perform(post("/imports/{id}/progress", second).with(SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().isConflict()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(pageRefusal).contains("id=\"progress-error\"", "未导入任何内容");

        // accepted data stays locked too
        ReportSteps.act(mvc, SecurityMockMvcRequestPostProcessors.user(users.loadUserByUsername("admin").withoutPassword()),
                housingReport, "ACCEPT", null);
        assertThat(state(housingReport)).isEqualTo("accepted");
        mvc.perform(post("/api/v1/imports/{id}/progress", second)).andExpect(status().isConflict());
        assertThat(reports(civilReport)).isEqualTo(civilBefore);
    }

    @Test
    void aPlanWithoutACalendarOrAPeriodNotBegunIsRefusedNamingWhy() throws Exception {
        String tag = "进展丙";
        long planId = publish(tag);
        JsonNode review = json(upload("progress-c.txt", ProgressSamples.progress(tag, "")));
        long id = review.get("job").get("id").asLong();
        assertThat(review.get("progress").get("plan").get("id").asLong()).isEqualTo(planId);
        assertThat(review.get("progress").get("outline").get("period").isNull()).isTrue();
        assertThat(page(get("/imports/{id}", id))).contains("尚未设置填报周期或周期尚未开始，不能导入进展");
        long submissions = rows("submission");
        String refused = mvc.perform(post("/api/v1/imports/{id}/progress", id)).andExpect(status().isBadRequest())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused).contains("没有可填报的周期", "has no period to report for");

        setCalendar(planId);
        String notBegun = mvc.perform(post("/api/v1/imports/{id}/progress", id).contentType(MediaType.APPLICATION_JSON)
                .content("{\"period\":\"2027Q4\"}")).andExpect(status().isBadRequest())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(notBegun).contains("2027Q4 不是可填报的周期");
        assertThat(rows("submission")).isEqualTo(submissions);
        assertThat(jdbc.sql("select state from import_job where id = :id").param("id", id).query(String.class).single())
                .isEqualTo("review");

        // a period already begun may be chosen instead of the current one (a Q3 table imported in October); the closed
        // import keeps showing where it went
        json(mvc.perform(post("/api/v1/imports/{id}/progress", id).contentType(MediaType.APPLICATION_JSON)
                .content("{\"period\":\"2026Q3\"}")).andExpect(status().isOk()));
        long civilReport = submission(planId, unitId(ProgressSamples.unit(tag, "民政局")), "2026Q3");
        assertThat(reports(civilReport).get(0)).startsWith("1 in_progress 67 已完成2个中心主体施工");
        assertThat(jdbc.sql("select reported_period from import_job where id = :id").param("id", id).query(String.class).single())
                .isEqualTo("2026Q3");
        assertThat(page(get("/imports/{id}", id))).contains("2026Q3 的进展填报草稿导入", "各单位 2026Q3 填报", "/reports/" + civilReport);
    }

    @Test
    void aPlanDocumentIsNoProgressAndAProgressTableOfNoKnownPlanOffersNothing() throws Exception {
        JsonNode plan = json(upload("plan-d.txt", ProgressSamples.plan("进展丁")));
        assertThat(plan.get("progress").isNull()).isTrue();
        JsonNode orphan = json(upload("progress-d.txt", ProgressSamples.unrelatedProgress("进展戊")));
        assertThat(orphan.get("progress").isNull()).as("no published plan has these tasks").isTrue();
        mvc.perform(post("/api/v1/imports/{id}/progress", orphan.get("job").get("id").asLong())).andExpect(status().isBadRequest());
    }

    // ---- helpers

    private long publishWithCalendar(String tag) throws Exception {
        long planId = publish(tag);
        setCalendar(planId);
        return planId;
    }

    private long publish(String tag) throws Exception {
        long id = json(upload("plan-" + tag + ".txt", ProgressSamples.plan(tag))).get("job").get("id").asLong();
        json(mvc.perform(post("/api/v1/imports/{id}/units/settle", id)).andExpect(status().isOk()));
        return json(mvc.perform(post("/api/v1/imports/{id}/publish", id)).andExpect(status().isCreated())).get("planId").asLong();
    }

    private void setCalendar(long planId) throws Exception {
        mvc.perform(put("/api/v1/plans/{id}/calendar", planId).contentType(MediaType.APPLICATION_JSON)
                .content("{\"cadence\":\"quarterly\",\"dueDay\":10,\"firstPeriod\":\"2026Q1\",\"lastPeriod\":\"2027Q4\"}"))
                .andExpect(status().isOk());
    }

    private ResultActions upload(String name, byte[] content) throws Exception {
        return mvc.perform(multipart("/api/v1/imports").file(new MockMultipartFile("file", name, "text/plain", content))
                .param("region", "330299").param("kind", "action_plan")).andExpect(status().isCreated());
    }

    /** A user of the unit with the role, created on first use. */
    private RequestPostProcessor user(String username, long unitId, Role role) {
        if (users.findByUsername(username).isEmpty()) {
            SignedInAsAdmin.signIn(users.loadUserByUsername("admin"));
            try {
                users.create(username, username, "progress-password-1", "330299", List.of(role), List.of(unitId));
            } finally {
                SignedInAsAdmin.signOut();
            }
        }
        return SecurityMockMvcRequestPostProcessors.user(users.loadUserByUsername(username).withoutPassword());
    }

    private long unitId(String name) {
        return jdbc.sql("select id from unit where region_code = '330299' and name = :n").param("n", name).query(Long.class).single();
    }

    private long submission(long planId, long unitId, String period) {
        return jdbc.sql("select id from submission where plan_id = :p and unit_id = :u and period = :per")
                .param("p", planId).param("u", unitId).param("per", period).query(Long.class).single();
    }

    private String state(long submission) {
        return jdbc.sql("select state from submission where id = :id").param("id", submission).query(String.class).single();
    }

    /** Each task report of a submission: task code, progress, per cent, text, version. */
    private List<String> reports(long submission) {
        return jdbc.sql("""
                select t.code, tr.progress, tr.percent_done, tr.narrative, tr.version from task_report tr
                join task t on t.id = tr.task_id where tr.submission_id = :s order by t.position""").param("s", submission)
                .query((rs, i) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getObject(3) + " " + rs.getString(4)
                        + " v" + rs.getInt(5)).list();
    }

    private long rows(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    private List<String> audit(String target) {
        return jdbc.sql("select action, before_value, after_value from audit_event where target = :t order by id").param("t", target)
                .query((rs, i) -> rs.getString(1) + ": " + rs.getString(2) + " → " + rs.getString(3)).list();
    }

    private String page(RequestBuilder request) throws Exception {
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private static JsonNode json(ResultActions result) throws Exception {
        return JSON.readTree(result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }
}
