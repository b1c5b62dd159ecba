package cn.gongfu.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gongfu.evaluation.EvaluationService;
import cn.gongfu.kernel.Role;
import cn.gongfu.kernel.Scope;
import cn.gongfu.support.DemoFacts;
import cn.gongfu.support.MovableClock;
import cn.gongfu.support.Notices;
import cn.gongfu.support.SignedInAsAdmin;
import cn.gongfu.users.UserService;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * 督办 walked through a quarter on the movable clock, for one unit of the demo district (the lead unit of a task with a
 * milestone, not one another suite reports for) and its own reporter, head and office: the plan's own reminder rule
 * (set by the office, refused with the field named when it makes no sense), the ladder up to the bulletin, milestone
 * reminders that stop once the milestone is done, 一键催办 once a day, warnings graded, told once, cleared on recovery,
 * and the lights and the board that show them. Everything the suite changes in the shared demo is put back after it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class SupervisionContract {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String PERIOD = "2026Q3";
    static final LocalDate DUE = LocalDate.of(2026, 10, 5);

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired MessageSource messages;
    @Autowired UserService users;
    @Autowired Reminders reminders;
    @Autowired Warnings warnings;
    @Autowired Escalations escalations;
    @Autowired EvaluationService evaluation;
    @Autowired MovableClock clock;

    long plan;
    long unit;
    long milestone;
    long task;
    String month;

    @BeforeAll
    void aUnitWithAMilestoneAndItsPeople() {
        plan = DemoFacts.demoPlanId(jdbc);
        record Pick(long milestone, long task, long unit, String month) {}
        Pick pick = jdbc.sql("""
                select m.id, t.id, tu.unit_id, m.to_month from milestone m join task t on t.id = m.task_id
                join task_unit tu on tu.task_id = t.id and tu.role = 'lead' join unit u on u.id = tu.unit_id
                where t.plan_id = :p and u.name not in ('区卫生健康局', '区医疗保障分局')
                and (select count(*) from task_unit x where x.task_id = t.id and x.role = 'lead') = 1
                order by m.to_month desc, m.id fetch first 1 rows only""")
                .param("p", plan).query((rs, i) -> new Pick(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4).strip())).single();
        milestone = pick.milestone();
        task = pick.task();
        unit = pick.unit();
        month = pick.month();
        SignedInAsAdmin.signIn(users.loadUserByUsername("admin"));
        try {
            users.create("sv-reporter", "督办 填报员", "supervise-password-1", DemoFacts.DEMO_REGION, List.of(Role.REPORTER), List.of(unit));
            users.create("sv-head", "督办 负责人", "supervise-password-1", DemoFacts.DEMO_REGION, List.of(Role.UNIT_HEAD), List.of(unit));
            users.create("sv-office", "督办 共富办", "supervise-password-1", DemoFacts.DEMO_REGION, List.of(Role.OFFICE), List.of());
        } finally {
            SignedInAsAdmin.signOut();
        }
    }

    @AfterEach
    void clockBack() {
        clock.reset();
    }

    @AfterAll
    void putTheDemoBack() {
        jdbc.sql("delete from reminder_rule where plan_id = :p").param("p", plan).update();
        jdbc.sql("update milestone set state = 'open', completed_on = null where id = :m").param("m", milestone).update();
        Notices.awaitDelivered(jdbc);
        jdbc.sql("delete from notification where dedup_key like 'warning:%'").update();
        jdbc.sql("delete from warning").update();
    }

    @Test
    void thePlansOwnRuleSaysWhenToRemindAndTheLadderClimbsToTheBulletin() throws Exception {
        mvc.perform(put("/api/v1/supervision/plans/{id}/reminder-rule", plan).with(as("sv-office")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("""
                        {"daysBefore":[0],"onDue":true,"daysAfter":[2],"unitHeadAfter":4,"officeAfter":6,"bulletinAfter":10}"""))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("daysBefore"));
        mvc.perform(put("/api/v1/supervision/plans/{id}/reminder-rule", plan).with(as("sv-office")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("""
                        {"daysBefore":[5],"onDue":false,"daysAfter":[2],"unitHeadAfter":4,"officeAfter":3,"bulletinAfter":10}"""))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("officeAfter"));
        mvc.perform(put("/api/v1/supervision/plans/{id}/reminder-rule", plan).with(as("sv-reporter")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("""
                        {"daysBefore":[5],"onDue":false,"daysAfter":[2],"unitHeadAfter":4,"officeAfter":6,"bulletinAfter":10}"""))
                .andExpect(status().isForbidden());
        mvc.perform(put("/api/v1/supervision/plans/{id}/reminder-rule", plan).with(as("sv-office")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("""
                        {"daysBefore":[5],"onDue":false,"daysAfter":[2],"unitHeadAfter":4,"officeAfter":6,"bulletinAfter":10,"version":0}"""))
                .andExpect(status().isOk()).andExpect(jsonPath("$.custom").value(true));
        try {
            for (int d = -6; d <= 11; d++) reminders.remind(DUE.plusDays(d), unit);
            reminders.remind(DUE.plusDays(2), unit);
            assertThat(reportNotices("sv-reporter")).as("days -5, 2, and the ladder's 4, 6, 10; a second run of day 2 tells no one")
                    .containsExactlyInAnyOrder("reminder:%d:%d:%s:-5", "reminder:%d:%d:%s:2", "reminder:%d:%d:%s:4", "reminder:%d:%d:%s:6",
                            "reminder:%d:%d:%s:10");
            assertThat(reportNotices("sv-head")).as("from 4 days late the unit head")
                    .containsExactlyInAnyOrder("reminder:%d:%d:%s:4", "reminder:%d:%d:%s:6", "reminder:%d:%d:%s:10");
            assertThat(reportNotices("sv-office")).as("from 6 days late the office").containsExactlyInAnyOrder("reminder:%d:%d:%s:6", "reminder:%d:%d:%s:10");
            assertThat(Notices.texts(jdbc, messages, "u.username = 'sv-reporter' and n.dedup_key like :k",
                    Map.of("k", "reminder:" + plan + ":" + unit + ":" + PERIOD + ":-5:%")))
                    .singleElement().asString().contains(PERIOD, "2026-10-05", "5");

            List<Escalations.Escalation> named = Scope.asSystem(() -> escalations.namedInBulletin(plan, YearMonth.of(2026, 10)));
            assertThat(named).filteredOn(e -> e.unitId() == unit && e.period().equals(PERIOD)).singleElement()
                    .satisfies(e -> {
                        assertThat(e.reachedOn()).isEqualTo(DUE.plusDays(10));
                        assertThat(e.daysLate()).isEqualTo(10);
                        assertThat(e.kind()).isEqualTo("report");
                    });
            assertThat(jdbc.sql("select level from escalation where item_key = :k order by reached_on")
                    .param("k", Reminders.reportKey(plan, unit, PERIOD)).query(String.class).list())
                    .containsExactly("UNIT_HEAD", "OFFICE", "BULLETIN");
        } finally {
            jdbc.sql("delete from reminder_rule where plan_id = :p").param("p", plan).update();
        }
    }

    @Test
    void aMilestoneIsRemindedToItsLeadUnitOnTheRuleDaysUntilItIsDone() {
        LocalDate end = YearMonth.parse(month).atEndOfMonth();
        for (int d = -4; d <= 1; d++) reminders.remindMilestones(end.plusDays(d), unit);
        reminders.remindMilestones(end.plusDays(1), unit);
        List<String> texts = Notices.texts(jdbc, messages, "u.username = 'sv-reporter' and n.dedup_key like :k",
                Map.of("k", "milestone-reminder:" + milestone + ":%"));
        assertThat(texts).as("3 and 1 days before the end of its month, on it, 1 day after").hasSize(4);
        assertThat(texts).anySatisfy(t -> assertThat(t).contains(month, "还有 3 天")).anySatisfy(t -> assertThat(t).contains("还有 1 天"))
                .anySatisfy(t -> assertThat(t).contains("今天到期")).anySatisfy(t -> assertThat(t).contains("已逾期 1 天"));
        jdbc.sql("update milestone set state = 'done', completed_on = :d where id = :m").param("d", end).param("m", milestone).update();
        try {
            reminders.remindMilestones(end.plusDays(3), unit);
            assertThat(Notices.texts(jdbc, messages, "u.username = 'sv-reporter' and n.dedup_key like :k",
                    Map.of("k", "milestone-reminder:" + milestone + ":%"))).as("done: no more reminders").hasSize(4);
        } finally {
            jdbc.sql("update milestone set state = 'open', completed_on = null where id = :m").param("m", milestone).update();
        }
    }

    @Test
    void theOfficeUrgesAnOverdueItemOnceADay() throws Exception {
        clock.moveTo(DUE.plusDays(20).atTime(10, 0));
        JsonNode first = urge();
        assertThat(first.get("sent").asBoolean()).isTrue();
        assertThat(urge().get("sent").asBoolean()).as("pressed again the same day: nothing sent").isFalse();
        clock.moveTo(DUE.plusDays(21).atTime(9, 0));
        assertThat(urge().get("sent").asBoolean()).as("the next day it may be pressed again").isTrue();
        assertThat(Notices.texts(jdbc, messages, "u.username = 'sv-reporter' and n.dedup_key like :k",
                Map.of("k", "urge:" + plan + ":" + unit + ":" + PERIOD + ":%"))).hasSize(2)
                .allSatisfy(t -> assertThat(t).startsWith("共富办催办"));
        assertThat(Notices.texts(jdbc, messages, "u.username = 'sv-head' and n.dedup_key like :k",
                Map.of("k", "urge:" + plan + ":" + unit + ":" + PERIOD + ":%"))).hasSize(2);
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'supervision.urge' and target = :t")
                .param("t", Reminders.reportKey(plan, unit, PERIOD)).query(Long.class).single()).isEqualTo(2);

        mvc.perform(post("/api/v1/supervision/reports/urge").with(as("sv-office")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"plan\":" + plan + ",\"unit\":" + unit + ",\"period\":\"2026Q4\"}"))
                .andExpect(status().isConflict());
        mvc.perform(post("/api/v1/supervision/reports/urge").with(as("sv-reporter")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"plan\":" + plan + ",\"unit\":" + unit + ",\"period\":\"" + PERIOD + "\"}"))
                .andExpect(status().isForbidden());

        String mKey = "milestone:" + milestone;
        JsonNode m1 = json(mvc.perform(post("/api/v1/supervision/milestones/{id}/urge", milestone).with(as("sv-office")).with(csrf())));
        JsonNode m2 = json(mvc.perform(post("/api/v1/supervision/milestones/{id}/urge", milestone).with(as("sv-office")).with(csrf())));
        assertThat(m1.get("sent").asBoolean()).isTrue();
        assertThat(m2.get("sent").asBoolean()).isFalse();
        assertThat(m1.get("item").asString()).isEqualTo(mKey);
    }

    @Test
    void warningsAreGradedToldOnceAndClearedOnRecovery() throws Exception {
        YearMonth due = YearMonth.parse(month);
        LocalDate oneLate = due.plusMonths(1).atDay(10);
        warnings.compute(oneLate);
        warnings.compute(oneLate);
        long id = openWarning();
        assertThat(grade(id)).isEqualTo("yellow");
        assertThat(warnings.lightsFor("milestone", List.of(milestone)).get(milestone).grade()).isEqualTo("yellow");
        List<Long> ofTask = jdbc.sql("select id from milestone where task_id = :t").param("t", task).query(Long.class).list();
        assertThat(warnings.lightsFor("task", List.of(task)).get(task).grade()).as("a task shows its most serious milestone's light")
                .isEqualTo(Light.worst(warnings.lightsFor("milestone", ofTask).values()).orElseThrow().grade());
        assertThat(warningNotices("sv-reporter", id)).as("told once").hasSize(1).first().asString().contains("黄灯");
        assertThat(warningNotices("sv-office", id)).hasSize(1);

        warnings.compute(due.plusMonths(2).atDay(10));
        warnings.compute(due.plusMonths(4).atDay(10));
        assertThat(openWarning()).as("one open warning per item, its grade raised").isEqualTo(id);
        assertThat(warnings.grades(id)).containsExactly("yellow", "orange", "red");
        assertThat(warningNotices("sv-reporter", id)).as("each more serious grade told once").hasSize(3);

        jdbc.sql("update milestone set state = 'done', completed_on = :d where id = :m").param("d", due.plusMonths(4).atDay(12))
                .param("m", milestone).update();
        try {
            warnings.compute(due.plusMonths(4).atDay(12));
            assertThat(jdbc.sql("select cleared_on from warning where id = :id").param("id", id).query(LocalDate.class).single())
                    .isEqualTo(due.plusMonths(4).atDay(12));
            assertThat(warnings.lightsFor("milestone", List.of(milestone))).as("no light once done").isEmpty();
        } finally {
            jdbc.sql("update milestone set state = 'open', completed_on = null where id = :m").param("m", milestone).update();
        }

        // indicators: each lagging, seriously lagging or regressing indicator of the plan carries the grade its status maps to
        LocalDate day = LocalDate.of(2026, 11, 10);
        warnings.compute(day);
        var statuses = Scope.asSystem(() -> evaluation.indicatorStatuses(plan, YearMonth.from(day)));
        Map<String, String> expected = Map.of("LAGGING", "yellow", "SERIOUSLY_LAGGING", "orange", "REGRESSING", "red");
        Map<Long, Light> lights = warnings.lightsFor("indicator", statuses.stream().map(s -> s.indicator().id()).toList());
        for (var s : statuses) {
            String grade = expected.get(s.status());
            if (grade == null) assertThat(lights).as(s.indicator().name() + " " + s.status()).doesNotContainKey(s.indicator().id());
            else assertThat(lights.get(s.indicator().id()).grade()).as(s.indicator().name()).isEqualTo(grade);
        }
        var warned = statuses.stream().filter(s -> expected.containsKey(s.status())).findFirst();
        if (warned.isPresent()) {
            long indicator = warned.get().indicator().id();
            // its accepted values withdrawn, the indicator has no data: not a warning any more, so it clears
            jdbc.sql("update observation set state = 'submitted' where indicator_id = :i and state = 'approved'").param("i", indicator).update();
            try {
                warnings.compute(day);
                assertThat(warnings.lightsFor("indicator", List.of(indicator))).isEmpty();
            } finally {
                jdbc.sql("update observation set state = 'approved' where indicator_id = :i and state = 'submitted'").param("i", indicator).update();
            }
        }
        mvc.perform(get("/indicators").with(as("sv-office"))).andExpect(status().isOk());
        String page = mvc.perform(get("/tasks/{id}", task).with(as("sv-office"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).as("the task page shows its light with a word").containsPattern("class=\"light light-\\w+\"");
    }

    @Test
    void theBoardListsTheOverdueWithTheirLevelsForTheOfficeAndLeadersOnly() throws Exception {
        clock.moveTo(DUE.plusDays(8).atTime(9, 0));
        JsonNode board = json(mvc.perform(get("/api/v1/supervision/board").with(as("sv-office"))));
        JsonNode mine = null;
        for (JsonNode r : board.get("overdueReports")) {
            if (r.get("unitId").asLong() == unit && r.get("period").asString().equals(PERIOD)) mine = r;
        }
        assertThat(mine).isNotNull();
        assertThat(mine.get("daysLate").asInt()).isEqualTo(8);
        assertThat(mine.get("level").asString()).as("default ladder: office at 7").isEqualTo("OFFICE");
        assertThat(mine.get("light").get("grade").asString()).isEqualTo("orange");
        assertThat(board.get("counts").get("overdueReports").asInt()).isEqualTo(board.get("overdueReports").size());
        assertThat(board.get("counts").get("escalated").asInt()).isEqualTo(board.get("escalated").size());
        mvc.perform(get("/supervision").with(as("sv-office"))).andExpect(status().isOk());
        byte[] xlsx = mvc.perform(get("/supervision/export").with(as("sv-office"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            var reports = book.getSheet("逾期填报");
            assertThat(reports.getLastRowNum()).as("a row per overdue report under the header").isEqualTo(board.get("overdueReports").size());
            boolean found = false;
            for (var row : reports) {
                if (row.getRowNum() > 0 && row.getCell(3).getStringCellValue().equals(PERIOD) && row.getCell(5).getNumericCellValue() == 8
                        && row.getCell(6).getStringCellValue().equals("共富办")) found = true;
            }
            assertThat(found).as("the suite's report, 8 days late, at the office's level").isTrue();
        }
        mvc.perform(get("/api/v1/supervision/board").with(as("sv-reporter"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/supervision/plans/{id}/bulletin-escalations", plan).param("month", "2026-13").with(as("sv-office")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("month"));
    }

    private JsonNode urge() throws Exception {
        return json(mvc.perform(post("/api/v1/supervision/reports/urge").with(as("sv-office")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"plan\":" + plan + ",\"unit\":" + unit + ",\"period\":\"" + PERIOD + "\"}")));
    }

    private long openWarning() {
        return jdbc.sql("select id from warning where item_kind = 'milestone' and item_id = :m and cleared_on is null")
                .param("m", milestone).query(Long.class).single();
    }

    private String grade(long id) {
        return jdbc.sql("select grade from warning where id = :id").param("id", id).query(String.class).single();
    }

    private List<String> warningNotices(String username, long warning) {
        return Notices.texts(jdbc, messages, "u.username = :u and n.dedup_key like :k", Map.of("u", username, "k", "warning:" + warning + ":%"));
    }

    /** The dedup keys of the report reminders a user got for the suite's period, written with %d:%d:%s for plan, unit, period. */
    private List<String> reportNotices(String username) {
        Notices.awaitDelivered(jdbc);
        String prefix = "reminder:" + plan + ":" + unit + ":" + PERIOD + ":";
        return jdbc.sql("select n.dedup_key from notification n join app_user u on u.id = n.user_id where u.username = :u"
                        + " and n.dedup_key like :k order by n.id")
                .param("u", username).param("k", prefix + "%").query(String.class).list().stream()
                .map(k -> "reminder:%d:%d:%s:" + k.substring(prefix.length(), k.lastIndexOf(':'))).toList();
    }

    private static JsonNode json(org.springframework.test.web.servlet.ResultActions result) throws Exception {
        return JSON.readTree(result.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    private RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username).withoutPassword());
    }
}
