package cn.gongfu.plan;

import static cn.gongfu.kernel.BundleText.both;

import cn.gongfu.audit.AuditFields;
import cn.gongfu.audit.AuditLog;
import cn.gongfu.audit.HistoryLine;
import cn.gongfu.indicator.IndicatorEdits;
import cn.gongfu.indicator.IndicatorEdits.EditableTarget;
import cn.gongfu.kernel.FieldErrors;
import cn.gongfu.kernel.Inputs;
import cn.gongfu.kernel.InvalidInputException;
import cn.gongfu.kernel.InvalidParameterException;
import cn.gongfu.kernel.NotFoundException;
import cn.gongfu.kernel.PlanInputsChanged;
import cn.gongfu.kernel.Role;
import cn.gongfu.kernel.Rows;
import cn.gongfu.kernel.Scope;
import cn.gongfu.kernel.StaleVersionException;
import cn.gongfu.unit.UnitService;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A published plan and its tasks stay editable by the office whose scope covers the plan's region. Each row counts
 * its changes ({@code version}, V15): an edit names the version it was made on and one made on an older version is
 * refused ({@link StaleVersionException}, 409), never overwriting another's. Each change is audited with what it
 * replaced; the audit log is the history the edit pages show. Tasks and milestones are added and deleted too, except
 * where what units reported on them was accepted ({@link AcceptedReports}): accepted data stays as it was accepted.
 */
@Service
public class PublishedPlanEdits {

    private final JdbcClient jdbc;
    private final PlanService plans;
    private final UnitService units;
    private final Inputs inputs;
    private final AuditLog audit;
    private final IndicatorEdits indicatorEdits;
    private final ObjectProvider<AcceptedReports> acceptedReports;

    /** The list a task added after publishing joins: the plan's main list ('main', V1). */
    static final String MAIN_LIST = "main";

    private final ApplicationEventPublisher events;

    public PublishedPlanEdits(JdbcClient jdbc, PlanService plans, UnitService units, Inputs inputs, AuditLog audit,
                              IndicatorEdits indicatorEdits, ObjectProvider<AcceptedReports> acceptedReports,
                              ApplicationEventPublisher events) {
        this.events = events;
        this.jdbc = jdbc;
        this.plans = plans;
        this.units = units;
        this.inputs = inputs;
        this.audit = audit;
        this.indicatorEdits = indicatorEdits;
        this.acceptedReports = acceptedReports;
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
        // the years move the baseline and the final target the indicators are assessed against
        events.publishEvent(new PlanInputsChanged(planId));
        audit.record("plan.edit", "plan:" + planId, describe(version, plan.title(), plan.issuer(), plan.startYear(), plan.endYear()),
                describe(version + 1, in.title().strip(), issuer, in.startYear(), in.endYear()));
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
        Map<String, Long> ids = checkedUnits(before.planId(), before.list(), taskId, in, new ArrayList<>());

        int updated = jdbc.sql("""
                update task set code = :code, title = :title, body = :body, lead_officials = :officials, version = version + 1
                where id = :id and version = :version""")
                .param("code", in.code().strip()).param("title", in.title().strip())
                .param("officials", officials(in)).param("body", body(in))
                .param("id", taskId).param("version", version).update();
        if (updated != 1) throw new StaleVersionException("task:" + taskId, version, taskVersion(taskId));
        jdbc.sql("delete from task_unit where task_id = :id").param("id", taskId).update();
        insertUnits(taskId, in, ids);
        TaskDetail after = plans.task(taskId);
        audit.record("task.edit", "task:" + taskId, describe(version, before).json(), describe(version + 1, after).json());
        return version + 1;
    }

