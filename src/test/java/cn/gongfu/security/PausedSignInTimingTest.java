package cn.gongfu.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gongfu.kernel.GongfuUser;
import cn.gongfu.kernel.Role;
import cn.gongfu.support.MovableClock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A paused or disabled account is refused whatever the password; if that came a bcrypt round sooner than a wrong
 * password's answer, the clock would tell a stranger which accounts are paused or disabled. Spring Security 7 spends
 * the one password check on every path (it checks the password after a failed account check); this keeps it so,
 * counted on the application's real encoder, not timed.
 */
class PausedSignInTimingTest {

    /** The application's encoder, counting how often a password is checked against a hash. */
    static final class CountingEncoder implements PasswordEncoder {
        final PasswordEncoder real = new PasswordConfig().passwordEncoder();
        int checks;

        @Override
        public String encode(CharSequence raw) {
            return real.encode(raw);
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            checks++;
            return real.matches(raw, encoded);
        }
    }

    final CountingEncoder encoder = new CountingEncoder();
    final MovableClock clock = new MovableClock();
    final String hash = encoder.encode("the-right-password");

    GongfuUser user(boolean enabled, LocalDateTime pausedUntil) {
        return new GongfuUser(1, "clerk", "科员", hash, "330299", enabled, pausedUntil, Set.of(Role.REPORTER), Set.of(), Set.of());
    }

    int checksToSignIn(GongfuUser user, String password, Class<? extends Exception> refusal) {
        AuthenticationProvider provider = new PasswordConfig().authenticationProvider(name -> user, encoder, clock);
        encoder.checks = 0;
        assertThatThrownBy(() -> provider.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("clerk", password)))
                .isInstanceOf(refusal);
        return encoder.checks;
    }

    @Test
    void everyRefusalCostsOnePasswordCheck() {
        assertThat(checksToSignIn(user(true, null), "a-wrong-password", BadCredentialsException.class)).isEqualTo(1);
        assertThat(checksToSignIn(user(true, LocalDateTime.now(clock).plusMinutes(5)), "a-wrong-password", LockedException.class))
                .as("paused").isEqualTo(1);
        assertThat(checksToSignIn(user(false, null), "the-right-password", DisabledException.class)).as("disabled").isEqualTo(1);
        AuthenticationProvider unknown = new PasswordConfig().authenticationProvider(name -> {
            throw new UsernameNotFoundException(name);
        }, encoder, clock);
        encoder.checks = 0;
        assertThatThrownBy(() -> unknown.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("nobody", "x")))
                .isInstanceOf(BadCredentialsException.class);
        assertThat(encoder.checks).as("unknown name").isEqualTo(1);
    }

    /** The pause is read from the application's clock: once the clock passes its end, the right password signs in, no sleep needed. */
    @Test
    void aPauseEndsWhenTheClockPassesIt() {
        GongfuUser paused = user(true, LocalDateTime.now(clock).plusMinutes(5));
        AuthenticationProvider provider = new PasswordConfig().authenticationProvider(name -> paused, encoder, clock);
        Authentication right = UsernamePasswordAuthenticationToken.unauthenticated("clerk", "the-right-password");
        assertThatThrownBy(() -> provider.authenticate(right)).as("paused, even with the right password").isInstanceOf(LockedException.class);
        clock.moveBy(Duration.ofMinutes(4));
        assertThatThrownBy(() -> provider.authenticate(right)).as("a minute before the end").isInstanceOf(LockedException.class);
        clock.moveBy(Duration.ofMinutes(2));
        assertThat(provider.authenticate(right).isAuthenticated()).as("a minute after the end").isTrue();
    }
}
