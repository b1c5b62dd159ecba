package cn.gongfu.reporting;

import static cn.gongfu.kernel.BundleText.both;

import cn.gongfu.audit.AuditLog;
import cn.gongfu.indicator.Indicator;
import cn.gongfu.indicator.IndicatorService;
import cn.gongfu.kernel.FileTypes;
import cn.gongfu.kernel.GongfuUser;
import cn.gongfu.kernel.InvalidParameterException;
import cn.gongfu.kernel.NotFoundException;
import cn.gongfu.kernel.Role;
import cn.gongfu.kernel.Rows;
import cn.gongfu.kernel.Rules;
import cn.gongfu.kernel.Scope;
import cn.gongfu.kernel.Sha256;
import cn.gongfu.kernel.UploadTooLargeException;
import cn.gongfu.kernel.Uploads;
import cn.gongfu.plan.Plan;
import cn.gongfu.plan.PlanService;
import cn.gongfu.reporting.ObservationRules.Violation;
import cn.gongfu.vocabulary.Periods;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Progress reporting: the calendar, what each unit owes, one submission per unit and period with its task
 * reports, milestones, evidence and indicator values, and optimistic versions so no edit silently overwrites
 * another. Every change is audited. The steps a submission goes through are {@link SubmissionWorkflow}'s.
 */
@Service
public class ReportingService {

    static final String SUBMISSION_SELECT = """
            select s.id, s.plan_id, p.title as plan_title, p.region_code, s.unit_id, u.name as unit_name, s.period, s.state,
                   s.return_reason, s.due_on, s.submitted_at, s.updated_by, s.updated_at, s.version, s.approval_requested_at,
                   s.reopened_until
            from submission s join plan p on p.id = s.plan_id join unit u on u.id = s.unit_id""";
    static final RowMapper<Submission> SUBMISSION = (rs, i) -> new Submission(rs.getLong("id"),
            rs.getLong("plan_id"), rs.getString("plan_title"), rs.getString("region_code"), rs.getLong("unit_id"),
            rs.getString("unit_name"), rs.getString("period"), rs.getString("state"), rs.getString("return_reason"),
            rs.getObject("due_on", LocalDate.class), rs.getObject("submitted_at", LocalDateTime.class),
            rs.getString("updated_by"), rs.getObject("updated_at", LocalDateTime.class), rs.getInt("version"),
            rs.getObject("approval_requested_at", LocalDateTime.class), rs.getObject("reopened_until", LocalDate.class));

    private final JdbcClient jdbc;
    private final ReportCalendarService calendars;
    private final PlanService plans;
    private final IndicatorService indicators;
    private final AuditLog audit;
    private final Clock clock;

    public ReportingService(JdbcClient jdbc, ReportCalendarService calendars, PlanService plans, IndicatorService indicators,
                            AuditLog audit, Clock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
        this.calendars = calendars;
        this.plans = plans;
        this.indicators = indicators;
        this.audit = audit;
    }

    // ---- what is owed

    /**
     * What the caller's units owe, period by period up to the current one, with the state of each
     * submission: due, overdue, returned, submitted, accepted. The office sees every unit of its region, the
     * system (a background job, {@link Scope#asSystem}) every unit; an anonymous caller is refused.
     */
    public List<Obligation> obligations(LocalDate today) {
        return obligations(today, null);
    }

    /** What one unit owes, as {@link #obligations(LocalDate)} shows it; nothing for a unit outside the caller's scope. */
    public List<Obligation> obligationsOf(long unitId, LocalDate today) {
        return obligations(today, unitId);
    }

