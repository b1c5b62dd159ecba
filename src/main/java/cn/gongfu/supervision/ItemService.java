package cn.gongfu.supervision;

import cn.gongfu.audit.AuditLog;
import cn.gongfu.kernel.FileTypes;
import cn.gongfu.kernel.GongfuUser;
import cn.gongfu.kernel.InvalidParameterException;
import cn.gongfu.kernel.NotFoundException;
import cn.gongfu.kernel.PageRequest;
import cn.gongfu.kernel.PageResult;
import cn.gongfu.kernel.Pager;
import cn.gongfu.kernel.Role;
import cn.gongfu.kernel.Scope;
import cn.gongfu.kernel.Sha256;
import cn.gongfu.kernel.UploadTooLargeException;
import cn.gongfu.kernel.Uploads;
import cn.gongfu.kernel.Where;
import cn.gongfu.kernel.YearlyNumbers;
import cn.gongfu.plan.Plan;
import cn.gongfu.plan.PlanService;
import cn.gongfu.reporting.ConflictException;
import cn.gongfu.supervision.SupervisedItem.Detail;
import cn.gongfu.supervision.SupervisedItem.Entry;
import cn.gongfu.supervision.SupervisedItem.EntryKind;
import cn.gongfu.supervision.SupervisedItem.Evidence;
import cn.gongfu.supervision.SupervisedItem.Grade;
import cn.gongfu.supervision.SupervisedItem.Kind;
import cn.gongfu.supervision.SupervisedItem.Source;
import cn.gongfu.supervision.SupervisedItem.State;
import cn.gongfu.supervision.SupervisedItem.SubjectType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The issue register (问题清单), leaders' instructions (领导批示) and supervision orders (督办单): one lifecycle for all
 * three. The office (and administrators) registers issues and sends orders, closes (销号), reopens and raises the
 * grade; a leader writes instructions; the assigned unit's reporters and unit heads post rectification (with evidence)
 * and answer. Units see only their items, offices and leaders those of their regions. Every change is a timeline entry,
 * is audited, carries the version read (a stale one is a 409) and publishes its event for notify.
 */
@Service
class ItemService {

    /** The largest evidence file accepted: the same as a report's. */
    static final long MAX_EVIDENCE_BYTES = cn.gongfu.reporting.ReportingService.MAX_EVIDENCE_BYTES;
    static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    static final LocalDate LATEST = LocalDate.of(2100, 12, 31);

    private final JdbcClient jdbc;
    private final Pager pager;
    private final PlanService plans;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final ItemNumbers numbers;
    private final Clock clock;

    ItemService(JdbcClient jdbc, Pager pager, PlanService plans, AuditLog audit, ApplicationEventPublisher events, ItemNumbers numbers,
                Clock clock) {
        this.jdbc = jdbc;
        this.pager = pager;
        this.plans = plans;
        this.audit = audit;
        this.events = events;
        this.numbers = numbers;
        this.clock = clock;
    }

    /** What a new item says; {@code kind} decides who may create it. */
    record NewItem(Kind kind, SubjectType subjectType, Long subjectId, Source source, Long planId, long unitId, String title,
                   String body, Grade grade, LocalDate deadline) {}

    /** The list's filters; each may be absent. */
    record Filter(Kind kind, State state, Long unitId, Grade grade, String text, boolean overdueOnly, Long planId) {
        static final Filter ALL = new Filter(null, null, null, null, null, false, null);
    }

    // ---- reading

    static final String SELECT = """
            i.id, i.kind, i.subject_type, i.subject_id, i.source, i.plan_id, i.unit_id, u.name, i.region_code, i.title, i.body,
            i.grade, i.deadline, i.state, i.number, i.overdue_at, i.version, i.created_by, i.created_at, i.updated_at, i.closed_at""";
    static final String FROM = "from supervised_item i join unit u on u.id = i.unit_id";

