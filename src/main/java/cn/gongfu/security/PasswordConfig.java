package cn.gongfu.security;

import cn.gongfu.kernel.GongfuUser;
import java.time.Clock;
import java.time.LocalDateTime;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Spring Security's delegating encoder (bcrypt today; hashes name their algorithm so it can change), and the
 * sign-in that checks passwords with it.
 */
@Configuration(proxyBeanMethods = false)
class PasswordConfig {

    @Bean
    public PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * The usual username/password check, except that the user kept in the session after sign-in carries no
     * password hash: a session (in memory, or serialised to a session store) never holds it. A paused or disabled
     * account still costs one password check before it is refused (Spring Security 7 checks the password after a
     * failed account check, and hashes a dummy for unknown names), so no answer's timing tells which accounts are
     * paused, disabled or unknown: {@code PausedSignInTimingTest}. Whether a pause is still running is read from
     * the application's clock.
     */
    @Bean
    public AuthenticationProvider authenticationProvider(UserDetailsService users, PasswordEncoder passwordEncoder, Clock clock) {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users) {
            @Override
            protected Authentication createSuccessAuthentication(Object principal, Authentication authentication, UserDetails user) {
                GongfuUser signedIn = ((GongfuUser) user).withoutPassword();
                return super.createSuccessAuthentication(signedIn, authentication, signedIn);
            }
        };
        AccountStatusUserDetailsChecker accountStatus = new AccountStatusUserDetailsChecker();
        provider.setPreAuthenticationChecks(user -> {
            if (user instanceof GongfuUser u && u.pausedAt(LocalDateTime.now(clock))) throw new LockedException("User account is locked");
            accountStatus.check(user);
        });
        provider.setPasswordEncoder(passwordEncoder);
        return provider;
    }
}
