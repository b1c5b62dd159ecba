package cn.gongfu.notify;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongfu.kernel.Role;
import cn.gongfu.support.PostgresTest;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.Test;

/**
 * The channel contract on PostgreSQL, and two dispatchers racing over the same outbox: each claims with its own name,
 * both run at once over and over until nothing is due; every row is sent exactly once (the loopback server counts the
 * deliveries it accepted per dedup key), and each was sent by one of them.
 */
@PostgresTest
class PostgresChannelTest extends ChannelContract {

    static final int NOTICES = 30;

    @Test
    void twoDispatchersRacingSendEachMessageOnce() throws Exception {
        long hook = robot("GENERIC", "并发测试", robots.url("/generic"), LoopbackRobots.GENERIC_SECRET, unit, List.of("TODO", "MESSAGE"));
        List<String> keys = new ArrayList<>();
        for (int k = 0; k < NOTICES; k++) {
            String prefix = notice("notice.report.accepted", "/reports/" + (9100 + k));
            tellUnit(List.of(Role.REPORTER), prefix);
            keys.add("robot:" + prefix + ":" + hook);
        }
        OutboxDispatcher.Settings small = new OutboxDispatcher.Settings(3, dispatcher.settings().lease(), dispatcher.settings().firstRetry(),
                dispatcher.settings().maxRetry(), dispatcher.settings().maxAttempts());
        OutboxDispatcher a = new OutboxDispatcher(jdbc, senders, robotsService, clock, small, "instance-a");
        OutboxDispatcher b = new OutboxDispatcher(jdbc, senders, robotsService, clock, small, "instance-b");
        CyclicBarrier start = new CyclicBarrier(2);
        CompletableFuture<Integer> ra = CompletableFuture.supplyAsync(() -> runUntilIdle(a, start));
        CompletableFuture<Integer> rb = CompletableFuture.supplyAsync(() -> runUntilIdle(b, start));
        int tried = ra.get() + rb.get();

        assertThat(tried).as("each row tried by exactly one of them").isEqualTo(NOTICES);
        for (String key : keys) {
            assertThat(robots.received.stream().filter(r -> key.equals(r.delivery())).count()).as(key).isEqualTo(1);
            assertThat(outbox(key)).containsExactly("GENERIC SENT 1");
        }
        assertThat(new TreeSet<>(jdbc.sql("select distinct claimed_by from outbox_message where dedup_key in (:k)").param("k", keys)
                .query(String.class).list().stream().filter(java.util.Objects::nonNull).toList())).as("leases released").isEmpty();
        // both started again (a restart), nothing more is sent
        assertThat(a.dispatch() + b.dispatch() + restartedDispatcher().dispatch()).isZero();
        assertThat(robots.received.stream().filter(r -> keys.contains(r.delivery())).count()).isEqualTo(NOTICES);
        disable(hook);
    }

    private static int runUntilIdle(OutboxDispatcher d, CyclicBarrier start) {
        try {
            start.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        int total = 0;
        for (int idle = 0, k = 0; idle < 3 && k < 200; k++) {
            int n = d.dispatch();
            total += n;
            idle = n == 0 ? idle + 1 : 0;
        }
        return total;
    }
}
