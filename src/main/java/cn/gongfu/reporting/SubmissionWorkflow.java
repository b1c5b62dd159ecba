package cn.gongfu.reporting;

import cn.gongfu.audit.AuditEvent;
import cn.gongfu.audit.AuditLog;
import cn.gongfu.kernel.BundleText;
import cn.gongfu.kernel.GongfuUser;
import cn.gongfu.kernel.InvalidParameterException;
import cn.gongfu.kernel.NotFoundException;
import cn.gongfu.kernel.Role;
import cn.gongfu.kernel.Scope;
import cn.gongfu.kernel.Where;
import cn.gongfu.notify.NotificationService;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import org.springframework.jdbc.core.DataClassRowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The steps of a submission: draft → approved by the unit head → submitted → accepted or returned with a
 * reason (and reopened by the office). Each step is checked against the caller's role and the submission's
 * version, carries the submission's values along, is audited, and tells the next person who must act.
 */
@Service
public class SubmissionWorkflow {

    private final JdbcClient jdbc;
    private final ReportingService reporting;
    private final NotificationService notifications;
    private final AuditLog audit;
    private final Clock clock;

    public SubmissionWorkflow(JdbcClient jdbc, ReportingService reporting, NotificationService notifications, AuditLog audit, Clock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
        this.reporting = reporting;
        this.notifications = notifications;
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
                notifications.notifyUnit(s.unitId(), Role.UNIT_HEAD, s.unitName() + " " + s.period() + " 填报待您审批",
                        "/reports/" + id);
                audit.record("submission.request-approval", "submission:" + id, s.state(), s.state());
                return s;
            }
            case APPROVE -> {
                requireUnitRole(s.unitId(), Role.UNIT_HEAD);
                need(s, "draft", "returned");
                target = "approved";
            }
            case SUBMIT -> {
                ReportingService.requireUnit(s.unitId());
                need(s, "approved");
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
        if (target.equals("accepted")) applyMilestones(id);
        audit.record("submission." + action.name().toLowerCase().replace('_', '-'), "submission:" + id, s.state(),
                target + (reason == null || reason.isBlank() ? "" : ": " + reason.strip()));
        notifyNext(s, target, reason);
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
        Scope scope = Scope.current();
        scope.require(Role.OFFICE, Role.ADMIN);
        if (!Submission.STATES.contains(state)) throw new InvalidParameterException("state", "one of " + Submission.STATES);
        var where = scope.restrictRegion(new Where().and("s.state = :state", "state", state), "p.region_code");
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
                .query(new DataClassRowMapper<>(AuditEvent.class)).list();
    }

    // ---- internals

    private void notifyNext(Submission s, String state, String reason) {
        String link = "/reports/" + s.id();
        String what = s.unitName() + " " + s.period() + " ";
        switch (state) {
            case "approved" -> notifications.notifyUnit(s.unitId(), Role.REPORTER, what + "填报已批准，请报送", link);
            case "submitted" -> notifications.notifyOffices(s.regionCode(), what + "填报已报送，待审核", link);
            case "accepted" -> {
                notifications.notifyUnit(s.unitId(), Role.REPORTER, what + "填报已通过审核", link);
                notifications.notifyUnit(s.unitId(), Role.UNIT_HEAD, what + "填报已通过审核", link);
            }
            case "returned" -> {
                notifications.notifyUnit(s.unitId(), Role.REPORTER, what + "填报被退回：" + reason, link);
                notifications.notifyUnit(s.unitId(), Role.UNIT_HEAD, what + "填报被退回：" + reason, link);
            }
            default -> { }
        }
    }

    /** Milestones the accepted report says were completed become done, with their date. */
    private void applyMilestones(long submissionId) {
        jdbc.sql("""
                update milestone set state = 'done',
                  completed_on = (select mr.completed_on from milestone_report mr join task_report tr on tr.id = mr.task_report_id
                                  where tr.submission_id = :s and mr.milestone_id = milestone.id)
                where id in (select mr.milestone_id from milestone_report mr join task_report tr on tr.id = mr.task_report_id
                             where tr.submission_id = :s)""").param("s", submissionId).update();
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
