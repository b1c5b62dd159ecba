package cn.gongfu.users;

import static cn.gongfu.kernel.BundleText.both;

import cn.gongfu.audit.AuditLog;
import cn.gongfu.kernel.GongfuUser;
import cn.gongfu.kernel.InvalidParameterException;
import cn.gongfu.kernel.NotFoundException;
import cn.gongfu.kernel.PageRequest;
import cn.gongfu.kernel.PageResult;
import cn.gongfu.kernel.Pager;
import cn.gongfu.kernel.PersonOnly;
import cn.gongfu.kernel.Role;
import cn.gongfu.kernel.Scope;
import cn.gongfu.kernel.Where;
import cn.gongfu.region.RegionService;
import cn.gongfu.unit.UnitService;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Users, their roles, units and region; sign-in failures and temporary locks. Every change of a role,
 * a scope, a password or the enabled flag is audited. Administrators manage every account; an office (共富办)
 * manages the reporter, unit-head and leader accounts of its own regions.
 */
@Service
public class UserService implements UserDetailsService {

    /**
     * Failed password sign-ins in a row after which the account's password sign-in pauses: for
     * {@link #FIRST_DELAY}, doubling with each further failure, at most {@link #MAX_DELAY}. Only the password path
     * pauses: API tokens and signed-in sessions go on, so a stranger who knows a username cannot stop a feed, and
     * attempts during a pause are refused whatever the password (and do not count), so guessing gets one try per pause.
     */
    public static final int DELAY_AFTER_FAILURES = 5;
    public static final Duration FIRST_DELAY = Duration.ofMinutes(1);
    public static final Duration MAX_DELAY = Duration.ofMinutes(15);
    public static final int MIN_PASSWORD_LENGTH = 10;
    /** bcrypt reads at most 72 bytes, and Spring Security refuses to hash more rather than cut silently. */
    public static final int MAX_PASSWORD_BYTES = 72;
    /** The size of {@code app_user.username}: a longer name cannot be anyone's. */
    public static final int MAX_USERNAME_LENGTH = 100;

