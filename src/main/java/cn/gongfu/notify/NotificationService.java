package cn.gongfu.notify;

import cn.gongfu.kernel.GongfuUser;
import cn.gongfu.kernel.Role;
import cn.gongfu.kernel.Scope;
import cn.gongfu.region.Region;
import cn.gongfu.region.RegionService;
import cn.gongfu.users.UserService;
import cn.gongfu.kernel.NotFoundException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * In-app notices: each workflow step tells the next person who must act ({@link ReportNotices} turns the
 * reporting events into notices). A notice is stored as a message key with arguments and rendered in the
 * reader's language when read; its dedup key makes a second delivery of the same event store nothing.
 */
@Service
class NotificationService {

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final RegionService regions;
    private final UserService users;
    private final MessageSource messages;
    private final Outbox outbox;
    private final Clock clock;

    public NotificationService(JdbcClient jdbc, JdbcTemplate batch, RegionService regions, UserService users, MessageSource messages,
                               Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
        this.jdbc = jdbc;
        this.batch = batch;
        this.regions = regions;
        this.users = users;
        this.messages = messages;
    }

    /** A notice to store: what it says (key, arguments), where to act, and what makes it unique, per recipient. */
    record Notice(String key, List<String> args, String link, String dedupPrefix) {}

    /** A dedup key is the notice's prefix and the recipient's id: unique per event and reader. */
    private static final String INSERT = """
            insert into notification (user_id, message_key, message_args, link, dedup_key, kind)
            values (?, ?, ?, ?, ?, ?)
            on conflict do nothing""";

    /** Everyone of the unit holding one of {@code roles} (reporters, unit heads): one notice each. */
    @Transactional
    void notifyUnit(long unitId, Collection<Role> roles, Notice notice) {
        insert(notice, users.enabledMembers(unitId, roles), Outbox.Audience.unit(unitId));
    }

    /** Every user of the unit, whatever their role. */
    @Transactional
    void notifyUnitMembers(long unitId, Notice notice) {
        insert(notice, users.enabledMembers(unitId, List.of(Role.values())), Outbox.Audience.unit(unitId));
    }

    /** Every plan office whose region is the report's region or above it. */
    @Transactional
    void notifyOffices(String regionCode, Notice notice) {
        List<String> covering = regions.pathTo(regionCode).stream().map(Region::code).toList();
        insert(notice, users.enabledHolding(Role.OFFICE, covering), Outbox.Audience.offices(covering));
    }

    /**
     * One batch for all recipients; who they are is the users module's to say (its tables are its own). In the same
     * transaction, the outbox gets a row for each external channel that hears of it: the recipients' email (those who
     * opted in) and the office's robots for the unit or the regions addressed.
     */
    private void insert(Notice notice, List<Long> recipients, Outbox.Audience audience) {
        String args = NoticeText.json(notice.args());
        NoticeKind kind = NoticeKind.of(notice.key());
        batch.batchUpdate(INSERT, recipients, Math.max(1, recipients.size()), (ps, userId) -> {
            ps.setLong(1, userId);
            ps.setString(2, notice.key());
            ps.setString(3, args);
            ps.setString(4, notice.link());
            ps.setString(5, notice.dedupPrefix() + ":" + userId);
            ps.setString(6, kind.name());
        });
        outbox.enqueue(notice, kind, recipients, audience);
    }

    private static final String COLUMNS = "id, user_id, kind, message_key, message_args, legacy_text, link, created_at, read_at, done_at";

    /** The signed-in user's latest notices of one tab, unread first, in the language of the current request. */
    public List<Notification> mine(NoticeKind kind, int limit) {
        GongfuUser me = Scope.current().require(Role.values());
        var locale = LocaleContextHolder.getLocale();
        return jdbc.sql("select " + COLUMNS + """
                 from notification
                where user_id = :u and kind = :k order by case when read_at is null then 0 else 1 end, id desc fetch first :n rows only""")
                .param("u", me.id()).param("k", kind.name()).param("n", limit)
                .query((rs, i) -> new Notification(rs.getLong("id"), rs.getLong("user_id"), NoticeKind.valueOf(rs.getString("kind")),
                        NoticeText.render(messages, rs.getString("message_key"), rs.getString("message_args"),
                                rs.getString("legacy_text"), locale),
                        rs.getString("link"), rs.getObject("created_at", LocalDateTime.class),
                        rs.getObject("read_at", LocalDateTime.class), rs.getObject("done_at", LocalDateTime.class)))
                .list();
    }

