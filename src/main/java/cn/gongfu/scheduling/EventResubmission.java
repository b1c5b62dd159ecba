package cn.gongfu.scheduling;

import java.time.Duration;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Delivers again the events whose listener failed or never finished (an instance died mid-way), once they are older
 * than {@code gongfu.events.resubmission.older-than}: a listener (a notice, say) that failed for a passing reason
 * succeeds later without a restart. Listeners are idempotent (notices have a dedup key), so a delivery that was in
 * fact still under way costs nothing but a skipped insert. Every {@code gongfu.events.resubmission.every}, on one
 * instance at a time; off when {@code gongfu.events.resubmission.enabled} is false (the tests, unless one turns it on).
 */
@Component
@ConditionalOnProperty(name = "gongfu.events.resubmission.enabled", havingValue = "true", matchIfMissing = true)
class EventResubmission {

    /** The job's name, and so its lock's row in {@code shedlock}. */
    public static final String LOCK = "event-resubmission";

    private final IncompleteEventPublications incomplete;
    private final Duration olderThan;

    EventResubmission(IncompleteEventPublications incomplete,
                      @Value("${gongfu.events.resubmission.older-than:PT5M}") Duration olderThan) {
        this.incomplete = incomplete;
        this.olderThan = olderThan;
    }

    @Scheduled(fixedDelayString = "${gongfu.events.resubmission.every:PT5M}",
            initialDelayString = "${gongfu.events.resubmission.initial-delay:PT1M}")
    @SchedulerLock(name = LOCK, lockAtMostFor = "PT10M", lockAtLeastFor = "PT30S")
    public void resubmit() {
        incomplete.resubmitIncompletePublicationsOlderThan(olderThan);
    }
}
