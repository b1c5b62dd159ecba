package cn.gongfu.security;

import static cn.gongfu.kernel.BundleText.englishFirst;

import cn.gongfu.kernel.GongfuUser;
import cn.gongfu.kernel.PersonOnly;
import cn.gongfu.web.FilterProblems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer gf_…} requests as the token's user, for this request only
 * (nothing goes into a session). A bad token is refused at once with a 401 problem.
 */
class ApiTokenFilter extends OncePerRequestFilter {

    private final TokenService tokens;

    public ApiTokenFilter(TokenService tokens) {
        this.tokens = tokens;
    }

    /** A caller authenticated by an API token, for this request only. */
    static final class TokenAuthentication extends UsernamePasswordAuthenticationToken implements PersonOnly.TokenAuthentication {
        TokenAuthentication(GongfuUser user) {
            super(user, null, user.getAuthorities());
        }
    }

    static boolean hasBearer(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!hasBearer(request)) {
            chain.doFilter(request, response);
            return;
        }
        Optional<GongfuUser> user = tokens.authenticate(request.getHeader("Authorization").substring(7).strip());
        if (user.isEmpty()) {
            FilterProblems.write(response, 401, "invalid-token", englishFirst("problem.invalid-token"),
                    "the API token is unknown, revoked or expired");
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new TokenAuthentication(user.get()));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
