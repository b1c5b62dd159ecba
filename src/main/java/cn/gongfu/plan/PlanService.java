package cn.gongfu.plan;

import cn.gongfu.indicator.IndicatorService;
import cn.gongfu.kernel.InvalidParameterException;
import cn.gongfu.kernel.NotFoundException;
import cn.gongfu.kernel.PageRequest;
import cn.gongfu.kernel.PageResult;
import cn.gongfu.kernel.Pager;
import cn.gongfu.kernel.Rows;
import cn.gongfu.kernel.Scope;
import cn.gongfu.kernel.Where;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads plans, their section trees and tasks. Writing a whole plan is {@link PlanWriter}'s job. */
@Service
public class PlanService {

    /**
     * Milestones an accepted report says were completed become done, on the date it gives. Reporting asks, in the
     * transaction that accepts the report; the milestones are the plan's to change.
     */
    @Transactional
    public void completeMilestones(Map<Long, LocalDate> completedOn) {
        if (completedOn.isEmpty()) return;
        batch.batchUpdate("update milestone set state = 'done', completed_on = ? where id = ?",
                List.copyOf(completedOn.entrySet()), completedOn.size(), (ps, e) -> {
                    ps.setObject(1, e.getValue());
                    ps.setLong(2, e.getKey());
                });
    }

    /** One milestone of a plan, named by its task's list and code and its own text. */
    public record MilestoneRef(long id, String list, String taskCode, String text) {}