    /**
     * Adds a task to a published plan (its main list, after the others), with its units and milestones, under one of
     * the plan's sections or none. Audited on the plan (the plan's page lists what was added and deleted).
     */
    @Transactional
    public long addTask(long planId, Long sectionId, TaskInput in) {
        officePlan(planId);
        inputs.check(in);
        List<FieldErrors.Error> problems = new ArrayList<>();
        if (sectionId != null && plans.sections(planId).stream().noneMatch(s -> s.id() == sectionId)) {
            problems.add(new FieldErrors.Error("section", both("plan.edit.noSuchSection", sectionId)));
        }
        Map<String, Long> ids = checkedUnits(planId, MAIN_LIST, null, in, problems);
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into task (plan_id, section_id, list_name, code, category, title, body, lead_officials, position)
                values (:plan, :section, :list, :code, 'measure', :title, :body, :officials,
                        (select coalesce(max(t.position), 0) + 1 from task t where t.plan_id = :plan))""")
                .param("plan", planId).param("section", sectionId, Types.BIGINT).param("list", MAIN_LIST)
                .param("code", in.code().strip()).param("title", in.title().strip()).param("body", body(in))
                .param("officials", officials(in)).update(key, "id");
        long taskId = key.getKey().longValue();
        insertUnits(taskId, in, ids);
        List<TaskInput.MilestoneInput> milestones = in.milestones() == null ? List.of() : in.milestones();
        for (TaskInput.MilestoneInput m : milestones) insertMilestone(taskId, m);
        TaskDetail added = plans.task(taskId);
        audit.record("task.add", "plan:" + planId, null,
                describe(0, added).with("milestones", joined(added.milestones().stream().map(PublishedPlanEdits::words).toList())).json());
        return taskId;
    }

    /**
     * Deletes a published task with its milestones and targets, unless what units reported on it was accepted: an
     * accepted task report, milestone report or value of one of its targets' indicators keeps it (accepted data stays
     * locked), and the refusal says what keeps it. Audited on the plan with all that went.
     */
    @Transactional
    public long deleteTask(long taskId, int version) {
        TaskDetail task = officeTask(taskId);
        int current = taskVersion(taskId);
        if (current != version) throw new StaleVersionException("task:" + taskId, version, current);
        int reports = accepted().acceptedReportsOfTask(taskId);
        int values = indicatorEdits.acceptedValuesOfTask(taskId);
        if (reports > 0 || values > 0) {
            throw new InvalidParameterException("delete", both("plan.edit.taskLocked", task.code(), reports, values));
        }
        AuditFields gone = describe(version, task);
        List<EditableTarget> targets = indicatorEdits.deleteTargetsOfTask(taskId);
        gone.with("milestones", joined(task.milestones().stream().map(PublishedPlanEdits::words).toList()))
                .with("targets", joined(targets.stream().map(t -> t.indicatorName() + " " + t.year() + " " + IndicatorEdits.words(t)).toList()));
        jdbc.sql("delete from milestone where task_id = :id").param("id", taskId).update();
        jdbc.sql("delete from task_unit where task_id = :id").param("id", taskId).update();
        int deleted = jdbc.sql("delete from task where id = :id and version = :version").param("id", taskId).param("version", version).update();
        if (deleted != 1) throw new StaleVersionException("task:" + taskId, version, taskVersion(taskId));
        audit.record("task.delete", "plan:" + task.planId(), gone.json(), null);
        return task.planId();
    }

    public int milestoneVersion(long milestoneId) {
        return milestone(milestoneId).version();
    }

    /** Adds a milestone to a published task. */
    @Transactional
    public long addMilestone(long taskId, TaskInput.MilestoneInput in) {
        officeTask(taskId);
        checkMilestone(in);
        long id = insertMilestone(taskId, in);
        audit.record("milestone.add", "milestone:" + id, null, describe(milestone(id)).json());
        return id;
    }

    /** Changes what a published milestone asks for and by when (its months); its state and completion stay. */
    @Transactional
    public int editMilestone(long milestoneId, int version, TaskInput.MilestoneInput in) {
        Milestone before = officeMilestone(milestoneId);
        if (before.version() != version) throw new StaleVersionException("milestone:" + milestoneId, version, before.version());
        checkMilestone(in);
        int updated = jdbc.sql("""
                update milestone set from_month = :from, to_month = :to, text = :text, version = version + 1
                where id = :id and version = :version""")
                .param("from", in.from()).param("to", in.to()).param("text", in.text().strip())
                .param("id", milestoneId).param("version", version).update();
        if (updated != 1) throw new StaleVersionException("milestone:" + milestoneId, version, milestoneVersion(milestoneId));
        audit.record("milestone.edit", "milestone:" + milestoneId, describe(before).json(), describe(milestone(milestoneId)).json());
        return version + 1;
    }

    /** Deletes a published milestone, unless a report saying it was completed was accepted. Audited on its task. */
    @Transactional
    public long deleteMilestone(long milestoneId, int version) {
        Milestone m = officeMilestone(milestoneId);
        if (m.version() != version) throw new StaleVersionException("milestone:" + milestoneId, version, m.version());
        int reports = accepted().acceptedReportsOfMilestone(milestoneId);
        if (reports > 0) throw new InvalidParameterException("delete", both("plan.edit.milestoneLocked", m.text(), reports));
        int deleted = jdbc.sql("delete from milestone where id = :id and version = :version")
                .param("id", milestoneId).param("version", version).update();
        if (deleted != 1) throw new StaleVersionException("milestone:" + milestoneId, version, milestoneVersion(milestoneId));
        audit.record("milestone.delete", "task:" + m.taskId(), describe(m).json(), null);
        return m.taskId();
    }

    /** The history of a plan, a task, a target or a milestone: their audit events, newest first, in words. */
    public List<HistoryLine> history(Collection<String> subjects) {
        return audit.historyLines(subjects, 100);
    }

    /**
     * The task's unit names resolved in the plan's region, with every problem of the input (unknown units, the code
     * taken in its list, too many officials) added to {@code problems} and thrown together.
     */
    private Map<String, Long> checkedUnits(long planId, String list, Long taskId, TaskInput in, List<FieldErrors.Error> problems) {
        Plan plan = plans.get(planId);
        Set<String> names = new LinkedHashSet<>(in.leadUnits());
        names.addAll(in.coUnits());
        Map<String, Long> ids = units.resolve(plan.regionCode(), names);
        problems.addAll(in.officialsProblems());
        unknown("leadUnits", in.leadUnits(), ids, problems);
        unknown("coUnits", in.coUnits(), ids, problems);
        String code = in.code().strip();
        boolean taken = jdbc.sql("select count(*) from task where plan_id = :plan and list_name = :list and code = :code and id <> :id")
                .param("plan", planId).param("list", list).param("code", code).param("id", taskId == null ? -1 : taskId)
                .query(Integer.class).single() > 0;
        if (taken) problems.add(new FieldErrors.Error("code", both("import.correct.codeTaken", code)));
        if (!problems.isEmpty()) throw new InvalidInputException(problems);
        return ids;
    }

    private void insertUnits(long taskId, TaskInput in, Map<String, Long> ids) {
        Set<Long> seen = new LinkedHashSet<>();
        int position = 0;
        for (String n : in.leadUnits()) position = insertUnit(taskId, ids.get(n), "lead", position, seen);
        for (String n : in.coUnits()) position = insertUnit(taskId, ids.get(n), "co", position, seen);
    }

    private long insertMilestone(long taskId, TaskInput.MilestoneInput m) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into milestone (task_id, from_month, to_month, text) values (:task, :from, :to, :text)")
                .param("task", taskId).param("from", m.from()).param("to", m.to()).param("text", m.text().strip()).update(key, "id");
        return key.getKey().longValue();
    }

    /** Bean Validation on the milestone, then its months in order (the column's check, named before it is hit). */
    private void checkMilestone(TaskInput.MilestoneInput in) {
        inputs.check(in);
        if (in.to().compareTo(in.from()) < 0) {
            throw new InvalidInputException(List.of(new FieldErrors.Error("to", both("plan.edit.monthsBackwards", in.from(), in.to()))));
        }
    }

    Milestone milestone(long id) {
        return jdbc.sql("""
                select id, task_id, from_month, to_month, text, state, completed_on, evidence, version
                from milestone where id = :id""").param("id", id).query(Rows.of(Milestone.class)).optional()
                .orElseThrow(() -> new NotFoundException("milestone", id));
    }

    private Milestone officeMilestone(long id) {
        Milestone m = milestone(id);
        officeTask(m.taskId());
        return m;
    }

    private AcceptedReports accepted() {
        return acceptedReports.getIfAvailable(() -> NO_REPORTS);
    }

    private static final AcceptedReports NO_REPORTS = new AcceptedReports() {
        @Override
        public int acceptedReportsOfTask(long taskId) {
            return 0;
        }

        @Override
        public int acceptedReportsOfMilestone(long milestoneId) {
            return 0;
        }
    };

    private static String officials(TaskInput in) {
        return in.leadOfficials().isEmpty() ? null : String.join(TaskInput.LIST_SEPARATOR, in.leadOfficials());
    }

    private static String body(TaskInput in) {
        return in.text() == null || in.text().isBlank() ? null : in.text().strip();
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

    private static String describe(int version, String title, String issuer, int start, int end) {
        return AuditFields.at(version).with("title", title).with("issuer", issuer).with("startYear", start).with("endYear", end).json();
    }

    static AuditFields describe(int version, TaskDetail t) {
        return AuditFields.at(version).with("code", (MAIN_LIST.equals(t.list()) ? "" : t.list() + "/") + t.code())
                .with("title", t.title()).with("text", t.text())
                .with("leadUnits", joined(t.leadUnits().stream().map(UnitRef::name).toList()))
                .with("coUnits", joined(t.coUnits().stream().map(UnitRef::name).toList()))
                .with("leadOfficials", joined(t.leadOfficials()));
    }

    private static String joined(List<String> items) {
        return String.join(TaskInput.LIST_SEPARATOR, items);
    }

    private static AuditFields describe(Milestone m) {
        return AuditFields.at(m.version()).with("text", m.text()).with("from", m.fromMonth()).with("to", m.toMonth());
    }

    /** A milestone as one line: its months and what is due (2025-03–2025-06 完成建设). */
    static String words(Milestone m) {
        return (m.fromMonth().equals(m.toMonth()) ? m.toMonth() : m.fromMonth() + "–" + m.toMonth()) + " " + m.text();
    }
}
