package cn.gongfu.security;

import cn.gongfu.audit.AuditLog;
import cn.gongfu.users.UserService;
import java.time.Duration;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationFailureDisabledEvent;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Sign-in outcomes: counted towards the account's pause and the address throttle, and audited with the real reason
 * (the visitor is told only that sign-in failed).
 */
@Component
class LoginEvents {

    private final UserService users;
    private final LoginThrottle throttle;
    private final AuditLog audit;

    LoginEvents(UserService users, LoginThrottle throttle, AuditLog audit) {
        this.users = users;
        this.throttle = throttle;
        this.audit = audit;
    }

    @EventListener
    void success(AuthenticationSuccessEvent event) {
        String username = event.getAuthentication().getName();
        users.recordSuccessfulLogin(username);
        audit.recordAs(username, "login.success", "user:" + username, null, null);
    }

    @EventListener
    void badCredentials(AuthenticationFailureBadCredentialsEvent event) {
        String tried = event.getAuthentication().getName();
        String username = audited(tried);
        throttle.recordFailure(address(event.getAuthentication()));
        audit.recordAs(username, "login.failure", "user:" + username, null, null);
        Duration pause = users.recordFailedLogin(tried);
        if (!pause.isZero()) {
            audit.recordAs(username, "login.lockout", "user:" + username, null,
                    "password sign-in paused for " + pause.toMinutes() + " minutes");
        }
    }

    @EventListener
    void refused(AbstractAuthenticationFailureEvent event) {
        if (event instanceof AuthenticationFailureLockedEvent || event instanceof AuthenticationFailureDisabledEvent) {
            String username = audited(event.getAuthentication().getName());
            throttle.recordFailure(address(event.getAuthentication()));
            audit.recordAs(username, event instanceof AuthenticationFailureLockedEvent ? "login.locked" : "login.disabled",
                    "user:" + username, null, null);
        }
    }

    /**
     * The name as the audit log can hold it: cut to the column's size (with a mark, so a cut name never reads as
     * someone's real one) and without NUL, which PostgreSQL refuses.
     */
    static String audited(String name) {
        String clean = name == null ? "" : name.replace('\0', '?');
        return clean.length() <= UserService.MAX_USERNAME_LENGTH ? clean
                : clean.substring(0, UserService.MAX_USERNAME_LENGTH - 1) + "…";
    }

    private static String address(Authentication auth) {
        return auth.getDetails() instanceof WebAuthenticationDetails d ? d.getRemoteAddress() : "unknown";
    }
}
