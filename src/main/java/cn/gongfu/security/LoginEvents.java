package cn.gongfu.security;

import cn.gongfu.audit.AuditLog;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationFailureDisabledEvent;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/** Sign-in outcomes: counted towards the account lock and the address throttle, and audited. */
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
        throttle.recordSuccess(address(event.getAuthentication()));
        audit.recordAs(username, "login.success", "user:" + username, null, null);
    }

    @EventListener
    void badCredentials(AuthenticationFailureBadCredentialsEvent event) {
        String username = event.getAuthentication().getName();
        throttle.recordFailure(address(event.getAuthentication()));
        audit.recordAs(username, "login.failure", "user:" + username, null, null);
        if (users.recordFailedLogin(username)) {
            audit.recordAs(username, "login.lockout", "user:" + username, null,
                    "locked for " + UserService.LOCK_DURATION.toMinutes() + " minutes");
        }
    }

    @EventListener
    void refused(AbstractAuthenticationFailureEvent event) {
        if (event instanceof AuthenticationFailureLockedEvent || event instanceof AuthenticationFailureDisabledEvent) {
            String username = event.getAuthentication().getName();
            throttle.recordFailure(address(event.getAuthentication()));
            audit.recordAs(username, event instanceof AuthenticationFailureLockedEvent ? "login.locked" : "login.disabled",
                    "user:" + username, null, null);
        }
    }

    private static String address(Authentication auth) {
        return auth.getDetails() instanceof WebAuthenticationDetails d ? d.getRemoteAddress() : "unknown";
    }
}
