package cn.gongfu.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gongfu.kernel.Role;
import cn.gongfu.support.DemoFacts;
import cn.gongfu.support.MovableClock;
import cn.gongfu.support.Notices;
import cn.gongfu.support.SignedInAsAdmin;
import cn.gongfu.users.UserService;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reporting through the API on each database: the workflow with every role, conflicts, value rules,
 * bulk acceptance, obligations and the audit trail. Each test uses its own period so they stay independent.
 */
abstract class ReportingContract {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;

    @Autowired
    UserService users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MessageSource messages;

    @Autowired
    ReportingService reporting;

    @Autowired
    MovableClock clock;

    RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username).withoutPassword());
    }

    long plan() {
        return DemoFacts.demoPlanId(jdbc);
    }

    long unit(String name) {
        return jdbc.sql("select id from unit where region_code = '330299' and name = :n").param("n", name).query(Long.class).single();
    }

    JsonNode open(String who, String unitName, String period) throws Exception {
        return json(mvc.perform(post("/api/v1/submissions").with(as(who)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"plan\":" + plan() + ",\"unit\":" + unit(unitName) + ",\"period\":\"" + period + "\"}")));
    }

    ResultActions act(String who, long id, String action, String reason) throws Exception {
        int version = json(mvc.perform(get("/api/v1/submissions/{id}", id).with(as(who)))).get("submission").get("version").asInt();
        return mvc.perform(post("/api/v1/submissions/{id}/actions", id).with(as(who)).contentType(MediaType.APPLICATION_JSON)
                .content(JSON.writeValueAsString(Map.of("action", action, "reason", reason == null ? "" : reason,
                        "version", version))));
    }

    ResultActions saveTask(String who, long submission, long task, String progress, int percent, String narrative, int version)
            throws Exception {
        return mvc.perform(put("/api/v1/submissions/{id}/tasks/{t}", submission, task).with(as(who))
                .contentType(MediaType.APPLICATION_JSON)
                .content(JSON.writeValueAsString(Map.of("progress", progress, "percentDone", percent,
                        "narrative", narrative, "version", version))));
    }

    ResultActions saveValue(String who, long submission, long indicator, String value, String explanation, Integer version)
            throws Exception {
        Map<String, Object> body = new HashMap<>();
        body.put("value", value);
        body.put("explanation", explanation);
        body.put("expectedVersion", version);
        return mvc.perform(put("/api/v1/submissions/{id}/values/{i}", submission, indicator).with(as(who))
                .contentType(MediaType.APPLICATION_JSON).content(JSON.writeValueAsString(body)));
    }

    @Test
    void aReportGoesFromDraftThroughApprovalAndReturnToAcceptance() throws Exception {
        JsonNode submission = open("reporter", "区卫生健康局", "2025Q4");
        long id = submission.get("id").asLong();
        assertThat(submission.get("state").asText()).isEqualTo("draft");
        assertThat(submission.get("dueOn").asText()).isEqualTo("2026-01-05");
        JsonNode form = json(mvc.perform(get("/api/v1/submissions/{id}", id).with(as("reporter"))));
        long healthTasks = jdbc.sql("select count(*) from task_unit where unit_id = :u").param("u", unit("区卫生健康局"))
                .query(Long.class).single();
        assertThat(form.get("tasks")).hasSize((int) healthTasks);
        assertThat(form.get("indicators")).isNotEmpty();
        assertThat(form.get("indicators").get(0).get("period").asText()).isEqualTo("2025");
        long task = form.get("tasks").get(0).get("taskId").asLong();
        long indicator = form.get("indicators").get(0).get("indicatorId").asLong();

        saveTask("reporter", id, task, "in_progress", 40, "已完成选址", 0).andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(1));
        // the demo's 2025 values were accepted outside any report: shown, and read-only in this one
        JsonNode owed = form.get("indicators").get(0);
        assertThat(owed.get("value").isNull()).isFalse();
        assertThat(owed.get("heldElsewhere").get("submissionId").isNull()).isTrue();
        saveValue("reporter", id, indicator, "1", "改已通过的值", owed.get("version").asInt()).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString("只读")));
        assertThat(jdbc.sql("select value from observation where id = :o").param("o", owed.get("observationId").asLong())
                .query(BigDecimal.class).single()).isEqualByComparingTo(owed.get("value").decimalValue());
        saveTask("leader", id, task, "done", 100, "领导改的", 1).andExpect(status().isForbidden());
        saveTask("office", id, task, "done", 100, "共富办改的", 1).andExpect(status().isForbidden());

        act("reporter", id, "APPROVE", null).andExpect(status().isForbidden());
        act("reporter", id, "REQUEST_APPROVAL", null).andExpect(status().isOk());
        assertThat(unreadFor("head")).anyMatch(m -> m.contains("待您审批"));
        act("head", id, "APPROVE", null).andExpect(status().isOk()).andExpect(jsonPath("$.state").value("approved"));
        act("office", id, "SUBMIT", null).andExpect(status().isForbidden());
        act("reporter", id, "SUBMIT", null).andExpect(status().isOk()).andExpect(jsonPath("$.state").value("submitted"));
        assertThat(unreadFor("office")).anyMatch(m -> m.contains("待审核"));

        // submitted data is locked for the unit
        saveTask("reporter", id, task, "done", 100, "报送后修改", 1).andExpect(status().isConflict());
        act("office", id, "RETURN", null).andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("reason"));
        act("office", id, "RETURN", "进展描述过于简单").andExpect(status().isOk()).andExpect(jsonPath("$.state").value("returned"));
        assertThat(unreadFor("reporter")).anyMatch(m -> m.contains("进展描述过于简单"));

        saveTask("reporter", id, task, "in_progress", 60, "已完成选址，主体工程开工，完成投资 60%", 1).andExpect(status().isOk());
        act("head", id, "APPROVE", null).andExpect(status().isOk());
        act("reporter", id, "SUBMIT", null).andExpect(status().isOk());
        act("office", id, "ACCEPT", null).andExpect(status().isOk()).andExpect(jsonPath("$.state").value("accepted"));
        saveTask("reporter", id, task, "done", 100, "通过后修改", 2).andExpect(status().isConflict());

        // the office can reopen accepted data, with a reason, and that is on the record too
        act("office", id, "REOPEN", "数据口径调整").andExpect(status().isOk()).andExpect(jsonPath("$.state").value("returned"));
        List<String> history = json(mvc.perform(get("/api/v1/submissions/{id}/history", id).with(as("reporter"))))
                .valueStream().map(e -> e.get("actor").asText() + " " + e.get("action").asText()).toList();
        assertThat(history).contains("reporter submission.open", "reporter task_report.save",
                "head submission.approve", "reporter submission.submit", "office submission.return",
                "office submission.accept", "office submission.reopen");
        JsonNode save = json(mvc.perform(get("/api/v1/submissions/{id}/history", id).with(as("head")))).valueStream()
                .filter(e -> e.get("action").asText().equals("task_report.save")).reduce((a, b) -> b).orElseThrow();
        assertThat(save.get("beforeValue").asText()).contains("percent=null");
        assertThat(save.get("afterValue").asText()).contains("percent=40", "已完成选址");
    }

    @Test
    void theSecondOfTwoConcurrentEditsSeesTheFirstAndNothingIsLost() throws Exception {
        long id = open("reporter", "区卫生健康局", "2025Q2").get("id").asLong();
        JsonNode form = json(mvc.perform(get("/api/v1/submissions/{id}", id).with(as("head"))));
        long task = form.get("tasks").get(0).get("taskId").asLong();
        int version = form.get("tasks").get(0).get("version").asInt();
        saveTask("reporter", id, task, "in_progress", 30, "张填报写的进展", version).andExpect(status().isOk());
        saveTask("head", id, task, "in_progress", 50, "赵局长写的进展", version)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.current.narrative").value("张填报写的进展"))
                .andExpect(jsonPath("$.current.updatedBy").value("reporter"))
                .andExpect(jsonPath("$.detail", containsString("reporter")));
        JsonNode after = json(mvc.perform(get("/api/v1/submissions/{id}", id).with(as("head"))));
        assertThat(after.get("tasks").get(0).get("narrative").asText()).isEqualTo("张填报写的进展");
        // with the current version the head's edit goes through
        saveTask("head", id, task, "in_progress", 50, "赵局长写的进展", version + 1).andExpect(status().isOk());
    }

    @Test
    void valuesAreCheckedCumulativeOnesCannotFallAndJumpsNeedAReason() throws Exception {
        long education = unit("区教育局");
        SignedInAsAdmin.signIn(users.loadUserByUsername("admin"));
        try {
            if (users.findByUsername("edu-reporter").isEmpty()) {
                users.create("edu-reporter", "教育局 填报", "gongfu-demo-2", "330299", List.of(Role.REPORTER), List.of(education));
            }
        } finally {
            SignedInAsAdmin.signOut();
        }
        long indicator = jdbc.sql("select id from indicator where region_code = '330299' and name = '累计新增中小学学位数'")
                .query(Long.class).single();
        jdbc.sql("delete from observation where indicator_id = :i and period in ('2024', '2025')").param("i", indicator).update();
        jdbc.sql("insert into observation (indicator_id, region_code, period, value, state) values (:i, '330299', '2024', 6000, 'approved')")
                .param("i", indicator).update();
        long id = open("edu-reporter", "区教育局", "2025Q4").get("id").asLong();

        saveValue("edu-reporter", id, indicator, "5000", null, null).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].location").value("value"))
                .andExpect(jsonPath("$.errors[0].message", containsString("累计指标不能下降")));
        saveValue("edu-reporter", id, indicator, "9500", null, null).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].location", hasItem("explanation")));
        saveValue("edu-reporter", id, indicator, "-3", null, null).andExpect(status().isUnprocessableContent());
        assertThat(jdbc.sql("select count(*) from observation where indicator_id = :i and period = '2025'").param("i", indicator)
                .query(Long.class).single()).isZero();
        saveValue("edu-reporter", id, indicator, "9500", "新建两所九年一贯制学校投用", null).andExpect(status().isOk())
                .andExpect(jsonPath("$.previousValue").value(6000));

        long percent = jdbc.sql("select id from indicator where region_code = '330299' and name = '普惠性幼儿园在园幼儿占比'")
                .query(Long.class).single();
        // its 2025 value is the demo's, accepted and read-only: the range rule is tried on 2026
        long next = open("edu-reporter", "区教育局", "2026Q4").get("id").asLong();
        saveValue("edu-reporter", next, percent, "120", null, null).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].message", containsString("0到100")));
    }

    /**
     * A value is kept once per indicator, region and period. When two plans owe the same indicator, the report
     * that holds the value owns it: the other plan's report shows it pre-filled and read-only, on the API, the
     * page and the Excel template, and can never rewrite it, move it off its report's timeline or set it back
     * to draft — not even after the office reopens the owner.
     */
    @Test
    void twoPlansOwingTheSameIndicatorNeverTouchEachOthersAcceptedValues() throws Exception {
        long planA = plan();
        // an indicator of a unit that no other test reports for in 2026Q4
        record Owed(long indicator, long unit, String name) {}
        Owed owed = jdbc.sql("""
                select i.id, i.unit_id, i.name from indicator i join unit u on u.id = i.unit_id
                where i.region_code = '330299' and i.polarity = 'higher' and not i.cumulative
                  and u.name not in ('区卫生健康局', '区教育局')
                  and exists (select 1 from task_unit tu join task t on t.id = tu.task_id where tu.unit_id = i.unit_id and t.plan_id = :p)
                order by i.id fetch first 1 rows only""").param("p", planA)
                .query((rs, i) -> new Owed(rs.getLong(1), rs.getLong(2), rs.getString(3))).single();
        String period = "2026Q4";
        long a = json(mvc.perform(post("/api/v1/submissions").with(as("admin")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"plan\":" + planA + ",\"unit\":" + owed.unit() + ",\"period\":\"" + period + "\"}"))).get("id").asLong();
        saveValue("admin", a, owed.indicator(), "123456", "年度统计快报", null).andExpect(status().isOk());
        act("admin", a, "APPROVE", null).andExpect(status().isOk());
        act("admin", a, "SUBMIT", null).andExpect(status().isOk());
        act("office", a, "ACCEPT", null).andExpect(status().isOk());
        long observation = jdbc.sql("select id from observation where indicator_id = :i and region_code = '330299' and period = '2026'")
                .param("i", owed.indicator()).query(Long.class).single();

        long planB = secondPlanOwing(owed.indicator(), owed.unit());
        try {
            long b = json(mvc.perform(post("/api/v1/submissions").with(as("admin")).contentType(MediaType.APPLICATION_JSON)
                    .content("{\"plan\":" + planB + ",\"unit\":" + owed.unit() + ",\"period\":\"" + period + "\"}"))).get("id").asLong();
            JsonNode entry = json(mvc.perform(get("/api/v1/submissions/{id}", b).with(as("admin")))).get("indicators")
                    .valueStream().filter(e -> e.get("indicatorId").asLong() == owed.indicator()).findFirst().orElseThrow();
            assertThat(entry.get("value").decimalValue()).as("pre-filled").isEqualByComparingTo("123456");
            assertThat(entry.get("heldElsewhere").get("submissionId").asLong()).isEqualTo(a);
            assertThat(entry.get("heldElsewhere").get("state").asText()).isEqualTo("accepted");

            // the API refuses, and nothing moves: value, state, owner and the owner's timeline stay
            saveValue("admin", b, owed.indicator(), "1", "另一方案改写", entry.get("version").asInt())
                    .andExpect(status().isConflict()).andExpect(jsonPath("$.detail", containsString("只读")));
            assertThat(observationRow(observation)).isEqualTo("123456/approved/" + a);
            assertThat(json(mvc.perform(get("/api/v1/submissions/{id}/history", a).with(as("admin")))).valueStream()
                    .map(e -> e.get("target").asText())).contains("observation:" + observation);
            assertThat(json(mvc.perform(get("/api/v1/submissions/{id}/history", b).with(as("admin")))).valueStream()
                    .map(e -> e.get("target").asText())).doesNotContain("observation:" + observation);

            // the page shows it read-only with a link to the report that holds it
            String page = mvc.perform(get("/reports/{id}", b).with(as("admin"))).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            assertThat(page).contains("此处只读", "/reports/" + a);

            // the Excel template: the cell is locked, and a changed value is refused at its cell
            SignedInAsAdmin.signIn(users.loadUserByUsername("admin"));
            try {
                byte[] xlsx = withValue(reporting.workbook(b).bytes(), owed.name(), 999);
                assertThatThrownBy(() -> reporting.applyWorkbook(b, xlsx)).isInstanceOf(ValidationException.class)
                        .hasMessageContaining("只读");
            } finally {
                SignedInAsAdmin.signOut();
            }
            assertThat(observationRow(observation)).isEqualTo("123456/approved/" + a);

            // once the office reopens the owner, the owner may correct it; the other plan still may not
            act("office", a, "REOPEN", "口径调整").andExpect(status().isOk());
            saveValue("admin", b, owed.indicator(), "1", "另一方案改写", entry.get("version").asInt() + 1)
                    .andExpect(status().isConflict());
            int version = jdbc.sql("select version from observation where id = :o").param("o", observation).query(Integer.class).single();
            saveValue("admin", a, owed.indicator(), "123457", "口径调整后", version).andExpect(status().isOk());
            assertThat(observationRow(observation)).isEqualTo("123457/draft/" + a);

            // a value the office's data feed accepts is read-only even in the report that entered it
            mvc.perform(post("/api/v1/observations/import").with(as("office")).contentType("text/csv; charset=utf-8")
                    .content(("indicator,region,period,value,comment,explanation\n" + owed.indicator()
                            + ",330299,2026,123458,统计局年报,统计口径\n").getBytes(StandardCharsets.UTF_8)))
                    .andExpect(status().isOk());
            assertThat(observationRow(observation)).isEqualTo("123458/approved/" + a);
            JsonNode accepted = json(mvc.perform(get("/api/v1/submissions/{id}", a).with(as("admin")))).get("indicators")
                    .valueStream().filter(e -> e.get("indicatorId").asLong() == owed.indicator()).findFirst().orElseThrow();
            assertThat(accepted.get("heldElsewhere").get("submissionId").isNull()).isTrue();
            saveValue("admin", a, owed.indicator(), "1", "改写", accepted.get("version").asInt()).andExpect(status().isConflict());
            assertThat(observationRow(observation)).isEqualTo("123458/approved/" + a);
        } finally {
            jdbc.sql("delete from plan where id = :p").param("p", planB).update();
        }
    }

    /** A second published plan of the demo district whose one task, led by the unit, owes the indicator in 2026. */
    private long secondPlanOwing(long indicator, long unit) {
        var key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into plan (title, region_code, start_year, end_year, kind, state)
                values ('青溪区公共服务专项方案（测试）', '330299', 2026, 2027, 'special_plan', 'published')""").update(key, "id");
        long plan = key.getKey().longValue();
        jdbc.sql("insert into task (plan_id, code, category, title, position) values (:p, '1', 'measure', '测试任务', 0)")
                .param("p", plan).update();
        long task = jdbc.sql("select id from task where plan_id = :p").param("p", plan).query(Long.class).single();
        jdbc.sql("insert into task_unit (task_id, unit_id, role, position) values (:t, :u, 'lead', 0)")
                .param("t", task).param("u", unit).update();
        jdbc.sql("insert into target (indicator_id, region_code, year, comparator, value, plan_id) values (:i, '330299', 2026, 'ge', 1, :p)")
                .param("i", indicator).param("p", plan).update();
        jdbc.sql("""
                insert into report_calendar (plan_id, cadence, indicator_cadence, due_day, first_period, last_period)
                values (:p, 'quarterly', 'annual', 5, '2026Q1', '2026Q4')""").param("p", plan).update();
        return plan;
    }

    private String observationRow(long id) {
        return jdbc.sql("select value, state, submission_id from observation where id = :o").param("o", id)
                .query((rs, i) -> rs.getBigDecimal(1).stripTrailingZeros().toPlainString() + "/" + rs.getString(2) + "/"
                        + rs.getLong(3)).single();
    }

    /** The template with the value of one indicator changed, as a user would type it. */
    private static byte[] withValue(byte[] xlsx, String indicatorName, double value) throws Exception {
        try (var wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx));
             var out = new ByteArrayOutputStream()) {
            var sheet = wb.getSheet(ReportWorkbook.VALUES);
            for (var row : sheet) {
                if (row.getRowNum() > 0 && indicatorName.equals(row.getCell(0).getStringCellValue())) row.getCell(5).setCellValue(value);
            }
            wb.write(out);
            return out.toByteArray();
        }
    }

    @Test
    void theOfficeAcceptsManyReportsAtOnce() throws Exception {
        long id = open("reporter", "区卫生健康局", "2025Q3").get("id").asLong();
        act("head", id, "APPROVE", null).andExpect(status().isOk());
        act("head", id, "SUBMIT", null).andExpect(status().isOk());
        mvc.perform(get("/api/v1/submissions").param("state", "submitted").with(as("office")))
                .andExpect(jsonPath("$[*].id", hasItem((int) id)));
        mvc.perform(post("/api/v1/submissions/accept").with(as("reporter")).contentType(MediaType.APPLICATION_JSON)
                .content("[" + id + "]")).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/submissions/accept").with(as("office")).contentType(MediaType.APPLICATION_JSON)
                .content("[" + id + "]")).andExpect(status().isOk()).andExpect(jsonPath("$.accepted").value(1));
        // accepting again is refused whole: the report is no longer waiting
        mvc.perform(post("/api/v1/submissions/accept").with(as("office")).contentType(MediaType.APPLICATION_JSON)
                .content("[" + id + "]")).andExpect(status().isConflict());
    }

    @Test
    void aUnitSeesWhatItOwesDueAndOverdue() throws Exception {
        JsonNode obligations = json(mvc.perform(get("/api/v1/obligations").with(as("reporter"))));
        assertThat(obligations.valueStream().map(o -> o.get("unitName").asText())).containsOnly("区卫生健康局");
        JsonNode first = obligations.valueStream().filter(o -> o.get("period").asText().equals("2025Q1")).findFirst().orElseThrow();
        assertThat(first.get("state").asText()).isEqualTo("missing");
        assertThat(first.get("overdue").asBoolean()).isTrue();
        assertThat(first.get("dueOn").asText()).isEqualTo("2025-04-05");
        assertThat(json(mvc.perform(get("/api/v1/obligations").with(as("office")))).valueStream()
                .map(o -> o.get("unitName").asText()).distinct().count()).isGreaterThan(3);
        // a unit cannot begin another unit's report
        mvc.perform(post("/api/v1/submissions").with(as("reporter")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"plan\":" + plan() + ",\"unit\":" + unit("区教育局") + ",\"period\":\"2025Q1\"}"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/submissions").with(as("reporter")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"plan\":" + plan() + ",\"unit\":" + unit("区卫生健康局") + ",\"period\":\"2031Q1\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("period"));
    }

    /** Whether a period is owed and overdue follows the application's clock: moved past the due day, it is overdue. */
    @Test
    void aPeriodBecomesOverdueWhenTheClockPassesItsDueDay() throws Exception {
        try {
            clock.moveTo(LocalDateTime.of(2026, 6, 30, 12, 0));
            assertThat(owed("区教育局", "2026Q3")).as("not begun yet").isNull();
            clock.moveTo(LocalDateTime.of(2026, 10, 4, 12, 0));
            JsonNode due = owed("区教育局", "2026Q3");
            assertThat(due.get("dueOn").asText()).isEqualTo("2026-10-05");
            assertThat(due.get("overdue").asBoolean()).as("due tomorrow").isFalse();
            clock.moveTo(LocalDateTime.of(2026, 10, 6, 12, 0));
            assertThat(owed("区教育局", "2026Q3").get("overdue").asBoolean()).as("due yesterday").isTrue();
        } finally {
            clock.reset();
        }
    }

    /** The office's obligation for a unit and period, or null when it is not owed (yet). */
    private JsonNode owed(String unitName, String period) throws Exception {
        return json(mvc.perform(get("/api/v1/obligations").with(as("office")))).valueStream()
                .filter(o -> o.get("unitName").asText().equals(unitName) && o.get("period").asText().equals(period))
                .findFirst().orElse(null);
    }

    @Test
    void milestonesReportedDoneWithEvidenceBecomeDoneWhenAccepted() throws Exception {
        long id = open("reporter", "区卫生健康局", "2026Q2").get("id").asLong();
        JsonNode form = json(mvc.perform(get("/api/v1/submissions/{id}", id).with(as("reporter"))));
        // the first milestone on the form still open (the demo has most of its milestones done)
        long task = 0, milestone = 0;
        for (var entry : form.get("milestones").properties()) {
            for (JsonNode m : entry.getValue()) {
                if (milestone == 0 && milestoneState(m.get("milestoneId").asLong()).equals("open")) {
                    task = Long.parseLong(entry.getKey());
                    milestone = m.get("milestoneId").asLong();
                }
            }
        }
        assertThat(milestone).as("an open milestone of the health bureau").isPositive();

        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13};
        JsonNode evidence = json(mvc.perform(MockMvcRequestBuilders
                .multipart("/api/v1/submissions/{id}/evidence", id)
                .file(new MockMultipartFile("file", "现场照片.pdf", "application/pdf", png))
                .with(as("reporter"))));
        assertThat(evidence.get("contentType").asText()).as("type from the bytes, not the name").isEqualTo("image/png");
        byte[] downloaded = mvc.perform(get("/api/v1/submissions/{id}/evidence/{e}", id, evidence.get("id").asLong())
                .with(as("office"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(downloaded).isEqualTo(png);

        String tomorrow = LocalDate.now().plusDays(1).toString();
        mvc.perform(put("/api/v1/submissions/{id}/tasks/{t}/milestones/{m}", id, task, milestone).with(as("reporter"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"completedOn\":\"" + tomorrow + "\"}"))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(put("/api/v1/submissions/{id}/tasks/{t}/milestones/{m}", id, task, milestone).with(as("reporter"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"completedOn\":\"2026-05-20\",\"evidenceId\":" + evidence.get("id").asLong() + "}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.reportedCompletedOn").value("2026-05-20"));
        assertThat(milestoneState(milestone)).isEqualTo("open");

        act("head", id, "APPROVE", null).andExpect(status().isOk());
        act("head", id, "SUBMIT", null).andExpect(status().isOk());
        act("office", id, "ACCEPT", null).andExpect(status().isOk());
        assertThat(milestoneState(milestone)).isEqualTo("done");
        assertThat(jdbc.sql("select completed_on from milestone where id = :m").param("m", milestone)
                .query(LocalDate.class).single()).isEqualTo(LocalDate.of(2026, 5, 20));
        // the demo's milestone as it was, for the tests that read the demo's task statuses
        jdbc.sql("update milestone set state = 'open', completed_on = null where id = :m").param("m", milestone).update();
    }

    /**
     * Numbers are bounded where they enter, before any arithmetic (issue 10, High 1 and Low): a 20-byte exponent, 19+
     * digits, more decimals than numeric(24, 6) keeps, NaN, Infinity and 50.5 for a whole percent are refused at once
     * through the API and the web form, naming the field in a short answer, and nothing is stored. The timeout turns
     * the old stall (a minute of CPU per request) into a failure instead of a hang.
     */
    @Test
    @Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void hugeLongAndInexactNumbersAreRefusedAtOnceNamingTheFieldAndNothingIsStored() throws Exception {
        long id = open("reporter", "区卫生健康局", "2026Q4").get("id").asLong();
        long places = jdbc.sql("select id from indicator where region_code = '330299' and name = '每千人口拥有3岁以下婴幼儿托位数'")
                .query(Long.class).single();
        long share = jdbc.sql("select id from indicator where region_code = '330299' and name = '普惠托位占比'")
                .query(Long.class).single();
        for (long indicator : List.of(places, share)) {
            for (String value : List.of("1e10000000", "-1e10000000", "1e-10000000", "12345678901234567890", "\"12345678901234567890\"",
                    "1.1234567", "\"1e3000000\"")) {
                String before = stored(indicator, "2026");
                var response = mvc.perform(put("/api/v1/submissions/{id}/values/{i}", id, indicator).with(as("reporter"))
                                .contentType(MediaType.APPLICATION_JSON).content("{\"value\":" + value + ",\"explanation\":\"核实\"}"))
                        .andExpect(status().isUnprocessableContent())
                        .andExpect(jsonPath("$.errors[0].location").value("value"))
                        .andReturn().getResponse();
                assertThat(response.getContentAsString(StandardCharsets.UTF_8)).as(value)
                        .containsAnyOf("小数点前最多 18 位", "最多 6 位小数");
                assertThat(response.getContentAsByteArray().length).as(value).isLessThan(1024);
                assertThat(stored(indicator, "2026")).as(value).isEqualTo(before);
            }
            // the web form: the same refusals come back to the form as a message on the value
            for (String value : List.of("1e10000000", "12345678901234567890", "1.1234567", "NaN", "Infinity", "1".repeat(100_000))) {
                String before = stored(indicator, "2026");
                var flash = mvc.perform(post("/reports/{id}/values/{i}", id, indicator).with(as("reporter"))
                                .param("value", value).param("explanation", "核实"))
                        .andExpect(status().is3xxRedirection()).andReturn().getFlashMap();
                assertThat(flash.get("errors")).as(value).asInstanceOf(InstanceOfAssertFactories.LIST)
                        .singleElement().satisfies(e -> {
                            ValidationException.Error error = (ValidationException.Error) e;
                            assertThat(error.location()).isEqualTo("value");
                            assertThat(error.message().length()).isLessThan(200);
                        });
                assertThat(stored(indicator, "2026")).as(value).isEqualTo(before);
            }
        }
    }

    /**
     * JSON that does not fit its field is a 400 naming the field (issue 10, Low): 50.5 for the whole percent is refused,
     * not saved as 50, and NaN, Infinity or words for a number are refused without echoing them.
     */
    @Test
    void wrongTypesInJsonAre400NamingTheFieldAndWholeNumbersAreNotCut() throws Exception {
        long id = open("reporter", "区卫生健康局", "2026Q4").get("id").asLong();
        long indicator = jdbc.sql("select id from indicator where region_code = '330299' and name = '普惠托位占比'")
                .query(Long.class).single();
        for (String value : List.of("\"NaN\"", "\"Infinity\"", "NaN", "\"四十\"")) {
            String before = stored(indicator, "2026");
            var response = mvc.perform(put("/api/v1/submissions/{id}/values/{i}", id, indicator).with(as("reporter"))
                            .contentType(MediaType.APPLICATION_JSON).content("{\"value\":" + value + "}"))
                    .andExpect(status().isBadRequest()).andReturn().getResponse();
            assertThat(JSON.readTree(response.getContentAsString(StandardCharsets.UTF_8)).path("field").asText())
                    .as(value + " " + response.getContentAsString(StandardCharsets.UTF_8)).isEqualTo("value");
            assertThat(response.getContentAsByteArray().length).as(value).isLessThan(1024);
            assertThat(stored(indicator, "2026")).as(value).isEqualTo(before);
        }
        // 50.5 for a whole percent is refused naming the field, not saved as 50
        JsonNode task = json(mvc.perform(get("/api/v1/submissions/{id}", id).with(as("reporter")))).get("tasks").get(0);
        mvc.perform(put("/api/v1/submissions/{id}/tasks/{t}", id, task.get("taskId").asLong()).with(as("reporter"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"progress\":\"in_progress\",\"percentDone\":50.5,\"version\":" + task.get("version").asInt() + "}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("percentDone"));
        JsonNode after = json(mvc.perform(get("/api/v1/submissions/{id}", id).with(as("reporter")))).get("tasks").get(0);
        assertThat(after).isEqualTo(task);
        // likewise the calendar's due day (5.5 was cut to 5)
        JsonNode calendar = json(mvc.perform(get("/api/v1/plans/{id}/calendar", plan())));
        mvc.perform(put("/api/v1/plans/{id}/calendar", plan()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"cadence\":\"quarterly\",\"dueDay\":5.5,\"firstPeriod\":\"2025Q1\",\"lastPeriod\":\"2026Q4\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("dueDay"));
        assertThat(json(mvc.perform(get("/api/v1/plans/{id}/calendar", plan())))).isEqualTo(calendar);
    }

    /** The stored observation of the demo district for an indicator and period, as text (value, version, state), or null. */
    private String stored(long indicator, String period) {
        return jdbc.sql("select value, version, state from observation where indicator_id = :i and region_code = '330299' and period = :p")
                .param("i", indicator).param("p", period)
                .query((rs, i) -> rs.getBigDecimal(1) + "/" + rs.getInt(2) + "/" + rs.getString(3)).optional().orElse(null);
    }

    private String milestoneState(long milestone) {
        return jdbc.sql("select state from milestone where id = :m").param("m", milestone).query(String.class).single();
    }

    private List<String> observationState(long submission) {
        return jdbc.sql("select state from observation where submission_id = :s").param("s", submission).query(String.class).list();
    }

    private List<String> unreadFor(String username) {
        return Notices.texts(jdbc, messages, "u.username = :u and n.read_at is null", Map.of("u", username));
    }

    JsonNode json(RequestBuilder request) throws Exception {
        return json(mvc.perform(request));
    }

    static JsonNode json(ResultActions result) throws Exception {
        return JSON.readTree(result.andExpect(status().is2xxSuccessful()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    }
}
