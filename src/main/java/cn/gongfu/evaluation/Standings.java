package cn.gongfu.evaluation;

import cn.gongfu.evaluation.method.Assessment;
import cn.gongfu.evaluation.method.GrowthModel;
import cn.gongfu.evaluation.method.Point;
import cn.gongfu.evaluation.method.Status;
import cn.gongfu.evaluation.method.TrendCategory;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The stored standings of each plan: its indicators' assessments as of one month in its own region (tables
 * {@code plan_standing} and {@code indicator_standing}). Only storage: what to store, and when, is
 * {@link EvaluationService}'s. Every write starts with {@link #lock}, which updates the plan's row and so holds its
 * lock to the end of the transaction: two writers of one plan's standings never interleave, and a writer reads the
 * values after the one before it committed.
 */
@Component
class Standings {

    private static final String COLUMNS = """
            indicator_id, status, reason, target_met, report_overdue, baseline_period, baseline_value, current_period,
            current_value, goal, target_year, progress, expected_progress, pace, growth_model, rate_observed,
            rate_required, trend_ratio, trend_category, projected_value, anticipated_progress""";

    private static final String QUALIFIED = Arrays.stream(COLUMNS.split(","))
            .map(c -> "i." + c.strip()).collect(Collectors.joining(", "));

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final Clock clock;

