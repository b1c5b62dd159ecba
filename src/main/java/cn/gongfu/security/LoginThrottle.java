package cn.gongfu.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing from one address across many accounts (the per-account pause slows guessing at
 * one account): after {@value #MAX_FAILURES} failures within {@link #WINDOW} further sign-in attempts from that
 * address are refused until the window has passed. A successful sign-in does not wipe the count: otherwise a
 * guesser holding one valid account could sign in between guesses and never be throttled. Kept in memory: a
 * restart forgets.
 */
@Component
class LoginThrottle {

    static final int MAX_FAILURES = 20;
    static final Duration WINDOW = Duration.ofMinutes(10);

    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
    private final Clock clock;

    public LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    public void recordFailure(String address) {
        Deque<Instant> times = failures.computeIfAbsent(address, a -> new ArrayDeque<>());
        synchronized (times) {
            times.addLast(clock.instant());
            prune(times);
        }
    }

    public boolean blocked(String address) {
        Deque<Instant> times = failures.get(address);
        if (times == null) return false;
        synchronized (times) {
            prune(times);
            return times.size() >= MAX_FAILURES;
        }
    }

    private void prune(Deque<Instant> times) {
        Instant oldest = clock.instant().minus(WINDOW);
        while (!times.isEmpty() && times.peekFirst().isBefore(oldest)) times.removeFirst();
    }
}
