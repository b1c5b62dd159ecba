package cn.gongfu.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gongfu.kernel.Role;
import cn.gongfu.notify.NotificationService.Notice;
import cn.gongfu.support.DemoFacts;
import cn.gongfu.support.MovableClock;
import cn.gongfu.support.SignedInAsAdmin;
import cn.gongfu.users.UserService;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The channels (issue 12), on the real parts: the inbox's two tabs and their unread counts; email to a real SMTP server
 * in the test (GreenMail, on the port the test properties give spring.mail.port); DingTalk, WeCom and generic robots
 * posting to a real HTTP server on loopback that checks their signatures; the outbox's retries, back-off, final failure,
 * the delivery log and "retry now"; and that nothing is sent twice. Its own users of 区民政局, a unit no other suite uses;
 * the test drives the dispatcher (the scheduled job is off in tests) and moves the clock for the back-off.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ChannelContract {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final int SMTP_PORT = 39251;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserService users;

    @Autowired
    NotificationService notifications;

    @Autowired
    OutboxDispatcher dispatcher;

    @Autowired
    MovableClock clock;

    @Autowired
    TransactionTemplate transaction;

    GreenMail smtp;
    LoopbackRobots robots;
    long unit;
    long reporterId;
    int sequence;

    @BeforeAll
    void usersAndServers() throws Exception {
        smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        robots = new LoopbackRobots();
        unit = jdbc.sql("select id from unit where region_code = :r and name = '区民政局'").param("r", DemoFacts.DEMO_REGION)
                .query(Long.class).single();
        SignedInAsAdmin.signIn(users.loadUserByUsername("admin"));
        try {
            reporterId = users.create("chan-reporter", "渠道 填报员", "chan-password-1", DemoFacts.DEMO_REGION, List.of(Role.REPORTER), List.of(unit));
            users.create("chan-head", "渠道 负责人", "chan-password-1", DemoFacts.DEMO_REGION, List.of(Role.UNIT_HEAD), List.of(unit));
            users.create("chan-office", "渠道 共富办", "chan-password-1", DemoFacts.DEMO_REGION, List.of(Role.OFFICE), List.of());
        } finally {
            SignedInAsAdmin.signOut();
        }
        // nothing of other suites waits in the outbox for this suite's dispatcher runs
        jdbc.sql("update outbox_message set state = 'FAILED' where state = 'PENDING'").update();
    }

    @AfterEach
    void clockBack() {
        clock.reset();
    }

    @AfterAll
    void stop() {
        jdbc.sql("update notify_robot set enabled = false").update();
        jdbc.sql("update app_user set email_opt_in = false where username like 'chan-%'").update();
        robots.close();
        smtp.stop();
    }

    // --- the inbox -------------------------------------------------------------------------------------------------

    @Test
    void theInboxHasToDoAndMessageTabsWhoseUnreadCountsClear() throws Exception {
        String approval = notice("notice.report.approval-requested", "/reports/9001");
        String accepted = notice("notice.report.accepted", "/reports/9002");
        String reminder = notice("notice.reminder.due", "/reports");
        tellUnit(List.of(Role.UNIT_HEAD), approval);
        tellUnit(List.of(Role.UNIT_HEAD), accepted);
        tellUnit(List.of(Role.UNIT_HEAD), reminder);

        assertThat(kinds("chan-head")).containsExactlyInAnyOrderEntriesOf(Map.of(
                "notice.report.approval-requested", "TODO", "notice.report.accepted", "MESSAGE", "notice.reminder.due", "TODO"));
        JsonNode inbox = json(mvc.perform(get("/api/v1/notify/notifications").with(as("chan-head"))));
        assertThat(inbox.get("unread").get("TODO").asLong()).isEqualTo(2);
        assertThat(inbox.get("unread").get("MESSAGE").asLong()).isEqualTo(1);
        JsonNode todos = json(mvc.perform(get("/api/v1/notify/notifications").param("kind", "TODO").with(as("chan-head"))));
        assertThat(todos.get("notifications")).hasSize(2);
        assertThat(todos.get("notifications").valueStream().map(n -> n.get("kind").asString())).containsOnly("TODO");

        String todoTab = page("/notifications?tab=todo", "chan-head");
        assertThat(todoTab).contains("id=\"count-todo\">2</span>", "id=\"count-message\">1</span>", "区民政局 2026Q9 填报待您审批")
                .doesNotContain("填报已通过审核");
        assertThat(page("/plans", "chan-head")).contains("<span class=\"count-badge\">3</span>");
        // showing the message tab shows each message whole, so it marks them read: that page's header already counts
        // only the two to-dos, and the messages stay listed
        String messageTab = page("/notifications?tab=message", "chan-head");
        assertThat(messageTab).contains("区民政局 2026Q9 填报已通过审核").doesNotContain("填报待您审批")
                .contains("<span class=\"count-badge\">2</span>").doesNotContain("id=\"count-message\"");
        assertThat(unread("chan-head")).isEqualTo(Map.of("TODO", 2L, "MESSAGE", 0L));
        String laterMessage = notice("notice.report.accepted", "/reports/9003");
        tellUnit(List.of(Role.UNIT_HEAD), laterMessage);
        assertThat(unread("chan-head")).isEqualTo(Map.of("TODO", 2L, "MESSAGE", 1L));

        // opening a notice leads to its link and marks it read
        long approvalId = idOf("chan-head", "notice.report.approval-requested");
        mvc.perform(get("/notifications/{id}/open", approvalId).with(as("chan-head")))
                .andExpect(status().is3xxRedirection()).andExpect(header().string("Location", "/reports/9001"));
        assertThat(unread("chan-head")).isEqualTo(Map.of("TODO", 1L, "MESSAGE", 1L));
        // a link to another host is never followed
        long head = jdbc.sql("select id from app_user where username = 'chan-head'").query(Long.class).single();
        for (String away : List.of("//evil.example/x", "/\\evil.example", "https://evil.example")) {
            jdbc.sql("insert into notification (user_id, message_key, link, dedup_key, kind) values (:u, 'notice.report.accepted', :l, :d, 'MESSAGE')")
                    .param("u", head).param("l", away).param("d", notice("away", "/")).update();
            long awayId = jdbc.sql("select max(id) from notification where user_id = :u").param("u", head).query(Long.class).single();
            mvc.perform(get("/notifications/{id}/open", awayId).with(as("chan-head")))
                    .andExpect(status().is3xxRedirection()).andExpect(header().string("Location", "/notifications"));
        }
        // another user's notice reads as absent
        mvc.perform(get("/notifications/{id}/open", approvalId).with(as("chan-reporter"))).andExpect(status().isNotFound());

        // mark all read per tab: the to-do tab clears, the message tab keeps its count
        mvc.perform(post("/notifications/read").param("tab", "todo").with(as("chan-head")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(unread("chan-head")).isEqualTo(Map.of("TODO", 0L, "MESSAGE", 1L));
        assertThat(page("/notifications?tab=todo", "chan-head")).doesNotContain("id=\"count-todo\"").contains("id=\"count-message\">1</span>");
        mvc.perform(post("/api/v1/notify/notifications/read").param("kind", "MESSAGE").with(as("chan-head")).with(csrf()))
                .andExpect(status().isOk());
        assertThat(unread("chan-head")).isEqualTo(Map.of("TODO", 0L, "MESSAGE", 0L));
        assertThat(page("/plans", "chan-head")).doesNotContain("count-badge\">");

        // a to-do can be marked done; a message cannot
        long reminderId = idOf("chan-head", "notice.reminder.due");
        mvc.perform(post("/notifications/{id}/done", reminderId).with(as("chan-head")).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select done_at from notification where id = :id").param("id", reminderId).query(Object.class).single()).isNotNull();
        assertThat(page("/notifications?tab=todo", "chan-head")).contains("已办");
        long acceptedId = idOf("chan-head", "notice.report.accepted");
        mvc.perform(post("/api/v1/notify/notifications/{id}/done", acceptedId).with(as("chan-head")).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/notify/notifications").param("kind", "SOON").with(as("chan-head"))).andExpect(status().isBadRequest());
    }

    /**
     * NoticeKind is the one rule; V14 applied it in SQL to the notices stored before it. Both agree on every notice key
     * of the bundles and on the register's future keys: rows of each key run through V14's own update statement.
     */
    @Test
    void theMigrationsBackfillAndNoticeKindAgreeOnEveryKey() throws Exception {
        java.util.Set<String> keys = new java.util.TreeSet<>(NoticeKind.TODO_KEYS);
        for (String bundle : List.of("messages.properties", "messages_en.properties")) {
            java.util.Properties p = new java.util.Properties();
            try (var in = getClass().getClassLoader().getResourceAsStream(bundle)) {
                p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
            }
            p.stringPropertyNames().stream().filter(k -> k.startsWith("notice.")).forEach(keys::add);
        }
        assertThat(keys).contains("notice.report.approval-requested", "notice.reminder.urged", "notice.warning.lagging.red");
        String migration = new String(getClass().getClassLoader().getResourceAsStream("db/migration/V14__outbox_and_channels.sql")
                .readAllBytes(), StandardCharsets.UTF_8);
        var backfill = java.util.regex.Pattern.compile("update notification set kind = 'TODO'[^;]*;").matcher(migration);
        assertThat(backfill.find()).isTrue();
        String where = backfill.group().substring(0, backfill.group().length() - 1).replaceFirst("update notification set kind = 'TODO'", "");
        long me = jdbc.sql("select id from app_user where username = 'chan-office'").query(Long.class).single();
        String prefix = notice("backfill", "/");
        for (String key : keys) {
            jdbc.sql("insert into notification (user_id, message_key, link, dedup_key, kind, read_at) values (:u, :k, '/', :d, 'MESSAGE', current_timestamp)")
                    .param("u", me).param("k", key).param("d", prefix + ":" + key).update();
        }
        jdbc.sql("update notification set kind = 'TODO' " + where.replace("where", "where dedup_key like :p and (") + ")")
                .param("p", prefix + ":%").update();
        for (String key : keys) {
            assertThat(jdbc.sql("select kind from notification where dedup_key = :d").param("d", prefix + ":" + key).query(String.class).single())
                    .as(key).isEqualTo(NoticeKind.of(key).name());
        }
        assertThat(NoticeKind.of("notice.item.assigned")).isEqualTo(NoticeKind.TODO);
        assertThat(NoticeKind.of("notice.report.accepted")).isEqualTo(NoticeKind.MESSAGE);
        assertThat(NoticeKind.of("notice.values-replaced")).isEqualTo(NoticeKind.MESSAGE);
        assertThat(NoticeKind.of(null)).isEqualTo(NoticeKind.MESSAGE);
    }

    // --- email -----------------------------------------------------------------------------------------------------

    @Test
    void aUserWhoOptsInGetsTheirNoticesByEmailOnce() throws Exception {
        assertThat(page("/account", "chan-reporter")).contains("id=\"email-form\"");
        mvc.perform(post("/account/email").param("email", "not-an-address").param("optIn", "true").with(as("chan-reporter")).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash().attribute("emailError", true));
        mvc.perform(post("/account/email").param("email", "reporter@minzheng.example.cn").param("optIn", "true")
                .with(as("chan-reporter")).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(page("/account", "chan-reporter")).contains("value=\"reporter@minzheng.example.cn\"");

        String prefix = notice("notice.report.returned", "/reports/9003");
        Notice returned = new Notice("notice.report.returned", List.of("区民政局", "2026Q9", "请补充佐证材料"), "/reports/9003", prefix);
        transaction.executeWithoutResult(t -> notifications.notifyUnit(unit, List.of(Role.REPORTER), returned));
        // the same event delivered again enqueues nothing more
        transaction.executeWithoutResult(t -> notifications.notifyUnit(unit, List.of(Role.REPORTER), returned));
        assertThat(outbox("email:" + prefix + ":%")).containsExactly("EMAIL PENDING 0");

        assertThat(dispatcher.dispatch()).isEqualTo(1);
        assertThat(smtp.waitForIncomingEmail(5000, 1)).isTrue();
        MimeMessage[] mails = smtp.getReceivedMessages();
        assertThat(mails).hasSize(1);
        assertThat(mails[0].getAllRecipients()[0].toString()).isEqualTo("reporter@minzheng.example.cn");
        assertThat(mails[0].getSubject()).isEqualTo("【共富】区民政局 2026Q9 填报被退回：请补充佐证材料");
        assertThat(((String) mails[0].getContent()).strip()).startsWith("区民政局 2026Q9 填报被退回：请补充佐证材料").endsWith("/reports/9003");
        assertThat(outbox("email:" + prefix + ":%")).containsExactly("EMAIL SENT 1");

        // a dispatcher run later, or one of a restarted instance, sends nothing again
        assertThat(dispatcher.dispatch()).isZero();
        assertThat(restartedDispatcher().dispatch()).isZero();
        assertThat(smtp.getReceivedMessages()).hasSize(1);

        // a user who did not opt in gets no email
        mvc.perform(post("/account/email").param("email", "reporter@minzheng.example.cn").with(as("chan-reporter")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        String next = notice("notice.report.accepted", "/reports/9004");
        tellUnit(List.of(Role.REPORTER), next);
        assertThat(outbox("email:" + next + ":%")).isEmpty();
    }

    // --- robots ----------------------------------------------------------------------------------------------------

    @Test
    void robotsPostSignedMessagesToDingTalkWeComAndAGenericWebhook() throws Exception {
        long ding = robot("DINGTALK", "民政督办钉钉群", robots.url("/dingtalk?access_token=abc"), LoopbackRobots.DING_SECRET, unit, List.of("TODO"));
        long wecom = robot("WECOM", "民政企业微信群", robots.url("/wecom?key=" + LoopbackRobots.WECOM_KEY), null, unit, List.of("TODO", "MESSAGE"));
        long generic = robot("GENERIC", "民政 OA", robots.url("/generic"), LoopbackRobots.GENERIC_SECRET, unit, List.of("TODO", "MESSAGE"));
        // the secret is never shown again
        JsonNode listed = json(mvc.perform(get("/api/v1/notify/robots/{id}", ding).with(as("chan-office"))));
        assertThat(listed.get("hasSecret").asBoolean()).isTrue();
        assertThat(listed.has("secret")).isFalse();
        assertThat(page("/notify/channels", "chan-office")).contains("民政督办钉钉群").doesNotContain(LoopbackRobots.DING_SECRET);

        String todo = notice("notice.report.submitted", "/reports/9005");
        tellUnit(List.of(Role.REPORTER), todo);
        String info = notice("notice.report.accepted", "/reports/9006");
        tellUnit(List.of(Role.REPORTER), info);
        assertThat(outbox("robot:" + todo + ":%")).hasSize(3);
        assertThat(outbox("robot:" + info + ":%")).as("the DingTalk robot hears to-dos only").hasSize(2);

        dispatchAll();
        assertThat(robots.refused).isEmpty();
        assertThat(robots.of("dingtalk")).hasSize(1);
        JsonNode dingBody = robots.of("dingtalk").get(0).body();
        assertThat(dingBody.get("markdown").get("title").asString()).isEqualTo("【共富】区民政局 2026Q9 填报已报送，待审核");
        assertThat(dingBody.get("markdown").get("text").asString()).contains("区民政局 2026Q9 填报已报送，待审核", "(/reports/9005)");
        assertThat(robots.of("wecom")).hasSize(2);
        assertThat(robots.of("wecom").get(0).body().get("msgtype").asString()).isEqualTo("markdown");
        assertThat(robots.of("wecom").get(0).body().get("markdown").get("content").asString()).contains("区民政局 2026Q9");
        List<LoopbackRobots.Received> posted = robots.of("generic").stream()
                .filter(r -> r.delivery().startsWith("robot:" + todo) || r.delivery().startsWith("robot:" + info)).toList();
        assertThat(posted).hasSize(2);
        assertThat(posted.get(0).delivery()).isEqualTo("robot:" + todo + ":" + generic);
        assertThat(posted.get(0).body().get("kind").asString()).isEqualTo("TODO");
        assertThat(posted.get(0).body().get("key").asString()).isEqualTo("notice.report.submitted");
        assertThat(posted.get(0).body().get("link").asString()).isEqualTo("/reports/9005");
        assertThat(outbox("robot:" + todo + ":%")).containsOnly("DINGTALK SENT 1", "WECOM SENT 1", "GENERIC SENT 1");

        // a test message from the settings page reaches the robot too
        mvc.perform(post("/notify/channels/{id}/test", wecom).with(as("chan-office")).with(csrf())).andExpect(status().is3xxRedirection());
        dispatchAll();
        assertThat(robots.of("wecom")).hasSize(3);
        assertThat(robots.of("wecom").get(2).body().get("markdown").get("content").asString()).contains("民政企业微信群");

        // a wrong 加签 secret is refused by DingTalk's check, and so is the delivery
        mvc.perform(put("/api/v1/notify/robots/{id}", ding).with(as("chan-office")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content(robotJson("DINGTALK", "民政督办钉钉群", robots.url("/dingtalk?access_token=abc"), "SECwrong", unit, List.of("TODO"))))
                .andExpect(status().isOk());
        String again = notice("notice.report.returned", "/reports/9007");
        tellUnit(List.of(Role.REPORTER), again);
        dispatchAll();
        assertThat(robots.refused).containsExactly("dingtalk: sign");
        assertThat(outbox("robot:" + again + ":" + ding)).containsExactly("DINGTALK PENDING 1");
        assertThat(jdbc.sql("select last_error from outbox_message where dedup_key = :k").param("k", "robot:" + again + ":" + ding)
                .query(String.class).single()).startsWith("errcode 310000").doesNotContain("SEC").doesNotContain("access_token");

        disable(ding, wecom, generic);
    }

    @Test
    void aWebhookAddressMustBeHttpOrHttps() throws Exception {
        for (String bad : List.of("file:///etc/passwd", "javascript:alert(1)", "ftp://127.0.0.1/x", "http://user:pw@127.0.0.1/x", "/relative",
                "http://127.0.0.1/a b")) {
            JsonNode problem = JSON.readTree(mvc.perform(post("/api/v1/notify/robots").with(as("chan-office")).with(csrf())
                            .contentType(MediaType.APPLICATION_JSON).content(robotJson("GENERIC", "坏地址", bad, null, null, List.of("TODO"))))
                    .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
            assertThat(problem.toString()).as(bad).contains("webhookUrl");
        }
        mvc.perform(post("/notify/channels").with(as("chan-office")).with(csrf()).param("kind", "DINGTALK").param("name", "坏")
                        .param("webhookUrl", "javascript:alert(1)").param("region", DemoFacts.DEMO_REGION).param("noticeKinds", "TODO"))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash().attribute("error", "webhookUrl"));
        assertThat(jdbc.sql("select count(*) from notify_robot where name in ('坏地址', '坏')").query(Long.class).single()).isZero();
        // a reporter may not configure robots
        mvc.perform(post("/api/v1/notify/robots").with(as("chan-reporter")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content(robotJson("GENERIC", "x", robots.url("/generic"), null, null, List.of("TODO")))).andExpect(status().isForbidden());
    }

    /** A robot that does not answer in time is a failure naming the timeout, not a hung dispatcher. */
    @Test
    void aWebhookThatDoesNotAnswerInTimeFails() throws Exception {
        ChannelSenders quick = new ChannelSenders(emptyMail(), messages, clock, Duration.ofSeconds(1), "gongfu@localhost", "", "zh-CN");
        ChannelSenders.Message m = new ChannelSenders.Message(1, Outbox.Channel.GENERIC, "slow", "s", "b", "/x", "notice.report.accepted",
                NoticeKind.MESSAGE, "timeout-test");
        long start = System.nanoTime();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> quick.robot(m,
                        new Robots.Endpoint(1, Outbox.Channel.GENERIC, robots.url("/slow"), null, true)))
                .isInstanceOf(ChannelSenders.SendFailure.class).hasMessage("timed out after 1 s");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2900));
        // without a mail server the email channel is off, and says so
        assertThat(quick.emailEnabled()).isFalse();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> quick.email(m)).hasMessageContaining("email channel off");
    }

    @Autowired
    org.springframework.context.MessageSource messages;

    static org.springframework.beans.factory.ObjectProvider<org.springframework.mail.javamail.JavaMailSender> emptyMail() {
        return new org.springframework.beans.factory.support.StaticListableBeanFactory()
                .getBeanProvider(org.springframework.mail.javamail.JavaMailSender.class);
    }

    /** The office of another district (奉化区) sees none of 青溪区's robots or deliveries, and cannot configure robots there. */
    @Test
    void anOfficeSeesOnlyItsRegionsRobotsAndDeliveries() throws Exception {
        SignedInAsAdmin.signIn(users.loadUserByUsername("admin"));
        try {
            if (users.findByUsername("chan-fenghua").isEmpty()) {
                users.create("chan-fenghua", "奉化 共富办", "chan-password-1", "330213", List.of(Role.OFFICE), List.of());
            }
        } finally {
            SignedInAsAdmin.signOut();
        }
        long hook = robot("GENERIC", "青溪 OA", robots.url("/generic"), LoopbackRobots.GENERIC_SECRET, unit, List.of("TODO", "MESSAGE"));
        String prefix = notice("notice.report.accepted", "/reports/9010");
        tellUnit(List.of(Role.REPORTER), prefix);
        long delivery = jdbc.sql("select id from outbox_message where dedup_key = :k").param("k", "robot:" + prefix + ":" + hook)
                .query(Long.class).single();

        JsonNode theirs = json(mvc.perform(get("/api/v1/notify/deliveries").param("size", "500").with(as("chan-fenghua"))));
        assertThat(theirs.get("items").valueStream().map(d -> d.get("regionCode").asString())).doesNotContain(DemoFacts.DEMO_REGION);
        JsonNode ours = json(mvc.perform(get("/api/v1/notify/deliveries").param("size", "500").with(as("chan-office"))));
        assertThat(ours.get("items").valueStream().map(d -> d.get("id").asLong())).contains(delivery);
        mvc.perform(get("/api/v1/notify/robots/{id}", hook).with(as("chan-fenghua"))).andExpect(status().isNotFound());
        assertThat(json(mvc.perform(get("/api/v1/notify/robots").with(as("chan-fenghua")))).valueStream()
                .map(r -> r.get("id").asLong())).doesNotContain(hook);
        mvc.perform(post("/api/v1/notify/robots").with(as("chan-fenghua")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content(robotJson("GENERIC", "越界", robots.url("/generic"), null, null, List.of("TODO")))).andExpect(status().isBadRequest());
        dispatchAll();
        mvc.perform(post("/api/v1/notify/deliveries/{id}/retry", delivery).with(as("chan-fenghua")).with(csrf())).andExpect(status().isNotFound());
        disable(hook);
    }

    // --- retries ---------------------------------------------------------------------------------------------------

    @Test
    void aFailingEndpointIsRetriedWithBackOffThenFailedShownOnTheLogAndRetriedNow() throws Exception {
        long down = robot("GENERIC", "宕机的接口", robots.url("/fail"), LoopbackRobots.GENERIC_SECRET, null, List.of("TODO", "MESSAGE"));
        String prefix = notice("notice.report.submitted", "/reports/9008");
        transaction.executeWithoutResult(t -> notifications.notifyOffices(DemoFacts.DEMO_REGION,
                new Notice("notice.report.submitted", List.of("区民政局", "2026Q9"), "/reports/9008", prefix)));
        String key = "robot:" + prefix + ":" + down;
        assertThat(outbox(key)).containsExactly("GENERIC PENDING 0");

        OutboxDispatcher.Settings s = dispatcher.settings();
        assertThat(s.backoff(1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(s.backoff(2)).isEqualTo(Duration.ofMinutes(2));
        assertThat(s.backoff(3)).isEqualTo(Duration.ofMinutes(4));
        assertThat(s.backoff(30)).isEqualTo(s.maxRetry());
        for (int attempt = 1; attempt < s.maxAttempts(); attempt++) {
            dispatcher.dispatch();
            assertThat(outbox(key)).containsExactly("GENERIC PENDING " + attempt);
            Duration wait = Duration.between(clock.instant().atZone(clock.getZone()).toLocalDateTime(), nextAttempt(key));
            assertThat(wait).as("after attempt " + attempt).isBetween(s.backoff(attempt).minusSeconds(5), s.backoff(attempt));
            // not before its time
            dispatcher.dispatch();
            assertThat(outbox(key)).containsExactly("GENERIC PENDING " + attempt);
            clock.moveBy(s.backoff(attempt).plusSeconds(1));
        }
        dispatcher.dispatch();
        assertThat(outbox(key)).containsExactly("GENERIC FAILED " + s.maxAttempts());
        clock.moveBy(Duration.ofDays(1));
        dispatcher.dispatch();
        assertThat(outbox(key)).as("a failed row is not tried again by itself").containsExactly("GENERIC FAILED " + s.maxAttempts());
        clock.reset();

        long id = jdbc.sql("select id from outbox_message where dedup_key = :k").param("k", key).query(Long.class).single();
        String log = page("/notify/deliveries?state=FAILED&channel=GENERIC", "chan-office");
        assertThat(log).contains("id=\"delivery-" + id + "\"", "宕机的接口", "HTTP 500", "立即重试");
        JsonNode api = json(mvc.perform(get("/api/v1/notify/deliveries").param("state", "FAILED").with(as("chan-office"))));
        assertThat(api.get("items").valueStream().map(d -> d.get("id").asLong())).contains(id);
        byte[] xlsx = mvc.perform(get("/notify/deliveries.xlsx").param("state", "FAILED").with(as("chan-office")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            var sheet = book.getSheetAt(0);
            boolean found = false;
            for (var row : sheet) if (row.getRowNum() > 0 && (long) row.getCell(0).getNumericCellValue() == id) {
                found = true;
                assertThat(row.getCell(6).getStringCellValue()).isEqualTo("HTTP 500");
            }
            assertThat(found).isTrue();
        }
        mvc.perform(get("/notify/deliveries").param("from", "2026-13-01").with(as("chan-office"))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/notify/deliveries").param("from", "2026-13-01").with(as("chan-office"))).andExpect(status().isBadRequest());
        mvc.perform(get("/notify/deliveries").with(as("chan-reporter"))).andExpect(status().isForbidden());

        // the office fixes the endpoint and retries now: one more attempt, which succeeds
        mvc.perform(put("/api/v1/notify/robots/{id}", down).with(as("chan-office")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content(robotJson("GENERIC", "宕机的接口", robots.url("/generic"), null, null, List.of("TODO", "MESSAGE"))))
                .andExpect(status().isOk());
        mvc.perform(post("/notify/deliveries/{id}/retry", id).with(as("chan-office")).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(outbox(key)).containsExactly("GENERIC PENDING " + s.maxAttempts());
        mvc.perform(post("/api/v1/notify/deliveries/{id}/retry", id).with(as("chan-office")).with(csrf())).andExpect(status().isConflict());
        dispatcher.dispatch();
        assertThat(outbox(key)).containsExactly("GENERIC SENT " + (s.maxAttempts() + 1));
        assertThat(robots.received.stream().filter(r -> key.equals(r.delivery())).count()).isEqualTo(1);
        disable(down);
    }

    @Test
    void aLeaseHeldByAnotherInstanceIsRespectedUntilItExpires() throws Exception {
        long hook = robot("GENERIC", "租约测试", robots.url("/generic"), LoopbackRobots.GENERIC_SECRET, unit, List.of("TODO", "MESSAGE"));
        String prefix = notice("notice.report.accepted", "/reports/9009");
        tellUnit(List.of(Role.REPORTER), prefix);
        String key = "robot:" + prefix + ":" + hook;
        // another instance claimed it and died mid-send
        jdbc.sql("update outbox_message set claimed_by = 'dead-instance', claimed_until = :until where dedup_key = :k")
                .param("until", clock.instant().atZone(clock.getZone()).toLocalDateTime().plus(dispatcher.settings().lease()))
                .param("k", key).update();
        dispatcher.dispatch();
        assertThat(outbox(key)).containsExactly("GENERIC PENDING 0");
        clock.moveBy(dispatcher.settings().lease().plusSeconds(1));
        dispatcher.dispatch();
        assertThat(outbox(key)).containsExactly("GENERIC SENT 1");
        assertThat(robots.received.stream().filter(r -> key.equals(r.delivery())).count()).isEqualTo(1);
        disable(hook);
    }

    // --- helpers ---------------------------------------------------------------------------------------------------

    /** A fresh dedup prefix for a notice of this suite (one per call). */
    String notice(String key, String link) {
        return "chan-test:" + getClass().getSimpleName() + ":" + key + ":" + link + ":" + (++sequence) + ":" + System.nanoTime();
    }

    void tellUnit(List<Role> roles, String prefix) {
        String key = prefix.split(":")[2];
        String link = prefix.split(":")[3];
        Notice n = new Notice(key, key.equals("notice.report.returned") ? List.of("区民政局", "2026Q9", "请核对") : List.of("区民政局", "2026Q9", "2026-07-05", "1"),
                link, prefix);
        transaction.executeWithoutResult(t -> notifications.notifyUnit(unit, roles, n));
    }

    OutboxDispatcher restartedDispatcher() {
        return new OutboxDispatcher(jdbc, senders, robotsService, clock, dispatcher.settings(), "restarted-" + System.nanoTime());
    }

    @Autowired
    ChannelSenders senders;

    @Autowired
    Robots robotsService;

    void dispatchAll() {
        for (int k = 0; k < 10 && dispatcher.dispatch() > 0; k++) {
            // until nothing is due
        }
    }

    long robot(String kind, String name, String url, String secret, Long unitId, List<String> kinds) throws Exception {
        return json(mvc.perform(post("/api/v1/notify/robots").with(as("chan-office")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content(robotJson(kind, name, url, secret, unitId, kinds)))).get("id").asLong();
    }

    static String robotJson(String kind, String name, String url, String secret, Long unitId, List<String> kinds) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("kind", kind);
        body.put("name", name);
        body.put("webhookUrl", url);
        body.put("secret", secret);
        body.put("region", DemoFacts.DEMO_REGION);
        body.put("unit", unitId);
        body.put("noticeKinds", kinds);
        return JSON.writeValueAsString(body);
    }

    void disable(long... ids) throws Exception {
        for (long id : ids) {
            mvc.perform(post("/notify/channels/{id}/enabled", id).param("enabled", "false").with(as("chan-office")).with(csrf()))
                    .andExpect(status().is3xxRedirection());
        }
    }

    List<String> outbox(String dedupPattern) {
        return jdbc.sql("select channel || ' ' || state || ' ' || attempts from outbox_message where dedup_key like :k order by id")
                .param("k", dedupPattern).query(String.class).list();
    }

    java.time.LocalDateTime nextAttempt(String key) {
        return jdbc.sql("select next_attempt_at from outbox_message where dedup_key = :k").param("k", key)
                .query(java.time.LocalDateTime.class).single();
    }

    Map<String, String> kinds(String username) {
        Map<String, String> kinds = new java.util.HashMap<>();
        jdbc.sql("select n.message_key, n.kind from notification n join app_user u on u.id = n.user_id where u.username = :u")
                .param("u", username).query((rs, i) -> kinds.put(rs.getString(1), rs.getString(2))).list();
        return kinds;
    }

    long idOf(String username, String key) {
        return jdbc.sql("select max(n.id) from notification n join app_user u on u.id = n.user_id where u.username = :u and n.message_key = :k")
                .param("u", username).param("k", key).query(Long.class).single();
    }

    Map<String, Long> unread(String username) throws Exception {
        JsonNode u = json(mvc.perform(get("/api/v1/notify/notifications").with(as(username)))).get("unread");
        return Map.of("TODO", u.get("TODO").asLong(), "MESSAGE", u.get("MESSAGE").asLong());
    }

    String page(String path, String who) throws Exception {
        return mvc.perform(get(path).with(as(who)).cookie(new Cookie("gongfu-lang", "zh-CN"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username).withoutPassword());
    }

    static JsonNode json(ResultActions result) throws Exception {
        return JSON.readTree(result.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }
}