    /** The items the caller may see, filtered, most urgent first (open before closed, earliest deadline first). */
    PageResult<SupervisedItem> list(Filter f, PageRequest page) {
        Scope.current().requireCaller();
        LocalDate today = today();
        Where where = visible(new Where())
                .and("i.kind = :kind", "kind", f.kind() == null ? null : f.kind().name())
                .and("i.state = :state", "state", f.state() == null ? null : f.state().name())
                .and("i.unit_id = :unit", "unit", f.unitId())
                .and("i.grade = :grade", "grade", f.grade() == null ? null : f.grade().name())
                .and("i.plan_id = :plan", "plan", f.planId())
                .containing("q", f.text(), "i.title", "i.body", "i.number", "u.name");
        if (f.overdueOnly()) where.and("i.state <> 'CLOSED' and i.deadline < :today", "today", today);
        return pager.page(SELECT, FROM, where, "case when i.state = 'CLOSED' then 1 else 0 end, i.deadline, i.id", page,
                (rs, n) -> row(rs, today));
    }

    /** Every item of the filter the caller may see, for the export (at most {@code limit}). */
    List<SupervisedItem> all(Filter f, int limit) {
        List<SupervisedItem> result = new ArrayList<>();
        for (int p = 0; result.size() < limit; p++) {
            PageResult<SupervisedItem> page = list(f, new PageRequest(p, PageRequest.MAX_SIZE));
            result.addAll(page.items());
            if (page.items().size() < PageRequest.MAX_SIZE) break;
        }
        return result.size() > limit ? result.subList(0, limit) : result;
    }

    /** The caller's visibility: offices and leaders their regions (and below), units their own units. */
    static Where visible(Where where) {
        Scope scope = Scope.current();
        scope.restrictRegion(where, "i.region_code");
        if (scope.units() != null) {
            if (scope.units().isEmpty()) where.and("1 = 0");
            else where.and("i.unit_id in (:scopeUnits)", "scopeUnits", scope.units());
        }
        return where;
    }

    /** One item as the caller may see it; out of scope reads as absent. */
    SupervisedItem get(long id) {
        Scope.current().requireCaller();
        Where where = visible(new Where().and("i.id = :id", "id", id));
        LocalDate today = today();
        return jdbc.sql("select " + SELECT + " " + FROM + where.sql()).params(where.params()).query((rs, n) -> row(rs, today))
                .optional().orElseThrow(() -> new NotFoundException("item", id));
    }

    Detail detail(long id) {
        return new Detail(get(id), entries(id));
    }

    /** The item's timeline, oldest first, each entry with its files. */
    List<Entry> entries(long id) {
        get(id);
        Map<Long, List<Evidence>> files = new HashMap<>();
        jdbc.sql("""
                select id, item_id, entry_id, file_name, content_type, size_bytes, sha256, uploaded_by, uploaded_at
                from item_evidence where item_id = :i order by id""").param("i", id)
                .query((rs, n) -> new Evidence(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                        rs.getLong(6), rs.getString(7), rs.getString(8), rs.getObject(9, LocalDateTime.class))).list()
                .forEach(e -> files.computeIfAbsent(e.entryId(), k -> new ArrayList<>()).add(e));
        return jdbc.sql("select id, item_id, kind, text, grade, author, created_at from item_entry where item_id = :i order by id")
                .param("i", id)
                .query((rs, n) -> new Entry(rs.getLong(1), rs.getLong(2), EntryKind.valueOf(rs.getString(3)), rs.getString(4),
                        rs.getString(5) == null ? null : Grade.valueOf(rs.getString(5)), rs.getString(6),
                        rs.getObject(7, LocalDateTime.class), files.getOrDefault(rs.getLong(1), List.of()))).list();
    }

    /** An evidence file's bytes, when the caller may see its item. */
    byte[] evidenceContent(long itemId, long evidenceId) {
        get(itemId);
        return jdbc.sql("select content from item_evidence where id = :e and item_id = :i").param("e", evidenceId).param("i", itemId)
                .query(byte[].class).optional().orElseThrow(() -> new NotFoundException("evidence", evidenceId));
    }

    Evidence evidence(long itemId, long evidenceId) {
        return entries(itemId).stream().flatMap(e -> e.evidence().stream()).filter(e -> e.id() == evidenceId).findFirst()
                .orElseThrow(() -> new NotFoundException("evidence", evidenceId));
    }

    // ---- commands