    private List<Obligation> obligations(LocalDate today, Long onlyUnit) {
        Scope scope = Scope.current();
        scope.requireCaller();
        record Row(long planId, String planTitle, long unitId, String unitName, String cadence, int dueDay, String first, String last) {}
        StringBuilder sql = new StringBuilder("""
                select distinct p.id, p.title, u.id, u.name, c.cadence, c.due_day, c.first_period, c.last_period
                from report_calendar c join plan p on p.id = c.plan_id
                join task t on t.plan_id = p.id join task_unit tu on tu.task_id = t.id join unit u on u.id = tu.unit_id
                where 1 = 1""");
        Map<String, Object> params = new HashMap<>();
        if (scope.regions() != null) {
            sql.append(" and p.region_code in (:regions)");
            params.put("regions", scope.regions().isEmpty() ? Set.of("-") : scope.regions());
        }
        if (scope.units() != null) {
            sql.append(" and u.id in (:units)");
            params.put("units", scope.units().isEmpty() ? Set.of(-1L) : scope.units());
        }
        if (onlyUnit != null) {
            sql.append(" and u.id = :onlyUnit");
            params.put("onlyUnit", onlyUnit);
        }
        List<Row> rows = jdbc.sql(sql.toString()).params(params)
                .query((rs, i) -> new Row(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                        rs.getInt(6), rs.getString(7), rs.getString(8))).list();
        Map<String, Submission> existing = new HashMap<>();
        if (!rows.isEmpty()) {
            jdbc.sql(SUBMISSION_SELECT + " where s.plan_id in (:plans) and s.unit_id in (:units)")
                    .param("plans", rows.stream().map(Row::planId).distinct().toList())
                    .param("units", rows.stream().map(Row::unitId).distinct().toList())
                    .query(SUBMISSION).list()
                    .forEach(s -> existing.put(s.planId() + "/" + s.unitId() + "/" + s.period(), s));
        }
        List<Obligation> result = new ArrayList<>();
        for (Row r : rows) {
            for (String period : Periods.between(r.first(), r.last(), r.cadence())) {
                if (Periods.firstDay(period).isAfter(today)) break;
                LocalDate due = Periods.dueOn(period, r.dueDay());
                Submission s = existing.get(r.planId() + "/" + r.unitId() + "/" + period);
                String state = s == null ? "missing" : s.state();
                boolean overdue = due.isBefore(today) && Obligation.OWED_STATES.contains(state);
                result.add(new Obligation(r.planId(), r.planTitle(), r.unitId(), r.unitName(), period, due,
                        s == null ? null : s.id(), state, overdue, s != null && s.approvalRequestedAt() != null));
            }
        }
        result.sort(Comparator.comparing(Obligation::dueOn).reversed()
                .thenComparing(Obligation::unitName).thenComparing(Obligation::planTitle));
        return result;
    }

    // ---- a submission and its form

