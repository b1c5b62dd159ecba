package cn.gongfu.notify;

import cn.gongfu.kernel.GongfuUser;
import cn.gongfu.kernel.InvalidParameterException;
import cn.gongfu.kernel.NotFoundException;
import cn.gongfu.kernel.Role;
import cn.gongfu.kernel.Rules;
import cn.gongfu.kernel.Scope;
import cn.gongfu.notify.Outbox.Audience;
import cn.gongfu.notify.Outbox.Channel;
import cn.gongfu.unit.Unit;
import cn.gongfu.unit.UnitService;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.net.URISyntaxException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The office's chat robots (机器人): where a DingTalk, WeCom or generic webhook posts the notices of a region's offices
 * (a robot with no unit) or of one unit's users (a robot with a unit), for the notice kinds it lists. The office of a
 * region manages the robots of its regions; the secret is stored, never shown again, and a blank secret on an edit
 * keeps the one stored. A webhook address must be http or https: nothing else is ever posted to.
 */
@Service
class Robots {

    static final int MAX_URL = 1000;
    static final int MAX_SECRET = 200;
    static final int MAX_NAME = 100;

    /** A robot as the office sees it: everything but its secret (only whether it has one). */
    record Robot(long id, Channel kind, String name, String webhookUrl, boolean hasSecret, String regionCode, Long unitId,
                 Set<NoticeKind> noticeKinds, boolean enabled, LocalDateTime updatedAt) {}

    /** What an office enters for a robot. */
    record RobotInput(@NotNull(message = Rules.REQUIRED) Channel kind,
                      @NotBlank(message = Rules.REQUIRED) @Size(max = MAX_NAME, message = Rules.TOO_LONG) String name,
                      @NotBlank(message = Rules.REQUIRED) @Size(max = MAX_URL, message = Rules.TOO_LONG) String webhookUrl,
                      @Size(max = MAX_SECRET, message = Rules.TOO_LONG) String secret,
                      @NotBlank(message = Rules.REQUIRED) @Size(max = 12, message = Rules.TOO_LONG) String region,
                      Long unit,
                      @NotEmpty(message = Rules.REQUIRED) List<NoticeKind> noticeKinds,
                      Boolean enabled) {}

    /** A robot that hears a notice: what the outbox needs to enqueue it. */
    record Listener(long id, Channel kind, String name, String regionCode) {}

    /** A robot's address and secret, read by the dispatcher only when it sends. */
    record Endpoint(long id, Channel kind, String webhookUrl, String secret, boolean enabled) {}

    private final JdbcClient jdbc;
    private final UnitService units;
    private final Clock clock;

    Robots(JdbcClient jdbc, UnitService units, Clock clock) {
        this.jdbc = jdbc;
        this.units = units;
        this.clock = clock;
    }

    private static final String COLUMNS = "id, kind, name, webhook_url, secret, region_code, unit_id, notice_kinds, enabled, updated_at";

    List<Robot> list() {
        Scope scope = Scope.current();
        scope.require(Role.OFFICE, Role.ADMIN);
        return jdbc.sql("select " + COLUMNS + " from notify_robot order by region_code, name, id").query(Robots::robot).list()
                .stream().filter(r -> scope.coversRegion(r.regionCode())).toList();
    }

    Robot get(long id) {
        Scope scope = Scope.current();
        scope.require(Role.OFFICE, Role.ADMIN);
        Robot r = jdbc.sql("select " + COLUMNS + " from notify_robot where id = :id").param("id", id).query(Robots::robot)
                .optional().orElseThrow(() -> new NotFoundException("robot", id));
        scope.requireRegion(r.regionCode(), "robot", id);
        return r;
    }

