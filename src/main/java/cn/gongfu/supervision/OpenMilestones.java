package cn.gongfu.supervision;

import cn.gongfu.kernel.Scope;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The milestones (进度节点) of published plans not done yet, with the lead units of their tasks: what milestone reminders,
 * milestone warnings and the board start from. A milestone is due at the end of its last month ({@code to_month}); it is
 * done once it has a completion date or the state {@code done} (reporting's accepted reports set both through the plan
 * module). Read from the plan module's tables, which supervision is built on, in one query.
 */
@Component
class OpenMilestones {

    private final JdbcClient jdbc;

    OpenMilestones(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A milestone still open and one lead unit of its task (a task with two lead units gives two rows). */
    record Open(long milestoneId, long taskId, String taskCode, String taskTitle, String text, String fromMonth, String month,
                long planId, String planTitle, String regionCode, long unitId, String unitName) {

        LocalDate dueOn() {
            return YearMonth.parse(month).atEndOfMonth();
        }

        /** Whole months its month is behind {@code today}'s: 1 in the month after it. */
        int monthsLate(LocalDate today) {
            return (int) java.time.temporal.ChronoUnit.MONTHS.between(YearMonth.parse(month), YearMonth.from(today));
        }

        String itemKey() {
            return "milestone:" + milestoneId + ":" + unitId;
        }
    }

    /**
     * The open milestones whose month is {@code upTo} or earlier, of the plans in the caller's regions (the system: all),
     * optionally of one milestone or one lead unit.
     */
    List<Open> upTo(YearMonth upTo, Long onlyMilestone, Long onlyUnit) {
        Scope scope = Scope.current();
        StringBuilder sql = new StringBuilder("""
                select m.id, t.id, t.code, t.title, m.text, m.from_month, m.to_month, p.id, p.title, p.region_code, u.id, u.name
                from milestone m join task t on t.id = m.task_id join plan p on p.id = t.plan_id
                join task_unit tu on tu.task_id = t.id and tu.role = 'lead' join unit u on u.id = tu.unit_id
                where m.state <> 'done' and m.completed_on is null and p.state = 'published' and m.to_month <= :upTo""");
        Map<String, Object> params = new HashMap<>();
        params.put("upTo", upTo.toString());
        if (scope.regions() != null) {
            sql.append(" and p.region_code in (:regions)");
            params.put("regions", scope.regions().isEmpty() ? List.of("-") : scope.regions());
        }
        if (onlyMilestone != null) {
            sql.append(" and m.id = :m");
            params.put("m", onlyMilestone);
        }
        if (onlyUnit != null) {
            sql.append(" and u.id = :u");
            params.put("u", onlyUnit);
        }
        sql.append(" order by m.to_month, p.id, t.id, m.id, tu.position");
        return jdbc.sql(sql.toString()).params(params)
                .query((rs, i) -> new Open(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6).strip(), rs.getString(7).strip(), rs.getLong(8), rs.getString(9), rs.getString(10),
                        rs.getLong(11), rs.getString(12)))
                .list();
    }
}
