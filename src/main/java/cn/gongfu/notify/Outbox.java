package cn.gongfu.notify;

import cn.gongfu.kernel.GongfuUser;
import cn.gongfu.kernel.InvalidParameterException;
import cn.gongfu.kernel.NotFoundException;
import cn.gongfu.kernel.PageRequest;
import cn.gongfu.kernel.PageResult;
import cn.gongfu.kernel.Pager;
import cn.gongfu.kernel.Role;
import cn.gongfu.kernel.Scope;
import cn.gongfu.kernel.Where;
import cn.gongfu.notify.NotificationService.Notice;
import cn.gongfu.users.UserService;
import cn.gongfu.users.UserService.EmailContact;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The outbox: every notice that an external channel should carry becomes a row here, in the transaction that stores the
 * notice, one per notice × channel × recipient (its {@code dedup_key} is unique, so an event delivered twice, a
 * restart, or a second instance enqueues nothing more). {@link OutboxDispatcher} sends the rows. The text is rendered
 * when enqueued, in the configured language ({@code gongfu.notify.language}, Chinese by default): a robot's group has
 * no single reader whose language could be asked. The office reads the rows as the delivery log.
 */
@Service
class Outbox {

    /** The external channels. */
    enum Channel { EMAIL, DINGTALK, WECOM, GENERIC }

    /** A row's state: waiting (or retrying), sent, or given up after the last attempt. */
    enum State { PENDING, SENT, FAILED }

    /** Whom a notice was addressed to, for the robots: a unit's users, or the offices of these regions. */
    record Audience(Long unitId, List<String> officeRegions) {
        static Audience unit(long unitId) {
            return new Audience(unitId, List.of());
        }

        static Audience offices(List<String> regions) {
            return new Audience(null, regions);
        }
    }

    /** One row of the delivery log. Its error is the last attempt's, cut short, without addresses or secrets. */
    record Delivery(long id, Channel channel, String destination, String regionCode, NoticeKind noticeKind, String subject,
                    State state, int attempts, LocalDateTime nextAttemptAt, String lastError, LocalDateTime createdAt,
                    LocalDateTime sentAt) {}

    /** The delivery log's filters: each optional; dates inclusive, on the day a row was enqueued. */
    record Search(Channel channel, State state, LocalDate from, LocalDate to) {}

    static final int MAX_SUBJECT = 200;

    private static final String INSERT = """
            insert into outbox_message (channel, robot_id, destination, region_code, notice_key, notice_kind, subject, body,
                                        link, dedup_key, state, attempts, next_attempt_at, created_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)
            on conflict do nothing""";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final Pager pager;
    private final UserService users;
    private final Robots robots;
    private final ChannelSenders senders;
    private final MessageSource messages;
    private final Clock clock;
    private final Locale language;

