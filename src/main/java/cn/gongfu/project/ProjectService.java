package cn.gongfu.project;

import cn.gongfu.audit.AuditFields;
import cn.gongfu.audit.AuditLog;
import cn.gongfu.audit.HistoryLine;
import cn.gongfu.kernel.BundleText;
import cn.gongfu.kernel.FieldErrors;
import cn.gongfu.kernel.InvalidInputException;
import cn.gongfu.kernel.InvalidParameterException;
import cn.gongfu.kernel.NotFoundException;
import cn.gongfu.kernel.PageRequest;
import cn.gongfu.kernel.PageResult;
import cn.gongfu.kernel.Role;
import cn.gongfu.kernel.Scope;
import cn.gongfu.kernel.StaleVersionException;
import cn.gongfu.kernel.Where;
import cn.gongfu.plan.Plan;
import cn.gongfu.plan.PlanService;
import cn.gongfu.region.RegionService;
import cn.gongfu.unit.Unit;
import cn.gongfu.unit.UnitService;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Projects (项目化, issue 16): the office's list of projects under a plan's tasks, with their milestones, created and
 * edited under optimistic locking (a stale version is a 409) and imported from .xlsx ({@link ProjectImport}); the units'
 * monthly reports of investment and construction progress, accepted and then locked by the office; every change audited
 * ({@code project.*}, target {@code project:<id>}). Statuses come from {@link ProjectStatusRule}.
 *
 * <p>Who: the office (and administrators) of the plan's region write projects and accept reports; the reporters and
 * heads of a project's responsible unit write its monthly reports; everyone reads within their scope (the office and
 * leaders the projects of their regions' plans, a unit's people their unit's projects).
 */
@Service
public class ProjectService {

    /** The statuses a list filters by, as their names. */
    public static final List<String> STATUSES = java.util.Arrays.stream(ProjectStatus.values()).map(Enum::name).toList();

    private final JdbcClient jdbc;
    private final PlanService plans;
    private final UnitService units;
    private final RegionService regions;
    private final AuditLog audit;
    private final Clock clock;
    private final ProjectStatusRule rule = new ProjectStatusRule();
    private final cn.gongfu.kernel.Inputs inputs;

    ProjectService(JdbcClient jdbc, PlanService plans, UnitService units, RegionService regions, AuditLog audit, Clock clock,
                   cn.gongfu.kernel.Inputs inputs) {
        this.inputs = inputs;
        this.jdbc = jdbc;
        this.plans = plans;
        this.units = units;
        this.regions = regions;
        this.audit = audit;
        this.clock = clock;
    }

    /** A list's filter: each null means any; {@code asOf} null: this month. */
    public record Filter(Long planId, Long unitId, String regionCode, ProjectStatus status, String text, YearMonth asOf) {}

    /** A page of a filtered list with the totals of every row that matched, by unit and by region too. */
    public record Listing(PageResult<Project.Row> page, Project.Totals all, List<Project.Totals> byUnit,
                          List<Project.Totals> byRegion, YearMonth asOf) {}

    public YearMonth thisMonth() {
        return YearMonth.now(clock);
    }

    /**
     * The month lists and pages assess by default: last month, the latest a unit can have reported in full (a month's
     * report is made in its last days or early in the next).
     */
    public YearMonth defaultMonth() {
        return thisMonth().minusMonths(1);
    }

    // ---- commands: projects

