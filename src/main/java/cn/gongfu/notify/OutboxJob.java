package cn.gongfu.notify;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the dispatcher every {@code gongfu.notify.outbox.every} (15 s), first {@code initial-delay} (10 s) after start,
 * so rows left pending while the server was down are sent on start. No job lock: the rows' leases keep two instances
 * from sending the same row, and both may work at once. Off when {@code gongfu.notify.outbox.enabled} is false (the
 * tests, which drive the dispatcher themselves).
 */
@Component
@ConditionalOnProperty(name = "gongfu.notify.outbox.enabled", havingValue = "true", matchIfMissing = true)
class OutboxJob {

    /** Runs per tick at most, so that one tick ends even when rows keep coming. */
    static final int MAX_BATCHES = 10;

    private final OutboxDispatcher dispatcher;

    OutboxJob(OutboxDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @Scheduled(fixedDelayString = "${gongfu.notify.outbox.every:PT15S}", initialDelayString = "${gongfu.notify.outbox.initial-delay:PT10S}")
    void run() {
        for (int k = 0; k < MAX_BATCHES && dispatcher.dispatch() >= dispatcher.settings().batch(); k++) {
            // a full batch: more may be due
        }
    }
}
