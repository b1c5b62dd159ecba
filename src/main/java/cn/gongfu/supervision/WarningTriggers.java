package cn.gongfu.supervision;

import cn.gongfu.reporting.MilestoneCompleted;
import cn.gongfu.reporting.ValueAccepted;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Warnings follow the data at once: accepted values may move an indicator's status, completed milestones end their
 * warnings, so each acceptance brings every warning up to date (idempotent: the open warning is unique per item and a
 * grade is told once). Off with {@code gongfu.warnings.enabled}, as the daily job, so that other test suites' acceptances
 * tell nobody; the warning tests call these methods themselves.
 */
@Component
class WarningTriggers {

    private final Warnings warnings;
    private final Clock clock;

    WarningTriggers(Warnings warnings, Clock clock) {
        this.warnings = warnings;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(ValueAccepted event) {
        if (warnings.enabled()) warnings.compute(LocalDate.now(clock));
    }

    @ApplicationModuleListener
    void on(MilestoneCompleted event) {
        if (warnings.enabled()) warnings.compute(LocalDate.now(clock));
    }
}