    /** Registers an issue or sends an order (office, administrator), or writes an instruction (leader, administrator). */
    @Transactional
    SupervisedItem create(NewItem in) {
        GongfuUser user = in.kind() == Kind.INSTRUCTION ? Scope.current().require(Role.LEADER, Role.ADMIN)
                : Scope.current().require(Role.OFFICE, Role.ADMIN);
        deadlineInRange(in.deadline());
        record UnitRow(String name, String region) {}
        UnitRow unit = jdbc.sql("select name, region_code from unit where id = :u").param("u", in.unitId())
                .query((rs, n) -> new UnitRow(rs.getString(1), rs.getString(2))).optional()
                .orElseThrow(() -> new InvalidParameterException("unitId", "no such unit: " + in.unitId()));
        if (!Scope.current().coversRegion(unit.region())) throw new InvalidParameterException("unitId", "no such unit: " + in.unitId());
        Long planId = in.planId() != null ? in.planId() : planOfSubject(in.subjectType(), in.subjectId());
        if (planId != null) {
            Plan plan = plansOrNull(planId);
            if (plan == null) throw new InvalidParameterException("planId", "no such plan: " + planId);
        }
        checkSubject(in.subjectType(), in.subjectId());
        Grade grade = in.grade() != null ? in.grade() : in.kind() == Kind.ORDER ? Grade.YELLOW : null;
        LocalDateTime now = now();
        YearlyNumbers.Number number = in.kind() == Kind.ORDER ? numbers.next(unit.region(), now.getYear()) : null;
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into supervised_item (kind, subject_type, subject_id, source, plan_id, unit_id, region_code, title, body, grade,
                    deadline, state, number, number_year, number_seq, version, created_by, created_at, updated_at)
                values (:kind, :st, :sid, :src, :plan, :unit, :region, :title, :body, :grade, :deadline, 'OPEN', :number, :ny, :ns, 0,
                    :by, :now, :now)""")
                .param("kind", in.kind().name()).param("st", in.subjectType().name()).param("sid", in.subjectId(), Types.BIGINT)
                .param("src", in.source().name()).param("plan", planId, Types.BIGINT).param("unit", in.unitId())
                .param("region", unit.region()).param("title", in.title().strip()).param("body", in.body() == null ? "" : in.body().strip())
                .param("grade", grade == null ? null : grade.name(), Types.VARCHAR).param("deadline", in.deadline())
                .param("number", number == null ? null : number.text(), Types.VARCHAR)
                .param("ny", number == null ? null : number.year(), Types.INTEGER)
                .param("ns", number == null ? null : number.seq(), Types.INTEGER)
                .param("by", user.username()).param("now", now).update(key, "id");
        long id = key.getKey().longValue();
        entry(id, EntryKind.CREATED, in.body() == null ? "" : in.body().strip(), grade, now);
        long assigned = entry(id, EntryKind.ASSIGNED, unit.name() + " " + in.deadline(), null, now);
        audit.record("item.create", target(id), null, in.kind() + " " + (number == null ? "" : number.text() + " ") + in.title().strip()
                + " -> unit " + in.unitId() + " by " + in.deadline());
        SupervisedItem item = get(id);
        events.publishEvent(new ItemAssigned(id, assigned, item.kind().name(), item.number(), item.title(), item.unitId(),
                item.unitName(), item.regionCode(), item.deadline()));
        return item;
    }

    /**
     * The unit's answer (办理回复 / 整改完成): the item becomes ANSWERED, waiting for the office to close it. The assigned
     * unit's reporters and unit heads, and administrators.
     */
    @Transactional
    SupervisedItem answer(long id, String text, Integer version) {
        SupervisedItem item = forUnit(id, version);
        if (item.state() == State.CLOSED) throw new SupervisionRefusal("item-closed", target(id), "the item is closed");
        LocalDateTime now = now();
        change(item, State.ANSWERED, item.grade(), item.deadline(), now);
        long entry = entry(id, EntryKind.ANSWER, text.strip(), null, now);
        audit.record("item.answer", target(id), item.state().name(), State.ANSWERED + ": " + text.strip());
        events.publishEvent(new ItemAnswered(id, entry, item.kind().name(), item.number(), item.title(), item.unitId(), item.unitName(),
                item.regionCode(), item.deadline()));
        return get(id);
    }

    /** A rectification update (整改进展) by the unit, optionally with a file; the state stays as it is. */
    @Transactional
    SupervisedItem rectify(long id, String text, Integer version, String fileName, byte[] content) {
        SupervisedItem item = forUnit(id, version);
        if (item.state() == State.CLOSED) throw new SupervisionRefusal("item-closed", target(id), "the item is closed");
        if (content != null) {
            if (content.length == 0) throw new InvalidParameterException("file", cn.gongfu.kernel.BundleText.both("upload.empty"));
            if (content.length > MAX_EVIDENCE_BYTES) throw new UploadTooLargeException(content.length, MAX_EVIDENCE_BYTES);
        }
        LocalDateTime now = now();
        change(item, item.state(), item.grade(), item.deadline(), now);
        long entry = entry(id, EntryKind.RECTIFICATION, text == null ? "" : text.strip(), null, now);
        String stored = null;
        if (content != null) {
            stored = Uploads.fileName(fileName);
            jdbc.sql("""
                    insert into item_evidence (item_id, entry_id, file_name, content_type, size_bytes, sha256, content, uploaded_by, uploaded_at)
                    values (:i, :e, :n, :t, :size, :sha, :c, :by, :at)""")
                    .param("i", id).param("e", entry).param("n", stored).param("t", FileTypes.sniff(content)).param("size", content.length)
                    .param("sha", Sha256.hex(content)).param("c", content).param("by", Scope.current().user().username()).param("at", now)
                    .update();
        }
        audit.record("item.rectify", target(id), null, (text == null ? "" : text.strip())
                + (stored == null ? "" : " [" + stored + ", " + content.length + " bytes]"));
        return get(id);
    }

    /** 销号: the office closes an answered item. */
    @Transactional
    SupervisedItem close(long id, String text, Integer version) {
        SupervisedItem item = forOffice(id, version);
        if (item.state() == State.CLOSED) throw new SupervisionRefusal("item-closed", target(id), "the item is closed already");
        if (item.state() != State.ANSWERED) throw new SupervisionRefusal("item-not-answered", target(id), "the unit has not answered yet");
        LocalDateTime now = now();
        change(item, State.CLOSED, item.grade(), item.deadline(), now);
        jdbc.sql("update supervised_item set closed_at = :t where id = :i").param("t", now).param("i", id).update();
        long entry = entry(id, EntryKind.CLOSED, text == null ? "" : text.strip(), null, now);
        audit.record("item.close", target(id), item.state().name(), State.CLOSED.name());
        events.publishEvent(new ItemClosed(id, entry, item.kind().name(), item.number(), item.title(), item.unitId(), item.unitName(),
                item.regionCode(), item.deadline()));
        return get(id);
    }

    /** The office reopens a closed item (the problem came back), optionally with a new deadline. */
    @Transactional
    SupervisedItem reopen(long id, String text, LocalDate deadline, Integer version) {
        SupervisedItem item = forOffice(id, version);
        if (item.state() != State.CLOSED) throw new SupervisionRefusal("item-not-closed", target(id), "only a closed item is reopened");
        if (deadline != null) deadlineInRange(deadline);
        LocalDate newDeadline = deadline != null ? deadline : item.deadline();
        LocalDateTime now = now();
        change(item, State.OPEN, item.grade(), newDeadline, now);
        jdbc.sql("update supervised_item set closed_at = null, overdue_at = null where id = :i").param("i", id).update();
        long entry = entry(id, EntryKind.REOPENED, (text == null ? "" : text.strip()), null, now);
        audit.record("item.reopen", target(id), State.CLOSED + " " + item.deadline(), State.OPEN + " " + newDeadline);
        events.publishEvent(new ItemReopened(id, entry, item.kind().name(), item.number(), item.title(), item.unitId(), item.unitName(),
                item.regionCode(), newDeadline));
        return get(id);
    }

    /**
     * The office raises the grade (黄 → 橙 → 红) of an item not closed, with a new reply date if it gives one: the unit
     * must answer again, so an answered item is open again.
     */
    @Transactional
    SupervisedItem raise(long id, Grade grade, String text, LocalDate deadline, Integer version) {
        SupervisedItem item = forOffice(id, version);
        if (item.state() == State.CLOSED) throw new SupervisionRefusal("item-closed", target(id), "the item is closed");
        if (item.grade() != null && grade.compareTo(item.grade()) <= 0) {
            throw new InvalidParameterException("grade", "must be more serious than " + item.grade());
        }
        if (deadline != null) deadlineInRange(deadline);
        LocalDate newDeadline = deadline != null ? deadline : item.deadline();
        LocalDateTime now = now();
        change(item, State.OPEN, grade, newDeadline, now);
        if (!newDeadline.equals(item.deadline())) {
            jdbc.sql("update supervised_item set overdue_at = null where id = :i").param("i", id).update();
        }
        long entry = entry(id, EntryKind.GRADE_RAISED, text == null ? "" : text.strip(), grade, now);
        audit.record("item.raise", target(id), item.grade() + " " + item.deadline(), grade + " " + newDeadline);
        events.publishEvent(new ItemGradeRaised(id, entry, item.kind().name(), item.number(), item.title(), item.unitId(), item.unitName(),
                item.regionCode(), grade.name(), item.grade() == null ? null : item.grade().name(), newDeadline));
        return get(id);
    }

    // ---- the daily overdue check

    /**
     * Marks every item past its deadline and not closed that is not marked yet: its {@code overdue_at} set to today, an
     * OVERDUE entry on its timeline, an {@link ItemOverdue} published. Set-based and idempotent: a second run the same
     * day (or on a second instance) finds nothing new, since the update only takes rows still unmarked.
     */
    @Transactional
    int markOverdue(LocalDate today) {
        return Scope.asSystem(() -> {
            LocalDateTime now = now();
            List<SupervisedItem> due = jdbc.sql("select " + SELECT + " " + FROM
                            + " where i.state <> 'CLOSED' and i.deadline < :d and i.overdue_at is null order by i.id")
                    .param("d", today).query((rs, n) -> row(rs, today)).list();
            int marked = 0;
            for (SupervisedItem item : due) {
                // the guarded update is what makes the mark once: a concurrent run loses the row here
                if (jdbc.sql("update supervised_item set overdue_at = :d where id = :i and overdue_at is null")
                        .param("d", today).param("i", item.id()).update() == 0) continue;
                jdbc.sql("insert into item_entry (item_id, kind, text, author, created_at) values (:i, 'OVERDUE', :t, :a, :now)")
                        .param("i", item.id()).param("t", String.valueOf(ChronoUnit.DAYS.between(item.deadline(), today)))
                        .param("a", Scope.SYSTEM_ACTOR).param("now", now).update();
                audit.record("item.overdue", target(item.id()), null, "deadline " + item.deadline() + ", found " + today);
                events.publishEvent(new ItemOverdue(item.id(), item.kind().name(), item.number(), item.title(), item.unitId(),
                        item.unitName(), item.regionCode(), item.deadline(), today));
                marked++;
            }
            return marked;
        });
    }

    // ---- helpers

    /** The item for its unit's reporters and heads (or an administrator), at the version read. */
    private SupervisedItem forUnit(long id, Integer version) {
        Scope.current().require(Role.REPORTER, Role.UNIT_HEAD, Role.ADMIN);
        SupervisedItem item = get(id);
        GongfuUser user = Scope.current().user();
        if (!user.has(Role.ADMIN) && !(user.hasAny(Role.REPORTER, Role.UNIT_HEAD) && user.unitIds().contains(item.unitId()))) {
            throw new org.springframework.security.access.AccessDeniedException("only the assigned unit answers");
        }
        return atVersion(item, version);
    }

    /** The item for the office of its region (or an administrator; a leader for an instruction), at the version read. */
    private SupervisedItem forOffice(long id, Integer version) {
        SupervisedItem item = get(id);
        if (item.kind() == Kind.INSTRUCTION) Scope.current().require(Role.OFFICE, Role.LEADER, Role.ADMIN);
        else Scope.current().require(Role.OFFICE, Role.ADMIN);
        return atVersion(item, version);
    }

    private static SupervisedItem atVersion(SupervisedItem item, Integer version) {
        if (version == null) throw new InvalidParameterException("version", cn.gongfu.kernel.Rules.REQUIRED);
        if (version != item.version()) throw new ConflictException("the item was changed meanwhile", item);
        return item;
    }

    /** Moves the item on, guarded by its version (a change in between is a 409). */
    private void change(SupervisedItem item, State state, Grade grade, LocalDate deadline, LocalDateTime now) {
        int updated = jdbc.sql("""
                update supervised_item set state = :s, grade = :g, deadline = :d, version = version + 1, updated_at = :t
                where id = :i and version = :v""")
                .param("s", state.name()).param("g", grade == null ? null : grade.name(), Types.VARCHAR).param("d", deadline)
                .param("t", now).param("i", item.id()).param("v", item.version()).update();
        if (updated == 0) throw new ConflictException("the item was changed meanwhile", get(item.id()));
    }

    private long entry(long itemId, EntryKind kind, String text, Grade grade, LocalDateTime now) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into item_entry (item_id, kind, text, grade, author, created_at) values (:i, :k, :t, :g, :a, :now)")
                .param("i", itemId).param("k", kind.name()).param("t", text == null ? "" : text)
                .param("g", grade == null ? null : grade.name(), Types.VARCHAR)
                .param("a", Scope.current().user() == null ? Scope.SYSTEM_ACTOR : Scope.current().user().username())
                .param("now", now).update(key, "id");
        return key.getKey().longValue();
    }

    private Plan plansOrNull(long planId) {
        try {
            return plans.get(planId);
        } catch (NotFoundException e) {
            return null;
        }
    }

    /** The plan a task, milestone or indicator subject belongs to, so an item registered from it is counted in its plan. */
    private Long planOfSubject(SubjectType type, Long subjectId) {
        if (subjectId == null) return null;
        String sql = switch (type) {
            case TASK -> "select plan_id from task where id = :s";
            case MILESTONE -> "select t.plan_id from milestone m join task t on t.id = m.task_id where m.id = :s";
            case REPORT -> "select plan_id from submission where id = :s";
            case ITEM -> "select plan_id from supervised_item where id = :s";
            default -> null;
        };
        if (sql == null) return null;
        return jdbc.sql(sql).param("s", subjectId).query((rs, n) -> rs.getObject(1) == null ? null : rs.getLong(1)).optional()
                .orElse(null);
    }

    /** A subject named must exist (a task, an indicator, a report, an item, a milestone); NONE takes no id. */
    private void checkSubject(SubjectType type, Long subjectId) {
        if (type == SubjectType.NONE) {
            if (subjectId != null) throw new InvalidParameterException("subjectId", "no subject id without a subject type");
            return;
        }
        if (subjectId == null) throw new InvalidParameterException("subjectId", cn.gongfu.kernel.Rules.REQUIRED);
        String table = switch (type) {
            case TASK -> "task";
            case INDICATOR -> "indicator";
            case REPORT -> "submission";
            case ITEM -> "supervised_item";
            case MILESTONE -> "milestone";
            case NONE -> throw new IllegalStateException();
        };
        if (jdbc.sql("select count(*) from " + table + " where id = :s").param("s", subjectId).query(Long.class).single() == 0) {
            throw new InvalidParameterException("subjectId", "no such " + type.name().toLowerCase(Locale.ROOT) + ": " + subjectId);
        }
    }

    static void deadlineInRange(LocalDate deadline) {
        if (deadline == null) throw new InvalidParameterException("deadline", cn.gongfu.kernel.Rules.REQUIRED);
        if (deadline.isBefore(EARLIEST) || deadline.isAfter(LATEST)) {
            throw new InvalidParameterException("deadline", "a date between " + EARLIEST + " and " + LATEST);
        }
    }

    static String target(long id) {
        return "item:" + id;
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock);
    }

    static SupervisedItem row(ResultSet rs, LocalDate today) throws SQLException {
        State state = State.valueOf(rs.getString(14));
        LocalDate deadline = rs.getObject(13, LocalDate.class);
        int late = state == State.CLOSED || !deadline.isBefore(today) ? 0 : (int) ChronoUnit.DAYS.between(deadline, today);
        return new SupervisedItem(rs.getLong(1), Kind.valueOf(rs.getString(2)), SubjectType.valueOf(rs.getString(3)),
                (Long) rs.getObject(4, Long.class), Source.valueOf(rs.getString(5)), rs.getObject(6, Long.class), rs.getLong(7),
                rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11),
                rs.getString(12) == null ? null : Grade.valueOf(rs.getString(12)), deadline, state, rs.getString(15),
                rs.getObject(16, LocalDate.class), rs.getInt(17), rs.getString(18), rs.getObject(19, LocalDateTime.class),
                rs.getObject(20, LocalDateTime.class), rs.getObject(21, LocalDateTime.class), late);
    }
}
