package cn.gongfu.security;

import java.time.LocalDateTime;

/** An API token as listed: never the token itself, which is shown once when created and stored only hashed. */
public record ApiToken(long id, long userId, String name, String tokenPrefix, LocalDateTime createdAt,
                       LocalDateTime expiresAt, LocalDateTime revokedAt, LocalDateTime lastUsedAt) {

    public boolean active() {
        return revokedAt == null && expiresAt.isAfter(LocalDateTime.now());
    }
}
