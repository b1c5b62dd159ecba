package cn.gongfu.security;

import java.util.List;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.web.authentication.session.ConcurrentSessionControlAuthenticationStrategy;

/**
 * At most {@value #MAX_SESSIONS_PER_USER} signed-in sessions per user: a sign-in beyond that ends the user's least
 * recently used session. Five covers one person's office desktop, laptop, phone and a second browser; more
 * than that is a shared account or a script, which should use an API token (tokens hold no session). The
 * oldest session is ended rather than the sign-in refused, so nobody is locked out by a forgotten browser.
 * Spring Security only marks a pushed-out session expired (it would linger for the session timeout); this also
 * ends it in the container, so memory stays bounded by users × {@value #MAX_SESSIONS_PER_USER}.
 */
class SessionCap extends ConcurrentSessionControlAuthenticationStrategy {

    static final int MAX_SESSIONS_PER_USER = 5;

    private final ContainerSessions containerSessions;

    SessionCap(SessionRegistry registry, ContainerSessions containerSessions) {
        super(registry);
        this.containerSessions = containerSessions;
        setMaximumSessions(MAX_SESSIONS_PER_USER);
    }

    @Override
    protected void allowableSessionsExceeded(List<SessionInformation> sessions, int allowableSessions, SessionRegistry registry) {
        super.allowableSessionsExceeded(sessions, allowableSessions, registry);
        for (SessionInformation session : sessions) {
            if (session.isExpired()) containerSessions.invalidate(session.getSessionId());
        }
    }
}