    Standings(JdbcClient jdbc, JdbcTemplate batch, Clock clock) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.clock = clock;
    }

    /** The month the plan's standings are for, empty when it has none or they wait for a recompute. */
    Optional<YearMonth> asOf(long planId) {
        return jdbc.sql("select as_of from plan_standing where plan_id = :p").param("p", planId)
                .query((rs, i) -> Optional.ofNullable(rs.getString(1)).map(YearMonth::parse)).optional().flatMap(o -> o);
    }

    /** The plan's stored assessments by indicator id, when they are for {@code month}. */
    Optional<Map<Long, Assessment>> read(long planId, YearMonth month) {
        Map<Long, Assessment> byIndicator = new HashMap<>();
        boolean[] current = {false};
        jdbc.sql("select s.as_of, " + QUALIFIED + " from plan_standing s left join indicator_standing i on i.plan_id = s.plan_id where s.plan_id = :p")
                .param("p", planId).query(rs -> {
                    if (!month.toString().equals(rs.getString(1))) return;
                    current[0] = true;
                    long indicator = rs.getLong(2);
                    if (!rs.wasNull()) byIndicator.put(indicator, assessment(rs, 3));
                });
        return current[0] ? Optional.of(byIndicator) : Optional.empty();
    }

    /**
     * Takes the plan's row lock for this transaction (creating the row when the plan has none) and marks that its
     * figures move: a reader that computed them before cannot tell otherwise. Returns the month its standings are for,
     * empty when none are stored.
     */
    Optional<YearMonth> lock(long planId) {
        jdbc.sql("insert into plan_standing (plan_id, as_of, version, computed_at) values (:p, null, 0, :now) on conflict do nothing")
                .param("p", planId).param("now", LocalDateTime.now(clock)).update();
        jdbc.sql("update plan_standing set version = version + 1 where plan_id = :p").param("p", planId).update();
        return asOf(planId);
    }

    /** Drops the plan's standings (under its lock): the next read recomputes them. */
    void forget(long planId) {
        lock(planId);
        jdbc.sql("update plan_standing set as_of = null where plan_id = :p").param("p", planId).update();
        jdbc.sql("delete from indicator_standing where plan_id = :p").param("p", planId).update();
    }

    /** Marks every plan's standings for a recompute (a statistics feed may touch any indicator of any plan). */
    void forgetAll() {
        jdbc.sql("update plan_standing set as_of = null, version = version + 1").update();
    }

    /** Stores all of the plan's assessments as of {@code month}, replacing what it had; call under {@link #lock}. */
    void replaceAll(long planId, YearMonth month, Map<Long, Assessment> assessments) {
        jdbc.sql("delete from indicator_standing where plan_id = :p").param("p", planId).update();
        insert(planId, assessments);
        jdbc.sql("update plan_standing set as_of = :m, computed_at = :now where plan_id = :p")
                .param("m", month.toString()).param("now", LocalDateTime.now(clock)).param("p", planId).update();
    }

    /** Replaces the stored assessments of some of the plan's indicators; call under {@link #lock}. */
    void replace(long planId, Map<Long, Assessment> assessments) {
        if (assessments.isEmpty()) return;
        jdbc.sql("delete from indicator_standing where plan_id = :p and indicator_id in (:ids)")
                .param("p", planId).param("ids", assessments.keySet()).update();
        insert(planId, assessments);
    }

    /** The plans that have standings for a month (those an incremental change must keep current). */
    List<Long> plansWithStandings(Collection<Long> planIds) {
        if (planIds.isEmpty()) return List.of();
        return jdbc.sql("select plan_id from plan_standing where as_of is not null and plan_id in (:ids)")
                .param("ids", planIds).query(Long.class).list();
    }

    private void insert(long planId, Map<Long, Assessment> assessments) {
        List<Object[]> rows = new ArrayList<>(assessments.size());
        assessments.forEach((indicator, a) -> rows.add(new Object[] {planId, indicator, a.status().name(), a.reason(),
                a.targetMet(), a.reportOverdue(), period(a.baseline()), value(a.baseline()), period(a.current()),
                value(a.current()), a.goal(), a.targetYear(), a.progress(), a.expectedProgress(), a.pace(),
                a.growthModel() == null ? null : a.growthModel().name(), a.rateObserved(), a.rateRequired(), a.trendRatio(),
                a.trendCategory() == null ? null : a.trendCategory().name(), a.projectedValue(), a.anticipatedProgress()}));
        int[] types = {Types.BIGINT, Types.BIGINT, Types.VARCHAR, Types.VARCHAR, Types.BOOLEAN, Types.BOOLEAN, Types.VARCHAR,
                Types.DOUBLE, Types.VARCHAR, Types.DOUBLE, Types.DOUBLE, Types.INTEGER, Types.DOUBLE, Types.DOUBLE, Types.DOUBLE,
                Types.VARCHAR, Types.DOUBLE, Types.DOUBLE, Types.DOUBLE, Types.VARCHAR, Types.DOUBLE, Types.DOUBLE};
        batch.batchUpdate("insert into indicator_standing (plan_id, " + COLUMNS + ") values (?" + ", ?".repeat(types.length - 1) + ")",
                rows, types);
    }

    private static String period(Point p) {
        return p == null ? null : p.period().toString();
    }

    private static Double value(Point p) {
        return p == null ? null : p.value();
    }

    /** The assessment stored in the columns from {@code first} (status) on, as it was computed. */
    private static Assessment assessment(ResultSet rs, int first) throws SQLException {
        int c = first;
        Status status = Status.valueOf(rs.getString(c++));
        String reason = rs.getString(c++);
        boolean met = rs.getBoolean(c++);
        boolean overdue = rs.getBoolean(c++);
        Point baseline = point(rs, c);
        c += 2;
        Point current = point(rs, c);
        c += 2;
        Double goal = number(rs, c++);
        Integer targetYear = rs.getObject(c++, Integer.class);
        Double progress = number(rs, c++);
        double expected = rs.getDouble(c++);
        Double pace = number(rs, c++);
        String model = rs.getString(c++);
        Double observed = number(rs, c++);
        Double required = number(rs, c++);
        Double trend = number(rs, c++);
        String category = rs.getString(c++);
        Double projected = number(rs, c++);
        Double anticipated = number(rs, c);
        return new Assessment(status, reason, met, overdue, baseline, current, goal, targetYear, progress, expected, pace,
                model == null ? null : GrowthModel.valueOf(model), observed, required, trend,
                category == null ? null : TrendCategory.valueOf(category), projected, anticipated);
    }

    private static Point point(ResultSet rs, int column) throws SQLException {
        String period = rs.getString(column);
        return period == null ? null : new Point(YearMonth.parse(period), rs.getDouble(column + 1));
    }

    private static Double number(ResultSet rs, int column) throws SQLException {
        double d = rs.getDouble(column);
        return rs.wasNull() ? null : d;
    }
}
