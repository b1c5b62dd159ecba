package cn.gongfu.importing;

import static cn.gongfu.kernel.BundleText.both;

import cn.gongfu.audit.AuditLog;
import cn.gongfu.importing.PlanDiff.TargetShape;
import cn.gongfu.importing.PlanDiff.TaskShape;
import cn.gongfu.importing.UnitResolution.Status;
import cn.gongfu.indicator.IndicatorService;
import cn.gongfu.indicator.TargetView;
import cn.gongfu.ingest.ColumnRoles;
import cn.gongfu.ingest.DocumentException;
import cn.gongfu.ingest.DocumentFormat;
import cn.gongfu.ingest.DocumentParser;
import cn.gongfu.ingest.ParsedDocument;
import cn.gongfu.ingest.ParserLimits;
import cn.gongfu.kernel.InvalidParameterException;
import cn.gongfu.kernel.NotFoundException;
import cn.gongfu.kernel.PageRequest;
import cn.gongfu.kernel.PageResult;
import cn.gongfu.kernel.Pager;
import cn.gongfu.kernel.Role;
import cn.gongfu.kernel.Rows;
import cn.gongfu.kernel.Scope;
import cn.gongfu.kernel.Sha256;
import cn.gongfu.kernel.Uploads;
import cn.gongfu.kernel.Where;
import cn.gongfu.plan.DraftException;
import cn.gongfu.plan.Plan;
import cn.gongfu.plan.PlanDraft;
import cn.gongfu.plan.PlanService;
import cn.gongfu.plan.PlanService.TaskText;
import cn.gongfu.plan.PlanWriter;
import cn.gongfu.plan.SourceFile;
import cn.gongfu.region.Region;
import cn.gongfu.region.RegionService;
import cn.gongfu.reporting.ProgressDrafts;
import cn.gongfu.unit.Unit;
import cn.gongfu.unit.UnitKinds;
import cn.gongfu.unit.UnitService;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The office's import of a plan document: upload (parsed at once, so a bad file is refused before it is
 * stored), review (units, indicators, differences to the previous version), decisions about unknown
 * units, and publishing as a plan in one transaction. The stored bytes are parsed again on each review:
 * the parser is fast, and there is then one source of truth for what the document says.
 */
@Service
public class ImportService {

    /** The states an import is in: waiting for review, published as a plan, imported as progress reports, discarded. */
    public static final List<String> STATES = List.of("review", "published", "reported", "discarded");

    public static final List<String> KINDS = List.of("action_plan", "work_points", "special_plan", "implementation");

    private static final String JOB_COLUMNS = """
            id, file_name, content_type, sha256, size_bytes, region_code, kind, previous_plan_id, title, start_year, end_year,
            state, plan_id, created_at, draft_version, draft_json is not null as corrected, reported_period, column_roles""";
    private static final RowMapper<ImportJob> JOB = Rows.of(ImportJob.class);

    private final DocumentParser parser = new DocumentParser();
    private final JdbcClient jdbc;
    private final Pager pager;
    private final RegionService regions;
    private final UnitService units;
    private final PlanService plans;
    private final PlanWriter planWriter;
    private final IndicatorService indicators;
    private final ProgressReviews progressReviews;
    private final ProgressDrafts progressDrafts;
    private final AuditLog audit;

    public ImportService(JdbcClient jdbc, Pager pager, RegionService regions, UnitService units, PlanService plans,
                         PlanWriter planWriter, IndicatorService indicators, ProgressReviews progressReviews,
                         ProgressDrafts progressDrafts, AuditLog audit) {
        this.progressReviews = progressReviews;
        this.progressDrafts = progressDrafts;
        this.audit = audit;
        this.jdbc = jdbc;
        this.pager = pager;
        this.regions = regions;
        this.units = units;
        this.plans = plans;
        this.planWriter = planWriter;
        this.indicators = indicators;
    }

    /** The largest plan document accepted: the parser's own limit. */
    public static final long MAX_UPLOAD_BYTES = ParserLimits.DEFAULT.maxFileBytes();

