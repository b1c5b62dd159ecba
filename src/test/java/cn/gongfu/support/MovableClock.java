package cn.gongfu.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The application's clock in tests: the system's time plus an offset a test may move, so a deadline can pass
 * or a pause expire without sleeping. The offset is zero unless a test moves it, and a test that moves it
 * {@link #reset}s it afterwards (the Spring context, and so this clock, is shared by the test classes).
 */
public final class MovableClock extends Clock {

    private final ZoneId zone;
    private volatile Duration offset = Duration.ZERO;

    public MovableClock() {
        this(ZoneId.systemDefault());
    }

    private MovableClock(ZoneId zone) {
        this.zone = zone;
    }

    /** Moves the time on (or back, for a negative amount) by {@code amount}. */
    public MovableClock moveBy(Duration amount) {
        offset = offset.plus(amount);
        return this;
    }

    /** Sets the time to {@code time} in the clock's zone; it goes on running from there. */
    public MovableClock moveTo(LocalDateTime time) {
        offset = Duration.between(Clock.system(zone).instant(), time.atZone(zone).toInstant());
        return this;
    }

    /** Back to the system's time. */
    public void reset() {
        offset = Duration.ZERO;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        MovableClock other = new MovableClock(zone);
        other.offset = offset;
        return other;
    }

    @Override
    public Instant instant() {
        return Clock.system(zone).instant().plus(offset);
    }

    /** Registers the movable clock in place of the application's ({@code ClockConfig}); imported by the test base annotations. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class AsTheApplicationClock {

        @Bean
        @Primary
        public MovableClock movableClock() {
            return new MovableClock();
        }
    }
}
