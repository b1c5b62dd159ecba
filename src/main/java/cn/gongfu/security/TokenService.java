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
import cn.gongfu.users.AccountChanged;
import cn.gongfu.users.UserService;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * API tokens for machine clients such as a statistics bureau's feed. A token acts with exactly the
 * rights of the user who created it, expires, can be revoked, and only its SHA-256 is stored.
 */
@Service
public class TokenService {

    public static final String PREFIX = "gf_";
    public static final int MAX_DAYS = 366;
    /** How long a token's user is taken as read (not revoked, user enabled, its rights): the bound for another instance. */
    static final Duration CACHE_FOR = Duration.ofSeconds(30);
    static final int MAX_CACHED = 10_000;

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String COLUMNS = "id, user_id, name, token_prefix, created_at, expires_at, revoked_at, last_used_at";

    private final JdbcClient jdbc;
    private final UserService users;
    private final AuditLog audit;
    private final Clock clock;
    private final TransactionTemplate tx;
    /** Tokens by SHA-256 as last read, each kept {@link #CACHE_FOR}; cleared whole if ever {@link #MAX_CACHED} are kept. */
    private final Map<String, Known> byHash = new ConcurrentHashMap<>();
    /** The minute each token's use was last recorded in by this instance. */
    private final Map<Long, LocalDateTime> usedInMinute = new ConcurrentHashMap<>();
    /** Counts evictions, so a read that overlapped one is not kept. */
    private final AtomicLong evictions = new AtomicLong();

    public TokenService(JdbcClient jdbc, UserService users, AuditLog audit, Clock clock, TransactionTemplate tx) {
        this.clock = clock;
        this.tx = tx;
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
        evictToken(id);
    }

    /**
     * The user a presented token acts for, if the token is known, not revoked, not expired and its user
     * still enabled. A pause of the user's password sign-in (failed guesses by anyone) does not stop its tokens.
     * Use is recorded at most once a minute per token: {@code last_used_at} and a {@code token.use} audit row
     * ("used in this minute"), so a feed calling many times a second costs reads, not two writes a call. The token's
     * user is kept for {@link #CACHE_FOR} (docs/security.md: revoking, disabling or changing the user evicts it here at
     * once; another instance notices within that time).
     */
    public Optional<GongfuUser> authenticate(String secret) {
        if (secret == null || !secret.startsWith(PREFIX)) return Optional.empty();
        String hash = Sha256.hex(secret);
        LocalDateTime now = LocalDateTime.now(clock);
        Known known = known(hash, now);
        if (known == null || !known.expiresAt().isAfter(now)) return Optional.empty();
        recordUse(known, now);
        return Optional.of(known.user());
    }

    /** A token as last read: its id, when it expires, its user (without password) and when it was read. */
    private record Known(long tokenId, LocalDateTime expiresAt, GongfuUser user, LocalDateTime readAt) {}

    /** The token of that hash from the cache, or read (null when unknown, revoked, expired or its user disabled). */
    private Known known(String hash, LocalDateTime now) {
        Known cached = byHash.get(hash);
        if (cached != null && cached.readAt().plus(CACHE_FOR).isAfter(now) && !cached.readAt().isAfter(now)) return cached;
        long generation = evictions.get();
        record Row(long id, long userId, LocalDateTime expiresAt) {}
        Optional<Row> row = jdbc.sql("""
                select id, user_id, expires_at from api_token
                where token_hash = :hash and revoked_at is null and expires_at > :now""")
                .param("hash", hash).param("now", now)
                .query((rs, i) -> new Row(rs.getLong(1), rs.getLong(2), rs.getObject(3, LocalDateTime.class))).optional();
        if (row.isEmpty()) {
            byHash.remove(hash);
            return null;
        }
        GongfuUser user = users.load(row.get().userId());
        if (!user.isEnabled()) {
            byHash.remove(hash);
            return null;
        }
        Known known = new Known(row.get().id(), row.get().expiresAt(), user.withoutPassword(), now);
        // an eviction (a revoke, a disabled user) that ran while this was read may have read the row before it
        // changed: then the answer serves this call only and is not kept
        synchronized (this) {
            if (evictions.get() == generation) {
                if (byHash.size() >= MAX_CACHED) byHash.clear();
                byHash.put(hash, known);
            }
        }
        return known;
    }

    /**
     * Writes {@code last_used_at} and the {@code token.use} audit row once per token and minute. The in-memory mark
     * spares the write for the rest of the minute; the conditional update makes the row once per minute even with
     * several instances (the one whose update matched writes the audit row).
     */
    private void recordUse(Known known, LocalDateTime now) {
        LocalDateTime minute = now.truncatedTo(ChronoUnit.MINUTES);
        LocalDateTime marked = usedInMinute.get(known.tokenId());
        if (minute.equals(marked)) return;
        if (usedInMinute.size() >= MAX_CACHED) usedInMinute.clear();
        usedInMinute.put(known.tokenId(), minute);
        tx.executeWithoutResult(status -> {
            int updated = jdbc.sql("""
                    update api_token set last_used_at = :now
                    where id = :id and (last_used_at is null or last_used_at < :minute or last_used_at >= :next)""")
                    .param("now", now).param("id", known.tokenId()).param("minute", minute).param("next", minute.plusMinutes(1))
                    .update();
            if (updated == 1) audit.recordAs(known.user().username(), "token.use", "token:" + known.tokenId(), null, null);
        });
    }

    /** Forgets a token (revoked): its next call reads it again, and is refused. Again after the commit, for a read in between. */
    private void evictToken(long tokenId) {
        evict(k -> k.tokenId() == tokenId);
    }

    /**
     * A user's account changed (disabled, roles, units, password): their tokens' cached user is dropped here at once,
     * so a disabled user's token is refused on its next call and a changed one acts with the new rights.
     */
    @EventListener
    void on(AccountChanged change) {
        evict(k -> k.user().username().equals(change.username()));
    }

    private void evict(Predicate<Known> which) {
        Runnable evict = () -> {
            synchronized (this) {
                evictions.incrementAndGet();
                byHash.values().removeIf(which);
            }
        };
        evict.run();
        // a call between now and the commit still reads the old row: drop what it kept once the change is visible
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    evict.run();
                }
            });
        }
    }

    private ApiToken get(long id) {
        return jdbc.sql("select " + COLUMNS + " from api_token where id = :id").param("id", id)
                .query(Rows.of(ApiToken.class)).optional()
                .orElseThrow(() -> new NotFoundException("token", id));
    }
}
