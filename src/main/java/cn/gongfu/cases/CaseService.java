package cn.gongfu.cases;

import cn.gongfu.audit.AuditLog;
import cn.gongfu.cases.CaseStudy.Attachment;
import cn.gongfu.cases.CaseStudy.Detail;
import cn.gongfu.cases.CaseStudy.Entry;
import cn.gongfu.cases.CaseStudy.EntryKind;
import cn.gongfu.cases.CaseStudy.Kind;
import cn.gongfu.cases.CaseStudy.State;
import cn.gongfu.cases.CaseStudy.TaskLink;
import cn.gongfu.kernel.BundleText;
import cn.gongfu.kernel.GongfuUser;
import cn.gongfu.kernel.InvalidParameterException;
import cn.gongfu.kernel.NotFoundException;
import cn.gongfu.kernel.PageRequest;
import cn.gongfu.kernel.PageResult;
import cn.gongfu.kernel.Pager;
import cn.gongfu.kernel.Role;
import cn.gongfu.kernel.Rules;
import cn.gongfu.kernel.Scope;
import cn.gongfu.kernel.Sha256;
import cn.gongfu.kernel.StaleVersionException;
import cn.gongfu.kernel.UploadTooLargeException;
import cn.gongfu.kernel.Uploads;
import cn.gongfu.kernel.Where;
import cn.gongfu.plan.Plan;
import cn.gongfu.plan.PlanService;
import cn.gongfu.plan.PublicSection;
import cn.gongfu.plan.TaskSummary;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Cases (典型案例 / 最佳实践): a unit's reporters and unit heads write a case for a plan and its tasks, attach files
 * and submit it; the office of the plan's region selects it (入选) or returns it with a reason, publishes it (the public
 * portal shows it when the plan publishes its cases) and takes it back. A unit sees its own cases in every state and the
 * published ones of its region; offices and leaders see their regions' cases once submitted. Every change is a history
 * entry, audited ({@code case.*}), at the version read (a stale one is a 409).
 */
@Service
public class CaseService {

    /** The largest attachment: 10 MB. */
    public static final long MAX_FILE_BYTES = 10L << 20;
    /** At most this many attachments a case. */
    public static final int MAX_FILES = 10;
    public static final int MAX_BODY = 20_000;
    public static final int EARLIEST_YEAR = 2000;
    public static final int LATEST_YEAR = 2100;
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final JdbcClient jdbc;
    private final Pager pager;
    private final PlanService plans;
    private final AuditLog audit;
    private final Clock clock;

    CaseService(JdbcClient jdbc, Pager pager, PlanService plans, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.pager = pager;
        this.plans = plans;
        this.audit = audit;
        this.clock = clock;
    }

    /** What a case says, as written on the form. */
    public record CaseText(long planId, long unitId, Kind kind, int year, String title, String body, List<Long> taskIds) {}

    /** The list's filters; each may be absent. */
    public record Filter(State state, Kind kind, Long unitId, Integer year, Long planId, String text) {
        public static final Filter ALL = new Filter(null, null, null, null, null, null);
    }

    // ---- reading

    static final String SELECT = """
            c.id, c.plan_id, p.title, c.unit_id, u.name, c.region_code, c.kind, c.year, c.title, c.body, c.state, c.return_reason,
            c.version, c.created_by, c.created_at, c.updated_at, c.published_at""";
    static final String FROM = "from case_study c join plan p on p.id = c.plan_id join unit u on u.id = c.unit_id";

    public PageResult<CaseStudy> list(Filter f, PageRequest page) {
        Scope.current().requireCaller();
        Where where = visible(new Where())
                .and("c.state = :state", "state", f.state() == null ? null : f.state().name())
                .and("c.kind = :kind", "kind", f.kind() == null ? null : f.kind().name())
                .and("c.unit_id = :unit", "unit", f.unitId())
                .and("c.year = :year", "year", f.year())
                .and("c.plan_id = :plan", "plan", f.planId())
                .containing("q", f.text(), "c.title", "u.name");
        return pager.page(SELECT, FROM, where, "c.year desc, c.updated_at desc, c.id desc", page, CaseService::row);
    }