    /** The signed-in user's unread notices in each tab. */
    public Map<NoticeKind, Long> unreadByKind() {
        GongfuUser me = Scope.current().require(Role.values());
        Map<NoticeKind, Long> counts = new EnumMap<>(NoticeKind.class);
        for (NoticeKind k : NoticeKind.values()) counts.put(k, 0L);
        jdbc.sql("select kind, count(*) from notification where user_id = :u and read_at is null group by kind")
                .param("u", me.id()).query((rs, i) -> counts.put(NoticeKind.valueOf(rs.getString(1)), rs.getLong(2))).list();
        return counts;
    }

    public long unread() {
        GongfuUser me = Scope.current().require(Role.values());
        return jdbc.sql("select count(*) from notification where user_id = :u and read_at is null")
                .param("u", me.id()).query(Long.class).single();
    }

    /** Marks every notice of the signed-in user read, or those of one tab; returns how many. */
    public int markAllRead(NoticeKind kind) {
        GongfuUser me = Scope.current().require(Role.values());
        return jdbc.sql("update notification set read_at = :now where user_id = :u and read_at is null"
                        + (kind == null ? "" : " and kind = :k"))
                .param("now", LocalDateTime.now(clock)).param("u", me.id()).param("k", kind == null ? "" : kind.name()).update();
    }

    public void markAllRead() {
        markAllRead(null);
    }

    /**
     * Opens one of the signed-in user's notices: marks it read and gives its link (the inbox when it has none). Another
     * user's notice, or none, reads as absent.
     */
    public String open(long id) {
        GongfuUser me = Scope.current().require(Role.values());
        String link = jdbc.sql("select link from notification where id = :id and user_id = :u").param("id", id).param("u", me.id())
                .query(String.class).optional().orElseThrow(() -> new NotFoundException("notification", id));
        markRead(id);
        return local(link) ? link : "/notifications";
    }

    /** A path of this site: never another host ("//host", "/\\host"), so the redirect cannot lead away. */
    static boolean local(String link) {
        return link != null && link.startsWith("/") && !link.startsWith("//") && !link.startsWith("/\\")
                && link.chars().noneMatch(Character::isISOControl);
    }

    /** Marks one of the signed-in user's notices read. */
    public void markRead(long id) {
        GongfuUser me = Scope.current().require(Role.values());
        int found = jdbc.sql("update notification set read_at = coalesce(read_at, :now) where id = :id and user_id = :u")
                .param("now", LocalDateTime.now(clock)).param("id", id).param("u", me.id()).update();
        if (found == 0) throw new NotFoundException("notification", id);
    }

    /** Marks the signed-in user's notices among {@code ids} read, in one statement; others' ids are left alone. */
    public void markRead(Collection<Long> ids) {
        if (ids.isEmpty()) return;
        GongfuUser me = Scope.current().require(Role.values());
        jdbc.sql("update notification set read_at = :now where id in (:ids) and user_id = :u and read_at is null")
                .param("now", LocalDateTime.now(clock)).param("ids", ids).param("u", me.id()).update();
    }

    /**
     * Closes, for every reader, the open to-dos that a step elsewhere has fulfilled: those about {@code link} with one
     * of {@code keys}, and those whose dedup key starts with one of {@code dedupPrefixes} (reminders sent before the
     * report existed link to the list, not to it). The reader did the work, or someone did it for them: the to-do
     * tab no longer asks for it. Runs in the listener's transaction; closing twice closes nothing more.
     */
    @Transactional
    void closeFulfilled(String link, Collection<String> keys, Collection<String> dedupPrefixes) {
        LocalDateTime now = LocalDateTime.now(clock);
        if (!keys.isEmpty()) {
            jdbc.sql("""
                    update notification set done_at = :now, read_at = coalesce(read_at, :now)
                    where kind = 'TODO' and done_at is null and link = :link and message_key in (:keys)""")
                    .param("now", now).param("link", link).param("keys", keys).update();
        }
        for (String prefix : dedupPrefixes) {
            jdbc.sql("""
                    update notification set done_at = :now, read_at = coalesce(read_at, :now)
                    where kind = 'TODO' and done_at is null and dedup_key like :prefix""")
                    .param("now", now).param("prefix", cn.gongfu.kernel.Where.prefixPattern(prefix)).update();
        }
    }

    /** Marks one of the signed-in user's to-dos done (and so read). */
    public void markDone(long id) {
        GongfuUser me = Scope.current().require(Role.values());
        LocalDateTime now = LocalDateTime.now(clock);
        int found = jdbc.sql("""
                update notification set done_at = coalesce(done_at, :now), read_at = coalesce(read_at, :now)
                where id = :id and user_id = :u and kind = 'TODO'""")
                .param("now", now).param("id", id).param("u", me.id()).update();
        if (found == 0) throw new NotFoundException("notification", id);
    }
}
