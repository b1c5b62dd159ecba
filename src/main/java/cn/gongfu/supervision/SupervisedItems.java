package cn.gongfu.supervision;

import cn.gongfu.evaluation.IssueRecord;
import cn.gongfu.kernel.Scope;
import cn.gongfu.kernel.Where;
import cn.gongfu.supervision.SupervisedItem.Grade;
import cn.gongfu.supervision.SupervisedItem.Kind;
import cn.gongfu.supervision.SupervisedItem.State;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The supervised items (issues, instructions, orders) as other modules read them — the bulletin and the board: what is
 * still open, and the counts by unit with the closure rate; within the caller's scope (the system's: all). Also the
 * ranking's {@link IssueRecord}: how many items each unit had overdue.
 */
@Service
public class SupervisedItems implements IssueRecord {

    private final JdbcClient jdbc;
    private final Clock clock;

    SupervisedItems(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** An item not closed (open or answered), with its unit's name and how many days it is overdue (0 when not). */
    public record OpenItem(long id, Kind kind, String number, String title, long unitId, String unitName, Grade grade,
                           LocalDate deadline, State state, int daysOverdue) {}

    /**
     * Per unit: items not closed ({@code open}: open or answered), of them past their deadline ({@code overdue}), closed,
     * all of them, and the closure rate (closed / all, 0–1, two decimals).
     */
    public record UnitCounts(long unitId, String unitName, int open, int answered, int overdue, int closed, int total,
                             BigDecimal closureRate) {}

    /** The open and answered items of a plan (every plan when null), most overdue first. */
    public List<OpenItem> openItems(Long planId) {
        Scope.current().requireCaller();
        LocalDate today = LocalDate.now(clock);
        Where where = ItemService.visible(new Where().and("i.state <> 'CLOSED'")).and("i.plan_id = :plan", "plan", planId);
        return jdbc.sql("select i.id, i.kind, i.number, i.title, i.unit_id, u.name, i.grade, i.deadline, i.state "
                        + ItemService.FROM + where.sql() + " order by i.deadline, i.id")
                .params(where.params()).query((rs, n) -> {
                    LocalDate deadline = rs.getObject(8, LocalDate.class);
                    return new OpenItem(rs.getLong(1), Kind.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4), rs.getLong(5),
                            rs.getString(6), rs.getString(7) == null ? null : Grade.valueOf(rs.getString(7)), deadline,
                            State.valueOf(rs.getString(9)), deadline.isBefore(today) ? (int) ChronoUnit.DAYS.between(deadline, today) : 0);
                }).list();
    }

    /** The counts of a plan's items (every plan when null) by unit, the unit with the most overdue first. */
    public List<UnitCounts> countsByUnit(Long planId) {
        return countsByUnit(planId, null);
    }

    /** The same, of one kind only when {@code kind} is given. */
    public List<UnitCounts> countsByUnit(Long planId, Kind kind) {
        Scope.current().requireCaller();
        Where where = ItemService.visible(new Where()).and("i.plan_id = :plan", "plan", planId)
                .and("i.kind = :kind", "kind", kind == null ? null : kind.name());
        Map<String, Object> params = new HashMap<>(where.params());
        params.put("today", LocalDate.now(clock));
        return jdbc.sql("""
                        select i.unit_id, u.name,
                          sum(case when i.state = 'OPEN' then 1 else 0 end),
                          sum(case when i.state = 'ANSWERED' then 1 else 0 end),
                          sum(case when i.state <> 'CLOSED' and i.deadline < :today then 1 else 0 end),
                          sum(case when i.state = 'CLOSED' then 1 else 0 end),
                          count(*)
                        """ + ItemService.FROM + where.sql() + " group by i.unit_id, u.name")
                .params(params).query((rs, n) -> {
                    int closed = rs.getInt(6);
                    int total = rs.getInt(7);
                    return new UnitCounts(rs.getLong(1), rs.getString(2), rs.getInt(3) + rs.getInt(4), rs.getInt(4), rs.getInt(5),
                            closed, total, rate(closed, total));
                }).list().stream()
                .sorted(java.util.Comparator.comparingInt(UnitCounts::overdue).reversed().thenComparing(UnitCounts::unitName))
                .toList();
    }

    static BigDecimal rate(int closed, int total) {
        return total == 0 ? BigDecimal.ZERO.setScale(2) : BigDecimal.valueOf(closed).divide(BigDecimal.valueOf(total), 2, RoundingMode.HALF_UP);
    }

    /**
     * For the ranking: per unit of the plan with an item created by the end of {@code asOf}, how many were past their
     * deadline on {@code asOf} and not closed by then (an item closed later counts as open then; one reopened counts by
     * its current closure). Read as the system: a score is the same whoever looks.
     */
    @Override
    public Map<Long, Integer> overdueIssuesByUnit(long planId, LocalDate asOf) {
        Map<Long, Integer> result = new HashMap<>();
        jdbc.sql("""
                select unit_id, sum(case when deadline < :d and (closed_at is null or closed_at >= :after) then 1 else 0 end)
                from supervised_item where plan_id = :p and created_at < :after group by unit_id""")
                .param("p", planId).param("d", asOf).param("after", asOf.plusDays(1).atStartOfDay())
                .query(rs -> {
                    result.put(rs.getLong(1), rs.getInt(2));
                });
        return result;
    }

    /** For the assessment: per unit, issues overdue, red orders, orders due and answered on time; read as the system. */
    @Override
    public Map<Long, UnitItems> itemsByUnit(long planId, LocalDate asOf) {
        Map<Long, UnitItems> result = new HashMap<>();
        jdbc.sql("""
                select i.unit_id,
                  sum(case when i.kind = 'ISSUE' and i.deadline < :d and (i.closed_at is null or i.closed_at >= :after) then 1 else 0 end),
                  sum(case when i.kind = 'ORDER' and i.grade = 'RED' then 1 else 0 end),
                  sum(case when i.kind = 'ORDER' and i.deadline <= :d then 1 else 0 end),
                  sum(case when i.kind = 'ORDER' and i.deadline <= :d and exists (select 1 from item_entry e where e.item_id = i.id
                        and e.kind = 'ANSWER' and cast(e.created_at as date) <= i.deadline) then 1 else 0 end)
                from supervised_item i where i.plan_id = :p and i.created_at < :after group by i.unit_id""")
                .param("p", planId).param("d", asOf).param("after", asOf.plusDays(1).atStartOfDay())
                .query(rs -> {
                    result.put(rs.getLong(1), new UnitItems(rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5)));
                });
        return result;
    }
}
