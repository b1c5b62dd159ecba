package cn.gongfu.notify;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongfu.kernel.Role;
import cn.gongfu.notify.NotificationService.Notice;
import cn.gongfu.support.SecondInstance;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Nothing is lost while the server is down, and nothing is sent twice across a restart. A first run (its outbox job
 * off, as if the server stopped before its next tick) enqueues two notices for a generic robot on a loopback server,
 * and a third row is left claimed by an instance that died mid-send, its lease expired. The application stops. A
 * second run with the scheduled job on sends all three on start, each once. A third run sends nothing more.
 * Each run is a whole application started here, as in {@code scheduling/EventRegistryRestartContract}.
 */
abstract class OutboxRestartContract {

    static final long UNIT = 990_001L;

    abstract Map<String, Object> database();

    abstract void wipe() throws Exception;

    @Test
    void pendingRowsAreSentOnStartOnceAndARestartSendsNothingAgain() throws Exception {
        wipe();
        try (LoopbackRobots robots = new LoopbackRobots()) {
            List<String> keys;
            try (ConfigurableApplicationContext first = start(false)) {
                JdbcClient jdbc = first.getBean(JdbcClient.class);
                jdbc.sql("""
                        insert into notify_robot (kind, name, webhook_url, secret, region_code, unit_id, notice_kinds, enabled,
                                                  created_by, created_at, updated_at)
                        values ('GENERIC', 'restart', :url, :secret, '330299', :unit, 'TODO,MESSAGE', true, 'test', current_timestamp, current_timestamp)""")
                        .param("url", robots.url("/generic")).param("secret", LoopbackRobots.GENERIC_SECRET).param("unit", UNIT).update();
                NotificationService notices = first.getBean(NotificationService.class);
                TransactionTemplate tx = first.getBean(TransactionTemplate.class);
                for (String what : List.of("one", "two", "three")) {
                    tx.executeWithoutResult(t -> notices.notifyUnit(UNIT, List.of(Role.REPORTER),
                            new Notice("notice.report.accepted", List.of("区民政局", "2026Q9"), "/reports/1", "restart-" + what)));
                }
                keys = jdbc.sql("select dedup_key from outbox_message order by id").query(String.class).list();
                assertThat(keys).hasSize(3);
                // the third was being sent by an instance that died: its lease ran out a minute ago
                jdbc.sql("update outbox_message set claimed_by = 'dead', claimed_until = :t where dedup_key = :k")
                        .param("t", LocalDateTime.now().minusMinutes(1)).param("k", keys.get(2)).update();
                assertThat(jdbc.sql("select count(*) from outbox_message where state = 'PENDING'").query(Long.class).single()).isEqualTo(3);
            }
            assertThat(robots.received).as("nothing sent while the job was off").isEmpty();

            try (ConfigurableApplicationContext second = start(true)) {
                JdbcClient jdbc = second.getBean(JdbcClient.class);
                await("sent on start", () -> jdbc.sql("select count(*) from outbox_message where state = 'SENT'").query(Long.class).single() == 3);
            }
            for (String key : keys) {
                assertThat(robots.received.stream().filter(r -> key.equals(r.delivery())).count()).as(key).isEqualTo(1);
            }
            try (ConfigurableApplicationContext third = start(true)) {
                Thread.sleep(3000);
                assertThat(third.getBean(JdbcClient.class).sql("select count(*) from outbox_message where state = 'SENT'")
                        .query(Long.class).single()).isEqualTo(3);
            }
            assertThat(robots.received).as("a restart sends nothing again").hasSize(3);
        }
    }

    private ConfigurableApplicationContext start(boolean outbox) {
        Map<String, Object> properties = new HashMap<>(database());
        properties.put("gongfu.demo.enabled", "false");
        properties.put("gongfu.notify.outbox.enabled", String.valueOf(outbox));
        properties.put("gongfu.notify.outbox.initial-delay", "PT0S");
        properties.put("gongfu.notify.outbox.every", "PT1S");
        return SecondInstance.start(properties);
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("not within 30 s: " + what);
            Thread.sleep(100);
        }
    }
}
