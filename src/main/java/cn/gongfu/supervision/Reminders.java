package cn.gongfu.supervision;

import cn.gongfu.kernel.Scope;
import cn.gongfu.plan.PlanService;
import cn.gongfu.reporting.Obligation;
import cn.gongfu.reporting.ReportingService;
import cn.gongfu.supervision.ReportReminderDue.Level;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 催办提醒: once a day, every report still owed (not begun, draft, approved but not sent, returned) whose due date is
 * one of the reminder days away ({@code gongfu.reminders.days}, default 3 and 1 days before, the day itself, and 1, 3
 * and 7 days after) becomes a {@link ReportReminderDue}. A report overdue by {@code gongfu.reminders.escalate.unit-head}
 * days (3) is escalated to its unit head as well, by {@code gongfu.reminders.escalate.office} days (7) to the plan's
 * office too. A report submitted or accepted is owed no more, so its reminders stop by themselves. Runs as the
 * system, on one instance at a time; the events go through the publication registry, and the notice's dedup key
 * makes a second run on the same day tell no one twice.
 */
@Component
class Reminders {

    private final ReportingService reporting;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final PlanService plans;
    private final Set<Integer> days;
    private final int toUnitHead;
    private final int toOffice;
    private final boolean enabled;

    Reminders(ReportingService reporting, PlanService plans, ApplicationEventPublisher events, TransactionTemplate transaction,
              Clock clock, @Value("${gongfu.reminders.days:-3,-1,0,1,3,7}") List<Integer> days,
              @Value("${gongfu.reminders.escalate.unit-head:3}") int toUnitHead,
              @Value("${gongfu.reminders.escalate.office:7}") int toOffice,
              @Value("${gongfu.reminders.enabled:true}") boolean enabled) {
        this.plans = plans;
        this.toUnitHead = toUnitHead;
        this.toOffice = toOffice;
        this.enabled = enabled;
        this.reporting = reporting;
        this.events = events;
        this.transaction = transaction;
        this.clock = clock;
        this.days = Set.copyOf(days);
    }

    @Scheduled(cron = "${gongfu.reminders.cron:0 0 8 * * *}")
    @SchedulerLock(name = "report-reminders", lockAtMostFor = "PT30M", lockAtLeastFor = "PT1M")
    void daily() {
        // off in tests, which call remind(today) with the day they need
        if (enabled) remind(LocalDate.now(clock));
    }

    /** The reminders due {@code today} for every unit, published in one transaction; returns how many. */
    int remind(LocalDate today) {
        return Scope.asSystem(() -> publish(today, reporting.obligations(today)));
    }

    /** The reminders due {@code today} for one unit (the office's 一键催办 will start here). */
    int remind(LocalDate today, long unitId) {
        return Scope.asSystem(() -> publish(today, reporting.obligationsOf(unitId, today)));
    }

    private Level level(int daysFromDue) {
        if (daysFromDue >= toOffice) return Level.OFFICE;
        if (daysFromDue >= toUnitHead) return Level.UNIT_HEAD;
        return Level.REPORTER;
    }

    private int publish(LocalDate today, List<Obligation> owed) {
        return transaction.execute(status -> {
            int sent = 0;
            Map<Long, String> regionOfPlan = new HashMap<>();
            for (Obligation o : owed) {
                if (!o.stillOwed()) continue;
                int daysFromDue = (int) ChronoUnit.DAYS.between(o.dueOn(), today);
                if (!days.contains(daysFromDue)) continue;
                String region = regionOfPlan.computeIfAbsent(o.planId(), id -> plans.get(id).regionCode());
                events.publishEvent(new ReportReminderDue(o.planId(), o.planTitle(), region, o.unitId(), o.unitName(),
                        o.period(), o.dueOn(), daysFromDue, o.submissionId(), level(daysFromDue)));
                sent++;
            }
            return sent;
        });
    }
}
