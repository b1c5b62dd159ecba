package cn.gongfu.supervision;

import java.time.Clock;
import java.time.LocalDate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Reminders due while the server was down are not lost: when the application starts and the daily run has not
 * finished today ({@code supervision_run}), it runs now, through the job's lock (ShedLock), so of two instances
 * starting together one runs and the other skips; the notices' dedup keys cover a run that a crash cut short. Only
 * today is caught up: the days missed are not replayed, since a "3 days left" told after the due date would mislead,
 * and what matters of them is still true today (the report is still owed, told by today's reminder if it is a rule
 * day, and the ladder's levels, computed from days late, are recorded today). The supervised items' overdue check
 * ({@link OverdueItems}) runs with them.
 */
@Component
class CatchUp {

    private final Reminders reminders;
    private final Warnings warnings;
    private final OverdueItems overdueItems;
    private final Clock clock;
    private final boolean enabled;

    CatchUp(Reminders reminders, Warnings warnings, OverdueItems overdueItems, Clock clock,
            @Value("${gongfu.reminders.enabled:true}") boolean enabled) {
        this.reminders = reminders;
        this.overdueItems = overdueItems;
        this.warnings = warnings;
        this.clock = clock;
        this.enabled = enabled;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        if (!enabled) return;
        LocalDate last = reminders.lastRun();
        if (last == null || last.isBefore(LocalDate.now(clock))) {
            reminders.daily();
            warnings.daily();
            overdueItems.daily();
        }
    }
}