    /** The unit's submission for the period, begun now if it does not exist yet. */
    @Transactional
    public Submission open(long planId, long unitId, String period) {
        GongfuUser user = requireUnit(unitId);
        Plan plan = plans.get(planId);
        ReportCalendar calendar = calendars.calendar(planId)
                .orElseThrow(() -> new InvalidParameterException("plan", "plan " + planId + " has no reporting calendar"));
        if (!calendar.periods().contains(period)) {
            throw new InvalidParameterException("period", period + " is not a reporting period of this plan " + calendar.periods());
        }
        Optional<Long> found = jdbc.sql("select id from submission where plan_id = :p and unit_id = :u and period = :per")
                .param("p", planId).param("u", unitId).param("per", period).query(Long.class).optional();
        if (found.isPresent()) return get(found.get());
        boolean owes = jdbc.sql("select count(*) from task_unit tu join task t on t.id = tu.task_id where t.plan_id = :p and tu.unit_id = :u")
                .param("p", planId).param("u", unitId).query(Long.class).single() > 0;
        if (!owes) throw new InvalidParameterException("unit", "the unit has no task in plan " + plan.title());
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into submission (plan_id, unit_id, period, due_on, updated_by, updated_at)
                values (:p, :u, :per, :due, :by, :now)""")
                .param("p", planId).param("u", unitId).param("per", period)
                .param("due", Periods.dueOn(period, calendar.dueDay())).param("by", user.username()).param("now", now())
                .update(key, "id");
        long id = key.getKey().longValue();
        // one report row per task the unit leads or supports, in one statement
        jdbc.sql("""
                insert into task_report (submission_id, task_id, updated_by, updated_at)
                select :s, t.id, :by, :now from task t join task_unit tu on tu.task_id = t.id
                where t.plan_id = :p and tu.unit_id = :u""")
                .param("s", id).param("by", user.username()).param("now", now()).param("p", planId).param("u", unitId).update();
        audit.record("submission.open", "submission:" + id, null, planId + "/" + unitId + "/" + period);
        return get(id);
    }

    /** The submission if the caller may see it: its unit's reporters and heads, or an office whose region covers the plan. */
    /**
     * A report's state as it is now, for listeners that run after a step without a caller (notify closes a to-do a
     * later step already fulfilled): the state's name only, nothing of the report's contents; empty when it is gone.
     */
    public java.util.Optional<String> stateNow(long submissionId) {
        return jdbc.sql("select state from submission where id = :id").param("id", submissionId).query(String.class).optional();
    }

    public Submission get(long id) {
        Scope scope = Scope.current();
        Submission s = jdbc.sql(SUBMISSION_SELECT + " where s.id = :id").param("id", id).query(SUBMISSION).optional()
                .orElseThrow(() -> new NotFoundException("submission", id));
        if (!scope.coversRegion(s.regionCode()) || (scope.units() != null && !scope.units().contains(s.unitId()))) {
            throw new NotFoundException("submission", id);
        }
        return s;
    }

    /** Everything the report form shows: the task reports (with co-units' contributions for led tasks) and the values owed. */
    public record Form(Submission submission, List<TaskReport> tasks, Map<Long, List<TaskReport>> contributions,
                       List<IndicatorEntry> indicators, Map<Long, List<MilestoneEntry>> milestones,
                       List<EvidenceFile> evidence, ReportLock lock) {}

    /**
     * Whether the period is closed for this report: {@code lastOpenDay} is due day plus grace days (null when the
     * calendar never locks), {@code locked} when that day has passed for a report still owed and the office has not
     * reopened it (or its reopening has run out), {@code reopenedUntil} the office's last reopening.
     */
    public record ReportLock(LocalDate lastOpenDay, boolean locked, LocalDate reopenedUntil) {}

    /** The lock of a submission today; see {@link ReportLock}. A returned report is the office's own request: never locked. */
    public ReportLock lockOf(Submission s) {
        ReportCalendar calendar = calendars.calendar(s.planId()).orElseThrow();
        LocalDate lastOpen = calendar.lastOpenDay(s.dueOn());
        LocalDate today = LocalDate.now(clock);
        boolean reopened = s.reopenedUntil() != null && !today.isAfter(s.reopenedUntil());
        boolean locked = lastOpen != null && today.isAfter(lastOpen) && !reopened
                && (s.state().equals("draft") || s.state().equals("approved"));
        return new ReportLock(lastOpen, locked, s.reopenedUntil());
    }

    /** Refuses a change to a report whose period is closed (see {@link #lockOf}), naming the day it closed. */
    void requireOpen(Submission s) {
        ReportLock lock = lockOf(s);
        if (lock.locked()) throw new ConflictException(both("report.error.periodLocked", s.period(), lock.lastOpenDay()), s);
    }

    public Form form(long id) {
        Submission s = get(id);
        List<TaskReport> tasks = taskReports("tr.submission_id = :id", Map.of("id", id));
        List<Long> led = tasks.stream().filter(t -> t.role().equals("lead")).map(TaskReport::taskId).toList();
        Map<Long, List<TaskReport>> contributions = new HashMap<>();
        if (!led.isEmpty()) {
            taskReports("tr.task_id in (:tasks) and s.period = :period and s.unit_id <> :unit",
                    Map.of("tasks", led, "period", s.period(), "unit", s.unitId()))
                    .forEach(c -> contributions.computeIfAbsent(c.taskId(), k -> new ArrayList<>()).add(c));
        }
        Map<Long, List<MilestoneEntry>> milestones = new HashMap<>();
        milestoneEntries(id).forEach(m -> milestones.computeIfAbsent(m.taskId(), k -> new ArrayList<>()).add(m));
        return new Form(s, tasks, contributions, indicatorEntries(s), milestones, evidence(id), lockOf(s));
    }

    // ---- milestones and evidence

    /** The largest evidence file accepted. */
    public static final long MAX_EVIDENCE_BYTES = 20L << 20;

    /** Records that a milestone of a reported task was completed on a day, optionally with evidence; applied when accepted. */
    @Transactional
    public MilestoneEntry completeMilestone(long submissionId, long taskId, long milestoneId, LocalDate completedOn, Long evidenceId) {
        editable(submissionId);
        taskReport(submissionId, taskId);
        if (completedOn == null || completedOn.isAfter(LocalDate.now(clock))) {
            throw new ValidationException(List.of(new ValidationException.Error("completedOn", both("report.error.completedOn"))));
        }
        boolean ofTask = jdbc.sql("select count(*) from milestone where id = :m and task_id = :t").param("m", milestoneId)
                .param("t", taskId).query(Long.class).single() > 0;
        if (!ofTask) throw new InvalidParameterException("milestone", "milestone " + milestoneId + " is not a milestone of task " + taskId);
        if (evidenceId != null && evidence(submissionId).stream().noneMatch(e -> e.id() == evidenceId)) {
            throw new InvalidParameterException("evidence", "evidence " + evidenceId + " is not attached to this submission");
        }
        long reportId = taskReport(submissionId, taskId).id();
        jdbc.sql("delete from milestone_report where task_report_id = :r and milestone_id = :m").param("r", reportId).param("m", milestoneId).update();
        jdbc.sql("insert into milestone_report (task_report_id, milestone_id, completed_on, evidence_id) values (:r, :m, :d, :e)")
                .param("r", reportId).param("m", milestoneId).param("d", completedOn).param("e", evidenceId, Types.BIGINT).update();
        audit.record("milestone.report", "task_report:" + reportId, null, "milestone " + milestoneId + " done " + completedOn);
        touch(get(submissionId));
        return milestoneEntries(submissionId).stream().filter(m -> m.milestoneId() == milestoneId).findFirst().orElseThrow();
    }

    /** Attaches a file to a submission; its type is read from its first bytes, not its name. */
    @Transactional
    public EvidenceFile addEvidence(long submissionId, String clientFileName, byte[] content) {
        editable(submissionId);
        if (clientFileName == null || clientFileName.isBlank()) throw new InvalidParameterException("file", "a file is required");
        if (content.length == 0) throw new InvalidParameterException("file", both("upload.empty"));
        if (content.length > MAX_EVIDENCE_BYTES) throw new UploadTooLargeException(content.length, MAX_EVIDENCE_BYTES);
        String name = Uploads.fileName(clientFileName);
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into evidence (submission_id, file_name, content_type, size_bytes, sha256, content, uploaded_by)
                values (:s, :n, :t, :size, :sha, :c, :by)""")
                .param("s", submissionId).param("n", name).param("t", FileTypes.sniff(content)).param("size", content.length)
                .param("sha", Sha256.hex(content)).param("c", content)
                .param("by", Scope.current().user().username()).update(key, "id");
        long id = key.getKey().longValue();
        audit.record("evidence.add", "submission:" + submissionId, null, name + " (" + content.length + " bytes)");
        return evidence(submissionId).stream().filter(e -> e.id() == id).findFirst().orElseThrow();
    }

    public List<EvidenceFile> evidence(long submissionId) {
        get(submissionId);
        return jdbc.sql("""
                select id, submission_id, file_name, content_type, size_bytes, sha256, uploaded_by, uploaded_at
                from evidence where submission_id = :s order by id""").param("s", submissionId)
                .query(Rows.of(EvidenceFile.class)).list();
    }

    public byte[] evidenceContent(long submissionId, long evidenceId) {
        get(submissionId);
        return jdbc.sql("select content from evidence where id = :e and submission_id = :s").param("e", evidenceId)
                .param("s", submissionId).query(byte[].class).optional()
                .orElseThrow(() -> new NotFoundException("evidence", evidenceId));
    }

    private List<MilestoneEntry> milestoneEntries(long submissionId) {
        return jdbc.sql("""
                select m.id, m.task_id, m.from_month, m.to_month, m.text, m.state, mr.completed_on, mr.evidence_id
                from task_report tr join milestone m on m.task_id = tr.task_id
                left join milestone_report mr on mr.task_report_id = tr.id and mr.milestone_id = m.id
                where tr.submission_id = :s order by m.from_month, m.id""").param("s", submissionId)
                .query((rs, i) -> new MilestoneEntry(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getObject(7, LocalDate.class), rs.getObject(8, Long.class)))
                .list();
    }

    /** The fields of a task report as a reporter enters them. */
    public record TaskInput(String progress, Integer percentDone, String narrative, String problems, String nextSteps) {}

    @Transactional
    public TaskReport saveTask(long submissionId, long taskId, TaskInput in, int expectedVersion) {
        Submission s = editable(submissionId);
        List<ValidationException.Error> errors = taskErrors(in);
        if (!errors.isEmpty()) throw new ValidationException(errors);
        TaskReport before = taskReport(submissionId, taskId);
        int updated = jdbc.sql("""
                update task_report set progress = :progress, percent_done = :percent, narrative = :narrative,
                       problems = :problems, next_steps = :next, updated_by = :by, updated_at = :now,
                       version = version + 1
                where submission_id = :s and task_id = :t and version = :v""")
                .param("progress", in.progress()).param("percent", in.percentDone(), Types.INTEGER)
                .param("narrative", trim(in.narrative())).param("problems", trim(in.problems()))
                .param("next", trim(in.nextSteps())).param("by", Scope.current().user().username()).param("now", now())
                .param("s", submissionId).param("t", taskId).param("v", expectedVersion).update();
        if (updated == 0) {
            throw new ConflictException("task " + before.taskCode() + " was changed by " + before.updatedBy()
                    + " since you opened it (version " + expectedVersion + ", now " + before.version() + ")", before);
        }
        TaskReport after = taskReport(submissionId, taskId);
        audit.record("task_report.save", "task_report:" + after.id(), describe(before), describe(after));
        touch(s);
        return after;
    }

    /** One task block of the form as posted: its fields and the version they were read at. */
    public record TaskBlock(long taskId, TaskInput input, int version) {}

    /** A milestone as posted on the form: the day it was completed (null: not reported) and the evidence chosen. */
    public record MilestoneInput(long taskId, long milestoneId, LocalDate completedOn, Long evidenceId) {}

    /**
     * Saves every task block of the form and its milestones in one go, so saving one block never drops what was
     * typed in another: all blocks are checked first and every error comes back at once, located as
     * {@code "<taskId>.<field>"} (a milestone's date as {@code "m<milestoneId>.completedOn"}); only when there is none are the
     * blocks that changed saved (through {@link #saveTask} and {@link #completeMilestone}), in this one transaction.
     * A block someone else saved meanwhile is a {@link ConflictException} and nothing is saved. Returns how many changed.
     */
    @Transactional
    public int saveBlocks(long submissionId, List<TaskBlock> blocks, List<MilestoneInput> milestones) {
        editable(submissionId);
        Map<Long, TaskReport> stored = new HashMap<>();
        taskReports("tr.submission_id = :s", Map.of("s", submissionId)).forEach(t -> stored.put(t.taskId(), t));
        Map<Long, MilestoneEntry> storedMilestones = new HashMap<>();
        milestoneEntries(submissionId).forEach(m -> storedMilestones.put(m.milestoneId(), m));
        List<ValidationException.Error> errors = new ArrayList<>();
        List<TaskBlock> changed = new ArrayList<>();
        for (TaskBlock b : blocks) {
            TaskReport t = stored.get(b.taskId());
            if (t == null) throw new InvalidParameterException("task", "task " + b.taskId() + " is not in this submission");
            TaskInput in = b.input();
            boolean same = Objects.equals(in.progress(), t.progress()) && Objects.equals(in.percentDone(), t.percentDone())
                    && Objects.equals(trim(in.narrative()), t.narrative()) && Objects.equals(trim(in.problems()), t.problems())
                    && Objects.equals(trim(in.nextSteps()), t.nextSteps());
            if (same) continue;
            taskErrors(in).forEach(e -> errors.add(new ValidationException.Error(b.taskId() + "." + e.location(), e.message())));
            changed.add(b);
        }
        List<MilestoneInput> completed = new ArrayList<>();
        for (MilestoneInput m : milestones) {
            MilestoneEntry e = storedMilestones.get(m.milestoneId());
            if (e == null || e.taskId() != m.taskId()) {
                throw new InvalidParameterException("milestone", "milestone " + m.milestoneId() + " is not a milestone of task " + m.taskId());
            }
            if (m.completedOn() == null) continue;
            if (m.completedOn().equals(e.reportedCompletedOn()) && Objects.equals(m.evidenceId(), e.evidenceId())) continue;
            if (m.completedOn().isAfter(LocalDate.now(clock))) {
                errors.add(new ValidationException.Error("m" + m.milestoneId() + ".completedOn", both("report.error.completedOn")));
            }
            completed.add(m);
        }
        if (!errors.isEmpty()) throw new ValidationException(errors);
        for (TaskBlock b : changed) saveTask(submissionId, b.taskId(), b.input(), b.version());
        for (MilestoneInput m : completed) completeMilestone(submissionId, m.taskId(), m.milestoneId(), m.completedOn(), m.evidenceId());
        return changed.size() + completed.size();
    }

    /** What is wrong with a task block's fields, each error named by its field. */
    private static List<ValidationException.Error> taskErrors(TaskInput in) {
        List<ValidationException.Error> errors = new ArrayList<>();
        if (in.progress() == null || !TaskReport.PROGRESS.contains(in.progress())) {
            errors.add(new ValidationException.Error("progress", both("report.error.progress", TaskReport.PROGRESS)));
        }
        if (in.percentDone() != null && (in.percentDone() < 0 || in.percentDone() > 100)) {
            errors.add(new ValidationException.Error("percentDone", both("report.error.percent")));
        }
        if ("blocked".equals(in.progress()) && (in.problems() == null || in.problems().isBlank())) {
            errors.add(new ValidationException.Error("problems", both("report.error.blockedNeedsProblems")));
        }
        return errors;
    }

    /** An indicator value as entered: with the version it was read at (null for a first value). */
    public record ValueInput(BigDecimal value,
                             @jakarta.validation.constraints.Size(max = 2000, message = Rules.TOO_LONG) String comment,
                             @jakarta.validation.constraints.Size(max = 2000, message = Rules.TOO_LONG) String explanation,
                             Integer expectedVersion) {}

    @Transactional
    public IndicatorEntry saveValue(long submissionId, long indicatorId, ValueInput in) {
        Submission s = editable(submissionId);
        IndicatorEntry before = indicatorEntries(s).stream().filter(e -> e.indicatorId() == indicatorId).findFirst()
                .orElseThrow(() -> new InvalidParameterException("indicator", "indicator " + indicatorId + " is not owed in this submission"));
        if (before.heldElsewhere() != null) throw new ConflictException(before.heldElsewhere().message(), before);
        Indicator indicator = indicators.get(indicatorId);
        List<Violation> violations = ObservationRules.check(indicator, in.value(), before.previousValue(), in.explanation());
        if (!violations.isEmpty()) {
            throw new ValidationException(violations.stream().map(v -> new ValidationException.Error(v.field(), v.message())).toList());
        }
        String by = Scope.current().user().username();
        if (before.observationId() == null) {
            if (in.expectedVersion() != null) throw new ConflictException("the value was removed meanwhile", before);
            try {
                jdbc.sql("""
                        insert into observation (indicator_id, region_code, period, value, state, reported_by, reported_at,
                                                 comment, explanation, submission_id)
                        values (:i, :r, :p, :v, 'draft', :by, :now, :c, :e, :s)""")
                        .param("i", indicatorId).param("r", before.regionCode()).param("p", before.period())
                        .param("v", in.value()).param("by", by).param("now", now()).param("c", trim(in.comment()))
                        .param("e", trim(in.explanation())).param("s", submissionId).update();
            } catch (DuplicateKeyException e) {
                throw new ConflictException("someone entered this value meanwhile", before);
            }
        } else {
            int updated = jdbc.sql("""
                    update observation set value = :v, comment = :c, explanation = :e, reported_by = :by,
                           reported_at = :now, submission_id = :s, state = 'draft', version = version + 1
                    where id = :id and version = :ver
                      and (submission_id = :s or submission_id is null) and state <> 'approved'""")
                    .param("v", in.value()).param("c", trim(in.comment())).param("e", trim(in.explanation()))
                    .param("by", by).param("now", now()).param("s", submissionId).param("id", before.observationId())
                    .param("ver", in.expectedVersion() == null ? -1 : in.expectedVersion()).update();
            if (updated == 0) {
                throw new ConflictException(indicator.name() + " was changed by someone else since you opened it", before);
            }
        }
        IndicatorEntry after = indicatorEntries(s).stream().filter(e -> e.indicatorId() == indicatorId).findFirst().orElseThrow();
        audit.record("observation.save", "observation:" + after.observationId(),
                before.value() == null ? null : before.value().stripTrailingZeros().toPlainString(),
                after.value() == null ? null : after.value().stripTrailingZeros().toPlainString());
        touch(s);
        return after;
    }

    // ---- the Excel template (一表通)

    /** The submission's Excel template, pre-filled with what is entered so far; anyone who may see the submission. */
    public ReportWorkbook.File workbook(long id) {
        return ReportWorkbook.write(form(id));
    }

    /**
     * Applies a filled template: every cell is checked first and all errors come back in one
     * {@link ValidationException} (sheet, row, cell, column); only when there are none are the changed rows saved,
     * through {@link #saveTask}, {@link #saveValue} and {@link #completeMilestone}, in this one transaction. Returns the
     * updated form.
     */
    @Transactional
    public Form applyWorkbook(long id, byte[] xlsx) {
        editable(id);
        Form form = form(id);
        List<Long> observations = form.indicators().stream().map(IndicatorEntry::observationId).filter(Objects::nonNull).toList();
        Map<Long, String> reporters = new HashMap<>();
        if (!observations.isEmpty()) {
            jdbc.sql("select id, reported_by from observation where id in (:ids)").param("ids", observations)
                    .query((rs, i) -> reporters.put(rs.getLong(1), rs.getString(2))).list();
        }
        ReportWorkbook.Changes changes = ReportWorkbook.read(xlsx, form, indicators::get, reporters, LocalDate.now(clock));
        for (ReportWorkbook.TaskChange t : changes.tasks()) saveTask(id, t.taskId(), t.input(), t.version());
        for (ReportWorkbook.ValueChange v : changes.values()) saveValue(id, v.indicatorId(), v.input());
        for (ReportWorkbook.MilestoneChange m : changes.milestones()) {
            completeMilestone(id, m.taskId(), m.milestoneId(), m.completedOn(), m.evidenceId());
        }
        audit.record("submission.workbook", "submission:" + id, null,
                changes.tasks().size() + " task report(s), " + changes.values().size() + " value(s), "
                        + changes.milestones().size() + " milestone(s) from Excel");
        return form(id);
    }

    /** A task's accepted reports, newest period first: the task's report history on its page. */
    public record AcceptedReport(long submissionId, String period, String unitName, String progress, Integer percentDone,
                                 String narrative, String problems) {}

    public List<AcceptedReport> acceptedReportsOf(long taskId) {
        plans.task(taskId);
        return jdbc.sql("""
                select s.id, s.period, u.name, tr.progress, tr.percent_done, tr.narrative, tr.problems
                from task_report tr join submission s on s.id = tr.submission_id join unit u on u.id = s.unit_id
                where tr.task_id = :t and s.state = 'accepted' order by s.period desc, u.name""")
                .param("t", taskId)
                .query((rs, i) -> new AcceptedReport(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, Integer.class), rs.getString(6), rs.getString(7)))
                .list();
    }

    // ---- internals

    /** The caller, when it reports for the unit (an administrator always). */
    static GongfuUser requireUnit(long unitId) {
        GongfuUser user = Scope.current().require(Role.REPORTER, Role.UNIT_HEAD, Role.ADMIN);
        if (!user.has(Role.ADMIN) && !user.unitIds().contains(unitId)) {
            throw new NotFoundException("unit", unitId);
        }
        return user;
    }


    private Submission editable(long id) {
        Scope.current().require(Role.REPORTER, Role.UNIT_HEAD, Role.ADMIN);
        Submission s = get(id);
        requireUnit(s.unitId());
        if (!s.editable()) {
            throw new ConflictException(both("report.error.locked", s.state()), s);
        }
        requireOpen(s);
        return s;
    }

    /** After an edit, an approved submission needs approval again, and a request for approval is asked anew. */
    private void touch(Submission s) {
        jdbc.sql("""
                update submission set updated_by = :by, updated_at = :now, approval_requested_at = null,
                       state = case when state = 'approved' then 'draft' else state end
                where id = :id""")
                .param("by", Scope.current().user().username()).param("now", now()).param("id", s.id()).update();
    }

    /** The time a change is stored with, from the application's clock. */
    private LocalDateTime now() {
        return LocalDateTime.now(clock);
    }

    private TaskReport taskReport(long submissionId, long taskId) {
        return taskReports("tr.submission_id = :s and tr.task_id = :t", Map.of("s", submissionId, "t", taskId))
                .stream().findFirst().orElseThrow(() -> new InvalidParameterException("task", "task " + taskId + " is not in this submission"));
    }

    /** Task reports matching a condition, each with the role its own unit has on the task. */
    private List<TaskReport> taskReports(String condition, Map<String, ?> params) {
        return jdbc.sql("""
                select tr.id, tr.submission_id, tr.task_id, t.code, t.title, tu.role, tr.progress, tr.percent_done, tr.narrative,
                       tr.problems, tr.next_steps, tr.updated_by, tr.updated_at, tr.version
                from task_report tr join submission s on s.id = tr.submission_id join task t on t.id = tr.task_id
                join task_unit tu on tu.task_id = t.id and tu.unit_id = s.unit_id
                where\s""" + condition + " order by t.position")
                .params(params).query(ReportingService::taskReport).list();
    }

    private static TaskReport taskReport(ResultSet rs, int i) throws SQLException {
        return new TaskReport(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5), rs.getString(6),
                rs.getString(7), rs.getObject(8, Integer.class), rs.getString(9), rs.getString(10), rs.getString(11),
                rs.getString(12), rs.getObject(13, LocalDateTime.class), rs.getInt(14));
    }

    /**
     * The values a submission owes: indicators the unit is responsible for, at the plan's indicator cadence.
     * A value held by another submission (another plan owing the same indicator and period), or accepted (by the
     * office's data feed, or with this submission), comes with where it is held, and this submission may not change it.
     */
    private List<IndicatorEntry> indicatorEntries(Submission s) {
        ReportCalendar calendar = calendars.calendar(s.planId()).orElseThrow();
        String period = Periods.indicatorPeriod(s.period(), calendar.indicatorCadence());
        if (period == null) return List.of();
        return jdbc.sql("""
                select i.id, i.name, i.unit, i.polarity, i.cumulative, :region as region_code, :period as period,
                       (select o.value from observation o where o.indicator_id = i.id and o.region_code = :region
                          and o.period = :previous) as previous_value,
                       o.id as observation_id, o.value, o.comment, o.explanation, o.version,
                       case when o.submission_id <> :s or o.state = 'approved' then 1 else 0 end as held,
                       case when o.submission_id <> :s then hs.id end as held_by, hp.title as held_plan,
                       hs.period as held_period, hs.state as held_state
                from indicator i
                left join observation o on o.indicator_id = i.id and o.region_code = :region and o.period = :period
                left join submission hs on hs.id = o.submission_id
                left join plan hp on hp.id = hs.plan_id
                where i.unit_id = :unit and i.region_code = :region
                  and exists (select 1 from target t where t.indicator_id = i.id and t.plan_id = :plan)
                order by i.domain, i.id""")
                .param("region", s.regionCode()).param("period", period).param("previous", Periods.previous(period))
                .param("unit", s.unitId()).param("plan", s.planId()).param("s", s.id())
                .query((rs, i) -> new IndicatorEntry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getBoolean(5), rs.getString(6), rs.getString(7), rs.getBigDecimal(8), rs.getObject(9, Long.class),
                        rs.getBigDecimal(10), rs.getString(11), rs.getString(12), rs.getObject(13, Integer.class),
                        rs.getInt(14) == 0 ? null : rs.getObject(15, Long.class) == null ? IndicatorEntry.HeldValue.ACCEPTED
                                : new IndicatorEntry.HeldValue(rs.getLong(15), rs.getString(16), rs.getString(17), rs.getString(18))))
                .list();
    }

    private static String describe(TaskReport r) {
        return "progress=" + r.progress() + ", percent=" + r.percentDone() + ", narrative=" + r.narrative()
                + ", problems=" + r.problems() + ", next=" + r.nextSteps();
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
