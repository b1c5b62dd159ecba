package cn.gongfu.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gongfu.kernel.Role;
import cn.gongfu.support.MovableClock;
import cn.gongfu.support.SignedInAsAdmin;
import cn.gongfu.users.UserService;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The reporting calendar's grace days and lock, and its page (issue 14), on each database. Runs as its own reporter
 * and head of 区住房和城乡建设局 (periods 2025Q2 and 2026Q1), which no other suite reports; the demo plan's calendar it changes and the clock
 * it moves are put back after each test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ReportLockContract {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String CALENDAR = "{\"cadence\":\"quarterly\",\"indicatorCadence\":\"annual\",\"dueDay\":5,"
            + "\"firstPeriod\":\"2025Q1\",\"lastPeriod\":\"2026Q4\",\"graceDays\":%d,\"lockAfterGrace\":%b}";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserService users;

    @Autowired
    MovableClock clock;

    long plan;
    long unit;

    @BeforeAll
    void ownUsers() {
        plan = jdbc.sql("select min(plan_id) from report_calendar").query(Long.class).single();
        String region = jdbc.sql("select region_code from plan where id = :p").param("p", plan).query(String.class).single();
        unit = jdbc.sql("select id from unit where region_code = :r and name = '区住房和城乡建设局'").param("r", region).query(Long.class).single();
        SignedInAsAdmin.signIn(users.loadUserByUsername("admin"));
        try {
            users.create("lock-reporter", "锁定 填报员", "lock-password-1", region, List.of(Role.REPORTER), List.of(unit));
            users.create("lock-head", "锁定 负责人", "lock-password-1", region, List.of(Role.UNIT_HEAD), List.of(unit));
        } finally {
            SignedInAsAdmin.signOut();
        }
    }

    /**
     * 2025Q2 is due 2025-07-05; with 10 grace days it may be changed until 2025-07-15. After that the form is locked,
     * every change and step refused naming the day, until the office reopens it (audited, for a bounded time).
     */
    @Test
    void afterTheGraceDaysAReportNeedsTheOfficeToReopenIt() throws Exception {
        try {
            setCalendar(10, true);
            clock.moveTo(LocalDateTime.of(2025, 7, 14, 10, 0));
            long id = json(mvc.perform(post("/api/v1/submissions").with(as("lock-reporter")).contentType(MediaType.APPLICATION_JSON)
                    .content("{\"plan\":" + plan + ",\"unit\":" + unit + ",\"period\":\"2025Q2\"}")).andExpect(status().isOk())).get("id").asLong();
            JsonNode form = form(id);
            assertThat(form.get("lock").get("locked").asBoolean()).as("within the grace days").isFalse();
            assertThat(form.get("lock").get("lastOpenDay").asText()).isEqualTo("2025-07-15");
            JsonNode task = form.get("tasks").get(0);
            saveTask(id, task, "宽限期内填报").andExpect(status().isOk());

            clock.moveTo(LocalDateTime.of(2025, 7, 16, 10, 0));
            form = form(id);
            assertThat(form.get("lock").get("locked").asBoolean()).as("the day after").isTrue();
            task = form.get("tasks").get(0);
            JsonNode refused = json(saveTask(id, task, "逾期填报").andExpect(status().isConflict()));
            assertThat(refused.get("detail").asText()).contains("2025-07-15", "共富办");
            assertThat(form(id).get("tasks").get(0).get("narrative").asText()).isEqualTo("宽限期内填报");
            mvc.perform(post("/reports/{id}/actions", id).with(as("lock-reporter")).with(csrf())
                            .param("action", "REQUEST_APPROVAL").param("version", "" + form.get("submission").get("version").asInt()))
                    .andExpect(status().is3xxRedirection())
                    .andExpect(r -> assertThat(r.getFlashMap().get("conflict")).asString().contains("2025-07-15"));
            String page = page(id, "lock-reporter");
            assertThat(page).contains("id=\"locked\"", "已锁定").doesNotContain("class=\"secondary save-blocks\"", "id=\"reopen-late\"");
            assertThat(page(id, "office")).contains("id=\"reopen-late\"");

            // only the office reopens, for at most 92 days, with a reason
            int version = form.get("submission").get("version").asInt();
            mvc.perform(post("/reports/{id}/reopen-late", id).with(as("lock-reporter")).with(csrf())
                    .param("until", "2025-07-23").param("reason", "补报").param("version", "" + version)).andExpect(status().isForbidden());
            mvc.perform(post("/reports/{id}/reopen-late", id).with(as("office")).with(csrf())
                            .param("until", "2026-07-23").param("reason", "补报").param("version", "" + version))
                    .andExpect(status().is3xxRedirection())
                    .andExpect(r -> assertThat(r.getFlashMap().get("errors").toString()).contains("until"));
            assertThat(form(id).get("lock").get("locked").asBoolean()).isTrue();
            mvc.perform(post("/reports/{id}/reopen-late", id).with(as("office")).with(csrf())
                    .param("until", "2025-07-23").param("reason", "系统故障，准予补报").param("version", "" + version))
                    .andExpect(status().is3xxRedirection());
            assertThat(jdbc.sql("select actor || ' ' || after_value from audit_event where action = 'submission.reopen-late' and target = :t")
                    .param("t", "submission:" + id).query(String.class).list())
                    .containsExactly("office open until 2025-07-23: 系统故障，准予补报");
            form = form(id);
            assertThat(form.get("lock").get("locked").asBoolean()).isFalse();
            assertThat(form.get("lock").get("reopenedUntil").asText()).isEqualTo("2025-07-23");
            saveTask(id, form.get("tasks").get(0), "补报的进展").andExpect(status().isOk());
            assertThat(page(id, "lock-reporter")).contains("共富办已重新开放本期填报，至 2025-07-23");

            // the reopening runs out like the grace days did
            clock.moveTo(LocalDateTime.of(2025, 7, 24, 10, 0));
            assertThat(form(id).get("lock").get("locked").asBoolean()).isTrue();
            // a calendar without the lock takes a report a year late, as before (and says so nowhere: the office chose)
            setCalendar(0, false);
            assertThat(form(id).get("lock").get("locked").asBoolean()).isFalse();
        } finally {
            clock.reset();
            setCalendar(0, false);
        }
    }

    /** Asking the head for approval shows 待审批, not 草稿; an edit makes it a draft again, the head's approval 已批准. */
    @Test
    void askingTheHeadShowsAwaitingApprovalUntilAnEditOrTheDecision() throws Exception {
        long id = json(mvc.perform(post("/api/v1/submissions").with(as("lock-reporter")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"plan\":" + plan + ",\"unit\":" + unit + ",\"period\":\"2026Q1\"}")).andExpect(status().isOk())).get("id").asLong();
        assertThat(state(id)).isEqualTo("草稿");
        act(id, "lock-reporter", "REQUEST_APPROVAL");
        assertThat(state(id)).isEqualTo("待审批");
        assertThat(page(id, "lock-reporter")).doesNotContain("id=\"request-approval\"");
        // the workbench and the report list say so too, from the same rule
        assertThat(mvc.perform(get("/workbench").with(as("lock-reporter"))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("待审批").contains("查看（待审批）");
        assertThat(mvc.perform(get("/reports").with(as("lock-reporter"))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("badge awaiting_approval");
        assertThat(jdbc.sql("select after_value from audit_event where action = 'submission.request-approval' and target = :t")
                .param("t", "submission:" + id).query(String.class).single()).isEqualTo("awaiting_approval");
        saveTask(id, form(id).get("tasks").get(0), "又改了一处").andExpect(status().isOk());
        assertThat(state(id)).as("an edit needs a new request").isEqualTo("草稿");
        act(id, "lock-reporter", "REQUEST_APPROVAL");
        act(id, "lock-head", "APPROVE");
        assertThat(state(id)).isEqualTo("已批准");
    }

    /** The office sets the calendar on a page; a wrong field comes back beside it with what was typed, 422, nothing stored. */
    @Test
    void theOfficeSetsTheCalendarOnAPage() throws Exception {
        try {
            String page = mvc.perform(get("/reports/calendar").with(as("office"))).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            String title = jdbc.sql("select title from plan where id = :p").param("p", plan).query(String.class).single();
            assertThat(page).contains(title, "宽限天数", "name=\"lockAfterGrace\"", "value=\"2025Q1\"");
            mvc.perform(get("/reports/calendar").with(as("lock-reporter"))).andExpect(status().isForbidden());

            String refused = mvc.perform(post("/reports/calendar/{p}", plan).with(as("office")).with(csrf())
                            .param("cadence", "quarterly").param("indicatorCadence", "annual").param("dueDay", "5")
                            .param("firstPeriod", "2025Q1").param("lastPeriod", "2026Q4").param("graceDays", "400").param("lockAfterGrace", "on"))
                    .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            assertThat(refused).contains("宽限天数应在0到92之间", "value=\"400\"");
            assertThat(calendar().get("graceDays").asInt()).isZero();
            String wrongPeriod = mvc.perform(post("/reports/calendar/{p}", plan).with(as("office")).with(csrf())
                            .param("cadence", "quarterly").param("dueDay", "5").param("firstPeriod", "2025-13").param("lastPeriod", "2026Q4")
                            .param("graceDays", "3"))
                    .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            assertThat(wrongPeriod).contains("“2025-13”不是所选周期的期次");

            mvc.perform(post("/reports/calendar/{p}", plan).with(as("office")).with(csrf())
                            .param("cadence", "quarterly").param("indicatorCadence", "annual").param("dueDay", "5")
                            .param("firstPeriod", "2025Q1").param("lastPeriod", "2026Q4").param("graceDays", "7").param("lockAfterGrace", "on"))
                    .andExpect(status().is3xxRedirection());
            JsonNode stored = calendar();
            assertThat(stored.get("graceDays").asInt()).isEqualTo(7);
            assertThat(stored.get("lockAfterGrace").asBoolean()).isTrue();
            assertThat(jdbc.sql("select after_value from audit_event where action = 'calendar.set' and target = :t order by id desc")
                    .param("t", "plan:" + plan).query(String.class).list().get(0)).contains("graceDays=7", "lockAfterGrace=true");
        } finally {
            setCalendar(0, false);
        }
    }

    // ---- helpers

    private void setCalendar(int graceDays, boolean lock) throws Exception {
        mvc.perform(put("/api/v1/plans/{id}/calendar", plan).with(as("office")).contentType(MediaType.APPLICATION_JSON)
                .content(CALENDAR.formatted(graceDays, lock))).andExpect(status().isOk());
    }

    private JsonNode calendar() throws Exception {
        return json(mvc.perform(get("/api/v1/plans/{id}/calendar", plan).with(as("office"))).andExpect(status().isOk()));
    }

    private JsonNode form(long id) throws Exception {
        return json(mvc.perform(get("/api/v1/submissions/{id}", id).with(as("lock-reporter"))).andExpect(status().isOk()));
    }

    private String page(long id, String who) throws Exception {
        return mvc.perform(get("/reports/{id}", id).with(as(who))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    /** The state the form shows in its badge. */
    private String state(long id) throws Exception {
        String page = page(id, "lock-reporter");
        int at = page.indexOf("id=\"report-state\"");
        return page.substring(page.indexOf('>', at) + 1, page.indexOf('<', at));
    }

    private void act(long id, String who, String action) throws Exception {
        int version = form(id).get("submission").get("version").asInt();
        mvc.perform(post("/api/v1/submissions/{id}/actions", id).with(as(who)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"action\":\"" + action + "\",\"version\":" + version + "}")).andExpect(status().isOk());
    }

    private ResultActions saveTask(long id, JsonNode task, String narrative) throws Exception {
        return mvc.perform(put("/api/v1/submissions/{id}/tasks/{t}", id, task.get("taskId").asLong()).with(as("lock-reporter"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"progress\":\"in_progress\",\"narrative\":\"" + narrative + "\",\"version\":" + task.get("version").asInt() + "}"));
    }

    private RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username).withoutPassword());
    }

    private static JsonNode json(ResultActions result) throws Exception {
        return JSON.readTree(result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }
}
