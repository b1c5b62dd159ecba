package cn.gongfu.supervision;

import cn.gongfu.kernel.Scope;
import cn.gongfu.plan.Plan;
import cn.gongfu.plan.PlanService;
import cn.gongfu.supervision.ReportReminderDue.Level;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The escalation ladder as it was climbed (催办升级): reporter → unit head → office → named in the next bulletin. The
 * daily job records, the first day an overdue report or milestone reaches a level of its plan's rule, one row per item
 * and level ({@code escalation}); the bulletin reads those that reached the bulletin's level ({@link #namedInBulletin}).
 */
@Service
public class Escalations {

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final PlanService plans;

    Escalations(JdbcClient jdbc, JdbcTemplate batch, PlanService plans) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.plans = plans;
    }

    /**
     * An overdue item that reached {@code level}: a report ({@code kind = "report"}, {@code period} its period) or a
     * milestone ({@code "milestone"}, {@code period} its month), the unit that owes it, when it was due, how late it was
     * when it reached the level, and that day.
     */
    public record Escalation(String kind, String itemKey, long planId, String regionCode, long unitId, String unitName, String period,
                             LocalDate dueOn, Level level, int daysLate, LocalDate reachedOn) {}

    /** Records the levels these items reached today; a level reached before stays as it was. */
    void record(List<Escalation> reached) {
        if (reached.isEmpty()) return;
        batch.batchUpdate("""
                insert into escalation (item_kind, item_key, plan_id, region_code, unit_id, unit_name, period, due_on, level, days_late, reached_on)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""", reached, 200, (ps, e) -> {
            ps.setString(1, e.kind());
            ps.setString(2, e.itemKey());
            ps.setLong(3, e.planId());
            ps.setString(4, e.regionCode());
            ps.setLong(5, e.unitId());
            ps.setString(6, e.unitName());
            ps.setString(7, e.period());
            ps.setObject(8, e.dueOn());
            ps.setString(9, e.level().name());
            ps.setInt(10, e.daysLate());
            ps.setObject(11, e.reachedOn());
        });
    }

    /**
     * The units to be named in a plan's bulletin for {@code month} (通报点名): the overdue reports and milestones of the
     * plan that reached the bulletin's level of the ladder ({@link ReminderRule#bulletinAfter()}) on a day of that month,
     * by unit and period. The plan must be in the caller's scope (the system's: any).
     */
    public List<Escalation> namedInBulletin(long planId, YearMonth month) {
        Plan plan = plans.get(planId);
        Scope.current().requireRegion(plan.regionCode(), "plan", planId);
        return jdbc.sql(SELECT + " where plan_id = :p and level = 'BULLETIN' and reached_on between :from and :to"
                        + " order by unit_name, item_kind desc, period")
                .param("p", planId).param("from", month.atDay(1)).param("to", month.atEndOfMonth())
                .query(Escalations::row).list();
    }

    /** The highest level each of these items reached, for the board. */
    java.util.Map<String, Escalation> highest(java.util.Collection<String> itemKeys) {
        java.util.Map<String, Escalation> result = new java.util.HashMap<>();
        if (itemKeys.isEmpty()) return result;
        jdbc.sql(SELECT + " where item_key in (:keys)").param("keys", itemKeys).query(Escalations::row).list()
                .forEach(e -> result.merge(e.itemKey(), e, (a, b) -> a.level().reaches(b.level()) ? a : b));
        return result;
    }

    private static final String SELECT = """
            select item_kind, item_key, plan_id, region_code, unit_id, unit_name, period, due_on, level, days_late, reached_on
            from escalation""";

    private static Escalation row(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new Escalation(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getLong(5), rs.getString(6),
                rs.getString(7), rs.getObject(8, LocalDate.class), Level.valueOf(rs.getString(9)), rs.getInt(10),
                rs.getObject(11, LocalDate.class));
    }
}