    Outbox(JdbcClient jdbc, JdbcTemplate batch, Pager pager, UserService users, Robots robots, ChannelSenders senders,
           MessageSource messages, Clock clock, @Value("${gongfu.notify.language:zh-CN}") String language) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.pager = pager;
        this.users = users;
        this.robots = robots;
        this.senders = senders;
        this.messages = messages;
        this.clock = clock;
        this.language = Locale.forLanguageTag(language);
    }

    /** A row to insert. */
    private record Row(Channel channel, Long robotId, String destination, String regionCode, String dedupKey) {}

    /**
     * Enqueues {@code notice} for the recipients' email (those who opted in, when the email channel is on) and for the
     * enabled robots listening to the audience and the notice's kind; set-based, in the caller's transaction.
     */
    void enqueue(Notice notice, NoticeKind kind, List<Long> recipients, Audience audience) {
        List<Row> rows = new ArrayList<>();
        if (senders.emailEnabled()) {
            for (EmailContact c : users.emailContacts(recipients)) {
                rows.add(new Row(Channel.EMAIL, null, c.email(), c.regionCode(), "email:" + notice.dedupPrefix() + ":" + c.userId()));
            }
        }
        for (Robots.Listener r : robots.listening(audience, kind)) {
            rows.add(new Row(r.kind(), r.id(), r.name(), r.regionCode(), "robot:" + notice.dedupPrefix() + ":" + r.id()));
        }
        if (rows.isEmpty()) return;
        String text = NoticeText.render(messages, notice.key(), NoticeText.json(notice.args()), null, language);
        String subject = cut(messages.getMessage("outbox.subject", new Object[] {text}, language), MAX_SUBJECT);
        LocalDateTime now = LocalDateTime.now(clock);
        batch.batchUpdate(INSERT, rows, rows.size(), (ps, r) -> {
            ps.setString(1, r.channel().name());
            ps.setObject(2, r.robotId());
            ps.setString(3, cut(r.destination(), 254));
            ps.setString(4, r.regionCode());
            ps.setString(5, notice.key());
            ps.setString(6, kind.name());
            ps.setString(7, subject);
            ps.setString(8, text);
            ps.setString(9, notice.link());
            ps.setString(10, r.dedupKey());
            ps.setObject(11, now);
            ps.setObject(12, now);
        });
    }

    /** The delivery log of the caller's regions, newest first. */
    PageResult<Delivery> deliveries(Search search, PageRequest page) {
        Scope scope = Scope.current();
        scope.require(Role.OFFICE, Role.ADMIN);
        if (search.from() != null && search.to() != null && search.from().isAfter(search.to())) {
            throw new InvalidParameterException("to", "on or after from");
        }
        Where where = new Where()
                .and("channel = :channel", "channel", search.channel() == null ? null : search.channel().name())
                .and("state = :state", "state", search.state() == null ? null : search.state().name())
                .and("created_at >= :from", "from", search.from() == null ? null : search.from().atStartOfDay())
                .and("created_at < :to", "to", search.to() == null ? null : search.to().plusDays(1).atStartOfDay());
        scope.restrictRegion(where, "region_code");
        return pager.page("""
                id, channel, destination, region_code, notice_kind, subject, state, attempts, next_attempt_at, last_error,
                created_at, sent_at""", "from outbox_message", where, "id desc", page, Outbox::delivery);
    }

    /** A failed row is tried again at once (one more attempt; it fails for good again if that one fails). */
    @Transactional
    Delivery retryNow(long id) {
        GongfuUser me = Scope.current().require(Role.OFFICE, Role.ADMIN);
        Delivery d = find(id);
        if (d.state() != State.FAILED) throw new ChannelRefusal("not-failed", "delivery:" + id, "only a failed delivery is retried");
        jdbc.sql("""
                update outbox_message set state = 'PENDING', next_attempt_at = :now, claimed_by = null, claimed_until = null
                where id = :id and state = 'FAILED'""").param("now", LocalDateTime.now(clock)).param("id", id).update();
        return find(id);
    }

    /** One row in the caller's regions; outside them it reads as absent. */
    Delivery find(long id) {
        Scope scope = Scope.current();
        scope.require(Role.OFFICE, Role.ADMIN);
        Delivery d = jdbc.sql("""
                select id, channel, destination, region_code, notice_kind, subject, state, attempts, next_attempt_at, last_error,
                       created_at, sent_at from outbox_message where id = :id""").param("id", id).query(Outbox::delivery)
                .optional().orElseThrow(() -> new NotFoundException("delivery", id));
        scope.requireRegion(d.regionCode(), "delivery", id);
        return d;
    }

    /** A robot's test message: an outbox row like any other, sent by the dispatcher's next run. */
    @Transactional
    long enqueueTest(Robots.Listener robot, String dedupKey) {
        String subject = messages.getMessage("outbox.test.subject", null, language);
        String body = messages.getMessage("outbox.test.body", new Object[] {robot.name()}, language);
        LocalDateTime now = LocalDateTime.now(clock);
        jdbc.sql("""
                insert into outbox_message (channel, robot_id, destination, region_code, notice_key, notice_kind, subject, body,
                                            link, dedup_key, state, attempts, next_attempt_at, created_at)
                values (:c, :r, :d, :region, null, 'MESSAGE', :s, :b, '/notify/channels', :k, 'PENDING', 0, :now, :now)""")
                .param("c", robot.kind().name()).param("r", robot.id()).param("d", cut(robot.name(), 254))
                .param("region", robot.regionCode()).param("s", subject).param("b", body).param("k", dedupKey).param("now", now)
                .update();
        return jdbc.sql("select id from outbox_message where dedup_key = :k").param("k", dedupKey).query(Long.class).single();
    }

    static Delivery delivery(ResultSet rs, int i) throws SQLException {
        return new Delivery(rs.getLong("id"), Channel.valueOf(rs.getString("channel")), rs.getString("destination"),
                rs.getString("region_code"), NoticeKind.valueOf(rs.getString("notice_kind")), rs.getString("subject"),
                State.valueOf(rs.getString("state")), rs.getInt("attempts"), rs.getObject("next_attempt_at", LocalDateTime.class),
                rs.getString("last_error"), rs.getObject("created_at", LocalDateTime.class), rs.getObject("sent_at", LocalDateTime.class));
    }

    static String cut(String text, int max) {
        if (text == null || text.codePointCount(0, text.length()) <= max) return text;
        return text.substring(0, text.offsetByCodePoints(0, max - 1)) + "…";
    }
}
