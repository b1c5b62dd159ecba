package cn.gongfu.notify;

import cn.gongfu.kernel.GongfuUser;
import cn.gongfu.kernel.Role;
import cn.gongfu.kernel.Scope;
import cn.gongfu.region.Region;
import cn.gongfu.region.RegionService;
import cn.gongfu.users.UserService;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

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

    public NotificationService(JdbcClient jdbc, JdbcTemplate batch, RegionService regions, UserService users, MessageSource messages) {
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
            insert into notification (user_id, message_key, message_args, link, dedup_key)
            values (?, ?, ?, ?, ?)
            on conflict do nothing""";

    /** Everyone of the unit holding one of {@code roles} (reporters, unit heads): one notice each. */
    void notifyUnit(long unitId, Collection<Role> roles, Notice notice) {
        insert(notice, users.enabledMembers(unitId, roles));
    }

    /** Every user of the unit, whatever their role. */
    void notifyUnitMembers(long unitId, Notice notice) {
        insert(notice, users.enabledMembers(unitId, List.of(Role.values())));
    }

    /** Every plan office whose region is the report's region or above it. */
    void notifyOffices(String regionCode, Notice notice) {
        List<String> covering = regions.pathTo(regionCode).stream().map(Region::code).toList();
        insert(notice, users.enabledHolding(Role.OFFICE, covering));
    }

    /** One batch for all recipients; who they are is the users module's to say (its tables are its own). */
    private void insert(Notice notice, List<Long> recipients) {
        String args = NoticeText.json(notice.args());
        batch.batchUpdate(INSERT, recipients, recipients.size(), (ps, userId) -> {
            ps.setLong(1, userId);
            ps.setString(2, notice.key());
            ps.setString(3, args);
            ps.setString(4, notice.link());
            ps.setString(5, notice.dedupPrefix() + ":" + userId);
        });
    }

    /** The signed-in user's latest notices, unread first, in the language of the current request. */
    public List<Notification> mine(int limit) {
        GongfuUser me = Scope.current().require(Role.values());
        var locale = LocaleContextHolder.getLocale();
        return jdbc.sql("""
                select id, user_id, message_key, message_args, legacy_text, link, created_at, read_at from notification
                where user_id = :u order by case when read_at is null then 0 else 1 end, id desc fetch first :n rows only""")
                .param("u", me.id()).param("n", limit)
                .query((rs, i) -> new Notification(rs.getLong("id"), rs.getLong("user_id"),
                        NoticeText.render(messages, rs.getString("message_key"), rs.getString("message_args"),
                                rs.getString("legacy_text"), locale),
                        rs.getString("link"), rs.getObject("created_at", LocalDateTime.class),
                        rs.getObject("read_at", LocalDateTime.class)))
                .list();
    }

    public long unread() {
        GongfuUser me = Scope.current().require(Role.values());
        return jdbc.sql("select count(*) from notification where user_id = :u and read_at is null")
                .param("u", me.id()).query(Long.class).single();
    }

    public void markAllRead() {
        GongfuUser me = Scope.current().require(Role.values());
        jdbc.sql("update notification set read_at = current_timestamp where user_id = :u and read_at is null")
                .param("u", me.id()).update();
    }
}
