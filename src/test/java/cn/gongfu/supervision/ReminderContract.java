package cn.gongfu.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import cn.gongfu.kernel.Role;
import cn.gongfu.support.DemoFacts;
import cn.gongfu.support.Notices;
import cn.gongfu.support.ReportSteps;
import cn.gongfu.support.SignedInAsAdmin;
import cn.gongfu.users.UserService;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * 催办提醒 (run for the suite's own unit only, so that other suites' users get no reminders from it): the demo plan's units report quarterly by the 5th of the next month, so 2026Q2 is due on 2026-07-05. Its
 * own reporter and head of 区医疗保障分局, a unit and period no other suite reports, hear of the report three days before,
 * on the day and after it; three days late its head hears too, seven days late the office; a second run the same day
 * tells no one twice; once the report is submitted, it is owed no more and the reminders stop.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ReminderContract {

    static final String PERIOD = "2026Q2";
    static final LocalDate DUE = LocalDate.of(2026, 7, 5);

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MessageSource messages;

    @Autowired
    UserService users;

    @Autowired
    Reminders reminders;

    long plan;
    long unit;

    @BeforeAll
    void aReporterAndAHead() {
        plan = DemoFacts.demoPlanId(jdbc);
        unit = jdbc.sql("select id from unit where region_code = :r and name = '区医疗保障分局'")
                .param("r", DemoFacts.DEMO_REGION).query(Long.class).single();
        SignedInAsAdmin.signIn(users.loadUserByUsername("admin"));
        try {
            users.create("remind-reporter", "催办 填报员", "remind-password-1", DemoFacts.DEMO_REGION, List.of(Role.REPORTER), List.of(unit));
            users.create("remind-head", "催办 负责人", "remind-password-1", DemoFacts.DEMO_REGION, List.of(Role.UNIT_HEAD), List.of(unit));
            users.create("remind-office", "催办 共富办", "remind-password-1", DemoFacts.DEMO_REGION, List.of(Role.OFFICE), List.of());
        } finally {
            SignedInAsAdmin.signOut();
        }
    }

    @Test
    void aReportOwedIsRemindedBeforeOnAndAfterItsDueDateOnceEachAndNoMoreOnceSubmitted() throws Exception {
        assertThat(reminders.remind(DUE.minusDays(2), unit)).as("two days before is not a reminder day").isZero();
        assertThat(remindersFor("remind-reporter")).isEmpty();

        reminders.remind(DUE.minusDays(3), unit);
        reminders.remind(DUE.minusDays(3), unit);
        assertThat(remindersFor("remind-reporter")).containsExactly("区医疗保障分局 2026Q2 填报将于 2026-07-05 截止，还有 3 天");
        assertThat(remindersFor("remind-head")).as("reminders go to the reporters who owe the report").isEmpty();

        reminders.remind(DUE, unit);
        // notices are delivered after the sending transaction, in any order: the day's before the next day's
        Notices.awaitDelivered(jdbc);
        reminders.remind(DUE.plusDays(1), unit);
        assertThat(remindersFor("remind-reporter")).containsExactly(
                "区医疗保障分局 2026Q2 填报将于 2026-07-05 截止，还有 3 天",
                "区医疗保障分局 2026Q2 填报今天（2026-07-05）截止，请及时报送",
                "区医疗保障分局 2026Q2 填报已逾期 1 天（2026-07-05 截止），请尽快报送");
        assertThat(Notices.texts(jdbc, messages, Locale.ENGLISH, "u.username = :u and n.dedup_key like :k and n.message_key = 'notice.reminder.after'",
                Map.of("u", "remind-reporter", "k", key(PERIOD)))).containsExactly("区医疗保障分局 2026Q2: the report is 1 day(s) overdue (it was due on 2026-07-05)");
        assertThat(jdbc.sql("select distinct link from notification n join app_user u on u.id = n.user_id"
                        + " where u.username = 'remind-reporter' and n.dedup_key like :k").param("k", key(PERIOD)).query(String.class).list())
                .as("a report not begun links to what is owed, where 开始填报 is").containsExactly("/reports");

        reminders.remind(DUE.plusDays(3), unit);
        assertThat(remindersFor("remind-head")).as("three days late, the unit head is told too")
                .containsExactly("区医疗保障分局 2026Q2 填报已逾期 3 天（2026-07-05 截止），请尽快报送");
        assertThat(remindersFor("remind-office")).as("the office only at seven").isEmpty();

        long submission = ReportSteps.open(mvc, as("remind-reporter"), plan, unit, PERIOD);
        ReportSteps.act(mvc, as("remind-reporter"), submission, "REQUEST_APPROVAL", null);
        ReportSteps.act(mvc, as("remind-head"), submission, "APPROVE", null);
        ReportSteps.act(mvc, as("remind-reporter"), submission, "SUBMIT", null);
        reminders.remind(DUE.plusDays(7), unit);
        assertThat(remindersFor("remind-reporter")).as("a submitted report is owed no more").hasSize(4);
        assertThat(remindersFor("remind-office")).isEmpty();
    }

    /** 2026Q1, due on 2026-04-05 and never begun: a week late, the office of the plan's region is told. */
    @Test
    void aWeekLateTheOfficeIsToldToo() {
        reminders.remind(LocalDate.of(2026, 4, 12), unit);
        assertThat(remindersFor("remind-office", "2026Q1")).containsExactly("区医疗保障分局 2026Q1 填报已逾期 7 天（2026-04-05 截止），请尽快报送");
        assertThat(remindersFor("remind-head", "2026Q1")).hasSize(1);
        assertThat(remindersFor("remind-reporter", "2026Q1")).hasSize(1);
    }

    private List<String> remindersFor(String username) {
        return remindersFor(username, PERIOD);
    }

    private List<String> remindersFor(String username, String period) {
        return Notices.texts(jdbc, messages, "u.username = :u and n.dedup_key like :k", Map.of("u", username, "k", key(period)));
    }

    /** The dedup keys of this suite's reminders for a period: each test looks at its own period only. */
    private String key(String period) {
        return "reminder:" + plan + ":" + unit + ":" + period + ":%";
    }

    private RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username).withoutPassword());
    }
}
