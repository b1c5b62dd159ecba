package cn.gongfu.security;

import java.time.LocalDateTime;

/** An API token as listed: never the token itself, which is shown once when created and stored only hashed. */
public record ApiToken(long id, long userId, String name, String tokenPrefix, LocalDateTime createdAt,
                       LocalDateTime expiresAt, LocalDateTime revokedAt, LocalDateTime lastUsedAt) {

    /** Whether the token works at {@code now}: not revoked and not yet expired. */
    public boolean activeAt(LocalDateTime now) {
        return revokedAt == null && expiresAt.isAfter(now);
    }
}
