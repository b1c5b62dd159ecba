package cn.gongfu.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongfu.support.SecondInstance;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The event publication registry keeps an event whose listener failed, and a restart delivers it, once: a listener
 * that throws on its first delivery gets the event, the publication stays incomplete (failed) in
 * {@code event_publication}; the application stops; a second one starts on the same database and delivers it again,
 * exactly once, and the publication is completed (deleted: completion mode delete). That second run also has the
 * resubmission job on, which takes its ShedLock lock, a row in {@code shedlock}.
 *
 * <p>Each run is a whole application started here (not a cached test context), so that the second truly starts
 * afresh on what the first left.
 */
abstract class EventRegistryRestartContract {

    /** The database both runs use: datasource and Flyway properties. */
    abstract Map<String, Object> database();

    /** Leaves the database empty before the first run. */
    abstract void wipe() throws Exception;

    /** What the test publishes; a record, serialized into the registry like any event. */
    record Probe(String id) {}

    static final Map<String, AtomicInteger> DELIVERIES = new ConcurrentHashMap<>();

    /** A listener in the application's style, registered only in these runs, that fails its first delivery of a probe. */
    static class FailsOnce {

        @ApplicationModuleListener
        void on(Probe probe) {
            if (DELIVERIES.computeIfAbsent(probe.id(), k -> new AtomicInteger()).incrementAndGet() == 1) {
                throw new IllegalStateException("the first delivery fails, on purpose (EventRegistryRestartContract)");
            }
        }
    }

    @Test
    void aListenerThatFailsOnceGetsTheEventOnRestartExactlyOnceAndTheJobTakesItsLock() throws Exception {
        wipe();
        String probe = UUID.randomUUID().toString();
        try (ConfigurableApplicationContext first = start(false)) {
            JdbcClient jdbc = first.getBean(JdbcClient.class);
            first.getBean(TransactionTemplate.class).executeWithoutResult(t -> first.publishEvent(new Probe(probe)));
            await("the first delivery fails and is recorded", () -> deliveries(probe) == 1 && "FAILED".equals(status(jdbc)));
            assertThat(jdbc.sql("select count(*) from event_publication where event_type = :t and completion_date is null")
                    .param("t", Probe.class.getName()).query(Long.class).single()).as("incomplete publications").isEqualTo(1);
        }
        assertThat(deliveries(probe)).isEqualTo(1);

        try (ConfigurableApplicationContext second = start(true)) {
            JdbcClient jdbc = second.getBean(JdbcClient.class);
            await("the restart delivers it again", () -> deliveries(probe) == 2);
            await("the publication is completed", () -> publications(jdbc) == 0);
            await("the resubmission job runs under its lock", () -> jdbc.sql("select count(*) from shedlock where name = :n")
                    .param("n", EventResubmission.LOCK).query(Long.class).single() == 1);
            assertThat(deliveries(probe)).as("delivered once on restart, not twice").isEqualTo(2);
            assertThat(jdbc.sql("select locked_by from shedlock where name = :n").param("n", EventResubmission.LOCK)
                    .query(String.class).single()).isNotBlank();
        }
    }

    private ConfigurableApplicationContext start(boolean withJob) {
        Map<String, Object> properties = new HashMap<>(database());
        properties.put("gongfu.demo.enabled", "false");
        properties.put("gongfu.events.resubmission.enabled", String.valueOf(withJob));
        properties.put("gongfu.events.resubmission.initial-delay", "PT0S");
        properties.put("gongfu.events.resubmission.every", "PT1S");
        // the probe is seconds old: the job runs and locks, but leaves the probe to the restart's republication
        properties.put("gongfu.events.resubmission.older-than", "PT1H");
        return SecondInstance.start(properties, FailsOnce.class);
    }

    private static int deliveries(String probe) {
        AtomicInteger n = DELIVERIES.get(probe);
        return n == null ? 0 : n.get();
    }

    private static String status(JdbcClient jdbc) {
        return jdbc.sql("select status from event_publication where event_type = :t").param("t", Probe.class.getName())
                .query(String.class).optional().orElse(null);
    }

    private static long publications(JdbcClient jdbc) {
        return jdbc.sql("select count(*) from event_publication where event_type = :t").param("t", Probe.class.getName())
                .query(Long.class).single();
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("not within 20 s: " + what);
            Thread.sleep(50);
        }
    }

}
