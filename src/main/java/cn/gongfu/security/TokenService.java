package cn.gongfu.security;

import static cn.gongfu.kernel.BundleText.both;

import cn.gongfu.audit.AuditLog;
import cn.gongfu.kernel.GongfuUser;
import cn.gongfu.kernel.InvalidParameterException;
import cn.gongfu.kernel.NotFoundException;
import cn.gongfu.kernel.PersonOnly;
import cn.gongfu.kernel.Role;
import cn.gongfu.kernel.Rows;
import cn.gongfu.kernel.Scope;
import cn.gongfu.kernel.Sha256;
import cn.gongfu.users.UserService;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API tokens for machine clients such as a statistics bureau's feed. A token acts with exactly the
 * rights of the user who created it, expires, can be revoked, and only its SHA-256 is stored.
 */
@Service
public class TokenService {

    public static final String PREFIX = "gf_";
    public static final int MAX_DAYS = 366;

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String COLUMNS = "id, user_id, name, token_prefix, created_at, expires_at, revoked_at, last_used_at";

    private final JdbcClient jdbc;
    private final UserService users;
    private final AuditLog audit;
    private final Clock clock;

    public TokenService(JdbcClient jdbc, UserService users, AuditLog audit, Clock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
        this.users = users;
        this.audit = audit;
    }

    /** A new token and the one time its secret is shown. */
    public record CreatedToken(ApiToken token, String secret) {}

    @Transactional
    public CreatedToken create(String name, int days) {
        GongfuUser user = Scope.current().require(Role.values());
        PersonOnly.require(both("tokens.error.tokenCreatesToken"));
        if (name == null || name.isBlank() || name.length() > 100) throw new InvalidParameterException("name", "1–100 characters");
        if (days < 1 || days > MAX_DAYS) throw new InvalidParameterException("days", "between 1 and " + MAX_DAYS);
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into api_token (user_id, name, token_hash, token_prefix, expires_at)
                values (:user, :name, :hash, :prefix, :expires)""")
                .param("user", user.id()).param("name", name.strip()).param("hash", Sha256.hex(secret))
                .param("prefix", secret.substring(0, 10)).param("expires", LocalDateTime.now(clock).plusDays(days))
                .update(key, "id");
        long id = key.getKey().longValue();
        audit.record("token.create", "token:" + id, null, name.strip() + " expires in " + days + " days");
        return new CreatedToken(get(id), secret);
    }

    /** The caller's own tokens, newest first. */
    public List<ApiToken> mine() {
        GongfuUser user = Scope.current().require(Role.values());
        return jdbc.sql("select " + COLUMNS + " from api_token where user_id = :u order by id desc")
                .param("u", user.id()).query(Rows.of(ApiToken.class)).list();
    }

    /** Revokes one of the caller's tokens (an administrator may revoke anyone's). */
    @Transactional
    public void revoke(long id) {
        GongfuUser user = Scope.current().require(Role.values());
        ApiToken token = get(id);
        if (token.userId() != user.id() && !user.has(Role.ADMIN)) throw new NotFoundException("token", id);
        jdbc.sql("update api_token set revoked_at = :now where id = :id and revoked_at is null")
                .param("now", LocalDateTime.now(clock)).param("id", id).update();
        audit.record("token.revoke", "token:" + id, null, null);
    }

    /**
     * The user a presented token acts for, if the token is known, not revoked, not expired and its user
     * still enabled. A pause of the user's password sign-in (failed guesses by anyone) does not stop its tokens.
     * Each use is audited.
     */
    @Transactional
    public Optional<GongfuUser> authenticate(String secret) {
        if (secret == null || !secret.startsWith(PREFIX)) return Optional.empty();
        record Row(long id, long userId) {}
        Optional<Row> row = jdbc.sql("""
                select id, user_id from api_token
                where token_hash = :hash and revoked_at is null and expires_at > :now""")
                .param("hash", Sha256.hex(secret)).param("now", LocalDateTime.now(clock))
                .query((rs, i) -> new Row(rs.getLong(1), rs.getLong(2))).optional();
        if (row.isEmpty()) return Optional.empty();
        GongfuUser user = users.load(row.get().userId());
        if (!user.isEnabled()) return Optional.empty();
        jdbc.sql("update api_token set last_used_at = :now where id = :id")
                .param("now", LocalDateTime.now(clock)).param("id", row.get().id()).update();
        audit.recordAs(user.username(), "token.use", "token:" + row.get().id(), null, null);
        return Optional.of(user.withoutPassword());
    }

    private ApiToken get(long id) {
        return jdbc.sql("select " + COLUMNS + " from api_token where id = :id").param("id", id)
                .query(Rows.of(ApiToken.class)).optional()
                .orElseThrow(() -> new NotFoundException("token", id));
    }
}
