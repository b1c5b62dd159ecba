package cn.gongfu.notify;

import cn.gongfu.notify.ChannelSenders.Message;
import cn.gongfu.notify.ChannelSenders.SendFailure;
import cn.gongfu.notify.Outbox.Channel;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Sends the outbox's due rows, safely with several instances: a row is claimed with a lease in the database
 * ({@code update … set claimed_by, claimed_until where id = ? and state = 'PENDING' and (claimed_until is null or
 * claimed_until < now)}): of two instances only one update counts, so only one sends. The result is written only
 * while the lease is held. A failure counts the attempt and sets the next one after a back-off doubling from
 * {@code gongfu.notify.outbox.first-retry} (1 min) up to {@code max-retry} (1 h); after {@code max-attempts} the row is
 * FAILED and shows on the delivery log, where the office may retry it. An instance that dies mid-send leaves a lease
 * that expires ({@code lease}, 2 min), after which another instance sends the row: the one case of a second send,
 * for a receiver that got the first but whose answer was never recorded.
 */
@Component
class OutboxDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxDispatcher.class);

    /** The error stored per row is at most this long. */
    static final int MAX_ERROR = 500;

    private final JdbcClient jdbc;
    private final ChannelSenders senders;
    private final Robots robots;
    private final Clock clock;
    private final Settings settings;
    private final String instance;

    /** The dispatcher's knobs ({@code gongfu.notify.outbox.*}). */
    record Settings(int batch, Duration lease, Duration firstRetry, Duration maxRetry, int maxAttempts) {
        /** The wait after the {@code attempts}-th failed attempt: first-retry, doubling, at most max-retry. */
        Duration backoff(int attempts) {
            Duration d = firstRetry;
            for (int k = 1; k < attempts && d.compareTo(maxRetry) < 0; k++) d = d.multipliedBy(2);
            return d.compareTo(maxRetry) > 0 ? maxRetry : d;
        }
    }

    @Autowired
    OutboxDispatcher(JdbcClient jdbc, ChannelSenders senders, Robots robots, Clock clock,
                     @Value("${gongfu.notify.outbox.batch:20}") int batch,
                     @Value("${gongfu.notify.outbox.lease:PT2M}") Duration lease,
                     @Value("${gongfu.notify.outbox.first-retry:PT1M}") Duration firstRetry,
                     @Value("${gongfu.notify.outbox.max-retry:PT1H}") Duration maxRetry,
                     @Value("${gongfu.notify.outbox.max-attempts:6}") int maxAttempts) {
        this(jdbc, senders, robots, clock, new Settings(batch, lease, firstRetry, maxRetry, maxAttempts),
                ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8));
    }

    /** A dispatcher that claims under its own name: a second instance. */
    OutboxDispatcher(JdbcClient jdbc, ChannelSenders senders, Robots robots, Clock clock, Settings settings, String instance) {
        this.jdbc = jdbc;
        this.senders = senders;
        this.robots = robots;
        this.clock = clock;
        this.settings = settings;
        this.instance = instance;
    }

    Settings settings() {
        return settings;
    }

    String instance() {
        return instance;
    }

    /** One run: claims up to a batch of due rows and sends each; returns how many it tried. */
    int dispatch() {
        LocalDateTime now = LocalDateTime.now(clock);
        List<Long> due = jdbc.sql("""
                select id from outbox_message
                where state = 'PENDING' and next_attempt_at <= :now and (claimed_until is null or claimed_until < :now)
                order by next_attempt_at, id fetch first :n rows only""")
                .param("now", now).param("n", settings.batch()).query(Long.class).list();
        int tried = 0;
        for (long id : due) {
            if (claim(id)) {
                send(id);
                tried++;
            }
        }
        return tried;
    }

    /** The lease: only one instance's update finds the row unclaimed (or its lease expired). */
    private boolean claim(long id) {
        LocalDateTime now = LocalDateTime.now(clock);
        return jdbc.sql("""
                update outbox_message set claimed_by = :me, claimed_until = :until
                where id = :id and state = 'PENDING' and next_attempt_at <= :now and (claimed_until is null or claimed_until < :now)""")
                .param("me", instance).param("until", now.plus(settings.lease())).param("id", id).param("now", now).update() == 1;
    }

    private void send(long id) {
        Long[] robotId = new Long[1];
        Message m = jdbc.sql("""
                select id, channel, robot_id, destination, subject, body, link, notice_key, notice_kind, dedup_key
                from outbox_message where id = :id""").param("id", id)
                .query((rs, i) -> {
                    long robot = rs.getLong("robot_id");
                    robotId[0] = rs.wasNull() ? null : robot;
                    return new Message(rs.getLong("id"), Channel.valueOf(rs.getString("channel")), rs.getString("destination"),
                            rs.getString("subject"), rs.getString("body"), rs.getString("link"), rs.getString("notice_key"),
                            NoticeKind.valueOf(rs.getString("notice_kind")), rs.getString("dedup_key"));
                })
                .single();
        try {
            if (m.channel() == Channel.EMAIL) {
                senders.email(m);
            } else {
                Optional<Robots.Endpoint> robot = robotId[0] == null ? Optional.empty() : robots.endpoint(robotId[0]);
                if (robot.isEmpty()) throw new SendFailure("robot removed");
                if (!robot.get().enabled()) throw new SendFailure("robot disabled");
                senders.robot(m, robot.get());
            }
            sent(id);
        } catch (SendFailure e) {
            failed(id, e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("outbox message {} failed unexpectedly", id, e);
            failed(id, "unexpected error, see the server log");
        }
    }

    private void sent(long id) {
        int updated = jdbc.sql("""
                update outbox_message set state = 'SENT', sent_at = :now, attempts = attempts + 1, last_error = null,
                       claimed_by = null, claimed_until = null
                where id = :id and claimed_by = :me""")
                .param("now", LocalDateTime.now(clock)).param("id", id).param("me", instance).update();
        if (updated == 0) LOG.warn("outbox message {} was sent after its lease expired", id);
    }

    private void failed(long id, String error) {
        LocalDateTime now = LocalDateTime.now(clock);
        int attempts = jdbc.sql("select attempts from outbox_message where id = :id").param("id", id).query(Integer.class).single() + 1;
        boolean last = attempts >= settings.maxAttempts();
        jdbc.sql("""
                update outbox_message set attempts = :a, state = :s, next_attempt_at = :next, last_error = :e,
                       claimed_by = null, claimed_until = null
                where id = :id and claimed_by = :me""")
                .param("a", attempts).param("s", last ? "FAILED" : "PENDING")
                .param("next", last ? now : now.plus(settings.backoff(attempts)))
                .param("e", Outbox.cut(error == null ? "" : error.replaceAll("\\p{Cntrl}", " "), MAX_ERROR))
                .param("id", id).param("me", instance).update();
    }
}
