package cn.gongfu.supervision;

import java.time.Clock;
import java.time.LocalDate;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * 逾期督办: once a day (07:45, {@code gongfu.items.cron}), as the system and on one instance at a time (ShedLock
 * {@code item-overdue}), every supervised item past its deadline and not closed is marked overdue once
 * ({@link ItemService#markOverdue}): an OVERDUE entry on its timeline and an {@link ItemOverdue} for notify. Idempotent:
 * a second run, on the same day or another instance, marks nothing twice. On start, {@link CatchUp} runs it when the
 * reminders of today have not run. Off with {@code gongfu.reminders.enabled} like the reminders (tests call
 * {@link #run} with the day they need).
 */
@Component
class OverdueItems {

    static final String JOB = "item-overdue";

    private final ItemService items;
    private final Clock clock;
    private final boolean enabled;

    OverdueItems(ItemService items, Clock clock, @Value("${gongfu.reminders.enabled:true}") boolean enabled) {
        this.items = items;
        this.clock = clock;
        this.enabled = enabled;
    }

    @Scheduled(cron = "${gongfu.items.cron:0 45 7 * * *}")
    @SchedulerLock(name = JOB, lockAtMostFor = "PT30M", lockAtLeastFor = "PT1M")
    void daily() {
        if (enabled) run(LocalDate.now(clock));
    }

    /** Marks the items overdue as of {@code today}; returns how many were marked now. */
    int run(LocalDate today) {
        return items.markOverdue(today);
    }
}
