package cn.gongfu.reporting;

import static cn.gongfu.kernel.BundleText.both;

import cn.gongfu.audit.AuditLog;
import cn.gongfu.kernel.InvalidParameterException;
import cn.gongfu.kernel.PlanInputsChanged;
import cn.gongfu.kernel.Role;
import cn.gongfu.kernel.Scope;
import cn.gongfu.plan.PlanService;
import cn.gongfu.vocabulary.Periods;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** When a plan's units report: the calendar the office sets, read by reporting and evaluation. */
@Service
public class ReportCalendarService {

    private final JdbcClient jdbc;
    private final PlanService plans;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    public ReportCalendarService(JdbcClient jdbc, PlanService plans, AuditLog audit, ApplicationEventPublisher events) {
        this.events = events;
        this.jdbc = jdbc;
        this.plans = plans;
        this.audit = audit;
    }

    public Optional<ReportCalendar> calendar(long planId) {
        plans.get(planId);
        return jdbc.sql("""
                select plan_id, cadence, indicator_cadence, due_day, first_period, last_period, grace_days, lock_after_grace
                from report_calendar where plan_id = :p""")
                .param("p", planId)
                .query((rs, i) -> new ReportCalendar(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                        rs.getString(5), rs.getString(6), rs.getInt(7), rs.getBoolean(8)))
                .optional();
    }

    /**
     * The office sets when a plan's units report; so may the system, for setup that runs before anyone signs in (the
     * demo district's calendar), audited as the system.
     */
    @Transactional
    public ReportCalendar setCalendar(long planId, String cadence, String indicatorCadence, int dueDay, String first, String last) {
        return setCalendar(planId, cadence, indicatorCadence, dueDay, first, last, null, null);
    }

    /** The most grace days a calendar gives: a quarter. */
    public static final int MAX_GRACE_DAYS = 92;

    /**
     * As {@link #setCalendar(long, String, String, int, String, String)}, with the grace days after the due day and
     * whether the period then locks; null keeps what the calendar has (none and no lock for a new one).
     */
    @Transactional
    public ReportCalendar setCalendar(long planId, String cadence, String indicatorCadence, int dueDay, String first, String last,
                                      Integer graceDays, Boolean lockAfterGrace) {
        Scope scope = Scope.current();
        if (!scope.system()) scope.require(Role.OFFICE, Role.ADMIN);
        plans.get(planId);
        if (!Set.of("monthly", "quarterly").contains(cadence)) throw new InvalidParameterException("cadence", both("calendar.error.cadence"));
        if (!Set.of("monthly", "quarterly", "annual").contains(indicatorCadence)) {
            throw new InvalidParameterException("indicatorCadence", both("calendar.error.indicatorCadence"));
        }
        if (dueDay < 1 || dueDay > 28) throw new InvalidParameterException("dueDay", both("calendar.error.dueDay"));
        if (!Periods.valid(first) || !Periods.cadenceOf(first).equals(cadence)) {
            throw new InvalidParameterException("firstPeriod", both("calendar.error.firstPeriod", first, cadence));
        }
        if (!Periods.valid(last) || !Periods.cadenceOf(last).equals(cadence) || Periods.firstDay(last).isBefore(Periods.firstDay(first))) {
            throw new InvalidParameterException("lastPeriod", both("calendar.error.lastPeriod", last, first));
        }
        Optional<ReportCalendar> existing = calendar(planId);
        int grace = graceDays != null ? graceDays : existing.map(ReportCalendar::graceDays).orElse(0);
        boolean locks = lockAfterGrace != null ? lockAfterGrace : existing.map(ReportCalendar::lockAfterGrace).orElse(false);
        if (grace < 0 || grace > MAX_GRACE_DAYS) throw new InvalidParameterException("graceDays", both("calendar.error.graceDays", MAX_GRACE_DAYS));
        String before = existing.map(Object::toString).orElse(null);
        jdbc.sql("delete from report_calendar where plan_id = :p").param("p", planId).update();
        jdbc.sql("""
                insert into report_calendar (plan_id, cadence, indicator_cadence, due_day, first_period, last_period,
                                             grace_days, lock_after_grace)
                values (:p, :c, :ic, :d, :f, :l, :g, :lock)""")
                .param("p", planId).param("c", cadence).param("ic", indicatorCadence).param("d", dueDay)
                .param("f", first).param("l", last).param("g", grace).param("lock", locks).update();
        ReportCalendar calendar = calendar(planId).orElseThrow();
        // the due day decides which yearly values count as overdue in the assessment
        events.publishEvent(new PlanInputsChanged(planId));
        audit.record("calendar.set", "plan:" + planId, before, calendar.toString());
        return calendar;
    }
}
