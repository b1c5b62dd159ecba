package cn.gongfu.project;

import cn.gongfu.plan.PlanService;
import cn.gongfu.plan.TaskSummary;
import cn.gongfu.unit.UnitService;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo district's projects ({@code demo/qingxi-projects.json}): seven under the demo plan's tasks, their milestones
 * and their monthly reports of 2026 (accepted, by the office), so that the list shows every status from the first
 * start. Called by {@code demo.DemoDataLoader} once, on an empty database.
 */
@Component
public class ProjectDemo {

    static final String RESOURCE = "demo/qingxi-projects.json";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    record Demo(List<DemoProject> projects) {}

    record DemoProject(String task, String unit, String region, String name, BigDecimal planned, Integer annualYear,
                       BigDecimal annualPlanned, LocalDate start, LocalDate plannedEnd, List<DemoMilestone> milestones,
                       DemoReports reports) {}

    record DemoMilestone(String name, LocalDate due, LocalDate done) {}

    /**
     * Monthly reports from one month to another: {@code perMonth} completed each month, the cumulative rising from
     * {@code startTotal} (the first month's, earlier years included), the percent linearly.
     */
    record DemoReports(String from, String to, BigDecimal startTotal, BigDecimal perMonth, int startPercent, int endPercent,
                       String text) {}

    private final JdbcClient jdbc;
    private final PlanService plans;
    private final UnitService units;

    ProjectDemo(JdbcClient jdbc, PlanService plans, UnitService units) {
        this.jdbc = jdbc;
        this.plans = plans;
        this.units = units;
    }

    /** Loads the demo projects into the plan (its main list's task codes); returns how many. */
    public int load(long planId, String regionCode) {
        Demo demo;
        try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
            demo = JSON.readValue(in, Demo.class);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Map<String, Long> tasks = new HashMap<>();
        for (TaskSummary t : plans.tasksOfPlan(planId)) if ("main".equals(t.list())) tasks.put(t.code(), t.id());
        Map<String, Long> unitIds = units.resolve(regionCode, demo.projects().stream().map(DemoProject::unit).distinct().toList());
        LocalDateTime loaded = LocalDateTime.of(2026, 12, 1, 9, 0);
        for (DemoProject p : demo.projects()) {
            Long task = tasks.get(p.task());
            Long unit = unitIds.get(p.unit());
            if (task == null || unit == null) throw new IllegalStateException("demo project without its task or unit: " + p.name());
            GeneratedKeyHolder key = new GeneratedKeyHolder();
            jdbc.sql("""
                    insert into project (plan_id, task_id, unit_id, region_code, name, planned_investment, annual_year,
                                         annual_investment, start_date, planned_end, created_at, updated_at)
                    values (:plan, :task, :unit, :region, :name, :planned, :ay, :ai, :start, :end, :at, :at)""")
                    .param("plan", planId).param("task", task).param("unit", unit).param("region", p.region())
                    .param("name", p.name()).param("planned", p.planned()).param("ay", p.annualYear())
                    .param("ai", p.annualPlanned()).param("start", p.start()).param("end", p.plannedEnd()).param("at", loaded)
                    .update(key, "id");
            long id = key.getKey().longValue();
            int position = 0;
            for (DemoMilestone m : p.milestones()) {
                jdbc.sql("insert into project_milestone (project_id, position, name, due_date, done_date) values (:p, :pos, :n, :due, :done)")
                        .param("p", id).param("pos", position++).param("n", m.name()).param("due", m.due()).param("done", m.done()).update();
            }
            if (p.reports() != null) reports(id, p.reports(), loaded);
        }
        return demo.projects().size();
    }

    private void reports(long projectId, DemoReports r, LocalDateTime at) {
        YearMonth from = YearMonth.parse(r.from());
        YearMonth to = YearMonth.parse(r.to());
        long months = ChronoUnit.MONTHS.between(from, to);
        for (long k = 0; k <= months; k++) {
            BigDecimal total = r.startTotal().add(r.perMonth().multiply(BigDecimal.valueOf(k)));
            int percent = months == 0 ? r.endPercent()
                    : BigDecimal.valueOf(r.startPercent() + (r.endPercent() - r.startPercent()) * k / (double) months)
                            .setScale(0, RoundingMode.HALF_UP).intValue();
            jdbc.sql("""
                    insert into project_report (project_id, period, completed_month, completed_total, progress_percent,
                                                progress_text, state, updated_by, updated_at, accepted_by, accepted_at)
                    values (:p, :m, :cm, :ct, :pct, :text, 'accepted', 'demo', :at, 'demo', :at)""")
                    .param("p", projectId).param("m", from.plusMonths(k).toString()).param("cm", r.perMonth())
                    .param("ct", total).param("pct", percent).param("text", r.text()).param("at", at).update();
        }
    }
}
