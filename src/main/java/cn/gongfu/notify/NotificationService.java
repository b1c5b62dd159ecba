package cn.gongfu.notify;

import cn.gongfu.kernel.GongfuUser;
import cn.gongfu.kernel.Role;
import cn.gongfu.kernel.Scope;
import cn.gongfu.region.Region;
import cn.gongfu.region.RegionService;
import java.util.List;
import org.springframework.jdbc.core.DataClassRowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** In-app notifications: each workflow step tells the next person who must act. */
@Service
public class NotificationService {

    private final JdbcClient jdbc;
    private final RegionService regions;

    public NotificationService(JdbcClient jdbc, RegionService regions) {
        this.jdbc = jdbc;
        this.regions = regions;
    }

    /** Everyone holding {@code role} for the unit (reporters, unit heads), in one statement. */
    public void notifyUnit(long unitId, Role role, String message, String link) {
        jdbc.sql("""
                insert into notification (user_id, message, link)
                select u.id, :message, :link from app_user u
                where u.enabled and exists (select 1 from user_unit uu where uu.user_id = u.id and uu.unit_id = :unit)
                  and exists (select 1 from user_role r where r.user_id = u.id and r.role = :role)""")
                .param("message", fit(message)).param("link", link).param("unit", unitId).param("role", role.code()).update();
    }

    /** Every plan office whose region is the plan's region or above it. */
    public void notifyOffices(String regionCode, String message, String link) {
        List<String> covering = regions.pathTo(regionCode).stream().map(Region::code).toList();
        jdbc.sql("""
                insert into notification (user_id, message, link)
                select u.id, :message, :link from app_user u
                where u.enabled and u.region_code in (:regions)
                  and exists (select 1 from user_role r where r.user_id = u.id and r.role = 'office')""")
                .param("message", fit(message)).param("link", link).param("regions", covering).update();
    }

    /** {@code notification.message} holds 500 characters (V5__reporting.sql). */
    static final int MAX_MESSAGE = 500;

    /**
     * A notice points to where the whole story is (its link), so a long one, such as a return reason of up to
     * 2,000 characters, is cut to fit its column rather than failing the step that sends it.
     */
    static String fit(String message) {
        if (message.length() <= MAX_MESSAGE) return message;
        return message.substring(0, message.offsetByCodePoints(0, message.codePointCount(0, MAX_MESSAGE - 1))) + "…";
    }

    /** The signed-in user's latest notifications, unread first. */
    public List<Notification> mine(int limit) {
        GongfuUser me = Scope.current().require(Role.values());
        return jdbc.sql("""
                select id, user_id, message, link, created_at, read_at from notification where user_id = :u
                order by case when read_at is null then 0 else 1 end, id desc fetch first :n rows only""")
                .param("u", me.id()).param("n", limit).query(new DataClassRowMapper<>(Notification.class)).list();
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
