package cn.gongfu.kernel;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * What only a person signed in with their password may do, never a caller acting through an API token: creating
 * tokens (a new one would survive revoking this one) and changing the password. The token filter marks its
 * authentication with {@link TokenAuthentication}; features ask {@link #require} without knowing the filter.
 */
public final class PersonOnly {

    private PersonOnly() {}

    /** Implemented by the authentication an API token makes (security.ApiTokenFilter). */
    public interface TokenAuthentication {}

    /** Refused because the caller is a token; the API answers 403 with this message. */
    public static final class RefusedToToken extends AccessDeniedException {
        RefusedToToken(String message) {
            super(message);
        }
    }

    public static void require(String message) {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof TokenAuthentication) {
            throw new RefusedToToken(message);
        }
    }
}