    /**
     * Roles an office (共富办) may give: the accounts of the units it supervises and its leaders. Office and
     * administrator accounts are given by an administrator only.
     */
    public static final Set<Role> OFFICE_GRANTS = Set.of(Role.REPORTER, Role.UNIT_HEAD, Role.LEADER);

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9_.-]{3,50}");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String PASSWORD_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";

    private final JdbcClient jdbc;
    private final Pager pager;
    private final PasswordEncoder passwords;
    private final RegionService regions;
    private final UnitService units;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    public UserService(JdbcClient jdbc, Pager pager, PasswordEncoder passwords, RegionService regions,
                       UnitService units, AuditLog audit, ApplicationEventPublisher events, Clock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
        this.pager = pager;
        this.passwords = passwords;
        this.regions = regions;
        this.units = units;
        this.audit = audit;
        this.events = events;
    }

    /** A user as an administrator sees it in a list. */
    public record UserSummary(long id, String username, String displayName, String regionCode, boolean enabled,
                              LocalDateTime lockedUntil, List<Role> roles, List<Long> unitIds) {}

    @Override
    public GongfuUser loadUserByUsername(String username) {
        return findByUsername(username).orElseThrow(() -> new UsernameNotFoundException("no user " + username));
    }

    public Optional<GongfuUser> findByUsername(String username) {
        if (!couldExist(username)) return Optional.empty();
        return jdbc.sql("select id from app_user where username = :u").param("u", username)
                .query(Long.class).optional().map(this::load);
    }

    /** The full user with roles, units and region scope, straight from the database (no scope check: sign-in needs it). */
    public GongfuUser load(long id) {
        record Row(long id, String username, String displayName, String passwordHash, String regionCode,
                   boolean enabled, LocalDateTime lockedUntil) {}
        Row r = jdbc.sql("""
                select id, username, display_name, password_hash, region_code, enabled, locked_until
                from app_user where id = :id""").param("id", id)
                .query((rs, i) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getBoolean(6), rs.getObject(7, LocalDateTime.class)))
                .optional().orElseThrow(() -> new NotFoundException("user", id));
        Set<Role> roles = EnumSet.noneOf(Role.class);
        jdbc.sql("select role from user_role where user_id = :id").param("id", id).query(String.class).list()
                .forEach(code -> roles.add(Role.of(code)));
        Set<Long> unitIds = new HashSet<>(jdbc.sql("select unit_id from user_unit where user_id = :id")
                .param("id", id).query(Long.class).list());
        return new GongfuUser(r.id(), r.username(), r.displayName(), r.passwordHash(), r.regionCode(), r.enabled(),
                r.lockedUntil(), roles, unitIds, regionSubtree(r.regionCode()));
    }

    /** The users the caller manages: all for an administrator; for an office, those it may manage ({@link #manageable}). */
    public PageResult<UserSummary> list(String text, PageRequest page) {
        GongfuUser caller = manager();
        Where where = new Where().containing("text", text, "username", "display_name");
        if (!caller.has(Role.ADMIN)) {
            where.and("region_code in (:managed)", "managed", List.copyOf(caller.regionScope()));
            where.and("not exists (select 1 from user_role m where m.user_id = app_user.id and m.role in ('admin', 'office'))");
        }
        PageResult<UserSummary> rows = pager.page("id, username, display_name, region_code, enabled, locked_until",
                "from app_user", where, "username", page,
                (rs, i) -> new UserSummary(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getBoolean(5), rs.getObject(6, LocalDateTime.class), List.of(), List.of()));
        List<Long> ids = rows.items().stream().map(UserSummary::id).toList();
        Map<Long, List<Role>> roles = new HashMap<>();
        Map<Long, List<Long>> unitIds = new HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.sql("select user_id, role from user_role where user_id in (:ids) order by role").param("ids", ids)
                    .query(rs -> {
                        roles.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(Role.of(rs.getString(2)));
                    });
            jdbc.sql("select user_id, unit_id from user_unit where user_id in (:ids)").param("ids", ids)
                    .query(rs -> {
                        unitIds.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2));
                    });
        }
        return rows.map(u -> new UserSummary(u.id(), u.username(), u.displayName(), u.regionCode(), u.enabled(),
                u.lockedUntil(), roles.getOrDefault(u.id(), List.of()), unitIds.getOrDefault(u.id(), List.of())));
    }

    public GongfuUser get(long id) {
        return manageable(id);
    }

    /** Roles the caller may give. */
    public Set<Role> grantable() {
        return manager().has(Role.ADMIN) ? EnumSet.allOf(Role.class) : OFFICE_GRANTS;
    }

    /** Creates a user; the administrator or office hands the password over. */
    @Transactional
    public long create(String username, String displayName, String password, String regionCode,
                       Collection<Role> roles, Collection<Long> unitIds) {
        GongfuUser caller = manager();
        if (!caller.has(Role.ADMIN) && regionCode != null && !caller.regionScope().contains(regionCode)) {
            throw new InvalidParameterException("region", both("users.error.outsideRegions", regionCode));
        }
        checkGrantable(roles);
        return createUnchecked(username, displayName, password, regionCode, roles, unitIds);
    }

    /** For the first start and the demo, before any administrator exists. */
    @Transactional
    public long createUnchecked(String username, String displayName, String password, String regionCode,
                                Collection<Role> roles, Collection<Long> unitIds) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new InvalidParameterException("username", "3–50 letters, digits, dots, dashes or underscores");
        }
        if (jdbc.sql("select count(*) from app_user where username = :u").param("u", username).query(Long.class).single() > 0) {
            throw new InvalidParameterException("username", username + " is taken");
        }
        if (displayName == null || displayName.isBlank()) throw new InvalidParameterException("displayName", "required");
        checkPassword("password", password);
        if (regionCode == null || regions.find(regionCode).isEmpty()) {
            throw new InvalidParameterException("region", "unknown region " + regionCode);
        }
        if (roles == null || roles.isEmpty()) throw new InvalidParameterException("roles", "give at least one role");
        checkUnits(regionCode, unitIds);
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into app_user (username, display_name, password_hash, region_code)
                values (:u, :d, :p, :r)""")
                .param("u", username).param("d", displayName.strip()).param("p", passwords.encode(password))
                .param("r", regionCode).update(key, "id");
        long id = key.getKey().longValue();
        writeRoles(id, roles);
        writeUnits(id, unitIds);
        audit.record("user.create", "user:" + id, null, describe(username, regionCode, roles, unitIds));
        return id;
    }

    /** A user to create in bulk: a generated data set's offices and reporters. */
    public record NewUser(String username, String displayName, String regionCode, Collection<Role> roles,
                          Collection<Long> unitIds) {}

    /**
     * Creates many users, all with one password hashed once (bcrypt costs tens of milliseconds a hash): for set-up
     * by the system, such as a generated data set, before anyone signs in. Checked as {@link #createUnchecked}.
     */
    @Transactional
    public int createAllUnchecked(List<NewUser> users, String password) {
        // set-up only: the system (a generator) creates users in bulk; a person creates them one by one, checked
        if (!cn.gongfu.kernel.Scope.current().system()) cn.gongfu.kernel.Scope.current().require(cn.gongfu.kernel.Role.ADMIN);
        checkPassword("password", password);
        String hash = passwords.encode(password);
        for (NewUser u : users) {
            if (u.username() == null || !USERNAME.matcher(u.username()).matches()) {
                throw new InvalidParameterException("username", "3–50 letters, digits, dots, dashes or underscores");
            }
            if (u.displayName() == null || u.displayName().isBlank()) throw new InvalidParameterException("displayName", "required");
            if (u.roles() == null || u.roles().isEmpty()) throw new InvalidParameterException("roles", "give at least one role");
        }
        List<String> names = users.stream().map(NewUser::username).toList();
        if (!names.isEmpty()) {
            List<String> taken = jdbc.sql("select username from app_user where username in (:u)").param("u", names)
                    .query(String.class).list();
            if (!taken.isEmpty()) throw new InvalidParameterException("username", taken.get(0) + " is taken");
        }
        for (NewUser u : users) {
            if (regions.find(u.regionCode()).isEmpty()) throw new InvalidParameterException("region", "unknown region " + u.regionCode());
            GeneratedKeyHolder key = new GeneratedKeyHolder();
            jdbc.sql("""
                    insert into app_user (username, display_name, password_hash, region_code)
                    values (:u, :d, :p, :r)""")
                    .param("u", u.username()).param("d", u.displayName().strip()).param("p", hash)
                    .param("r", u.regionCode()).update(key, "id");
            long id = key.getKey().longValue();
            writeRoles(id, u.roles());
            writeUnits(id, u.unitIds());
            audit.record("user.create", "user:" + id, null, describe(u.username(), u.regionCode(), u.roles(), u.unitIds()));
        }
        return users.size();
    }

    @Transactional
    public void setRoles(long id, Collection<Role> roles) {
        GongfuUser before = manageable(id);
        checkGrantable(roles);
        if (roles == null || roles.isEmpty()) throw new InvalidParameterException("roles", "give at least one role");
        jdbc.sql("delete from user_role where user_id = :id").param("id", id).update();
        writeRoles(id, roles);
        audit.record("user.roles", "user:" + id, sortedCodes(before.roles()), sortedCodes(roles));
        events.publishEvent(new AccountChanged(before.username(), false));
    }

    @Transactional
    public void setUnits(long id, Collection<Long> unitIds) {
        GongfuUser before = manageable(id);
        checkUnits(before.regionCode(), unitIds);
        jdbc.sql("delete from user_unit where user_id = :id").param("id", id).update();
        writeUnits(id, unitIds);
        audit.record("user.units", "user:" + id, new TreeSet<>(before.unitIds()).toString(),
                new TreeSet<>(unitIds == null ? Set.of() : unitIds).toString());
        events.publishEvent(new AccountChanged(before.username(), false));
    }

    @Transactional
    public void setEnabled(long id, boolean enabled) {
        GongfuUser caller = manager();
        if (!enabled && caller.id() == id) throw new InvalidParameterException("enabled", "you cannot disable yourself");
        GongfuUser before = manageable(id);
        jdbc.sql("update app_user set enabled = :e, failed_logins = 0, locked_until = null where id = :id")
                .param("e", enabled).param("id", id).update();
        audit.record(enabled ? "user.enable" : "user.disable", "user:" + id, String.valueOf(before.enabled()), String.valueOf(enabled));
        if (!enabled) events.publishEvent(new AccountChanged(before.username(), false));
    }

    /** Sets a new random password, lifts any lock, and returns the password to hand over once. */
    @Transactional
    public String resetPassword(long id) {
        GongfuUser target = manageable(id);
        String password = randomPassword();
        jdbc.sql("update app_user set password_hash = :p, failed_logins = 0, locked_until = null where id = :id")
                .param("p", passwords.encode(password)).param("id", id).update();
        audit.record("user.password-reset", "user:" + id, null, null);
        events.publishEvent(new AccountChanged(target.username(), false));
        return password;
    }

    /**
     * The signed-in user sets a new password, proving the current one. A wrong current password counts as a
     * failed sign-in, so this form cannot be used to guess it; the change is audited.
     */
    @Transactional(noRollbackFor = InvalidParameterException.class)
    public void changeOwnPassword(String current, String next, String repeated) {
        GongfuUser me = Scope.current().user();
        if (me == null) throw new AccessDeniedException("sign in first");
        PersonOnly.require(both("users.error.tokenPassword"));
        String hash = jdbc.sql("select password_hash from app_user where id = :id").param("id", me.id())
                .query(String.class).single();
        if (current == null || !passwords.matches(current, hash)) {
            recordFailedLogin(me.username());
            throw new InvalidParameterException("currentPassword", both("users.error.currentPassword"));
        }
        checkPassword("newPassword", next);
        if (!next.equals(repeated)) {
            throw new InvalidParameterException("repeatPassword", both("users.error.repeatPassword"));
        }
        if (next.equals(current)) {
            throw new InvalidParameterException("newPassword", both("users.error.samePassword"));
        }
        jdbc.sql("update app_user set password_hash = :p, failed_logins = 0 where id = :id")
                .param("p", passwords.encode(next)).param("id", me.id()).update();
        audit.record("user.password-change", "user:" + me.id(), null, null);
        events.publishEvent(new AccountChanged(me.username(), true));
    }

    /** The enabled members of a unit holding one of {@code roles}: whom a step of that unit's work concerns. */
    public List<Long> enabledMembers(long unitId, Collection<Role> roles) {
        return jdbc.sql("""
                select u.id from app_user u where u.enabled
                  and exists (select 1 from user_unit uu where uu.user_id = u.id and uu.unit_id = :unit)
                  and exists (select 1 from user_role r where r.user_id = u.id and r.role in (:roles))
                order by u.id""")
                .param("unit", unitId).param("roles", roles.stream().map(Role::code).toList()).query(Long.class).list();
    }

    /** The enabled users holding {@code role} whose region is one of {@code regionCodes}. */
    public List<Long> enabledHolding(Role role, Collection<String> regionCodes) {
        if (regionCodes.isEmpty()) return List.of();
        return jdbc.sql("""
                select u.id from app_user u where u.enabled and u.region_code in (:regions)
                  and exists (select 1 from user_role r where r.user_id = u.id and r.role = :role)
                order by u.id""")
                .param("regions", regionCodes).param("role", role.code()).query(Long.class).list();
    }

    /**
     * The region of the first plan office account: the district an installation serves, when its configuration does
     * not say (the sign-in page names it). Offices of other regions are added later, so the first one is the home one.
     */
    public Optional<String> firstOfficeRegion() {
        return jdbc.sql("""
                select u.region_code from app_user u where u.enabled and u.region_code is not null
                  and exists (select 1 from user_role r where r.user_id = u.id and r.role = :role)
                order by u.id fetch first 1 rows only""")
                .param("role", Role.OFFICE.code()).query(String.class).optional();
    }

    /** The size of {@code app_user.email} (RFC 5321's longest path). */
    public static final int MAX_EMAIL_LENGTH = 254;
    private static final Pattern EMAIL = Pattern.compile("[^\\s@\\p{Cntrl}]+@[^\\s@\\p{Cntrl}]+\\.[^\\s@\\p{Cntrl}.]+");

    /** Where a user's notices may also go by email: only users who gave an address and opted in. */
    public record EmailContact(long userId, String email, String regionCode) {}

    /** A user's own email settings, as 我的账号 shows them. */
    public record EmailSettings(String email, boolean optIn) {}

    /** The enabled users among {@code userIds} who gave an email address and want their notices there (notify's email channel). */
    public List<EmailContact> emailContacts(Collection<Long> userIds) {
        if (userIds.isEmpty()) return List.of();
        return jdbc.sql("""
                select id, email, region_code from app_user
                where id in (:ids) and enabled and email_opt_in and email is not null order by id""")
                .param("ids", userIds)
                .query((rs, i) -> new EmailContact(rs.getLong(1), rs.getString(2), rs.getString(3))).list();
    }

    /** The signed-in user's email settings. */
    public EmailSettings myEmail() {
        GongfuUser me = Scope.current().require(Role.values());
        return jdbc.sql("select email, email_opt_in from app_user where id = :id").param("id", me.id())
                .query((rs, i) -> new EmailSettings(rs.getString(1), rs.getBoolean(2))).single();
    }

    /**
     * Sets the signed-in user's email address (blank: none) and whether notices go there too; opting in needs an
     * address. The address must look like one (name@domain.tld), at most {@value #MAX_EMAIL_LENGTH} characters.
     */
    @Transactional
    public EmailSettings setOwnEmail(String email, boolean optIn) {
        GongfuUser me = Scope.current().require(Role.values());
        String address = email == null || email.isBlank() ? null : email.strip();
        if (address != null && address.length() > MAX_EMAIL_LENGTH) {
            throw new InvalidParameterException("email", "at most " + MAX_EMAIL_LENGTH + " characters");
        }
        if (address != null && !EMAIL.matcher(address).matches()) throw new InvalidParameterException("email", "an email address, name@domain");
        if (optIn && address == null) throw new InvalidParameterException("email", "required to receive notices by email");
        jdbc.sql("update app_user set email = :e, email_opt_in = :o where id = :id")
                .param("e", address).param("o", optIn).param("id", me.id()).update();
        audit.record("user.email-change", "user:" + me.id(), null, null);
        return new EmailSettings(address, optIn);
    }

    /** Names longer than the column, or holding a NUL (which PostgreSQL refuses in text), belong to nobody. */
    static boolean couldExist(String username) {
        return username != null && username.length() <= MAX_USERNAME_LENGTH && username.indexOf('\0') < 0;
    }

    /**
     * How long password sign-in pauses after this many failures in a row: nothing before
     * {@value #DELAY_AFTER_FAILURES}, then {@link #FIRST_DELAY}, doubling with each further failure up to {@link #MAX_DELAY}.
     */
    public static Duration delayAfter(int failures) {
        if (failures < DELAY_AFTER_FAILURES) return Duration.ZERO;
        Duration delay = FIRST_DELAY.multipliedBy(1L << Math.min(failures - DELAY_AFTER_FAILURES, 20));
        return delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay;
    }

    /**
     * Counts a failed password sign-in and, from the {@value #DELAY_AFTER_FAILURES}th in a row, pauses the account's
     * password sign-in ({@link #delayAfter}). Returns the pause this failure started, zero for none.
     */
    @Transactional
    public Duration recordFailedLogin(String username) {
        if (!couldExist(username)) return Duration.ZERO;
        int updated = jdbc.sql("update app_user set failed_logins = failed_logins + 1 where username = :u")
                .param("u", username).update();
        if (updated == 0) return Duration.ZERO;
        int failures = jdbc.sql("select failed_logins from app_user where username = :u").param("u", username)
                .query(Integer.class).single();
        Duration delay = delayAfter(failures);
        if (!delay.isZero()) {
            jdbc.sql("update app_user set locked_until = :until where username = :u")
                    .param("until", LocalDateTime.now(clock).plus(delay)).param("u", username).update();
        }
        return delay;
    }

    @Transactional
    public void recordSuccessfulLogin(String username) {
        jdbc.sql("update app_user set failed_logins = 0, locked_until = null where username = :u")
                .param("u", username).update();
    }

    public long count() {
        return jdbc.sql("select count(*) from app_user").query(Long.class).single();
    }

    public static String randomPassword() {
        StringBuilder sb = new StringBuilder(16);
        for (int i = 0; i < 16; i++) sb.append(PASSWORD_ALPHABET.charAt(RANDOM.nextInt(PASSWORD_ALPHABET.length())));
        return sb.toString();
    }

    /**
     * The one password rule: at least {@value #MIN_PASSWORD_LENGTH} characters and at most {@value #MAX_PASSWORD_BYTES}
     * bytes, not one character repeated, and not on the bundled list of common passwords ({@link CommonPasswords}),
     * which guessers try first.
     */
    static void checkPassword(String field, String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw new InvalidParameterException(field, both("users.error.passwordShort", MIN_PASSWORD_LENGTH));
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw new InvalidParameterException(field, both("users.error.passwordLong", MAX_PASSWORD_BYTES));
        }
        if (password.codePoints().distinct().count() == 1) {
            throw new InvalidParameterException(field, both("users.error.passwordRepeats"));
        }
        if (CommonPasswords.contains(password)) {
            throw new InvalidParameterException(field, both("users.error.passwordCommon"));
        }
    }

    /** The caller, when it may manage accounts at all: an administrator, or an office for its regions. */
    private static GongfuUser manager() {
        return Scope.current().require(Role.ADMIN, Role.OFFICE);
    }

    /**
     * The user, when the caller may manage it: an administrator any user; an office the users of its regions
     * that hold no office or administrator role. Others are not found, as everything outside a scope.
     */
    private GongfuUser manageable(long id) {
        GongfuUser caller = manager();
        GongfuUser target = load(id);
        if (caller.has(Role.ADMIN)) return target;
        if (!caller.regionScope().contains(target.regionCode()) || target.hasAny(Role.ADMIN, Role.OFFICE)) {
            throw new NotFoundException("user", id);
        }
        return target;
    }

    private void checkGrantable(Collection<Role> roles) {
        if (roles != null && !grantable().containsAll(roles)) {
            throw new InvalidParameterException("roles", both("users.error.officeRoles"));
        }
    }

    private void checkUnits(String regionCode, Collection<Long> unitIds) {
        if (unitIds == null) return;
        Set<String> scope = regionSubtree(regionCode);
        for (Long unitId : unitIds) {
            var unit = units.find(unitId).orElseThrow(() -> new InvalidParameterException("units", "unknown unit " + unitId));
            if (!scope.contains(unit.regionCode())) {
                throw new InvalidParameterException("units", unit.name() + " lies outside the user's region " + regionCode);
            }
        }
    }

    private void writeRoles(long id, Collection<Role> roles) {
        for (Role r : new TreeSet<>(roles)) {
            jdbc.sql("insert into user_role (user_id, role) values (:id, :role)").param("id", id).param("role", r.code()).update();
        }
    }

    private void writeUnits(long id, Collection<Long> unitIds) {
        if (unitIds == null) return;
        for (Long u : new TreeSet<>(unitIds)) {
            jdbc.sql("insert into user_unit (user_id, unit_id) values (:id, :unit)").param("id", id).param("unit", u).update();
        }
    }

    /** The region and every region below it. */
    private Set<String> regionSubtree(String code) {
        return new HashSet<>(jdbc.sql("""
                with recursive sub (code) as (
                    select code from region where code = :code
                    union all select r.code from region r join sub on r.parent_code = sub.code)
                select code from sub""").param("code", code).query(String.class).list());
    }

    private static String sortedCodes(Collection<Role> roles) {
        return new TreeSet<>(roles).stream().map(Role::code).toList().toString();
    }

    private static String describe(String username, String region, Collection<Role> roles, Collection<Long> unitIds) {
        return username + " region=" + region + " roles=" + sortedCodes(roles)
                + " units=" + new TreeSet<>(unitIds == null ? Set.of() : unitIds);
    }
}
