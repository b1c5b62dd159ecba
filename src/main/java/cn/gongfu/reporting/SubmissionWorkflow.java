package cn.gongfu.reporting;

import cn.gongfu.audit.AuditEvent;
import cn.gongfu.audit.AuditLog;
import cn.gongfu.kernel.BundleText;
import cn.gongfu.kernel.GongfuUser;
import cn.gongfu.kernel.InvalidParameterException;
import cn.gongfu.kernel.NotFoundException;
import cn.gongfu.kernel.Role;
import cn.gongfu.kernel.Rows;
import cn.gongfu.kernel.Scope;
import cn.gongfu.kernel.Where;
import cn.gongfu.plan.PlanService;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The steps of a submission: draft → approved by the unit head → submitted → accepted or returned with a
 * reason (and reopened by the office). Each step is checked against the caller's role and the submission's
 * version, carries the submission's values along, is audited, and publishes what happened (ReportSubmitted and its
 * siblings, in the step's transaction) for whoever must act next: {@code notify} tells them.
 */
@Service
class SubmissionWorkflow {

    private final JdbcClient jdbc;
    private final ReportingService reporting;
    private final PlanService plans;
    private final ApplicationEventPublisher events;
    private final AuditLog audit;
    private final Clock clock;

    public SubmissionWorkflow(JdbcClient jdbc, ReportingService reporting, PlanService plans, ApplicationEventPublisher events,
                              AuditLog audit, Clock clock) {
        this.plans = plans;
        this.clock = clock;
        this.jdbc = jdbc;
        this.reporting = reporting;
        this.events = events;
        this.audit = audit;
    }

    public enum Action { REQUEST_APPROVAL, APPROVE, SUBMIT, ACCEPT, RETURN, REOPEN }

    /**
     * Moves a submission one step: the unit head approves, the unit submits, the office accepts or returns
     * it with a reason, or reopens an accepted one. {@code expectedVersion} guards against acting on a stale view.
     */
    @Transactional
    public Submission act(long id, Action action, String reason, int expectedVersion) {
        Submission s = reporting.get(id);
        GongfuUser user = Scope.current().user();
        String target;
        switch (action) {
            case REQUEST_APPROVAL -> {
                ReportingService.requireUnit(s.unitId());
                need(s, "draft", "returned");
                reporting.requireOpen(s);
                // the state stays draft (or returned) for the workflow; the form shows it as 待审批 until an edit or a decision
                jdbc.sql("update submission set approval_requested_at = :now where id = :id")
                        .param("now", LocalDateTime.now(clock)).param("id", id).update();
                events.publishEvent(new ReportApprovalRequested(ReportRef.of(s, s.version())));
                audit.record("submission.request-approval", "submission:" + id, s.state(), "awaiting_approval");
                return reporting.get(id);
            }
            case APPROVE -> {
                requireUnitRole(s.unitId(), Role.UNIT_HEAD);
                need(s, "draft", "returned");
                reporting.requireOpen(s);
                target = "approved";
            }
            case SUBMIT -> {
                ReportingService.requireUnit(s.unitId());
                need(s, "approved");
                reporting.requireOpen(s);
                target = "submitted";
            }
            case ACCEPT, RETURN, REOPEN -> {
                Scope.current().require(Role.OFFICE, Role.ADMIN);
                if (action == Action.REOPEN) need(s, "accepted");
                else need(s, "submitted");
                if (action != Action.ACCEPT && (reason == null || reason.isBlank())) {
                    throw new InvalidParameterException("reason", BundleText.both("report.error.reasonRequired"));
                }
                target = action == Action.ACCEPT ? "accepted" : "returned";
            }
            default -> throw new IllegalStateException();
        }
        int updated = jdbc.sql("""
                update submission set state = :state, return_reason = :reason, updated_by = :by, updated_at = :now,
                       approval_requested_at = null,
                       submitted_at = case when :state = 'submitted' then :now else submitted_at end,
                       version = version + 1
                where id = :id and version = :v""")
                .param("state", target).param("reason", target.equals("returned") ? reason.strip() : null)
                .param("by", user.username()).param("now", LocalDateTime.now(clock)).param("id", id).param("v", expectedVersion).update();
        if (updated == 0) throw new ConflictException("the submission was changed meanwhile by " + s.updatedBy(), reporting.get(id));
        // the values travel with the submission; accepted ones are what evaluation reads
        String observationState = switch (target) {
            case "submitted" -> "submitted";
            case "accepted" -> "approved";
            case "returned" -> "returned";
            default -> "draft";
        };
        jdbc.sql("update observation set state = :st where submission_id = :id").param("st", observationState).param("id", id).update();
        ReportRef report = ReportRef.of(s, expectedVersion + 1);
        if (target.equals("accepted")) accept(report);
        audit.record("submission." + action.name().toLowerCase().replace('_', '-'), "submission:" + id, s.state(),
                target + (reason == null || reason.isBlank() ? "" : ": " + reason.strip()));
        publishStep(report, action, reason);
        return reporting.get(id);
    }

    /** The longest the office reopens a closed period for one report at a time. */
    static final int MAX_REOPEN_DAYS = 92;