    @Transactional
    public long create(ProjectInput in) {
        Scope.current().require(Role.OFFICE, Role.ADMIN);
        inputs.check(in);
        Checked c = check(in);
        LocalDateTime now = LocalDateTime.now(clock);
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into project (plan_id, task_id, unit_id, region_code, name, planned_investment, annual_year,
                                     annual_investment, start_date, planned_end, created_at, updated_at)
                values (:plan, :task, :unit, :region, :name, :planned, :ay, :ai, :start, :end, :now, :now)""")
                .param("plan", c.planId()).param("task", in.task()).param("unit", in.unit()).param("region", in.region())
                .param("name", in.name()).param("planned", in.planned()).param("ay", in.annualYear())
                .param("ai", in.annualPlanned()).param("start", in.start()).param("end", in.plannedEnd()).param("now", now)
                .update(key, "id");
        long id = key.getKey().longValue();
        int position = 0;
        for (ProjectInput.MilestoneInput m : in.milestones()) insertMilestone(id, position++, m);
        audit.record("project.create", target(id), null, fields(get(id)).json());
        return id;
    }

    @Transactional
    public void update(long id, int expectedVersion, ProjectInput in) {
        Scope.current().require(Role.OFFICE, Role.ADMIN);
        Project before = get(id);
        if (before.version() != expectedVersion) throw new StaleVersionException("project " + id, expectedVersion, before.version());
        inputs.check(in);
        Checked c = check(in);
        if (c.planId() != before.planId()) {
            throw new InvalidParameterException("task", BundleText.both("project.error.otherPlan"));
        }
        Map<Long, Project.Milestone> existing = before.milestones().stream()
                .collect(Collectors.toMap(Project.Milestone::id, Function.identity()));
        List<FieldErrors.Error> errors = new ArrayList<>();
        Set<Long> kept = in.milestones().stream().map(ProjectInput.MilestoneInput::id).filter(Objects::nonNull).collect(Collectors.toSet());
        for (int k = 0; k < in.milestones().size(); k++) {
            ProjectInput.MilestoneInput m = in.milestones().get(k);
            if (m.id() == null) continue;
            Project.Milestone old = existing.get(m.id());
            if (old == null) errors.add(new FieldErrors.Error("milestones[" + k + "]", BundleText.both("project.error.noSuchMilestone", m.id())));
            else if (old.locked() && !Objects.equals(old.done(), m.done())) {
                errors.add(new FieldErrors.Error("milestones[" + k + "].done", BundleText.both("project.error.milestoneLocked")));
            }
        }
        for (Project.Milestone old : before.milestones()) {
            if (!kept.contains(old.id()) && old.locked()) {
                errors.add(new FieldErrors.Error("milestones", BundleText.both("project.error.milestoneLocked")));
            }
        }
        if (!errors.isEmpty()) throw new InvalidInputException(errors);
        int changed = jdbc.sql("""
                update project set task_id = :task, unit_id = :unit, region_code = :region, name = :name,
                       planned_investment = :planned, annual_year = :ay, annual_investment = :ai, start_date = :start,
                       planned_end = :end, updated_at = :now, version = version + 1
                where id = :id and version = :v""")
                .param("task", in.task()).param("unit", in.unit()).param("region", in.region()).param("name", in.name())
                .param("planned", in.planned()).param("ay", in.annualYear()).param("ai", in.annualPlanned())
                .param("start", in.start()).param("end", in.plannedEnd()).param("now", LocalDateTime.now(clock))
                .param("id", id).param("v", expectedVersion).update();
        if (changed == 0) throw new StaleVersionException("project " + id, expectedVersion, get(id).version());
        for (Project.Milestone old : before.milestones()) {
            if (!kept.contains(old.id())) jdbc.sql("delete from project_milestone where id = :id").param("id", old.id()).update();
        }
        int position = 0;
        for (ProjectInput.MilestoneInput m : in.milestones()) {
            if (m.id() == null) {
                insertMilestone(id, position++, m);
                continue;
            }
            Project.Milestone old = existing.get(m.id());
            boolean doneChanged = !Objects.equals(old.done(), m.done());
            jdbc.sql("""
                    update project_milestone set position = :pos, name = :name, due_date = :due, done_date = :done,
                           done_report = :report where id = :id""")
                    .param("pos", position++).param("name", m.name().strip()).param("due", m.due()).param("done", m.done())
                    .param("report", doneChanged ? null : old.doneReport()).param("id", m.id()).update();
        }
        audit.record("project.edit", target(id), fields(before).json(), fields(get(id)).json());
    }

    private void insertMilestone(long projectId, int position, ProjectInput.MilestoneInput m) {
        jdbc.sql("insert into project_milestone (project_id, position, name, due_date, done_date) values (:p, :pos, :name, :due, :done)")
                .param("p", projectId).param("pos", position).param("name", m.name().strip()).param("due", m.due())
                .param("done", m.done()).update();
    }

    record Checked(long planId) {}

    /** The rules across fields and rows: the task's plan within the caller's regions, the unit's and the region's fit. */
    Checked check(ProjectInput in) {
        List<FieldErrors.Error> errors = new ArrayList<>();
        Long planId = jdbc.sql("select plan_id from task where id = :id").param("id", in.task()).query(Long.class).optional().orElse(null);
        Plan plan = planId == null ? null : plans.find(planId).orElse(null);
        if (plan == null) errors.add(new FieldErrors.Error("task", BundleText.both("project.error.noSuchTask", in.task())));
        Unit unit = units.find(in.unit()).filter(u -> Scope.current().coversRegion(u.regionCode())).orElse(null);
        if (unit == null) errors.add(new FieldErrors.Error("unit", BundleText.both("project.error.noSuchUnit", in.unit())));
        else if (plan != null && !unit.regionCode().equals(plan.regionCode())) {
            errors.add(new FieldErrors.Error("unit", BundleText.both("project.error.unitOutsidePlan", unit.name())));
        }
        boolean regionFits = plan != null && regions.find(in.region()).isPresent()
                && regions.pathTo(in.region()).stream().anyMatch(r -> r.code().equals(plan.regionCode()));
        if (!regionFits) errors.add(new FieldErrors.Error("region", BundleText.both("project.error.region", in.region())));
        if (in.plannedEnd().isBefore(in.start())) {
            errors.add(new FieldErrors.Error("plannedEnd", BundleText.both("project.error.endBeforeStart")));
        }
        if ((in.annualYear() == null) != (in.annualPlanned() == null)) {
            errors.add(new FieldErrors.Error(in.annualYear() == null ? "annualYear" : "annualPlanned",
                    BundleText.both("project.error.annualPair")));
        }
        if (!errors.isEmpty()) throw new InvalidInputException(errors);
        return new Checked(plan.id());
    }

    private static AuditFields fields(Project p) {
        return AuditFields.at(p.version()).with("projectName", p.name()).with("projectTask", p.taskCode())
                .with("responsibleUnit", p.unitName()).with("projectRegion", p.regionName()).with("plannedInvestment", p.planned())
                .with("annualYear", p.annualYear()).with("annualInvestment", p.annualPlanned()).with("startDate", p.start())
                .with("plannedEnd", p.plannedEnd())
                .with("projectMilestones", p.milestones().stream()
                        .map(m -> m.name() + " " + m.due() + (m.done() == null ? "" : " ✓" + m.done()))
                        .collect(Collectors.joining(cn.gongfu.plan.TaskInput.LIST_SEPARATOR)));
    }

    static String target(long id) {
        return "project:" + id;
    }

    // ---- commands: monthly reports

    /**
     * Saves a month's report of a project as a draft (creating it or changing the unit's draft), with the milestones it
     * reports done. Refused: a month that has not come or lies before the project's start (400), a cumulative below the
     * previous month's (400), an accepted month (409 locked), a stale version (409).
     */
    @Transactional
    public Project.Report saveReport(long projectId, ProjectInput.Monthly in) {
        var user = Scope.current().require(Role.REPORTER, Role.UNIT_HEAD, Role.ADMIN);
        inputs.check(in);
        Project p = get(projectId);
        if (!Scope.current().coversUnit(p.unitId())) throw new NotFoundException("project", projectId);
        YearMonth period = YearMonth.parse(in.period());
        if (period.isAfter(thisMonth())) throw new InvalidParameterException("period", BundleText.both("project.error.futureMonth", in.period()));
        if (period.isBefore(YearMonth.from(p.start()))) {
            throw new InvalidParameterException("period", BundleText.both("project.error.beforeStart", in.period(), p.start()));
        }
        Project.Report existing = report(projectId, in.period()).orElse(null);
        if (existing != null && existing.accepted()) throw new ProjectLockedException(projectId, in.period());
        int expected = in.version() == null ? -1 : in.version();
        if (existing != null && existing.version() != expected) {
            throw new StaleVersionException("project report " + projectId + "/" + in.period(), expected, existing.version());
        }
        if (existing == null && in.version() != null && in.version() != 0) {
            throw new StaleVersionException("project report " + projectId + "/" + in.period(), in.version(), 0);
        }
        BigDecimal previous = jdbc.sql("""
                select completed_total from project_report where project_id = :p and period < :m order by period desc
                fetch first 1 rows only""").param("p", projectId).param("m", in.period()).query(BigDecimal.class).optional()
                .orElse(BigDecimal.ZERO);
        BigDecimal total = in.completedTotal() != null ? in.completedTotal() : previous.add(in.completedMonth());
        if (total.compareTo(previous) < 0) {
            throw new InvalidParameterException("completedTotal", BundleText.both("project.error.totalBelowPrevious", previous.stripTrailingZeros().toPlainString()));
        }
        if (total.precision() - total.scale() > 12) throw new InvalidParameterException("completedTotal", cn.gongfu.kernel.Rules.AMOUNT);
        Map<Long, Project.Milestone> milestones = p.milestones().stream().collect(Collectors.toMap(Project.Milestone::id, Function.identity()));
        for (Map.Entry<Long, LocalDate> e : in.milestonesDone().entrySet()) {
            Project.Milestone m = milestones.get(e.getKey());
            if (m == null) throw new InvalidParameterException("milestone." + e.getKey(), BundleText.both("project.error.noSuchMilestone", e.getKey()));
            if (m.locked() && !Objects.equals(m.done(), e.getValue())) {
                throw new InvalidParameterException("milestone." + e.getKey(), BundleText.both("project.error.milestoneLocked"));
            }
            if (e.getValue() != null && e.getValue().isAfter(period.atEndOfMonth())) {
                throw new InvalidParameterException("milestone." + e.getKey(), BundleText.both("project.error.doneAfterMonth", in.period()));
            }
        }
        LocalDateTime now = LocalDateTime.now(clock);
        String text = in.text() == null || in.text().isBlank() ? null : in.text().strip();
        long reportId;
        if (existing == null) {
            GeneratedKeyHolder key = new GeneratedKeyHolder();
            jdbc.sql("""
                    insert into project_report (project_id, period, completed_month, completed_total, progress_percent,
                                                progress_text, state, updated_by, updated_at)
                    values (:p, :m, :cm, :ct, :pct, :text, 'draft', :by, :now)""")
                    .param("p", projectId).param("m", in.period()).param("cm", in.completedMonth()).param("ct", total)
                    .param("pct", in.percent()).param("text", text).param("by", user.username()).param("now", now)
                    .update(key, "id");
            reportId = key.getKey().longValue();
        } else {
            int changed = jdbc.sql("""
                    update project_report set completed_month = :cm, completed_total = :ct, progress_percent = :pct,
                           progress_text = :text, updated_by = :by, updated_at = :now, version = version + 1
                    where id = :id and version = :v and state = 'draft'""")
                    .param("cm", in.completedMonth()).param("ct", total).param("pct", in.percent()).param("text", text)
                    .param("by", user.username()).param("now", now).param("id", existing.id()).param("v", existing.version())
                    .update();
            if (changed == 0) throw new StaleVersionException("project report " + projectId + "/" + in.period(), expected, existing.version() + 1);
            reportId = existing.id();
        }
        for (Map.Entry<Long, LocalDate> e : in.milestonesDone().entrySet()) {
            Project.Milestone m = milestones.get(e.getKey());
            if (m.locked() || Objects.equals(m.done(), e.getValue())) continue;
            if (e.getValue() == null && m.doneReport() != null && m.doneReport() != reportId) continue;
            jdbc.sql("update project_milestone set done_date = :d, done_report = :r where id = :id")
                    .param("d", e.getValue()).param("r", e.getValue() == null ? null : reportId).param("id", m.id()).update();
        }
        Project.Report after = report(projectId, in.period()).orElseThrow();
        audit.record("project.report", target(projectId), existing == null ? null : reportFields(existing).json(),
                reportFields(after).with("projectMilestones", in.milestonesDone().entrySet().stream()
                        .map(e -> milestones.get(e.getKey()).name() + " " + (e.getValue() == null ? "—" : e.getValue()))
                        .collect(Collectors.joining(cn.gongfu.plan.TaskInput.LIST_SEPARATOR))).json());
        return after;
    }

    /** The office accepts a month's report: its figures count from now on and it is locked. */
    @Transactional
    public Project.Report accept(long projectId, String period, int expectedVersion) {
        Scope.current().require(Role.OFFICE, Role.ADMIN);
        return step(projectId, period, expectedVersion, Project.Report.DRAFT, Project.Report.ACCEPTED, "project.accept");
    }

    /** The office reopens an accepted month: a draft again that the unit corrects (audited). */
    @Transactional
    public Project.Report reopen(long projectId, String period, int expectedVersion) {
        Scope.current().require(Role.OFFICE, Role.ADMIN);
        return step(projectId, period, expectedVersion, Project.Report.ACCEPTED, Project.Report.DRAFT, "project.reopen");
    }

    private Project.Report step(long projectId, String period, int expectedVersion, String from, String to, String action) {
        var user = Scope.current().user();
        get(projectId);
        Project.Report r = report(projectId, period).orElseThrow(() -> new NotFoundException("project report", projectId + "/" + period));
        if (r.version() != expectedVersion) throw new StaleVersionException("project report " + projectId + "/" + period, expectedVersion, r.version());
        if (!r.state().equals(from)) {
            if (Project.Report.ACCEPTED.equals(r.state())) throw new ProjectLockedException(projectId, period);
            throw new InvalidParameterException("state", BundleText.both("project.error.notAccepted", period));
        }
        LocalDateTime now = LocalDateTime.now(clock);
        boolean accepting = Project.Report.ACCEPTED.equals(to);
        int changed = jdbc.sql("""
                update project_report set state = :to, version = version + 1, accepted_by = :by, accepted_at = :at
                where id = :id and version = :v and state = :from""")
                .param("to", to).param("by", accepting ? user.username() : null).param("at", accepting ? now : null)
                .param("id", r.id()).param("v", r.version()).param("from", from).update();
        if (changed == 0) throw new StaleVersionException("project report " + projectId + "/" + period, expectedVersion, r.version() + 1);
        Project.Report after = report(projectId, period).orElseThrow();
        audit.record(action, target(projectId), reportFields(r).json(), reportFields(after).json());
        return after;
    }

    private static AuditFields reportFields(Project.Report r) {
        return AuditFields.at(r.version()).with("reportPeriod", r.period()).with("completedMonth", r.completedMonth())
                .with("completedTotal", r.completedTotal()).with("progressPercent", r.percent()).with("progressText", r.text())
                .with("reportState", r.state());
    }

    // ---- reads

    private static final String PROJECT_COLUMNS = """
            pr.id, pr.plan_id, pl.title as plan_title, pr.task_id, t.code as task_code, t.title as task_title, pr.unit_id,
            u.name as unit_name, pr.region_code, rg.name as region_name, pr.name, pr.planned_investment, pr.annual_year,
            pr.annual_investment, pr.start_date, pr.planned_end, pr.version""";
    private static final String PROJECT_FROM = """
            from project pr join plan pl on pl.id = pr.plan_id join task t on t.id = pr.task_id
            join unit u on u.id = pr.unit_id join region rg on rg.code = pr.region_code""";

    /** A project within the caller's scope (its plan's region; a unit's people only their unit's), else 404. */
    public Project get(long id) {
        Where where = restrict(new Where().and("pr.id = :id", "id", id));
        Project p = jdbc.sql("select " + PROJECT_COLUMNS + " " + PROJECT_FROM + where.sql()).params(where.params())
                .query((rs, i) -> project(rs, List.of())).optional().orElseThrow(() -> new NotFoundException("project", id));
        return new Project(p.id(), p.planId(), p.planTitle(), p.taskId(), p.taskCode(), p.taskTitle(), p.unitId(), p.unitName(),
                p.regionCode(), p.regionName(), p.name(), p.planned(), p.annualYear(), p.annualPlanned(), p.start(),
                p.plannedEnd(), p.version(), milestonesOf(List.of(id)).getOrDefault(id, List.of()));
    }

    /** Every month's report of a project, newest first. */
    public List<Project.Report> reports(long projectId) {
        get(projectId);
        return jdbc.sql("select " + REPORT_COLUMNS + " from project_report where project_id = :p order by period desc")
                .param("p", projectId).query((rs, i) -> report(rs)).list();
    }

    public java.util.Optional<Project.Report> report(long projectId, String period) {
        return jdbc.sql("select " + REPORT_COLUMNS + " from project_report where project_id = :p and period = :m")
                .param("p", projectId).param("m", period).query((rs, i) -> report(rs)).optional();
    }

    /** The reports of many projects for one month, in one query. */
    public Map<Long, Project.Report> reportsOfMonth(Collection<Long> projectIds, String period) {
        Map<Long, Project.Report> result = new HashMap<>();
        for (List<Long> chunk : chunks(List.copyOf(projectIds))) {
            jdbc.sql("select " + REPORT_COLUMNS + " from project_report where period = :m and project_id in (:ids)")
                    .param("m", period).param("ids", chunk).query((rs, i) -> report(rs)).list()
                    .forEach(r -> result.put(r.projectId(), r));
        }
        return result;
    }

    /** What the project's page says of it as of a month: the same figures and rule as the list's. */
    public Project.Row assess(long projectId, YearMonth asOf) {
        Filter f = new Filter(null, null, null, null, null, asOf);
        Where where = restrict(new Where().and("pr.id = :id", "id", projectId));
        List<Project.Row> rows = rows(where, f);
        if (rows.isEmpty()) throw new NotFoundException("project", projectId);
        return rows.get(0);
    }

    /** The changes to the project and its reports, newest first, in words. */
    public List<HistoryLine> history(long projectId) {
        get(projectId);
        return audit.historyLines(List.of(target(projectId)), 100);
    }

    /**
     * A filtered list as of a month, paged, with the totals of every matching row. The status is the rule's on the
     * figures of each project's accepted reports, so the list is assessed whole (two set-based queries) and then filtered
     * and paged; a plan holds hundreds of projects, not millions.
     */
    public Listing list(Filter f, PageRequest page) {
        return listing(f, page.page(), page.size());
    }

    /** The whole filtered list on one page (up to {@code ListFilters.EXPORT_LIMIT} rows): exports and workbooks. */
    public Listing everything(Filter f) {
        return listing(f, 0, cn.gongfu.kernel.ListFilters.EXPORT_LIMIT);
    }

    private Listing listing(Filter f, int pageNumber, int size) {
        YearMonth asOf = f.asOf() == null ? defaultMonth() : f.asOf();
        Filter at = new Filter(f.planId(), f.unitId(), f.regionCode(), f.status(), f.text(), asOf);
        Where where = restrict(new Where());
        if (f.planId() != null) where.and("pr.plan_id = :plan", "plan", f.planId());
        if (f.unitId() != null) where.and("pr.unit_id = :unit", "unit", f.unitId());
        if (f.regionCode() != null) {
            where.and("pr.region_code in (select code from region where code = :region or parent_code = :region)", "region", f.regionCode());
        }
        where.containing("q", f.text(), "pr.name", "t.title", "u.name");
        List<Project.Row> all = rows(where, at).stream()
                .filter(r -> f.status() == null || r.outcome().status() == f.status()).toList();
        int from = (int) Math.min(all.size(), (long) pageNumber * size);
        int to = Math.min(all.size(), from + size);
        PageResult<Project.Row> paged = new PageResult<>(List.copyOf(all.subList(from, to)), pageNumber, size, all.size());
        return new Listing(paged, totals("all", "", all),
                group(all, r -> String.valueOf(r.unitId()), Project.Row::unitName),
                group(all, Project.Row::regionCode, Project.Row::regionName), asOf);
    }

    private static List<Project.Totals> group(List<Project.Row> rows, Function<Project.Row, String> key, Function<Project.Row, String> name) {
        Map<String, List<Project.Row>> groups = new LinkedHashMap<>();
        Map<String, String> names = new HashMap<>();
        for (Project.Row r : rows) {
            groups.computeIfAbsent(key.apply(r), k -> new ArrayList<>()).add(r);
            names.put(key.apply(r), name.apply(r));
        }
        return groups.entrySet().stream().map(e -> totals(e.getKey(), names.get(e.getKey()), e.getValue()))
                .sorted(Comparator.comparing(Project.Totals::planned).reversed().thenComparing(Project.Totals::name)).toList();
    }

    static Project.Totals totals(String key, String name, Collection<Project.Row> rows) {
        BigDecimal planned = rows.stream().map(Project.Row::planned).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal completed = rows.stream().map(Project.Row::completed).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new Project.Totals(key, name, rows.size(), planned, completed,
                planned.signum() == 0 ? null : ProjectStatusRule.percent(completed, planned));
    }

    /** The rows matching {@code where}, with each project's accepted figures up to the month and its outcome. */
    private List<Project.Row> rows(Where where, Filter f) {
        YearMonth asOf = f.asOf() == null ? defaultMonth() : f.asOf();
        Map<String, Object> params = new HashMap<>(where.params());
        params.put("asOf", asOf.toString());
        params.put("yearStart", asOf.getYear() + "-01");
        params.put("year", asOf.getYear());
        record Base(Project p, BigDecimal total, BigDecimal thisYear, String last, Integer percent) {}
        List<Base> base = jdbc.sql("select " + PROJECT_COLUMNS + """
                , lr.completed_total, lr.period as last_period, lr.progress_percent,
                  (select coalesce(sum(y.completed_month), 0) from project_report y where y.project_id = pr.id
                     and y.state = 'accepted' and y.period >= :yearStart and y.period <= :asOf) as this_year
                """ + PROJECT_FROM + " " + """
                left join project_report lr on lr.project_id = pr.id and lr.period = (
                    select max(r2.period) from project_report r2 where r2.project_id = pr.id and r2.state = 'accepted'
                    and r2.period <= :asOf) """ + where.sql() + " order by pl.id, t.id, pr.id")
                .params(params)
                .query((rs, i) -> new Base(project(rs, List.of()), rs.getBigDecimal("completed_total"),
                        rs.getBigDecimal("this_year"), rs.getString("last_period"), rs.getObject("progress_percent", Integer.class)))
                .list();
        if (base.isEmpty()) return List.of();
        Map<Long, List<Project.Milestone>> milestones = milestonesOf(base.stream().map(b -> b.p().id()).toList());
        List<Project.Row> rows = new ArrayList<>();
        for (Base b : base) {
            Project p = b.p();
            boolean annual = p.annualYear() != null && p.annualYear() == asOf.getYear();
            BigDecimal total = b.total() == null ? BigDecimal.ZERO : b.total();
            List<ProjectStatusRule.MilestoneState> states = milestones.getOrDefault(p.id(), List.of()).stream()
                    .map(m -> new ProjectStatusRule.MilestoneState(m.due(), m.doneReport() == null || m.locked() ? m.done() : null))
                    .toList();
            var outcome = rule.assess(new ProjectStatusRule.Facts(p.planned(), annual ? p.annualPlanned() : null, b.last() != null,
                    total, b.thisYear(), b.percent(), p.start(), p.plannedEnd(), states), asOf);
            rows.add(new Project.Row(p.id(), p.name(), p.planId(), p.taskId(), p.taskCode(), p.taskTitle(), p.unitId(),
                    p.unitName(), p.regionCode(), p.regionName(), p.planned(), total, b.last(), b.percent(), p.start(),
                    p.plannedEnd(), outcome));
        }
        return rows;
    }

    /** The caller's scope: the projects of plans in its regions; a unit's people only their units'. */
    private static Where restrict(Where where) {
        Scope scope = Scope.current();
        scope.restrictRegion(where, "pl.region_code");
        if (scope.units() != null) {
            if (scope.units().isEmpty()) where.and("1 = 0");
            else where.and("pr.unit_id in (:scopeUnits)", "scopeUnits", scope.units());
        }
        return where;
    }

    private Map<Long, List<Project.Milestone>> milestonesOf(List<Long> projectIds) {
        Map<Long, List<Project.Milestone>> result = new HashMap<>();
        if (projectIds.isEmpty()) return result;
        for (List<Long> chunk : chunks(projectIds)) {
            jdbc.sql("""
                    select m.project_id, m.id, m.name, m.due_date, m.done_date, m.done_report, r.state
                    from project_milestone m left join project_report r on r.id = m.done_report
                    where m.project_id in (:ids) order by m.project_id, m.position, m.id""")
                    .param("ids", chunk)
                    .query(rs -> {
                        result.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new Project.Milestone(rs.getLong(2),
                                rs.getString(3), rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class),
                                rs.getObject(6, Long.class), Project.Report.ACCEPTED.equals(rs.getString(7))));
                    });
        }
        return result;
    }

    private static List<List<Long>> chunks(List<Long> ids) {
        List<List<Long>> chunks = new ArrayList<>();
        for (int k = 0; k < ids.size(); k += 1000) chunks.add(ids.subList(k, Math.min(ids.size(), k + 1000)));
        return chunks;
    }

    private static Project project(ResultSet rs, List<Project.Milestone> milestones) throws SQLException {
        return new Project(rs.getLong("id"), rs.getLong("plan_id"), rs.getString("plan_title"), rs.getLong("task_id"),
                rs.getString("task_code"), rs.getString("task_title"), rs.getLong("unit_id"), rs.getString("unit_name"),
                rs.getString("region_code"), rs.getString("region_name"), rs.getString("name"),
                rs.getBigDecimal("planned_investment"), rs.getObject("annual_year", Integer.class),
                rs.getBigDecimal("annual_investment"), rs.getObject("start_date", LocalDate.class),
                rs.getObject("planned_end", LocalDate.class), rs.getInt("version"), milestones);
    }

    private static final String REPORT_COLUMNS = """
            id, project_id, period, completed_month, completed_total, progress_percent, progress_text, state, version,
            updated_by, updated_at, accepted_by, accepted_at""";

    private static Project.Report report(ResultSet rs) throws SQLException {
        return new Project.Report(rs.getLong("id"), rs.getLong("project_id"), rs.getString("period"),
                rs.getBigDecimal("completed_month"), rs.getBigDecimal("completed_total"), rs.getInt("progress_percent"),
                rs.getString("progress_text"), rs.getString("state"), rs.getInt("version"), rs.getString("updated_by"),
                rs.getObject("updated_at", LocalDateTime.class), rs.getString("accepted_by"),
                rs.getObject("accepted_at", LocalDateTime.class));
    }

    /** The projects' tasks the office chooses from: the plan's tasks (code and title). */
    public List<cn.gongfu.plan.TaskSummary> tasksOf(long planId) {
        return plans.tasksOfPlan(planId);
    }
}