    /** Every case of the filter the caller may see, for the export (at most {@code limit}). */
    public List<CaseStudy> all(Filter f, int limit) {
        List<CaseStudy> result = new ArrayList<>();
        for (int p = 0; result.size() < limit; p++) {
            PageResult<CaseStudy> page = list(f, new PageRequest(p, PageRequest.MAX_SIZE));
            result.addAll(page.items());
            if (page.items().size() < PageRequest.MAX_SIZE) break;
        }
        return result.size() > limit ? result.subList(0, limit) : result;
    }

    /**
     * The selected and published cases of a plan and year, as the caller may see them: what the bulletins and the
     * annual report list under 典型案例.
     */
    public List<CaseStudy> selected(long planId, int year) {
        Scope.current().requireCaller();
        Where where = visible(new Where()).and("c.plan_id = :plan", "plan", planId).and("c.year = :year", "year", year)
                .and("c.state in ('SELECTED', 'PUBLISHED')");
        return jdbc.sql("select " + SELECT + " " + FROM + where.sql() + " order by c.kind, c.id").params(where.params())
                .query(CaseService::row).list();
    }

    /**
     * The cases of a plan selected (入选) in a period, from the day {@code from} up to the day before {@code until}, and
     * still selected or published, as the caller may see them: a bulletin's 典型案例 section.
     */
    public List<CaseStudy> selectedBetween(long planId, java.time.LocalDate from, java.time.LocalDate until) {
        Scope.current().requireCaller();
        Where where = visible(new Where()).and("c.plan_id = :plan", "plan", planId).and("c.state in ('SELECTED', 'PUBLISHED')")
                .and("""
                        exists (select 1 from case_entry e where e.case_id = c.id and e.kind = 'SELECTED'
                            and e.created_at >= :from and e.created_at < :until)""", "from", from.atStartOfDay());
        Map<String, Object> params = new java.util.HashMap<>(where.params());
        params.put("until", until.atStartOfDay());
        return jdbc.sql("select " + SELECT + " " + FROM + where.sql() + " order by c.kind, c.id").params(params)
                .query(CaseService::row).list();
    }

    /**
     * Who sees what: offices and leaders their regions' cases once submitted (administrators and the system all),
     * unit users their own units' cases and the published ones of their regions.
     */
    static Where visible(Where where) {
        Scope scope = Scope.current();
        scope.restrictRegion(where, "c.region_code");
        if (scope.units() != null) {
            if (scope.units().isEmpty()) where.and("c.state = 'PUBLISHED'");
            else where.and("(c.unit_id in (:scopeUnits) or c.state = 'PUBLISHED')", "scopeUnits", scope.units());
        } else if (scope.user() != null && !scope.user().has(Role.ADMIN)) {
            where.and("c.state <> 'DRAFT'");
        }
        return where;
    }

    /** One case as the caller may see it; out of scope reads as absent. */
    public CaseStudy get(long id) {
        Scope.current().requireCaller();
        Where where = visible(new Where().and("c.id = :id", "id", id));
        return jdbc.sql("select " + SELECT + " " + FROM + where.sql()).params(where.params()).query(CaseService::row).optional()
                .orElseThrow(() -> new NotFoundException("case", id));
    }

    public Detail detail(long id) {
        CaseStudy c = get(id);
        return new Detail(c, tasks(id), files(id), history(id));
    }

    private List<TaskLink> tasks(long id) {
        return jdbc.sql("select t.id, t.code, t.title from case_task ct join task t on t.id = ct.task_id where ct.case_id = :c"
                        + " order by t.position, t.id")
                .param("c", id).query((rs, n) -> new TaskLink(rs.getLong(1), rs.getString(2), rs.getString(3))).list();
    }

    private List<Attachment> files(long id) {
        return jdbc.sql("""
                select id, case_id, file_name, content_type, size_bytes, sha256, uploaded_by, uploaded_at
                from case_file where case_id = :c order by id""").param("c", id)
                .query((rs, n) -> new Attachment(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                        rs.getString(6), rs.getString(7), rs.getObject(8, LocalDateTime.class))).list();
    }