    /** The deadlines of each task of a plan (its milestones' last months with their text), in one query: task id → lines. */
    public Map<Long, List<String>> deadlinesOfPlan(long planId) {
        Map<Long, List<String>> out = new HashMap<>();
        jdbc.sql("""
                select m.task_id, m.to_month, m.text from milestone m join task t on t.id = m.task_id
                where t.plan_id = :p order by m.task_id, m.to_month, m.id""").param("p", planId)
                .query(rs -> {
                    out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2) + " " + rs.getString(3));
                });
        return out;
    }

    /** Every milestone of a plan, in one query (the demo loader marks some done by name). */
    public List<MilestoneRef> milestonesOfPlan(long planId) {
        return jdbc.sql("""
                select m.id, t.list_name, t.code, m.text from milestone m join task t on t.id = m.task_id
                where t.plan_id = :p order by t.position, m.id""").param("p", planId)
                .query((rs, i) -> new MilestoneRef(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4))).list();
    }

    /**
     * Limits a query over tasks to the scope's units through the task id {@code column}: the tasks a unit works on
     * are the plan's to say (its {@code task_unit} table), so every module that lists tasks by scope asks here.
     */
    public static Where restrictTasks(Scope scope, Where where, String column) {
        if (scope.units() == null) return where;
        if (scope.units().isEmpty()) return where.and("1 = 0");
        return where.and("exists (select 1 from task_unit su where su.task_id = " + column
                + " and su.unit_id in (:scopeUnits))", "scopeUnits", scope.units());
    }

    public static final List<String> STATES = List.of("draft", "published");

    private static final String PLAN_COLUMNS = """
            p.id, p.title, p.region_code, r.name as region_name, p.issuer, p.start_year, p.end_year, p.kind, p.state,
            p.source_name, p.source_sha256, p.previous_plan_id, p.created_at, p.doc_number, p.index_number, p.issued_on,
            p.public_since, p.public_sections""";
    private static final String PLAN_FROM = "from plan p join region r on r.code = p.region_code";
    private static final RowMapper<Plan> PLAN = Rows.of(Plan.class);

    private static final String SECTION_COLUMNS = """
            s.id, s.plan_id, s.parent_id, s.label, s.title, s.position""";
    private static final RowMapper<Section> SECTION = Rows.of(Section.class);

    private static final String TASK_COLUMNS = """
            t.id, t.plan_id, p.title as plan_title, t.section_id, t.list_name, t.code, t.category, t.group_name, t.title""";
    private static final String TASK_FROM = "from task t join plan p on p.id = t.plan_id";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final Pager pager;
    private final IndicatorService indicators;

    public PlanService(JdbcClient jdbc, JdbcTemplate batch, Pager pager, IndicatorService indicators) {
        this.batch = batch;
        this.jdbc = jdbc;
        this.pager = pager;
        this.indicators = indicators;
    }

    public PageResult<Plan> list(String regionCode, String state, String text, PageRequest page) {
        if (state != null && !state.isBlank() && !STATES.contains(state)) {
            throw new InvalidParameterException("state", "must be one of " + STATES);
        }
        Where where = new Where()
                .and("p.region_code = :region", "region", regionCode)
                .and("p.state = :state", "state", state)
                .containing("text", text, "p.title", "p.issuer");
        Scope.current().restrictRegion(where, "p.region_code");
        return pager.page(planColumns(where.params()), PLAN_FROM, where, "p.start_year desc, p.id desc", page, PLAN);
    }

    /** The published plans in the caller's scope a dashboard offers to choose from, newest first. */
    public List<Plan> publishedForDashboards() {
        return list(null, "published", null, new PageRequest(0, 100)).items();
    }

    /** The ids of every published plan, in any region: the plans a full recompute of the evaluation covers. */
    public List<Long> publishedIds() {
        return jdbc.sql("select id from plan where state = 'published' order by id").query(Long.class).list();
    }

    /**
     * The plan a dashboard or a workbench opens with when none is chosen: the first published (the oldest of the list,
     * a county's main plan; plans imported later are chosen from the list).
     */
    public static Plan openedByDefault(List<Plan> published) {
        return published.get(published.size() - 1);
    }

    /** The published plans the office made public, newest first: what the public portal may show. */
    public List<Plan> publicPlans() {
        Where where = new Where().and("p.state = 'published'").and("p.public_since is not null");
        Scope.current().restrictRegion(where, "p.region_code");
        return pager.page(planColumns(where.params()), PLAN_FROM, where, "p.start_year desc, p.id desc", new PageRequest(0, 100), PLAN).items();
    }

    /**
     * A plan as the public portal may show it: published, made public, and (unless {@code section} is null, the
     * overview) with that section chosen by the office; anything else reads as absent (404), to anyone.
     */
    public Plan publicPlan(long id, PublicSection section) {
        return find(id).filter(p -> "published".equals(p.state()) && p.isPublic() && (section == null || p.showsThePublic(section)))
                .orElseThrow(() -> new NotFoundException("plan", id));
    }

    /** The plan if it exists and lies within the caller's scope. */
    public Optional<Plan> find(long id) {
        Scope scope = Scope.current();
        Map<String, Object> params = new HashMap<>(Map.of("id", id));
        return jdbc.sql("select " + planColumns(params) + " " + PLAN_FROM + " where p.id = :id")
                .params(params).query(PLAN).optional().filter(p -> scope.coversRegion(p.regionCode()));
    }

    public Plan get(long id) {
        return find(id).orElseThrow(() -> new NotFoundException("plan", id));
    }

    /** A plan's sections in document order; {@code parentId} links them into a tree. */
    public List<Section> sections(long planId) {
        get(planId);
        Map<String, Object> params = new HashMap<>(Map.of("plan", planId));
        return jdbc.sql("select " + sectionColumns(params) + " from section s where s.plan_id = :plan order by s.position")
                .params(params).query(SECTION).list();
    }

    /** The plan imported from the document with this SHA-256, if any. */
    public Optional<Plan> findBySourceSha256(String sha256) {
        Map<String, Object> params = new HashMap<>(Map.of("sha", sha256));
        return jdbc.sql("select " + planColumns(params) + " " + PLAN_FROM + " where p.source_sha256 = :sha")
                .params(params).query(PLAN).optional();
    }

    /** The newest plan of a region with exactly this title: the likely previous version of a re-imported document. */
    public Optional<Plan> latestWithTitle(String regionCode, String title) {
        Map<String, Object> params = new HashMap<>(Map.of("region", regionCode, "title", title));
        return jdbc.sql("select " + planColumns(params) + " " + PLAN_FROM
                        + " where p.region_code = :region and p.title = :title order by p.id desc fetch first 1 rows only")
                .params(params).query(PLAN).optional();
    }

    /** A task's words and lead units by name: what a comparison with a new version of the plan needs. */
    /** A task's words for comparing two versions of a plan; {@code leadOfficials} are people (牵头负责领导), as written. */
    public record TaskText(long id, String list, String code, String title, String text, List<String> leadUnits,
                           List<String> leadOfficials) {}

    public List<TaskText> taskTexts(long planId) {
        List<TaskText> rows = jdbc.sql("""
                select id, list_name, code, title, body, lead_officials from task where plan_id = :plan order by position""")
                .param("plan", planId)
                .query((rs, i) -> new TaskText(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), List.of(), TaskInput.names(rs.getString(6))))
                .list();
        Map<Long, TaskUnits> units = unitsOf(rows.stream().map(TaskText::id).toList());
        return rows.stream().map(t -> new TaskText(t.id(), t.list(), t.code(), t.title(), t.text(),
                units.getOrDefault(t.id(), TaskUnits.NONE).lead().stream().map(UnitRef::name).toList(), t.leadOfficials())).toList();
    }

    public Section section(long id) {
        Map<String, Object> params = new HashMap<>(Map.of("id", id));
        Section section = jdbc.sql("select " + sectionColumns(params) + " from section s where s.id = :id")
                .params(params).query(SECTION).optional()
                .orElseThrow(() -> new NotFoundException("section", id));
        if (find(section.planId()).isEmpty()) throw new NotFoundException("section", id);
        return section;
    }

    /** Sections filtered by plan and parent; {@code topLevel} lists only the roots. */
    public PageResult<Section> sections(Long planId, Long parentId, boolean topLevel, PageRequest page) {
        Where where = new Where()
                .and("s.plan_id = :plan", "plan", planId)
                .and("s.parent_id = :parent", "parent", parentId);
        if (topLevel) where.and("s.parent_id is null");
        Scope.current().restrictRegion(where, "p.region_code");
        return pager.page(sectionColumns(where.params()), "from section s join plan p on p.id = s.plan_id", where,
                "s.plan_id, s.position", page, SECTION);
    }

    /** The task filter of the list API and pages; every field is optional. */
    public record TaskFilter(Long planId, Long sectionId, Long unitId, String regionCode, String category, String text) {}

    /**
     * Tasks matching the filter, in document order. A section filter includes the tasks of its
     * subsections; a unit filter matches lead and co-units; a region filter matches the plan's region.
     */
    public PageResult<TaskSummary> tasks(TaskFilter f, PageRequest page) {
        List<Long> sections = f.sectionId() == null ? null : subtree(f.sectionId());
        if (sections != null && sections.isEmpty()) return new PageResult<>(List.of(), page.page(), page.size(), 0);
        Where where = new Where()
                .and("t.plan_id = :plan", "plan", f.planId())
                .and("t.section_id in (:sections)", "sections", sections)
                .and("exists (select 1 from task_unit tu where tu.task_id = t.id and tu.unit_id = :unit)", "unit", f.unitId())
                .and("p.region_code = :region", "region", f.regionCode())
                .and("t.category = :category", "category", f.category())
                .containing("text", f.text(), "t.title", "t.body", "t.code");
        Scope scope = Scope.current();
        scope.restrictRegion(where, "p.region_code");
        restrictTasks(scope, where, "t.id");
        PageResult<TaskSummary> rows = pager.page(TASK_COLUMNS, TASK_FROM, where,
                "t.plan_id, t.position, t.id", page, (rs, i) -> taskSummary(rs));
        return withUnits(rows);
    }

    /** The section and all sections below it. */
    private List<Long> subtree(long sectionId) {
        return jdbc.sql("""
                with recursive sub (id) as (
                    select id from section where id = :id
                    union all select s.id from section s join sub on s.parent_id = sub.id)
                select id from sub""").param("id", sectionId).query(Long.class).list();
    }

    /** Every task of a plan in document order, with its units: what the plan tree shows. */
    public List<TaskSummary> tasksOfPlan(long planId) {
        get(planId);
        Where where = restrictTasks(Scope.current(), new Where().and("t.plan_id = :plan", "plan", planId), "t.id");
        List<TaskSummary> rows = jdbc.sql("select " + TASK_COLUMNS + " " + TASK_FROM + where.sql() + " order by t.position")
                .params(where.params()).query((rs, i) -> taskSummary(rs)).list();
        return withUnits(new PageResult<>(rows, 0, rows.size(), rows.size())).items();
    }

    /** The ids of a plan's tasks whose code, title or text contains {@code text}, as the task list searches them. */
    public Set<Long> tasksContaining(long planId, String text) {
        Where where = new Where().and("t.plan_id = :plan", "plan", planId).containing("text", text, "t.title", "t.body", "t.code");
        restrictTasks(Scope.current(), where, "t.id");
        return new HashSet<>(jdbc.sql("select t.id from task t" + where.sql()).params(where.params()).query(Long.class).list());
    }

    /** A top-level section of a plan (an action, a chapter) as the document heads it, and its place in the document. */
    public record TopSection(String heading, int position) {}

    /**
     * Each of the plan's tasks that lies in a section, by task id, with the top-level section above it: the grouping
     * the dashboards show tasks in, in the plan's order. Tasks outside every section are absent.
     */
    public Map<Long, TopSection> topSectionOfTasks(long planId) {
        Map<Long, TopSection> result = new HashMap<>();
        jdbc.sql("""
                with recursive up (id, root_id) as (
                    select id, id from section where plan_id = :p and parent_id is null
                    union all select s.id, up.root_id from section s join up on s.parent_id = up.id)
                select t.id, r.label, r.title, r.position from task t join up on up.id = t.section_id
                join section r on r.id = up.root_id where t.plan_id = :p""").param("p", planId)
                .query(rs -> {
                    String label = rs.getString(2);
                    String title = rs.getString(3);
                    result.put(rs.getLong(1), new TopSection(label == null || label.isBlank() ? title : label + title, rs.getInt(4)));
                });
        return result;
    }

    /** The ids of the plan's tasks that the unit leads; the caller shows of them only what its scope covers. */
    public Set<Long> tasksLedBy(long planId, long unitId) {
        return new HashSet<>(jdbc.sql("""
                select tu.task_id from task_unit tu join task t on t.id = tu.task_id
                where t.plan_id = :p and tu.unit_id = :u and tu.role = 'lead'""")
                .param("p", planId).param("u", unitId).query(Long.class).list());
    }

    public TaskDetail task(long id) {
        record Row(long id, long planId, String planTitle, Long sectionId, String list, String code, String category,
                   String group, String title, String text, String targetSystem, String workSystem,
                   String policySystem, String evaluationSystem, String leadOfficials) {}
        Row t = jdbc.sql("""
                select t.id, t.plan_id, p.title, t.section_id, t.list_name, t.code, t.category, t.group_name, t.title,
                       t.body, t.target_system, t.work_system, t.policy_system, t.evaluation_system, t.lead_officials
                from task t join plan p on p.id = t.plan_id where t.id = :id""")
                .param("id", id)
                .query((rs, i) -> new Row(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getObject(4, Long.class),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                        rs.getString(10), rs.getString(11), rs.getString(12), rs.getString(13), rs.getString(14), rs.getString(15)))
                .optional().orElseThrow(() -> new NotFoundException("task", id));
        Scope scope = Scope.current();
        if (find(t.planId()).isEmpty()) throw new NotFoundException("task", id);
        Map<Long, TaskUnits> units = unitsOf(List.of(id));
        if (scope.units() != null && Stream.concat(units.getOrDefault(id, TaskUnits.NONE).lead().stream(),
                units.getOrDefault(id, TaskUnits.NONE).co().stream()).noneMatch(u -> scope.units().contains(u.id()))) {
            throw new NotFoundException("task", id);
        }
        TaskUnits u = units.getOrDefault(id, TaskUnits.NONE);
        List<Milestone> milestones = jdbc.sql("""
                select id, task_id, from_month, to_month, text, state, completed_on, evidence, version
                from milestone where task_id = :id order by from_month, to_month, id""")
                .param("id", id).query(Rows.of(Milestone.class)).list();
        return new TaskDetail(t.id(), t.planId(), t.planTitle(), sectionPath(t.sectionId()), t.list(), t.code(),
                t.category(), t.group(), t.title(), t.text(), u.lead(), u.co(), t.targetSystem(), t.workSystem(),
                t.policySystem(), t.evaluationSystem(), milestones, indicators.targetsOfTask(id), TaskInput.names(t.leadOfficials()));
    }

    private List<Section> sectionPath(Long sectionId) {
        if (sectionId == null) return List.of();
        Map<String, Object> params = new HashMap<>(Map.of("id", sectionId));
        List<Section> path = new ArrayList<>(jdbc.sql("""
                with recursive up (id, depth) as (
                    select id, 0 from section where id = :id
                    union all select s.parent_id, up.depth + 1 from section s join up on s.id = up.id
                    where s.parent_id is not null)
                select %s from section s join up on up.id = s.id order by up.depth desc""".formatted(sectionColumns(params)))
                .params(params).query(SECTION).list());
        return Collections.unmodifiableList(path);
    }

    /** A plan's columns with the number of its tasks the caller sees; the count's parameters are added to {@code params}. */
    private static String planColumns(Map<String, Object> params) {
        return PLAN_COLUMNS + ", " + visibleTaskCount("t.plan_id = p.id", params) + " as task_count";
    }

    /** A section's columns with the number of its own tasks the caller sees, as {@link #planColumns}. */
    private static String sectionColumns(Map<String, Object> params) {
        return SECTION_COLUMNS + ", " + visibleTaskCount("t.section_id = s.id", params) + " as task_count";
    }

    /** How many tasks matching {@code link} the caller sees: a reporter's or unit head's counts only its units' tasks. */
    private static String visibleTaskCount(String link, Map<String, Object> params) {
        Where count = restrictTasks(Scope.current(), new Where().and(link), "t.id");
        params.putAll(count.params());
        return "(select count(*) from task t" + count.sql() + ")";
    }

    private record TaskUnits(List<UnitRef> lead, List<UnitRef> co) {
        static final TaskUnits NONE = new TaskUnits(List.of(), List.of());
    }

    private PageResult<TaskSummary> withUnits(PageResult<TaskSummary> rows) {
        Map<Long, TaskUnits> units = unitsOf(rows.items().stream().map(TaskSummary::id).toList());
        return rows.map(t -> {
            TaskUnits u = units.getOrDefault(t.id(), TaskUnits.NONE);
            return new TaskSummary(t.id(), t.planId(), t.planTitle(), t.sectionId(), t.list(), t.code(),
                    t.category(), t.group(), t.title(), u.lead(), u.co());
        });
    }

    /** Lead and co-units of many tasks in one query. */
    private Map<Long, TaskUnits> unitsOf(List<Long> taskIds) {
        if (taskIds.isEmpty()) return Map.of();
        Map<Long, TaskUnits> result = new HashMap<>();
        jdbc.sql("""
                select tu.task_id, tu.role, u.id, u.name from task_unit tu join unit u on u.id = tu.unit_id
                where tu.task_id in (:ids) order by tu.task_id, tu.position""")
                .param("ids", taskIds)
                .query(rs -> {
                    TaskUnits u = result.computeIfAbsent(rs.getLong(1), k -> new TaskUnits(new ArrayList<>(), new ArrayList<>()));
                    ("lead".equals(rs.getString(2)) ? u.lead() : u.co()).add(new UnitRef(rs.getLong(3), rs.getString(4)));
                });
        return result;
    }

    private static TaskSummary taskSummary(ResultSet rs) throws SQLException {
        return new TaskSummary(rs.getLong("id"), rs.getLong("plan_id"), rs.getString("plan_title"),
                rs.getObject("section_id", Long.class), rs.getString("list_name"), rs.getString("code"),
                rs.getString("category"), rs.getString("group_name"), rs.getString("title"), List.of(), List.of());
    }
}
