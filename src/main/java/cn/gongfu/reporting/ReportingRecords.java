package cn.gongfu.reporting;

import cn.gongfu.plan.PlanService;
import cn.gongfu.vocabulary.Periods;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * How the units of a plan have reported so far, in counts: what the unit ranking scores as reporting timeliness
 * and quality. Reporting answers it from its own records (the submissions and the returns of them it audited),
 * so no other feature reads those.
 */
@Service
public class ReportingRecords {

    private final JdbcClient jdbc;
    private final PlanService plans;
    private final ReportCalendarService calendars;
    private final Clock clock;

    public ReportingRecords(JdbcClient jdbc, PlanService plans, ReportCalendarService calendars, Clock clock) {
        this.jdbc = jdbc;
        this.plans = plans;
        this.calendars = calendars;
        this.clock = clock;
    }

    /** One unit's reports on a plan: submitted by their due date, submitted at all, and returned (each return counts). */
    public record UnitRecord(long submittedOnTime, long submitted, long returned) {

        static final UnitRecord NONE = new UnitRecord(0, 0, 0);
    }

    /**
     * A plan's record: how many of its reporting periods were due before today (none without a calendar), and
     * each unit's reports by unit id.
     */
    public record PlanRecord(long periodsDue, Map<Long, UnitRecord> units) {

        /** The unit's record; all zero for a unit that has not reported. */
        public UnitRecord of(long unitId) {
            return units.getOrDefault(unitId, UnitRecord.NONE);
        }
    }

    /** The record of every unit that reported on the plan, which must lie within the caller's scope. */
    public PlanRecord ofPlan(long planId) {
        plans.get(planId);
        LocalDate today = LocalDate.now(clock);
        ReportCalendar calendar = calendars.calendar(planId).orElse(null);
        long periodsDue = calendar == null ? 0 : calendar.periods().stream()
                .filter(p -> Periods.dueOn(p, calendar.dueDay()).isBefore(today)).count();
        Map<Long, UnitRecord> units = new HashMap<>();
        // a return is known from the audit trail of the workflow (SubmissionWorkflow records 'submission.return')
        jdbc.sql("""
                select s.unit_id,
                       sum(case when s.submitted_at is not null and cast(s.submitted_at as date) <= s.due_on then 1 else 0 end),
                       sum(case when s.submitted_at is not null then 1 else 0 end),
                       (select count(*) from audit_event a where a.action = 'submission.return'
                          and a.target in (select 'submission:' || cast(x.id as varchar(20)) from submission x
                                           where x.plan_id = :p and x.unit_id = s.unit_id))
                from submission s where s.plan_id = :p group by s.unit_id""")
                .param("p", planId).query(rs -> {
                    units.put(rs.getLong(1), new UnitRecord(rs.getLong(2), rs.getLong(3), rs.getLong(4)));
                });
        return new PlanRecord(periodsDue, units);
    }
}
