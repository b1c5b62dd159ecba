package cn.gongfu.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.Comparator;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.web.authentication.session.SessionAuthenticationStrategy;

/**
 * At most {@value #MAX_SESSIONS_PER_USER} signed-in sessions per user: a sign-in beyond that ends the user's least
 * recently used session. Five covers one person's office desktop, laptop, phone and a second browser; more than
 * that is a shared account or a script, which should use an API token (tokens hold no session). The oldest session
 * is ended rather than the sign-in refused, so nobody is locked out by a forgotten browser.
 * <p>
 * Not Spring Security's own concurrency control, for two reasons: it counts sessions per principal object, and a
 * user signed in before and after a change of an unrelated field (a pause that ran out) counts as two; and it only
 * marks a pushed-out session expired, which then lingers for the 8-hour timeout. This counts by username and ends
 * the session in the container, so memory stays bounded by users × {@value #MAX_SESSIONS_PER_USER}.
 */
class SessionCap implements SessionAuthenticationStrategy {

    static final int MAX_SESSIONS_PER_USER = 5;

    private final SignedInSessions signedIn;
    private final ContainerSessions containerSessions;

    SessionCap(SignedInSessions signedIn, ContainerSessions containerSessions) {
        this.signedIn = signedIn;
        this.containerSessions = containerSessions;
    }

    /** Runs before this sign-in's session is registered: room is made for it among the others. */
    @Override
    public void onAuthentication(Authentication authentication, HttpServletRequest request, HttpServletResponse response) {
        HttpSession current = request.getSession(false);
        List<SessionInformation> others = signedIn.of(authentication.getName()).stream()
                .filter(s -> current == null || !s.getSessionId().equals(current.getId()))
                .sorted(Comparator.comparing(SessionInformation::getLastRequest)).toList();
        int excess = others.size() - (MAX_SESSIONS_PER_USER - 1);
        for (SessionInformation oldest : others.subList(0, Math.max(0, excess))) {
            oldest.expireNow();
            containerSessions.invalidate(oldest.getSessionId());
        }
    }
}
