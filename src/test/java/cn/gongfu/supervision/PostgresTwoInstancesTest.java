package cn.gongfu.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongfu.kernel.Scope;
import cn.gongfu.reporting.Obligation;
import cn.gongfu.reporting.ReportingService;
import cn.gongfu.support.SecondInstance;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two instances of the application on one PostgreSQL database (a schema of its own, {@code supervision_two}), each a
 * whole application started here as in {@code scheduling/EventRegistryRestartContract}, with the real clock:
 * <ol>
 * <li>a first run loads the demo; the reminder days are set (by property) to the days today is from the due dates of
 *     the reports the demo owes, so that today is a reminder day for each of them;</li>
 * <li>two instances start at the same time: each catches today up on start (nothing ran today), through the job's
 *     lock; then the daily job is called in both at once, and the run itself (as if the lock had expired) in both at
 *     once: every notice exists once, and they are exactly what one run tells;</li>
 * <li>restarts: an instance started again the same day runs nothing; one started after a day without a run (the last
 *     run set back a day, its notices gone) catches today up on start and tells the same notices again.</li>
 * </ol>
 */
@EnabledIfEnvironmentVariable(named = "GONGFU_TEST_PG_URL", matches = ".+",
        disabledReason = "GONGFU_TEST_PG_URL is not set: PostgreSQL tests skipped (bash .ci/run sets it)")
class PostgresTwoInstancesTest {

    static final String SCHEMA = "supervision_two";

    private static String url() {
        String url = System.getenv("GONGFU_TEST_PG_URL");
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA;
    }

    private static String user() {
        String user = System.getenv("GONGFU_TEST_PG_USER");
        return user == null ? System.getProperty("user.name") : user;
    }

    private static String password() {
        String password = System.getenv("GONGFU_TEST_PG_PASSWORD");
        return password == null ? "" : password;
    }

    @Test
    void twoInstancesTellEachReminderOnceAndARestartCatchesTheDayUp() throws Exception {
        try (var connection = DriverManager.getConnection(url(), user(), password()); var statement = connection.createStatement()) {
            statement.execute("drop schema if exists " + SCHEMA + " cascade");
        }
        String days;
        try (ConfigurableApplicationContext first = start(false, null)) {
            LocalDate today = LocalDate.now(first.getBean(Clock.class));
            List<Obligation> owed = Scope.asSystem(() -> first.getBean(ReportingService.class).obligations(today));
            TreeSet<Integer> late = owed.stream().filter(Obligation::stillOwed)
                    .map(o -> (int) ChronoUnit.DAYS.between(o.dueOn(), today)).filter(d -> d > 0).collect(Collectors.toCollection(TreeSet::new));
            assertThat(late).as("the demo owes overdue reports today").isNotEmpty();
            days = late.stream().map(String::valueOf).collect(Collectors.joining(","));
            assertThat(first.getBean(JdbcClient.class).sql("select count(*) from supervision_run").query(Long.class).single())
                    .as("with reminders off nothing ran").isZero();
        }

        List<String> once;
        LocalDateTime ranAt;
        CompletableFuture<ConfigurableApplicationContext> startA = CompletableFuture.supplyAsync(() -> startAlongside(true, days));
        CompletableFuture<ConfigurableApplicationContext> startB = CompletableFuture.supplyAsync(() -> startAlongside(true, days));
        try (ConfigurableApplicationContext a = startA.get(); ConfigurableApplicationContext b = startB.get()) {
            JdbcClient jdbc = a.getBean(JdbcClient.class);
            await("today was run on start", () -> jdbc.sql("select count(*) from supervision_run where last_day = :d")
                    .param("d", LocalDate.now(a.getBean(Clock.class))).query(Long.class).single() == 1);
            await("its events are delivered", () -> outstanding(jdbc) == 0);
            once = reminderNotices(jdbc);
            assertThat(once).as("the catch-up told the reporters").isNotEmpty();
            assertThat(new TreeSet<>(once)).as("no notice twice").hasSize(once.size());

            Reminders ra = a.getBean(Reminders.class);
            Reminders rb = b.getBean(Reminders.class);
            CompletableFuture.allOf(CompletableFuture.runAsync(ra::daily), CompletableFuture.runAsync(rb::daily)).get();
            LocalDate today = LocalDate.now(a.getBean(Clock.class));
            CompletableFuture.allOf(CompletableFuture.runAsync(() -> ra.run(today)), CompletableFuture.runAsync(() -> rb.run(today))).get();
            await("their events are delivered", () -> outstanding(jdbc) == 0);
            assertThat(reminderNotices(jdbc)).as("both instances at once, twice over: the same notices, once each").isEqualTo(once);
            assertThat(jdbc.sql("select count(*) from shedlock where name = :n").param("n", Reminders.JOB).query(Long.class).single()).isEqualTo(1);
            ranAt = jdbc.sql("select ran_at from supervision_run").query(LocalDateTime.class).single();
        }

        try (ConfigurableApplicationContext again = start(true, days)) {
            JdbcClient jdbc = again.getBean(JdbcClient.class);
            assertThat(jdbc.sql("select ran_at from supervision_run").query(LocalDateTime.class).single())
                    .as("started again the same day: today is not run again").isEqualTo(ranAt);
            // the server was down yesterday morning and today's run never happened: its notices are not there
            jdbc.sql("update supervision_run set last_day = last_day - 1").update();
            jdbc.sql("delete from notification where dedup_key like 'reminder:%'").update();
            jdbc.sql("delete from shedlock").update();
        }
        try (ConfigurableApplicationContext later = start(true, days)) {
            JdbcClient jdbc = later.getBean(JdbcClient.class);
            await("the start catches today up", () -> jdbc.sql("select count(*) from supervision_run where last_day = :d")
                    .param("d", LocalDate.now(later.getBean(Clock.class))).query(Long.class).single() == 1);
            await("its events are delivered", () -> outstanding(jdbc) == 0);
            assertThat(reminderNotices(jdbc)).as("caught up on start: the day's reminders, once").isEqualTo(once);
        }
    }

    private static long outstanding(JdbcClient jdbc) {
        return jdbc.sql("select count(*) from event_publication").query(Long.class).single();
    }

    private static List<String> reminderNotices(JdbcClient jdbc) {
        return jdbc.sql("select dedup_key from notification where dedup_key like 'reminder:%' order by dedup_key").query(String.class).list();
    }

    private static ConfigurableApplicationContext start(boolean reminders, String days) {
        return SecondInstance.start(properties(reminders, days));
    }

    /** Started at the same moment as another instance. */
    private static ConfigurableApplicationContext startAlongside(boolean reminders, String days) {
        return SecondInstance.startAlongside(properties(reminders, days));
    }

    private static Map<String, Object> properties(boolean reminders, String days) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("spring.datasource.url", url());
        properties.put("spring.datasource.username", user());
        properties.put("spring.datasource.password", password());
        properties.put("spring.flyway.schemas", SCHEMA);
        properties.put("gongfu.demo.enabled", "true");
        properties.put("gongfu.events.resubmission.enabled", "false");
        properties.put("gongfu.warnings.enabled", "false");
        properties.put("gongfu.reminders.enabled", String.valueOf(reminders));
        // no scheduled run during the test: only the start-up catch-up and the test's own calls
        properties.put("gongfu.reminders.cron", "-");
        if (days != null) properties.put("gongfu.reminders.days", days);
        return properties;
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("not within 60 s: " + what);
            Thread.sleep(100);
        }
    }
}
