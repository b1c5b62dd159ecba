package cn.gongfu.plan;

import static cn.gongfu.kernel.BundleText.both;

import cn.gongfu.audit.AuditEvent;
import cn.gongfu.audit.AuditLog;
import cn.gongfu.kernel.FieldErrors;
import cn.gongfu.kernel.Inputs;
import cn.gongfu.kernel.InvalidInputException;
import cn.gongfu.kernel.NotFoundException;
import cn.gongfu.kernel.Role;
import cn.gongfu.kernel.Scope;
import cn.gongfu.kernel.StaleVersionException;
import cn.gongfu.unit.UnitService;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A published plan and its tasks stay editable by the office whose scope covers the plan's region. Each row counts
 * its changes ({@code version}, V15): an edit names the version it was made on and one made on an older version is
 * refused ({@link StaleVersionException}, 409), never overwriting another's. Each change is audited with what it
 * replaced; the audit log is the history the edit pages show. Milestones and what units reported stay as they are.
 */
@Service
public class PublishedPlanEdits {

    private final JdbcClient jdbc;
    private final PlanService plans;
    private final UnitService units;
    private final Inputs inputs;
    private final AuditLog audit;

    public PublishedPlanEdits(JdbcClient jdbc, PlanService plans, UnitService units, Inputs inputs, AuditLog audit) {
        this.jdbc = jdbc;
        this.plans = plans;
        this.units = units;
        this.inputs = inputs;
        this.audit = audit;
    }

    public int planVersion(long planId) {
        officePlan(planId);
        return jdbc.sql("select version from plan where id = :id").param("id", planId).query(Integer.class).single();
    }

    public int taskVersion(long taskId) {
        return jdbc.sql("select version from task where id = :id").param("id", taskId).query(Integer.class).optional()
                .orElseThrow(() -> new NotFoundException("task", taskId));
    }

    @Transactional
    public int editPlan(long planId, int version, PlanInput in) {
        Plan plan = officePlan(planId);
        int current = planVersion(planId);
        if (current != version) throw new StaleVersionException("plan:" + planId, version, current);
        inputs.check(in);
        if (in.endYear() < in.startYear()) {
            throw new InvalidInputException(List.of(new FieldErrors.Error("endYear", both("plan.edit.yearsBackwards", in.startYear(), in.endYear()))));
        }
        String issuer = in.issuer() == null || in.issuer().isBlank() ? null : in.issuer().strip();
        int updated = jdbc.sql("""
                update plan set title = :title, issuer = :issuer, start_year = :start, end_year = :end, version = version + 1
                where id = :id and version = :version""")
                .param("title", in.title().strip()).param("issuer", issuer).param("start", in.startYear()).param("end", in.endYear())
                .param("id", planId).param("version", version).update();
        if (updated != 1) throw new StaleVersionException("plan:" + planId, version, planVersion(planId));
        audit.record("plan.edit", "plan:" + planId, "v" + version + " " + describe(plan.title(), plan.issuer(), plan.startYear(), plan.endYear()),
                "v" + (version + 1) + " " + describe(in.title().strip(), issuer, in.startYear(), in.endYear()));
        return version + 1;
    }

