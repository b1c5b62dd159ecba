package cn.gongfu.notify;

import cn.gongfu.kernel.GongfuUser;
import cn.gongfu.kernel.Role;
import cn.gongfu.kernel.Scope;
import cn.gongfu.region.Region;
import cn.gongfu.region.RegionService;
import java.util.Collection;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * In-app notices: each workflow step tells the next person who must act ({@link ReportNotices} turns the
 * reporting events into notices). A notice is stored as a message key with arguments and rendered in the
 * reader's language when read; its dedup key makes a second delivery of the same event store nothing.
 */
@Service
public class NotificationService {

    private final JdbcClient jdbc;
    private final RegionService regions;
    private final MessageSource messages;

    public NotificationService(JdbcClient jdbc, RegionService regions, MessageSource messages) {
        this.jdbc = jdbc;
        this.regions = regions;
        this.messages = messages;
    }

    /** A notice to store: what it says (key, arguments), where to act, and what makes it unique, per recipient. */
    record Notice(String key, List<String> args, String link, String dedupPrefix) {}

    /** A dedup key is the notice's prefix and the recipient's id: unique per event and reader. */
    private static final String INSERT = """
            insert into notification (user_id, message_key, message_args, link, dedup_key)
            select u.id, :key, :args, :link, :dedup || cast(u.id as varchar(20)) from app_user u
            where u.enabled and %s
            on conflict do nothing""";

    /** Everyone of the unit holding one of {@code roles} (reporters, unit heads): one notice each, in one statement. */
    void notifyUnit(long unitId, Collection<Role> roles, Notice notice) {
        insert(notice, """
                exists (select 1 from user_unit uu where uu.user_id = u.id and uu.unit_id = :unit)
                and exists (select 1 from user_role r where r.user_id = u.id and r.role in (:roles))""")
                .param("unit", unitId).param("roles", roles.stream().map(Role::code).toList()).update();
    }

    /** Every user of the unit, whatever their role. */
    void notifyUnitMembers(long unitId, Notice notice) {
        insert(notice, "exists (select 1 from user_unit uu where uu.user_id = u.id and uu.unit_id = :unit)")
                .param("unit", unitId).update();
    }

    /** Every plan office whose region is the report's region or above it. */
    void notifyOffices(String regionCode, Notice notice) {
        List<String> covering = regions.pathTo(regionCode).stream().map(Region::code).toList();
        insert(notice, """
                u.region_code in (:regions)
                and exists (select 1 from user_role r where r.user_id = u.id and r.role = 'office')""")
                .param("regions", covering).update();
    }

    private JdbcClient.StatementSpec insert(Notice notice, String recipients) {
        return jdbc.sql(INSERT.formatted(recipients)).param("key", notice.key()).param("args", NoticeText.json(notice.args()))
                .param("link", notice.link()).param("dedup", notice.dedupPrefix() + ":");
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
                        rs.getString("link"), rs.getObject("created_at", java.time.LocalDateTime.class),
                        rs.getObject("read_at", java.time.LocalDateTime.class)))
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