    private List<Entry> history(long id) {
        return jdbc.sql("select id, kind, text, author, created_at from case_entry where case_id = :c order by id").param("c", id)
                .query((rs, n) -> new Entry(rs.getLong(1), EntryKind.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4),
                        rs.getObject(5, LocalDateTime.class))).list();
    }

    public Attachment file(long caseId, long fileId) {
        get(caseId);
        return files(caseId).stream().filter(f -> f.id() == fileId).findFirst().orElseThrow(() -> new NotFoundException("file", fileId));
    }

    public byte[] fileContent(long caseId, long fileId) {
        file(caseId, fileId);
        return jdbc.sql("select content from case_file where id = :f and case_id = :c").param("f", fileId).param("c", caseId)
                .query(byte[].class).single();
    }

    /** The tasks a unit may link a case of this plan to: those of the plan the caller sees. */
    public List<TaskSummary> taskChoices(long planId) {
        return plans.tasksOfPlan(planId);
    }

    // ---- the public portal

    /** The published cases of a public plan that publishes its cases, newest first; otherwise 404. */
    public record PublicCases(Plan plan, List<CaseStudy> cases) {}

    public PublicCases publishedForThePublic(long planId) {
        Plan plan = plans.publicPlan(planId, PublicSection.CASES);
        return new PublicCases(plan, jdbc.sql("select " + SELECT + " " + FROM
                        + " where c.plan_id = :plan and c.state = 'PUBLISHED' order by c.year desc, c.published_at desc, c.id desc")
                .param("plan", planId).query(CaseService::row).list());
    }

    /** One published case of a public plan that publishes its cases, with its tasks; anything else reads as absent. */
    public record PublicCase(Plan plan, CaseStudy c, List<TaskLink> tasks) {}

    public PublicCase oneForThePublic(long id) {
        CaseStudy c = jdbc.sql("select " + SELECT + " " + FROM + " where c.id = :id and c.state = 'PUBLISHED'").param("id", id)
                .query(CaseService::row).optional().orElseThrow(() -> new NotFoundException("case", id));
        return new PublicCase(plans.publicPlan(c.planId(), PublicSection.CASES), c, tasks(id));
    }

    // ---- the unit's commands

    /** A new draft by a reporter or unit head of the case's unit (or an administrator). */
    @Transactional
    public CaseStudy create(CaseText in) {
        GongfuUser user = Scope.current().require(Role.REPORTER, Role.UNIT_HEAD, Role.ADMIN);
        if (!user.has(Role.ADMIN) && !user.unitIds().contains(in.unitId())) {
            throw new InvalidParameterException("unitId", BundleText.both("case.error.unit"));
        }
        Plan plan = planOf(in.planId());
        String region = jdbc.sql("select region_code from unit where id = :u").param("u", in.unitId()).query(String.class).optional()
                .filter(r -> Scope.current().coversRegion(r))
                .orElseThrow(() -> new InvalidParameterException("unitId", BundleText.both("case.error.unit")));
        Set<Long> tasks = checked(in, plan);
        LocalDateTime now = now();
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into case_study (plan_id, unit_id, region_code, kind, year, title, body, state, version, created_by, created_at,
                    updated_at)
                values (:plan, :unit, :region, :kind, :year, :title, :body, 'DRAFT', 0, :by, :now, :now)""")
                .param("plan", plan.id()).param("unit", in.unitId()).param("region", region).param("kind", in.kind().name())
                .param("year", in.year()).param("title", in.title().strip()).param("body", in.body().strip())
                .param("by", user.username()).param("now", now).update(key, "id");
        long id = key.getKey().longValue();
        linkTasks(id, tasks);
        entry(id, EntryKind.CREATED, in.title().strip(), now);
        audit.record("case.create", target(id), null, in.kind() + " " + in.year() + " " + in.title().strip() + " unit " + in.unitId()
                + " tasks " + tasks);
        return get(id);
    }

    /** The unit changes its draft (or its returned case): title, text, kind, year, tasks. */
    @Transactional
    public CaseStudy edit(long id, int version, CaseText in) {
        CaseStudy c = forUnit(id, version);
        if (c.unitId() != in.unitId() || c.planId() != in.planId()) {
            throw new InvalidParameterException("unitId", BundleText.both("case.error.unitOrPlanChanged"));
        }
        Set<Long> tasks = checked(in, planOf(c.planId()));
        LocalDateTime now = now();
        int updated = jdbc.sql("""
                update case_study set kind = :kind, year = :year, title = :title, body = :body, version = version + 1, updated_at = :now
                where id = :id and version = :v""")
                .param("kind", in.kind().name()).param("year", in.year()).param("title", in.title().strip())
                .param("body", in.body().strip()).param("now", now).param("id", id).param("v", version).update();
        if (updated == 0) throw stale(id, version);
        jdbc.sql("delete from case_task where case_id = :c").param("c", id).update();
        linkTasks(id, tasks);
        entry(id, EntryKind.EDITED, "", now);
        audit.record("case.edit", target(id), c.kind() + " " + c.year() + " " + c.title() + " (" + c.body().length() + " chars)",
                in.kind() + " " + in.year() + " " + in.title().strip() + " (" + in.body().strip().length() + " chars) tasks " + tasks);
        return get(id);
    }

    /**
     * Attaches a file to the unit's draft: a PDF, a .docx, an .xlsx, a JPEG or a PNG, its type read from its bytes;
     * anything else (a script, a page, an executable, a file named .pdf that is none) is refused.
     */
    @Transactional
    public CaseStudy addFile(long id, int version, String clientName, byte[] content) {
        CaseStudy c = forUnit(id, version);
        if (content == null || content.length == 0) throw new InvalidParameterException("file", BundleText.both("upload.empty"));
        if (content.length > MAX_FILE_BYTES) throw new UploadTooLargeException(content.length, MAX_FILE_BYTES);
        String name = Uploads.fileName(clientName);
        String type = CaseFiles.typeOf(name, content);
        if (type == null) throw new InvalidParameterException("file", BundleText.both("case.error.fileType"));
        if (files(id).size() >= MAX_FILES) throw new InvalidParameterException("file", BundleText.both("case.error.tooManyFiles", MAX_FILES));
        LocalDateTime now = now();
        touch(c, now);
        jdbc.sql("""
                insert into case_file (case_id, file_name, content_type, size_bytes, sha256, content, uploaded_by, uploaded_at)
                values (:c, :n, :t, :size, :sha, :content, :by, :now)""")
                .param("c", id).param("n", name).param("t", type).param("size", content.length).param("sha", Sha256.hex(content))
                .param("content", content).param("by", Scope.current().user().username()).param("now", now).update();
        entry(id, EntryKind.FILE_ADDED, name, now);
        audit.record("case.file-add", target(id), null, name + " (" + type + ", " + content.length + " bytes)");
        return get(id);
    }

    @Transactional
    public CaseStudy removeFile(long id, long fileId, int version) {
        CaseStudy c = forUnit(id, version);
        Attachment f = file(id, fileId);
        LocalDateTime now = now();
        touch(c, now);
        jdbc.sql("delete from case_file where id = :f and case_id = :c").param("f", fileId).param("c", id).update();
        entry(id, EntryKind.FILE_REMOVED, f.fileName(), now);
        audit.record("case.file-remove", target(id), f.fileName() + " (" + f.sizeBytes() + " bytes)", null);
        return get(id);
    }

    /** The unit submits its draft (or its returned case, again) to the office. */
    @Transactional
    public CaseStudy submit(long id, int version) {
        CaseStudy c = forUnit(id, version);
        return move(c, State.SUBMITTED, EntryKind.SUBMITTED, "", null, "case.submit");
    }

    // ---- the office's commands

    /** 入选: the office selects a submitted case. */
    @Transactional
    public CaseStudy select(long id, int version, String remark) {
        CaseStudy c = forOffice(id, version);
        if (c.state() != State.SUBMITTED) throw new CaseRefusal("case-not-submitted", id);
        return move(c, State.SELECTED, EntryKind.SELECTED, remark, null, "case.select");
    }

    /** The office returns a submitted (or a selected, not published) case to its unit with a reason. */
    @Transactional
    public CaseStudy returnToUnit(long id, int version, String reason) {
        CaseStudy c = forOffice(id, version);
        if (c.state() != State.SUBMITTED && c.state() != State.SELECTED) throw new CaseRefusal("case-not-submitted", id);
        if (reason == null || reason.isBlank()) throw new InvalidParameterException("reason", Rules.REQUIRED);
        return move(c, State.RETURNED, EntryKind.RETURNED, reason.strip(), reason.strip(), "case.return");
    }

    /** The office publishes a selected case: the public portal shows it when its plan publishes cases. */
    @Transactional
    public CaseStudy publish(long id, int version) {
        CaseStudy c = forOffice(id, version);
        if (c.state() != State.SELECTED) throw new CaseRefusal("case-not-selected", id);
        CaseStudy moved = move(c, State.PUBLISHED, EntryKind.PUBLISHED, "", null, "case.publish");
        jdbc.sql("update case_study set published_at = updated_at where id = :id").param("id", id).update();
        return get(moved.id());
    }

    /** The office takes a published case off the portal; it stays selected. */
    @Transactional
    public CaseStudy unpublish(long id, int version) {
        CaseStudy c = forOffice(id, version);
        if (c.state() != State.PUBLISHED) throw new CaseRefusal("case-not-published", id);
        move(c, State.SELECTED, EntryKind.UNPUBLISHED, "", null, "case.unpublish");
        jdbc.sql("update case_study set published_at = null where id = :id").param("id", id).update();
        return get(id);
    }

    /** The demo's cases: written, selected and published by the system for the demo district. */
    @Transactional
    public long publishForDemo(CaseText in) {
        return Scope.asSystem(() -> {
            LocalDateTime now = now();
            String region = jdbc.sql("select region_code from unit where id = :u").param("u", in.unitId()).query(String.class).single();
            GeneratedKeyHolder key = new GeneratedKeyHolder();
            jdbc.sql("""
                    insert into case_study (plan_id, unit_id, region_code, kind, year, title, body, state, version, created_by, created_at,
                        updated_at, published_at)
                    values (:plan, :unit, :region, :kind, :year, :title, :body, 'PUBLISHED', 0, :by, :now, :now, :now)""")
                    .param("plan", in.planId()).param("unit", in.unitId()).param("region", region).param("kind", in.kind().name())
                    .param("year", in.year()).param("title", in.title()).param("body", in.body()).param("by", Scope.SYSTEM_ACTOR)
                    .param("now", now).update(key, "id");
            long id = key.getKey().longValue();
            linkTasks(id, new LinkedHashSet<>(in.taskIds()));
            for (EntryKind k : List.of(EntryKind.CREATED, EntryKind.SUBMITTED, EntryKind.SELECTED, EntryKind.PUBLISHED)) {
                entry(id, k, "", now);
            }
            audit.record("case.publish", target(id), null, "demo " + in.title());
            return id;
        });
    }

    // ---- helpers

    /** The case for a reporter or unit head of its unit (or an administrator), while the unit may change it. */
    private CaseStudy forUnit(long id, int version) {
        GongfuUser user = Scope.current().require(Role.REPORTER, Role.UNIT_HEAD, Role.ADMIN);
        CaseStudy c = get(id);
        if (!user.has(Role.ADMIN) && !user.unitIds().contains(c.unitId())) throw new AccessDeniedException("only the case's unit");
        atVersion(c, version);
        if (!c.state().editableByUnit()) throw new CaseRefusal("case-locked", id);
        return c;
    }

    /** The case for the office of its region (or an administrator). */
    private CaseStudy forOffice(long id, int version) {
        Scope.current().require(Role.OFFICE, Role.ADMIN);
        CaseStudy c = get(id);
        atVersion(c, version);
        return c;
    }

    private CaseStudy move(CaseStudy c, State to, EntryKind kind, String text, String reason, String action) {
        LocalDateTime now = now();
        int updated = jdbc.sql("""
                update case_study set state = :s, return_reason = :r, version = version + 1, updated_at = :now
                where id = :id and version = :v""")
                .param("s", to.name()).param("r", reason, java.sql.Types.VARCHAR).param("now", now).param("id", c.id())
                .param("v", c.version()).update();
        if (updated == 0) throw stale(c.id(), c.version());
        entry(c.id(), kind, text == null ? "" : text.strip(), now);
        audit.record(action, target(c.id()), c.state().name(), to + (text == null || text.isBlank() ? "" : ": " + text.strip()));
        return get(c.id());
    }

    private void touch(CaseStudy c, LocalDateTime now) {
        int updated = jdbc.sql("update case_study set version = version + 1, updated_at = :now where id = :id and version = :v")
                .param("now", now).param("id", c.id()).param("v", c.version()).update();
        if (updated == 0) throw stale(c.id(), c.version());
    }

    private static void atVersion(CaseStudy c, int version) {
        if (version != c.version()) throw new StaleVersionException("case " + c.id(), version, c.version());
    }

    private StaleVersionException stale(long id, int version) {
        return new StaleVersionException("case " + id, version, get(id).version());
    }

    private Plan planOf(long planId) {
        return plans.find(planId).filter(p -> "published".equals(p.state()))
                .orElseThrow(() -> new InvalidParameterException("planId", BundleText.both("case.error.plan")));
    }

    /** The text's rules beyond the form's: the year in range, one or more tasks, each of the plan. */
    private Set<Long> checked(CaseText in, Plan plan) {
        if (in.kind() == null) throw new InvalidParameterException("kind", Rules.REQUIRED);
        if (in.title() == null || in.title().isBlank()) throw new InvalidParameterException("title", Rules.REQUIRED);
        if (in.body() == null || in.body().isBlank()) throw new InvalidParameterException("body", Rules.REQUIRED);
        if (in.body().strip().length() > MAX_BODY) throw new InvalidParameterException("body", BundleText.both("case.error.bodyLength", MAX_BODY));
        if (in.year() < EARLIEST_YEAR || in.year() > LATEST_YEAR) {
            throw new InvalidParameterException("year", BundleText.both("case.error.year", EARLIEST_YEAR, LATEST_YEAR));
        }
        Set<Long> tasks = new LinkedHashSet<>(in.taskIds() == null ? List.of() : in.taskIds());
        tasks.remove(null);
        if (tasks.isEmpty()) throw new InvalidParameterException("taskIds", BundleText.both("case.error.tasks"));
        Set<Long> ofPlan = plans.tasksOfPlan(plan.id()).stream().map(TaskSummary::id).collect(Collectors.toSet());
        if (!ofPlan.containsAll(tasks)) throw new InvalidParameterException("taskIds", BundleText.both("case.error.tasks"));
        return tasks;
    }

    private void linkTasks(long id, Set<Long> tasks) {
        for (long t : tasks) jdbc.sql("insert into case_task (case_id, task_id) values (:c, :t)").param("c", id).param("t", t).update();
    }

    private void entry(long id, EntryKind kind, String text, LocalDateTime now) {
        GongfuUser user = Scope.current().user();
        jdbc.sql("insert into case_entry (case_id, kind, text, author, created_at) values (:c, :k, :t, :a, :now)")
                .param("c", id).param("k", kind.name()).param("t", text == null ? "" : text)
                .param("a", user == null ? Scope.SYSTEM_ACTOR : user.username()).param("now", now).update();
    }

    static String target(long id) {
        return "case:" + id;
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock);
    }

    static CaseStudy row(ResultSet rs, int n) throws SQLException {
        return new CaseStudy(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4), rs.getString(5), rs.getString(6),
                Kind.valueOf(rs.getString(7)), rs.getInt(8), rs.getString(9), rs.getString(10), State.valueOf(rs.getString(11)),
                rs.getString(12), rs.getInt(13), rs.getString(14), rs.getObject(15, LocalDateTime.class),
                rs.getObject(16, LocalDateTime.class), rs.getObject(17, LocalDateTime.class));
    }
}