    /**
     * The office reopens a report whose period closed (see {@link ReportingService#lockOf}) until a day, with a
     * reason: the unit may then change and send it until that day. Audited; a report that is not closed is refused.
     */
    @Transactional
    public Submission reopenLate(long id, LocalDate until, String reason, int expectedVersion) {
        Scope.current().require(Role.OFFICE, Role.ADMIN);
        Submission s = reporting.get(id);
        ReportingService.ReportLock lock = reporting.lockOf(s);
        if (!lock.locked()) throw new ConflictException(BundleText.both("report.error.notLocked", s.period()), s);
        LocalDate today = LocalDate.now(clock);
        if (until == null || until.isBefore(today) || until.isAfter(today.plusDays(MAX_REOPEN_DAYS))) {
            throw new InvalidParameterException("until", BundleText.both("report.error.reopenUntil", today, MAX_REOPEN_DAYS));
        }
        if (reason == null || reason.isBlank()) throw new InvalidParameterException("reason", BundleText.both("report.error.reasonRequired"));
        int updated = jdbc.sql("""
                update submission set reopened_until = :until, updated_by = :by, updated_at = :now, version = version + 1
                where id = :id and version = :v""")
                .param("until", until).param("by", Scope.current().user().username()).param("now", LocalDateTime.now(clock))
                .param("id", id).param("v", expectedVersion).update();
        if (updated == 0) throw new ConflictException("the submission was changed meanwhile by " + s.updatedBy(), reporting.get(id));
        audit.record("submission.reopen-late", "submission:" + id, "closed after " + lock.lastOpenDay(),
                "open until " + until + ": " + reason.strip());
        return reporting.get(id);
    }

    /** The office accepts many submitted reports at once; all or none (a stale one aborts the lot). */
    @Transactional
    public int acceptAll(List<Long> ids) {
        Scope.current().require(Role.OFFICE, Role.ADMIN);
        for (Long id : ids) act(id, Action.ACCEPT, null, reporting.get(id).version());
        return ids.size();
    }

    /** The office's review queue: submissions in its region in a state, oldest due first. */
    public List<Submission> queue(String state) {
        return queue(state, null, null);
    }

    /**
     * The review queue in one state, by due date, narrowed by words in the unit's or the plan's name and by period
     * (both optional): what the queue page lists and exports.
     */
    public List<Submission> queue(String state, String words, String period) {
        Scope scope = Scope.current();
        scope.require(Role.OFFICE, Role.ADMIN);
        if (!Submission.STATES.contains(state)) throw new InvalidParameterException("state", "one of " + Submission.STATES);
        var where = scope.restrictRegion(new Where().and("s.state = :state", "state", state)
                .containing("words", words, "u.name", "p.title")
                .and("s.period = :period", "period", period == null || period.isBlank() ? null : period.strip()), "p.region_code");
        return jdbc.sql(ReportingService.SUBMISSION_SELECT + where.sql() + " order by s.due_on, s.id").params(where.params())
                .query(ReportingService.SUBMISSION).list();
    }

    /** Every change to the submission, its task reports and its values, newest first: the report's timeline. */
    public List<AuditEvent> history(long id) {
        reporting.get(id);
        return jdbc.sql("""
                select id, occurred_at, actor, action, target, before_value, after_value, remote_addr from audit_event
                where target = :sub
                   or target in (select 'task_report:' || cast(id as varchar(20)) from task_report where submission_id = :id)
                   or target in (select 'observation:' || cast(id as varchar(20)) from observation where submission_id = :id)
                order by id desc""")
                .param("sub", "submission:" + id).param("id", id)
                .query(Rows.of(AuditEvent.class)).list();
    }

    // ---- internals

    /** What the step did, for the modules that act on it; published in the step's transaction, delivered after it commits. */
    private void publishStep(ReportRef report, Action action, String reason) {
        switch (action) {
            case APPROVE -> events.publishEvent(new ReportApproved(report));
            case SUBMIT -> events.publishEvent(new ReportSubmitted(report));
            case ACCEPT -> events.publishEvent(new ReportAccepted(report));
            case RETURN, REOPEN -> events.publishEvent(new ReportReturned(report, reason.strip(), action == Action.REOPEN));
            default -> { }
        }
    }

    /** The accepted report's values are approved (one event for all of them) and its completed milestones done. */
    private void accept(ReportRef report) {
        long values = jdbc.sql("select count(*) from observation where submission_id = :id").param("id", report.submissionId())
                .query(Long.class).single();
        if (values > 0) {
            events.publishEvent(new ValueAccepted(ValueAccepted.REPORT, "submission:" + report.submissionId() + ":" + report.version(),
                    report.submissionId(), values, List.of()));
        }
        List<Long> completed = applyMilestones(report.submissionId());
        if (!completed.isEmpty()) events.publishEvent(new MilestoneCompleted(report, completed));
    }

    /** Milestones the accepted report says were completed become done, with their date; returns their ids. */
    private List<Long> applyMilestones(long submissionId) {
        Map<Long, LocalDate> completed = new TreeMap<>();
        jdbc.sql("""
                select mr.milestone_id, mr.completed_on from milestone_report mr join task_report tr on tr.id = mr.task_report_id
                where tr.submission_id = :s""").param("s", submissionId)
                .query(rs -> { completed.put(rs.getLong(1), rs.getObject(2, LocalDate.class)); });
        plans.completeMilestones(completed);
        return List.copyOf(completed.keySet());
    }

    private void requireUnitRole(long unitId, Role role) {
        GongfuUser user = Scope.current().require(role, Role.ADMIN);
        if (!user.has(Role.ADMIN) && !user.unitIds().contains(unitId)) throw new NotFoundException("unit", unitId);
    }

    private static void need(Submission s, String... states) {
        if (!List.of(states).contains(s.state())) {
            throw new ConflictException("the submission is " + s.state() + "; this step needs it to be " + List.of(states), s);
        }
    }
}
