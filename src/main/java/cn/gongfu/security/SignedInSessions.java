package cn.gongfu.security;

import cn.gongfu.kernel.GongfuUser;
import cn.gongfu.users.AccountChanged;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Ends the browser sessions of a user whose account changed. A session keeps the user as they were at
 * sign-in (roles, units, scope), so when an account is disabled, its password reset or changed, or its roles
 * or units changed, its sessions end and the user signs in again with what is true now. The registry lives in
 * memory, like the sign-in throttle: one application instance.
 */
@Component
class SignedInSessions {

    private final SessionRegistry registry;

    public SignedInSessions(SessionRegistry registry) {
        this.registry = registry;
    }

    @EventListener
    void on(AccountChanged change) {
        end(change.username(), change.keepCallersSession());
    }

    /** Ends every session of {@code username}; with {@code keepCurrent}, all but the caller's own. */
    public void end(String username, boolean keepCurrent) {
        String current = keepCurrent && RequestContextHolder.getRequestAttributes() != null
                ? RequestContextHolder.currentRequestAttributes().getSessionId() : null;
        for (SessionInformation session : of(username)) {
            if (!session.getSessionId().equals(current)) session.expireNow();
        }
    }

    /**
     * The live sessions of {@code username}. By name, not by principal: the registry keeps one principal per
     * distinct user object, and the same account signed in before and after an unrelated change is two of them.
     */
    public List<SessionInformation> of(String username) {
        List<SessionInformation> sessions = new ArrayList<>();
        for (Object principal : registry.getAllPrincipals()) {
            if (principal instanceof GongfuUser user && user.username().equals(username)) {
                sessions.addAll(registry.getAllSessions(principal, false));
            }
        }
        return sessions;
    }
}