    @Transactional
    Robot create(RobotInput in) {
        GongfuUser me = Scope.current().require(Role.OFFICE, Role.ADMIN);
        String url = checked(in);
        LocalDateTime now = LocalDateTime.now(clock);
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into notify_robot (kind, name, webhook_url, secret, region_code, unit_id, notice_kinds, enabled,
                                          created_by, created_at, updated_at)
                values (:kind, :name, :url, :secret, :region, :unit, :kinds, :enabled, :by, :now, :now)""")
                .param("kind", in.kind().name()).param("name", in.name().strip()).param("url", url)
                .param("secret", blankToNull(in.secret())).param("region", in.region().strip()).param("unit", in.unit())
                .param("kinds", kinds(in.noticeKinds())).param("enabled", in.enabled() == null || in.enabled())
                .param("by", me.username()).param("now", now).update(keys, "id");
        return get(keys.getKey().longValue());
    }

    @Transactional
    Robot update(long id, RobotInput in) {
        get(id);
        String url = checked(in);
        jdbc.sql("""
                update notify_robot set kind = :kind, name = :name, webhook_url = :url, secret = coalesce(:secret, secret),
                       region_code = :region, unit_id = :unit, notice_kinds = :kinds, enabled = :enabled, updated_at = :now
                where id = :id""")
                .param("kind", in.kind().name()).param("name", in.name().strip()).param("url", url)
                .param("secret", blankToNull(in.secret())).param("region", in.region().strip()).param("unit", in.unit())
                .param("kinds", kinds(in.noticeKinds())).param("enabled", in.enabled() == null || in.enabled())
                .param("now", LocalDateTime.now(clock)).param("id", id).update();
        return get(id);
    }

    @Transactional
    Robot setEnabled(long id, boolean enabled) {
        get(id);
        jdbc.sql("update notify_robot set enabled = :e, updated_at = :now where id = :id")
                .param("e", enabled).param("now", LocalDateTime.now(clock)).param("id", id).update();
        return get(id);
    }

    /** The enabled robots that hear a notice of {@code kind} addressed to {@code audience}. */
    List<Listener> listening(Audience audience, NoticeKind kind) {
        String kindLike = "%" + kind.name() + "%";
        if (audience.unitId() != null) {
            return jdbc.sql("select id, kind, name, region_code from notify_robot where enabled and unit_id = :u and notice_kinds like :k order by id")
                    .param("u", audience.unitId()).param("k", kindLike).query(Robots::listener).list();
        }
        if (audience.officeRegions().isEmpty()) return List.of();
        return jdbc.sql("""
                select id, kind, name, region_code from notify_robot
                where enabled and unit_id is null and region_code in (:r) and notice_kinds like :k order by id""")
                .param("r", audience.officeRegions()).param("k", kindLike).query(Robots::listener).list();
    }

    /** The robot's address and secret, for the dispatcher (no scope: the system sends). */
    java.util.Optional<Endpoint> endpoint(long id) {
        return jdbc.sql("select id, kind, webhook_url, secret, enabled from notify_robot where id = :id").param("id", id)
                .query((rs, i) -> new Endpoint(rs.getLong(1), Channel.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4),
                        rs.getBoolean(5))).optional();
    }

    Listener listener(long id) {
        Robot r = get(id);
        if (!r.enabled()) throw new ChannelRefusal("robot-disabled", "robot:" + id, "the robot is disabled");
        return new Listener(r.id(), r.kind(), r.name(), r.regionCode());
    }

    /** The input's rules beyond its annotations: an EMAIL robot is none, the region in scope, the unit in the region, the URL http(s). */
    private String checked(RobotInput in) {
        if (in.kind() == Channel.EMAIL) throw new InvalidParameterException("kind", "one of DINGTALK, WECOM, GENERIC");
        Scope scope = Scope.current();
        String region = in.region().strip();
        if (!scope.coversRegion(region)) throw new InvalidParameterException("region", "a region of yours");
        if (in.unit() != null) {
            Unit unit = units.find(in.unit()).orElseThrow(() -> new InvalidParameterException("unit", "a unit of the region"));
            if (!unit.regionCode().equals(region)) throw new InvalidParameterException("unit", "a unit of the region");
        }
        if (in.noticeKinds().contains(null)) throw new InvalidParameterException("noticeKinds", Rules.REQUIRED);
        if (in.secret() != null && in.secret().chars().anyMatch(Character::isISOControl)) {
            throw new InvalidParameterException("secret", "no control characters");
        }
        if (in.name().chars().anyMatch(Character::isISOControl)) throw new InvalidParameterException("name", "no control characters");
        return webhookUrl(in.webhookUrl());
    }

    /** An absolute http or https address with a host and no user name in it; anything else (file:, javascript:) is refused. */
    static String webhookUrl(String text) {
        String url = text.strip();
        if (url.chars().anyMatch(c -> Character.isISOControl(c) || Character.isWhitespace(c))) {
            throw new InvalidParameterException("webhookUrl", "an http or https address");
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || uri.getRawUserInfo() != null
                    || uri.getRawFragment() != null) {
                throw new InvalidParameterException("webhookUrl", "an http or https address");
            }
            return url;
        } catch (URISyntaxException e) {
            throw new InvalidParameterException("webhookUrl", "an http or https address");
        }
    }

    private static String kinds(List<NoticeKind> kinds) {
        return EnumSet.copyOf(kinds).stream().map(Enum::name).collect(Collectors.joining(","));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static Robot robot(ResultSet rs, int i) throws SQLException {
        long unit = rs.getLong("unit_id");
        Long unitId = rs.wasNull() ? null : unit;
        Set<NoticeKind> kinds = Arrays.stream(rs.getString("notice_kinds").split(",")).map(NoticeKind::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(NoticeKind.class)));
        String secret = rs.getString("secret");
        return new Robot(rs.getLong("id"), Channel.valueOf(rs.getString("kind")), rs.getString("name"), rs.getString("webhook_url"),
                secret != null && !secret.isEmpty(), rs.getString("region_code"), unitId, kinds, rs.getBoolean("enabled"),
                rs.getObject("updated_at", LocalDateTime.class));
    }

    private static Listener listener(ResultSet rs, int i) throws SQLException {
        return new Listener(rs.getLong(1), Channel.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4));
    }
}