    /**
     * Parses and stores an uploaded document for review. Refuses a document already imported (same
     * SHA-256) and a file the parser cannot read ({@link UnreadableDocumentException}); nothing is
     * stored then. Without an explicit previous plan, a plan of the region with the same title is taken.
     */
    @Transactional
    public ImportJob upload(String clientFileName, byte[] content, String regionCode, String kind, Long previousPlanId) {
        Scope scope = Scope.current();
        scope.require(Role.OFFICE, Role.ADMIN);
        if (clientFileName == null || clientFileName.isBlank()) throw new InvalidParameterException("file", "a file is required");
        String fileName = Uploads.fileName(clientFileName);
        Region region = regions.find(regionCode == null ? "" : regionCode)
                .orElseThrow(() -> new InvalidParameterException("region", "unknown region " + regionCode));
        if (!scope.coversRegion(region.code())) {
            throw new InvalidParameterException("region", region.name() + " lies outside your region");
        }
        if (!KINDS.contains(kind)) throw new InvalidParameterException("kind", "must be one of " + KINDS);
        Plan previous = null;
        if (previousPlanId != null) {
            previous = plans.find(previousPlanId)
                    .orElseThrow(() -> new InvalidParameterException("previousPlan", "unknown plan " + previousPlanId));
            if (!previous.regionCode().equals(region.code())) {
                throw new InvalidParameterException("previousPlan", "plan " + previousPlanId + " belongs to another region");
            }
        }
        String sha = Sha256.hex(content);
        plans.findBySourceSha256(sha).ifPresent(p -> {
            throw new DuplicateDocumentException(p.id(), null);
        });
        jdbc.sql("select id from import_job where sha256 = :sha and state = 'review'").param("sha", sha)
                .query(Long.class).optional().ifPresent(id -> {
                    throw new DuplicateDocumentException(null, id);
                });
        ParsedDocument doc = parse(fileName, content, ColumnRoles.NONE);
        if (previous == null && doc.title() != null) {
            previous = plans.latestWithTitle(region.code(), doc.title()).orElse(null);
        }
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into import_job (file_name, content_type, sha256, size_bytes, content, region_code, kind, previous_plan_id)
                values (:name, :type, :sha, :size, :content, :region, :kind, :previous)""")
                .param("name", fileName).param("type", contentType(fileName, content)).param("sha", sha)
                .param("size", content.length).param("content", content).param("region", region.code())
                .param("kind", kind).param("previous", previous == null ? null : previous.id(), Types.BIGINT)
                .update(key, "id");
        long id = key.getKey().longValue();
        audit.record("import.upload", "import:" + id, null,
                fileName + " (" + content.length + " bytes, sha256=" + sha + ", region " + region.code() + ", " + kind + ")");
        return job(id);
    }

    /** The import, if the caller is an office or administrator whose scope covers its region. */
    public ImportJob job(long id) {
        Scope scope = Scope.current();
        scope.require(Role.OFFICE, Role.ADMIN);
        return jdbc.sql("select " + JOB_COLUMNS + " from import_job where id = :id").param("id", id)
                .query(JOB).optional().filter(j -> scope.coversRegion(j.regionCode()))
                .orElseThrow(() -> new NotFoundException("import", id));
    }

    public PageResult<ImportJob> list(String state, PageRequest page) {
        return list(state, null, page);
    }

    /** The imports of the caller's regions, newest first, by state and by words in the file name or the title. */
    public PageResult<ImportJob> list(String state, String text, PageRequest page) {
        Scope scope = Scope.current();
        scope.require(Role.OFFICE, Role.ADMIN);
        Where where = scope.restrictRegion(new Where().and("state = :state", "state", state)
                .containing("text", text, "file_name", "coalesce(title, '')"), "region_code");
        return pager.page(JOB_COLUMNS, "from import_job", where, "id desc", page, JOB);
    }

    /** The document as the parser reads it with the office's column choices ({@link ColumnReReading}). */
    private ParsedDocument parse(String fileName, byte[] content, ColumnRoles roles) {
        try {
            return parser.parse(fileName, content, roles);
        } catch (DocumentException e) {
            throw new UnreadableDocumentException(e);
        }
    }

    public ImportReview review(long id) {
        ImportJob job = job(id);
        ParsedDocument doc = parse(job.fileName(), content(id), job.roles());
        String title = job.title() != null ? job.title() : doc.title();
        Integer start = job.startYear() != null ? job.startYear() : doc.period() == null ? null : doc.period().from();
        Integer end = job.endYear() != null ? job.endYear() : doc.period() == null ? null : doc.period().to();
        List<String> problems = new ArrayList<>();
        if (title == null || title.isBlank()) problems.add(both("import.problem.noTitle"));
        if (start == null || end == null) problems.add(both("import.problem.noPeriod"));
        if (doc.tasks().isEmpty() && doc.indicators().isEmpty() && !job.corrected()) problems.add(both("import.problem.nothingFound"));
        PlanDraft draft = problems.isEmpty()
                ? correctedDraft(job, title, start, end).orElseGet(() -> DraftMapper.toDraft(doc, title, job.regionCode(), job.kind(), start, end))
                : null;
        if (draft != null && draft.tasks().isEmpty() && draft.indicators().isEmpty() && job.corrected()) {
            problems.add(both("import.problem.nothingFound"));
        }
        List<UnitResolution> resolutions = draft == null ? List.of() : resolveUnits(job, draft);
        resolutions.stream().filter(UnitResolution::unknown).forEach(u ->
                problems.add(both("import.problem.unknownUnit", u.writtenName())));

        Map<String, Long> indicatorMatches = new LinkedHashMap<>();
        List<UnitMismatch> unitMismatches = List.of();
        if (draft != null) {
            // what publishing would refuse in the targets is shown now, in the plan writer's own words
            problems.addAll(PlanWriter.targetProblems(draft));
            Set<String> names = new LinkedHashSet<>();
            draft.indicators().forEach(i -> names.add(i.name()));
            draft.tasks().forEach(t -> t.targets().forEach(x -> names.add(x.indicator())));
            Map<String, IndicatorService.NameMatch> known = indicators.matchByName(job.regionCode(), names);
            names.forEach(n -> indicatorMatches.put(n, known.containsKey(n) ? known.get(n).id() : null));
            Map<String, String> knownUnits = new HashMap<>();
            known.forEach((name, match) -> knownUnits.put(name, match.unit()));
            unitMismatches = UnitCheck.of(draft, knownUnits);
        }
        Plan previous = job.previousPlanId() == null ? null : plans.find(job.previousPlanId()).orElse(null);
        PlanDiff diff = previous == null || draft == null ? null : diff(previous, canonicalUnits(draft, resolutions));
        ProgressReview progress = job.inReview() || job.reported() ? progressReviews.of(job, doc, job.reportedPeriod()) : null;
        return new ImportReview(job, doc, draft, resolutions, indicatorMatches, problems, unitMismatches, previous, diff,
                progress);
    }

    /**
     * Imports a document of progress tables as the progress reports of the plan it reports on (issue 13), instead of
     * publishing it as a new plan: each matched row's text goes into the report of each unit leading its task, for the
     * period given (null: the current one), as a draft the unit checks and submits ({@link ProgressDrafts#draft}). The
     * import is then closed as reported. All or nothing: a unit whose report for the period is already submitted or
     * accepted refuses the whole import.
     */
    @Transactional
    public ProgressDrafts.Outline importProgress(long importId, String period) {
        ImportJob job = reviewable(importId);
        ImportReview review = review(importId);
        ProgressReview progress = review.progress();
        if (progress == null) throw new InvalidParameterException("import", both("imports.progress.none"));
        List<ProgressDrafts.Entry> entries = progress.rows().stream().filter(ProgressReview.Row::reportable)
                .map(r -> new ProgressDrafts.Entry(r.taskId(), r.text(), r.percentDone())).toList();
        ProgressDrafts.Outline done = progressDrafts.draft(progress.plan().id(), entries, period,
                "import:" + importId + " " + job.fileName());
        int closed = jdbc.sql("""
                update import_job set state = 'reported', plan_id = :plan, reported_period = :period
                where id = :id and state = 'review'""")
                .param("plan", progress.plan().id()).param("period", done.period()).param("id", importId).update();
        if (closed != 1) throw new ImportStateException("import " + importId + " was published or discarded meanwhile");
        audit.record("import.progress", "import:" + importId, "review", "reported to plan " + progress.plan().id() + " "
                + done.period() + ": " + entries.size() + " task(s), " + progress.unmatchedCount() + " row(s) unmatched, units "
                + done.units().stream().map(ProgressDrafts.UnitPart::unitName).toList());
        return done;
    }

    /**
     * The draft as the office corrected it ({@link DraftCorrections}), with the title and period of the review: the
     * parse stays the starting point, the corrections are kept as the whole corrected draft.
     */
    private Optional<PlanDraft> correctedDraft(ImportJob job, String title, int start, int end) {
        if (!job.corrected()) return Optional.empty();
        String json = jdbc.sql("select draft_json from import_job where id = :id").param("id", job.id()).query(String.class).single();
        PlanDraft d = DraftJson.read(json);
        return Optional.of(new PlanDraft(title, job.regionCode(), d.issuer(), start, end, job.kind(), d.sections(), d.tasks(), d.indicators()));
    }

    /** What the office enters where the document is silent: the plan's title and its first and last year. */
    @Transactional
    public void setDetails(long importId, String title, Integer startYear, Integer endYear) {
        ImportJob before = reviewable(importId);
        if ((startYear == null) != (endYear == null)) throw new InvalidParameterException("endYear", "give both years or neither");
        if (startYear != null && (startYear < 1949 || endYear < startYear || endYear > startYear + 30)) {
            throw new InvalidParameterException("endYear", "years must run forward from 1949, at most 30 years: " + startYear + "–" + endYear);
        }
        jdbc.sql("update import_job set title = :title, start_year = :start, end_year = :end where id = :id")
                .param("title", title == null || title.isBlank() ? null : title.strip())
                .param("start", startYear, Types.INTEGER).param("end", endYear, Types.INTEGER).param("id", importId).update();
        ImportJob after = job(importId);
        audit.record("import.details", "import:" + importId, details(before), details(after));
    }

    private static String details(ImportJob job) {
        return "title=" + job.title() + ", years=" + job.startYear() + "–" + job.endYear();
    }

    /** Maps a unit name as written to an existing unit of the region; on publishing the name becomes its alias. */
    @Transactional
    public void mapUnit(long importId, String writtenName, long unitId) {
        ImportJob job = reviewable(importId);
        Unit unit = units.find(unitId).orElseThrow(() -> new InvalidParameterException("unit", "unknown unit " + unitId));
        if (!unit.regionCode().equals(job.regionCode())) {
            throw new InvalidParameterException("unit", unit.name() + " belongs to another region");
        }
        saveDecision(importId, writtenName, unitId, null, null);
    }

    /** Decides to create a unit for a name as written, under a canonical name (the written one if blank). */
    @Transactional
    public void createUnit(long importId, String writtenName, String canonicalName, String kind) {
        reviewable(importId);
        if (!Unit.KINDS.contains(kind)) throw new InvalidParameterException("kind", "must be one of " + Unit.KINDS);
        String name = canonicalName == null || canonicalName.isBlank() ? writtenName : canonicalName.strip();
        saveDecision(importId, writtenName, null, name, kind);
    }

    /**
     * Settles every unit still unknown at once: a suggestion found (区民政局 for 民政局) is taken, any other
     * name becomes a new unit as written, its kind guessed from its name. Returns how many were settled.
     */
    @Transactional
    public int settleUnknownUnits(long importId) {
        reviewable(importId);
        int settled = 0;
        for (UnitResolution u : review(importId).units()) {
            if (!u.unknown()) continue;
            if (u.suggestedUnitId() != null) {
                saveDecision(importId, u.writtenName(), u.suggestedUnitId(), null, null);
            } else {
                saveDecision(importId, u.writtenName(), null, u.writtenName(), UnitKinds.guess(u.writtenName()));
            }
            settled++;
        }
        return settled;
    }

    /**
     * Publishes the import as a plan: applies the unit decisions (aliases learnt, units created), stores
     * the plan with its source document, and closes the import. All or nothing.
     */
    @Transactional
    public long publish(long importId) {
        ImportReview review = review(importId);
        if (!review.job().inReview()) {
            throw new ImportStateException("import " + importId + " is " + review.job().state() + ", not in review");
        }
        if (!review.problems().isEmpty()) throw new DraftException(review.problems());
        ImportJob job = review.job();
        for (UnitResolution u : review.units()) {
            if (u.status() == Status.MAPPED) {
                units.addAlias(job.regionCode(), u.writtenName(), u.unitId());
            } else if (u.status() == Status.CREATE) {
                List<String> aliases = u.unitName().equals(u.writtenName()) ? List.of() : List.of(u.writtenName());
                units.create(job.regionCode(), u.unitName(), u.createKind(), aliases);
            }
        }
        long planId = planWriter.create(review.draft(),
                new SourceFile(job.fileName(), job.contentType(), job.sha256(), content(importId)), job.previousPlanId());
        int closed = jdbc.sql("update import_job set state = 'published', plan_id = :plan where id = :id and state = 'review'")
                .param("plan", planId).param("id", importId).update();
        if (closed != 1) throw new ImportStateException("import " + importId + " was published or discarded meanwhile");
        audit.record("import.publish", "plan:" + planId, null, job.fileName() + " sha256=" + job.sha256());
        return planId;
    }

    @Transactional
    public void discard(long importId) {
        job(importId);
        int closed = jdbc.sql("update import_job set state = 'discarded' where id = :id and state = 'review'")
                .param("id", importId).update();
        if (closed != 1) throw new ImportStateException("import " + job(importId).id() + " is not in review");
        audit.record("import.discard", "import:" + importId, "review", "discarded");
    }

    /** The original bytes of an import, for parsing and for download. */
    public byte[] content(long importId) {
        job(importId);
        return jdbc.sql("select content from import_job where id = :id").param("id", importId)
                .query(byte[].class).optional().orElseThrow(() -> new NotFoundException("import", importId));
    }

    private ImportJob reviewable(long importId) {
        ImportJob job = job(importId);
        if (!job.inReview()) throw new ImportStateException("import " + importId + " is " + job.state() + ", not in review");
        return job;
    }

    /** Records (or replaces) the decision for one unit name as written; each decision is audited. */
    private void saveDecision(long importId, String writtenName, Long unitId, String createName, String createKind) {
        String before = jdbc.sql("select unit_id, create_name, create_kind from import_unit_decision where import_id = :id and written_name = :name")
                .param("id", importId).param("name", writtenName)
                .query((rs, i) -> decision(rs.getObject(1, Long.class), rs.getString(2), rs.getString(3))).optional().orElse(null);
        audit.record("import.unit-decision", "import:" + importId, before == null ? null : writtenName + ": " + before,
                writtenName + ": " + decision(unitId, createName, createKind));
        jdbc.sql("delete from import_unit_decision where import_id = :id and written_name = :name")
                .param("id", importId).param("name", writtenName).update();
        jdbc.sql("""
                insert into import_unit_decision (import_id, written_name, unit_id, create_name, create_kind)
                values (:id, :name, :unit, :createName, :createKind)""")
                .param("id", importId).param("name", writtenName).param("unit", unitId, Types.BIGINT)
                .param("createName", createName).param("createKind", createKind).update();
    }

    private static String decision(Long unitId, String createName, String createKind) {
        return unitId != null ? "map to unit " + unitId : "create " + createName + " (" + createKind + ")";
    }

    private List<UnitResolution> resolveUnits(ImportJob job, PlanDraft draft) {
        Map<String, Integer> names = DraftMapper.unitNames(draft);
        Map<String, Long> known = units.resolve(job.regionCode(), names.keySet());
        record Decision(Long unitId, String createName, String createKind) {}
        Map<String, Decision> decisions = new HashMap<>();
        jdbc.sql("select written_name, unit_id, create_name, create_kind from import_unit_decision where import_id = :id")
                .param("id", job.id())
                .query(rs -> {
                    decisions.put(rs.getString(1), new Decision(rs.getObject(2, Long.class), rs.getString(3), rs.getString(4)));
                });
        Map<String, String> variants = new HashMap<>();
        names.keySet().stream().filter(n -> !known.containsKey(n) && !decisions.containsKey(n))
                .forEach(n -> suggestionsFor(n).forEach(v -> variants.putIfAbsent(v, n)));
        Map<String, Long> suggested = new HashMap<>();
        units.resolve(job.regionCode(), variants.keySet()).forEach((variant, unitId) ->
                suggested.putIfAbsent(variants.get(variant), unitId));
        // names written short (区卫健局 for 区卫生健康局): the unit module's abbreviation rules
        List<String> unsuggested = names.keySet().stream()
                .filter(n -> !known.containsKey(n) && !decisions.containsKey(n) && !suggested.containsKey(n)).toList();
        units.suggest(job.regionCode(), unsuggested).forEach(suggested::putIfAbsent);
        Map<Long, String> unitNames = unitNames(job.regionCode(), known, decisions.values().stream()
                .map(Decision::unitId).toList(), suggested);

        List<UnitResolution> result = new ArrayList<>();
        names.forEach((name, count) -> {
            Decision d = decisions.get(name);
            if (known.containsKey(name)) {
                long id = known.get(name);
                result.add(new UnitResolution(name, Status.KNOWN, id, unitNames.get(id), null, null, null, count));
            } else if (d != null && d.unitId() != null) {
                result.add(new UnitResolution(name, Status.MAPPED, d.unitId(), unitNames.get(d.unitId()), null, null, null, count));
            } else if (d != null) {
                result.add(new UnitResolution(name, Status.CREATE, null, d.createName(), d.createKind(), null, null, count));
            } else {
                Long s = suggested.get(name);
                result.add(new UnitResolution(name, Status.UNKNOWN, null, null, null, s, s == null ? null : unitNames.get(s), count));
            }
        });
        return result;
    }

    /**
     * Other ways a document may write the same unit: a district plan says 民政局 for 区民政局, a city plan
     * 市发改委 where the unit list has 宁波市发改委.
     */
    static List<String> suggestionsFor(String written) {
        List<String> v = new ArrayList<>();
        for (String prefix : List.of("区", "市", "县")) {
            if (written.startsWith(prefix)) v.add(written.substring(prefix.length()));
            else v.add(prefix + written);
        }
        return v;
    }

    private Map<Long, String> unitNames(String regionCode, Map<String, Long> known, List<Long> decided, Map<String, Long> suggested) {
        Set<Long> ids = new LinkedHashSet<>(known.values());
        decided.stream().filter(Objects::nonNull).forEach(ids::add);
        ids.addAll(suggested.values());
        Map<Long, String> names = new HashMap<>();
        if (ids.isEmpty()) return names;
        jdbc.sql("select id, name from unit where id in (:ids)").param("ids", ids)
                .query(rs -> {
                    names.put(rs.getLong(1), rs.getString(2));
                });
        return names;
    }

    /** The draft with each unit name replaced by the canonical name it resolves to, so a diff compares like with like. */
    private static PlanDraft canonicalUnits(PlanDraft draft, List<UnitResolution> resolutions) {
        Map<String, String> canonical = new HashMap<>();
        resolutions.forEach(r -> canonical.put(r.writtenName(), r.unitName() == null ? r.writtenName() : r.unitName()));
        List<PlanDraft.TaskDraft> tasks = draft.tasks().stream().map(t -> new PlanDraft.TaskDraft(t.list(), t.code(),
                t.sectionKey(), t.category(), t.group(), t.title(), t.text(),
                t.leadUnits().stream().map(n -> canonical.getOrDefault(n, n)).toList(),
                t.coUnits().stream().map(n -> canonical.getOrDefault(n, n)).toList(),
                t.targetSystem(), t.workSystem(), t.policySystem(), t.evaluationSystem(), t.milestones(), t.targets(),
                t.leadOfficials())).toList();
        return new PlanDraft(draft.title(), draft.regionCode(), draft.issuer(), draft.startYear(), draft.endYear(),
                draft.kind(), draft.sections(), tasks, draft.indicators(), draft.publication());
    }

    private PlanDiff diff(Plan previous, PlanDraft draft) {
        List<TaskText> old = plans.taskTexts(previous.id());
        Map<Long, TaskText> byId = new HashMap<>();
        old.forEach(t -> byId.put(t.id(), t));
        List<TaskShape> oldTasks = old.stream()
                .map(t -> new TaskShape(t.list(), t.code(), t.title(), t.text(), t.leadUnits(), t.leadOfficials())).toList();
        List<TargetShape> oldTargets = new ArrayList<>();
        for (TargetView t : indicators.targetsOfPlan(previous.id())) {
            TaskText task = t.taskId() == null ? null : byId.get(t.taskId());
            if (task != null) {
                oldTargets.add(new TargetShape(task.list(), task.code(), t.indicatorName(), t.year(), t.display()));
            }
        }
        return PlanDiff.between(oldTasks, oldTargets, PlanDiff.tasksOf(draft), PlanDiff.targetsOf(draft));
    }

    /**
     * The type by what the bytes are, not by what the name claims: the parser's own sniffing, which tells the zips
     * (.docx, .xlsx, OFD) and the OLE2 files (.doc, .xls) apart by their entries. Called after the parse succeeded.
     */
    static String contentType(String fileName, byte[] content) {
        return DocumentFormat.detect(fileName, content).mimeType();
    }
}