    /**
     * Changes a task's code, title, text and units. Units are named as the office writes them and resolved through the
     * region's names and aliases; a name that resolves to nothing is refused, naming it.
     */
    @Transactional
    public int editTask(long taskId, int version, TaskInput in) {
        TaskDetail before = officeTask(taskId);
        int current = taskVersion(taskId);
        if (current != version) throw new StaleVersionException("task:" + taskId, version, current);
        inputs.check(in);
        Plan plan = plans.get(before.planId());
        Set<String> names = new LinkedHashSet<>(in.leadUnits());
        names.addAll(in.coUnits());
        Map<String, Long> ids = units.resolve(plan.regionCode(), names);
        List<FieldErrors.Error> problems = new ArrayList<>(in.officialsProblems());
        unknown("leadUnits", in.leadUnits(), ids, problems);
        unknown("coUnits", in.coUnits(), ids, problems);
        String code = in.code().strip();
        boolean taken = jdbc.sql("select count(*) from task where plan_id = :plan and list_name = :list and code = :code and id <> :id")
                .param("plan", before.planId()).param("list", before.list()).param("code", code).param("id", taskId)
                .query(Integer.class).single() > 0;
        if (taken) problems.add(new FieldErrors.Error("code", both("import.correct.codeTaken", code)));
        if (!problems.isEmpty()) throw new InvalidInputException(problems);

        int updated = jdbc.sql("""
                update task set code = :code, title = :title, body = :body, lead_officials = :officials, version = version + 1
                where id = :id and version = :version""")
                .param("code", code).param("title", in.title().strip())
                .param("officials", in.leadOfficials().isEmpty() ? null : String.join(TaskInput.LIST_SEPARATOR, in.leadOfficials()))
                .param("body", in.text() == null || in.text().isBlank() ? null : in.text().strip())
                .param("id", taskId).param("version", version).update();
        if (updated != 1) throw new StaleVersionException("task:" + taskId, version, taskVersion(taskId));
        jdbc.sql("delete from task_unit where task_id = :id").param("id", taskId).update();
        Set<Long> seen = new LinkedHashSet<>();
        int position = 0;
        for (String n : in.leadUnits()) position = insertUnit(taskId, ids.get(n), "lead", position, seen);
        for (String n : in.coUnits()) position = insertUnit(taskId, ids.get(n), "co", position, seen);
        TaskDetail after = plans.task(taskId);
        audit.record("task.edit", "task:" + taskId, "v" + version + " " + describe(before), "v" + (version + 1) + " " + describe(after));
        return version + 1;
    }

    /** The history of a plan, a task or a target: their audit events, newest first. */
    public List<AuditEvent> history(Collection<String> subjects) {
        return audit.history(subjects, 100);
    }

    private int insertUnit(long taskId, long unitId, String role, int position, Set<Long> seen) {
        if (!seen.add(unitId)) return position;
        jdbc.sql("insert into task_unit (task_id, unit_id, role, position) values (:task, :unit, :role, :pos)")
                .param("task", taskId).param("unit", unitId).param("role", role).param("pos", position).update();
        return position + 1;
    }

    private static void unknown(String field, List<String> names, Map<String, Long> ids, List<FieldErrors.Error> problems) {
        List<String> missing = names.stream().filter(n -> !ids.containsKey(n)).toList();
        if (!missing.isEmpty()) problems.add(new FieldErrors.Error(field, both("plan.edit.unknownUnits", String.join(TaskInput.LIST_SEPARATOR, missing))));
    }

    /** The plan, if the caller is an office or administrator whose scope covers its region. */
    Plan officePlan(long planId) {
        Scope scope = Scope.current();
        scope.require(Role.OFFICE, Role.ADMIN);
        Plan plan = plans.get(planId);
        scope.requireRegion(plan.regionCode(), "plan", planId);
        return plan;
    }

    TaskDetail officeTask(long taskId) {
        Scope.current().require(Role.OFFICE, Role.ADMIN);
        TaskDetail task = plans.task(taskId);
        officePlan(task.planId());
        return task;
    }

    private static String describe(String title, String issuer, int start, int end) {
        return title + " | issuer " + issuer + " | " + start + "–" + end;
    }

    static String describe(TaskDetail t) {
        return t.list() + "/" + t.code() + " " + t.title() + " | lead " + t.leadUnits().stream().map(UnitRef::name).toList()
                + " | co " + t.coUnits().stream().map(UnitRef::name).toList()
                + " | officials " + t.leadOfficials()
                + " | text " + (t.text() == null ? 0 : t.text().length()) + " chars";
    }
}
