package cn.gongfu.generate;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What a generated data set holds, read from the database and scoped to its province's region codes. */
final class GeneratedDataSets {

    private GeneratedDataSets() {}

    /** Counts and sums of everything under the province {@code code} (9X0000): equal for equal seeds. */
    static Map<String, Object> fingerprint(JdbcClient jdbc, String provinceCode) {
        String p = provinceCode.substring(0, 2) + "%";
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("regions", count(jdbc, "select count(*) from region where code like :p", p));
        f.put("counties", count(jdbc, "select count(*) from region where code like :p and level = 'county'", p));
        f.put("towns", count(jdbc, "select count(*) from region where code like :p and level = 'town'", p));
        f.put("units", count(jdbc, "select count(*) from unit where region_code like :p", p));
        f.put("plans", count(jdbc, "select count(*) from plan where region_code like :p", p));
        f.put("sections", count(jdbc, "select count(*) from section s join plan pl on pl.id = s.plan_id where pl.region_code like :p", p));
        f.put("tasks", count(jdbc, "select count(*) from task t join plan pl on pl.id = t.plan_id where pl.region_code like :p", p));
        f.put("taskUnits", count(jdbc, "select count(*) from task_unit tu join task t on t.id = tu.task_id join plan pl on pl.id = t.plan_id where pl.region_code like :p", p));
        f.put("milestones", count(jdbc, "select count(*) from milestone m join task t on t.id = m.task_id join plan pl on pl.id = t.plan_id where pl.region_code like :p", p));
        f.put("milestonesDone", count(jdbc, "select count(*) from milestone m join task t on t.id = m.task_id join plan pl on pl.id = t.plan_id where pl.region_code like :p and m.completed_on is not null", p));
        f.put("indicators", count(jdbc, "select count(*) from indicator where region_code like :p", p));
        f.put("targets", count(jdbc, "select count(*) from target where region_code like :p", p));
        f.put("targetSum", sum(jdbc, "select sum(value) from target where region_code like :p", p));
        f.put("observations", count(jdbc, "select count(*) from observation where region_code like :p", p));
        f.put("observationSum", sum(jdbc, "select sum(value) from observation where region_code like :p", p));
        f.put("users", count(jdbc, "select count(*) from app_user where region_code like :p", p));
        f.put("names", count(jdbc, "select sum(length(name)) from unit where region_code like :p", p));
        return f;
    }

    static long count(JdbcClient jdbc, String sql, String p) {
        Number n = jdbc.sql(sql).param("p", p).query(Number.class).single();
        return n == null ? 0 : n.longValue();
    }

    static BigDecimal sum(JdbcClient jdbc, String sql, String p) {
        BigDecimal n = jdbc.sql(sql).param("p", p).query(BigDecimal.class).single();
        return n == null ? BigDecimal.ZERO : n.setScale(2, java.math.RoundingMode.HALF_UP);
    }
}
