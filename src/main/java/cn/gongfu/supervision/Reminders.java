package cn.gongfu.supervision;

import cn.gongfu.audit.AuditLog;
import cn.gongfu.kernel.NotFoundException;
import cn.gongfu.kernel.Role;
import cn.gongfu.kernel.Scope;
import cn.gongfu.plan.Plan;
import cn.gongfu.plan.PlanService;
import cn.gongfu.reporting.Obligation;
import cn.gongfu.reporting.ReportingService;
import cn.gongfu.supervision.Escalations.Escalation;
import cn.gongfu.supervision.OpenMilestones.Open;
import cn.gongfu.supervision.ReportReminderDue.Level;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 催办提醒: once a day, every report still owed (not begun, draft, approved but not sent, returned) and every milestone
 * not done whose due date (a milestone's: the end of its month) is one of the reminder days of its plan's
 * {@link ReminderRule} away becomes a {@link ReportReminderDue} or a {@link MilestoneReminderDue}. The rule's ladder says
 * how far it has climbed (reporter → unit head → office → named in the next bulletin); each level an overdue item
 * reaches is recorded once ({@link Escalations}). A report submitted or a milestone done is owed no more, so its
 * reminders stop by themselves. Runs as the system, on one instance at a time (ShedLock); the events go through the
 * publication registry, and the notices' dedup keys make a second run on the same day tell no one twice. The last day
 * it ran to its end is kept ({@code supervision_run}), so a start on a later day catches today up ({@link CatchUp}).
 *
 * <p>一键催办 ({@link #urgeReport}, {@link #urgeMilestone}): the office sends the reminder of an overdue item now,
 * whatever the rule day, once per item and day, audited.
 */
@Component
class Reminders {

    static final String JOB = "report-reminders";

    private final ReportingService reporting;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final PlanService plans;
    private final ReminderRules rules;
    private final Escalations escalations;
    private final OpenMilestones milestones;
    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final boolean enabled;

    Reminders(ReportingService reporting, PlanService plans, ApplicationEventPublisher events, TransactionTemplate transaction,
              Clock clock, ReminderRules rules, Escalations escalations, OpenMilestones milestones, JdbcClient jdbc, AuditLog audit,
              @Value("${gongfu.reminders.enabled:true}") boolean enabled) {
        this.plans = plans;
        this.rules = rules;
        this.escalations = escalations;
        this.milestones = milestones;
        this.jdbc = jdbc;
        this.audit = audit;
        this.enabled = enabled;
        this.reporting = reporting;
        this.events = events;
        this.transaction = transaction;
        this.clock = clock;
    }

    @Scheduled(cron = "${gongfu.reminders.cron:0 0 8 * * *}")
    @SchedulerLock(name = JOB, lockAtMostFor = "PT30M", lockAtLeastFor = "PT1M")
    void daily() {
        // off in tests, which call run(today) or remind(today) with the day they need
        if (enabled) run(LocalDate.now(clock));
    }

    /** Today's whole run: the reports' and the milestones' reminders and escalations, then the day recorded as run. */
    int run(LocalDate today) {
        int sent = remind(today) + remindMilestones(today);
        LocalDateTime now = LocalDateTime.now(clock);
        transaction.executeWithoutResult(status -> {
            if (jdbc.sql("update supervision_run set last_day = :d, ran_at = :t where name = :n")
                    .param("d", today).param("t", now).param("n", JOB).update() == 0) {
                jdbc.sql("insert into supervision_run (name, last_day, ran_at) values (:n, :d, :t) on conflict do nothing")
                        .param("d", today).param("t", now).param("n", JOB).update();
            }
        });
        return sent;
    }

    /** The last day a run finished, if any: what the start-up catch-up compares with today. */
    LocalDate lastRun() {
        return jdbc.sql("select last_day from supervision_run where name = :n").param("n", JOB)
                .query(LocalDate.class).optional().orElse(null);
    }

    /** The report reminders due {@code today} for every unit, published in one transaction; returns how many. */
    int remind(LocalDate today) {
        return Scope.asSystem(() -> publish(today, reporting.obligations(today)));
    }

    /** The report reminders due {@code today} for one unit. */
    int remind(LocalDate today, long unitId) {
        return Scope.asSystem(() -> publish(today, reporting.obligationsOf(unitId, today)));
    }

    /** The milestone reminders due {@code today} for every lead unit; returns how many. */
    int remindMilestones(LocalDate today) {
        return Scope.asSystem(() -> publishMilestones(today, openUpTo(today, null)));
    }

    /** The milestone reminders due {@code today} for one lead unit. */
    int remindMilestones(LocalDate today, long unitId) {
        return Scope.asSystem(() -> publishMilestones(today, openUpTo(today, unitId)));
    }

    /** Milestones whose month ends within the longest reminder lead time (60 days) or before. */
    private List<Open> openUpTo(LocalDate today, Long unitId) {
        return milestones.upTo(YearMonth.from(today.plusDays(ReminderRules.MAX_DAYS_BEFORE)), null, unitId);
    }

    private String regionOf(Map<Long, String> regions, long planId) {
        return regions.computeIfAbsent(planId, id -> plans.get(id).regionCode());
    }

    private int publish(LocalDate today, List<Obligation> owed) {
        return transaction.execute(status -> {
            int sent = 0;
            Map<Long, String> regionOfPlan = new HashMap<>();
            Map<Long, ReminderRule> ruleOf = rules.rules(owed.stream().map(Obligation::planId).distinct().toList());
            List<Escalation> reached = new ArrayList<>();
            for (Obligation o : owed) {
                if (!o.stillOwed()) continue;
                int daysFromDue = (int) ChronoUnit.DAYS.between(o.dueOn(), today);
                ReminderRule rule = ruleOf.get(o.planId());
                Level level = rule.level(daysFromDue);
                if (level != Level.REPORTER) {
                    reached.addAll(ladder(rule, "report", reportKey(o.planId(), o.unitId(), o.period()), o.planId(),
                            regionOf(regionOfPlan, o.planId()), o.unitId(), o.unitName(), o.period(), o.dueOn(), daysFromDue, today));
                }
                if (!rule.reminderDays().contains(daysFromDue)) continue;
                events.publishEvent(new ReportReminderDue(o.planId(), o.planTitle(), regionOf(regionOfPlan, o.planId()), o.unitId(),
                        o.unitName(), o.period(), o.dueOn(), daysFromDue, o.submissionId(), level));
                sent++;
            }
            escalations.record(reached);
            return sent;
        });
    }

    private int publishMilestones(LocalDate today, List<Open> open) {
        return transaction.execute(status -> {
            int sent = 0;
            Map<Long, ReminderRule> ruleOf = rules.rules(open.stream().map(Open::planId).distinct().toList());
            List<Escalation> reached = new ArrayList<>();
            for (Open m : open) {
                int daysFromDue = (int) ChronoUnit.DAYS.between(m.dueOn(), today);
                ReminderRule rule = ruleOf.get(m.planId());
                Level level = rule.level(daysFromDue);
                if (level != Level.REPORTER) {
                    reached.addAll(ladder(rule, "milestone", m.itemKey(), m.planId(), m.regionCode(), m.unitId(), m.unitName(),
                            m.month(), m.dueOn(), daysFromDue, today));
                }
                if (!rule.reminderDays().contains(daysFromDue)) continue;
                events.publishEvent(milestoneEvent(m, daysFromDue, level, false));
                sent++;
            }
            escalations.record(reached);
            return sent;
        });
    }

    private static MilestoneReminderDue milestoneEvent(Open m, int daysFromDue, Level level, boolean urged) {
        return new MilestoneReminderDue(m.planId(), m.planTitle(), m.regionCode(), m.milestoneId(), m.taskId(), m.taskCode(),
                shortText(m.text()), m.month(), m.unitId(), m.unitName(), m.dueOn(), daysFromDue, level, urged);
    }

    /** A milestone's text as a notice quotes it: at most 80 characters. */
    static String shortText(String text) {
        return text.codePointCount(0, text.length()) <= 80 ? text : text.substring(0, text.offsetByCodePoints(0, 79)) + "…";
    }

    /** Every level from the unit head's up to the one reached, each to be recorded once (the day it is first seen). */
    private static List<Escalation> ladder(ReminderRule rule, String kind, String key, long planId, String region, long unitId,
                                           String unitName, String period, LocalDate dueOn, int daysLate, LocalDate today) {
        List<Escalation> result = new ArrayList<>();
        Level reached = rule.level(daysLate);
        for (Level l : List.of(Level.UNIT_HEAD, Level.OFFICE, Level.BULLETIN)) {
            if (reached.reaches(l)) result.add(new Escalation(kind, key, planId, region, unitId, unitName, period, dueOn, l, daysLate, today));
        }
        return result;
    }

    static String reportKey(long planId, long unitId, String period) {
        return "report:" + planId + ":" + unitId + ":" + period;
    }

    /** What 一键催办 did: sent now, or not because the item was already urged today. */
    public record Urged(String item, boolean sent, LocalDate on, int reminders) {}

    /** 一键催办 on an overdue report (plan, unit, period): the unit's reporters and unit head are told now. */
    Urged urgeReport(long planId, long unitId, String period) {
        Scope.current().require(Role.OFFICE, Role.ADMIN);
        Plan plan = plans.get(planId);
        Scope.current().requireRegion(plan.regionCode(), "plan", planId);
        LocalDate today = LocalDate.now(clock);
        Obligation o = reporting.obligationsOf(unitId, today).stream()
                .filter(x -> x.planId() == planId && x.period().equals(period)).findFirst()
                .orElseThrow(() -> new NotFoundException("report", planId + "/" + unitId + "/" + period));
        String key = reportKey(planId, unitId, period);
        if (!o.stillOwed() || !o.dueOn().isBefore(today)) throw new SupervisionRefusal("not-overdue", key, "the report is not overdue");
        int days = (int) ChronoUnit.DAYS.between(o.dueOn(), today);
        return urge(key, today, () -> {
            events.publishEvent(new ReportReminderDue(planId, o.planTitle(), plan.regionCode(), unitId, o.unitName(), period,
                    o.dueOn(), days, o.submissionId(), Level.UNIT_HEAD, true));
            return 1;
        });
    }

    /** 一键催办 on an overdue milestone: the lead units of its task (reporters and unit heads) are told now. */
    Urged urgeMilestone(long milestoneId) {
        Scope.current().require(Role.OFFICE, Role.ADMIN);
        LocalDate today = LocalDate.now(clock);
        List<Open> open = milestones.upTo(YearMonth.from(today).plusYears(100), milestoneId, null);
        if (open.isEmpty()) throw new NotFoundException("open milestone", milestoneId);
        String key = "milestone:" + milestoneId;
        if (!open.get(0).dueOn().isBefore(today)) throw new SupervisionRefusal("not-overdue", key, "the milestone is not overdue");
        return urge(key, today, () -> {
            for (Open m : open) events.publishEvent(milestoneEvent(m, (int) ChronoUnit.DAYS.between(m.dueOn(), today), Level.UNIT_HEAD, true));
            return open.size();
        });
    }

    private Urged urge(String key, LocalDate today, java.util.function.IntSupplier send) {
        String by = Scope.current().user().username();
        return transaction.execute(status -> {
            int inserted = jdbc.sql("insert into urge (item_key, urged_on, urged_by, urged_at) values (:k, :d, :u, :t) on conflict do nothing")
                    .param("k", key).param("d", today).param("u", by).param("t", LocalDateTime.now(clock)).update();
            if (inserted == 0) return new Urged(key, false, today, 0);
            int sent = send.getAsInt();
            audit.record("supervision.urge", key, null, "urged on " + today);
            return new Urged(key, true, today, sent);
        });
    }

    /** The items the office urged today, for the board's buttons. */
    java.util.Set<String> urgedOn(LocalDate day) {
        return new java.util.HashSet<>(jdbc.sql("select item_key from urge where urged_on = :d").param("d", day).query(String.class).list());
    }
}
