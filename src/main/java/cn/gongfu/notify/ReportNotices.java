package cn.gongfu.notify;

import cn.gongfu.kernel.Role;
import cn.gongfu.notify.NotificationService.Notice;
import cn.gongfu.reporting.ReportAccepted;
import cn.gongfu.reporting.ReportApprovalRequested;
import cn.gongfu.reporting.ReportApproved;
import cn.gongfu.reporting.ReportRef;
import cn.gongfu.reporting.ReportReturned;
import cn.gongfu.reporting.ReportSubmitted;
import cn.gongfu.reporting.ReportingService;
import cn.gongfu.reporting.ValueAccepted;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells whoever must act next what a report's step did. Each method runs after the step's transaction commits,
 * asynchronously and in its own transaction; the event publication registry keeps the event until the method
 * succeeds, so a failure (or a restart) delivers it again, and the dedup key of each notice
 * ({@code <what>:<submission>:<version>:<user>}) makes a second delivery store nothing. A user who holds two of the
 * addressed roles gets one notice.
 */
@Component
class ReportNotices {

    private static final List<Role> UNIT = List.of(Role.REPORTER, Role.UNIT_HEAD);

    /**
     * Which states of the report fulfil each to-do: a to-do stored after its report has already moved on (the next
     * step was taken before this listener ran; listeners run after commit, each on its own) is closed at once.
     */
    private static final Map<String, Set<String>> FULFILLED_BY = Map.of(
            "approval-requested", Set.of("approved", "submitted", "accepted"),
            "approved", Set.of("submitted", "accepted"),
            "submitted", Set.of("accepted", "returned"),
            "returned", Set.of("submitted", "accepted"));

    private final NotificationService notices;
    private final ReportingService reporting;

    ReportNotices(NotificationService notices, ReportingService reporting) {
        this.notices = notices;
        this.reporting = reporting;
    }

    @ApplicationModuleListener
    void on(ReportApprovalRequested event) {
        notices.notifyUnit(event.report().unitId(), List.of(Role.UNIT_HEAD), about(event.report(), "approval-requested"));
        closeIfOvertaken(event.report(), "approval-requested");
    }

    @ApplicationModuleListener
    void on(ReportApproved event) {
        close(event.report(), List.of("approval-requested"), false);
        notices.notifyUnit(event.report().unitId(), List.of(Role.REPORTER), about(event.report(), "approved"));
        closeIfOvertaken(event.report(), "approved");
    }

    @ApplicationModuleListener
    void on(ReportSubmitted event) {
        // sent: whatever the unit was asked to do for this report is done, and the reminders to send it are answered
        close(event.report(), List.of("approval-requested", "approved", "returned"), true);
        notices.notifyOffices(event.report().regionCode(), about(event.report(), "submitted"));
        closeIfOvertaken(event.report(), "submitted");
    }

    @ApplicationModuleListener
    void on(ReportAccepted event) {
        close(event.report(), List.of("approval-requested", "approved", "returned", "submitted"), true);
        notices.notifyUnit(event.report().unitId(), UNIT, about(event.report(), "accepted"));
    }

    @ApplicationModuleListener
    void on(ReportReturned event) {
        ReportRef r = event.report();
        // reviewed: the offices' 待审核 is done, by whichever of them returned it
        close(r, List.of("submitted"), false);
        // the reason is an argument: it is the office's own words, shown as written in every language
        notices.notifyUnit(r.unitId(), UNIT, new Notice("notice.report.returned",
                List.of(r.unitName(), r.period(), NoticeText.fit(event.reason())), r.link(), dedup(r, "returned")));
        closeIfOvertaken(r, "returned");
    }

    /** A feed replaced values that units had reported: every user of each such unit learns how many and where. */
    @ApplicationModuleListener
    void on(ValueAccepted event) {
        for (ValueAccepted.ReplacedReport report : event.replaced()) {
            notices.notifyUnitMembers(report.unitId(), new Notice("notice.values-replaced",
                    List.of(report.unitName(), report.period(), Long.toString(report.values())), report.link(),
                    "values-replaced:" + event.run() + ":" + report.submissionId()));
        }
    }

    /**
     * Closes the to-dos about the report that its step fulfilled (keys as {@code notice.report.<what>}), and with
     * {@code reminders} the reminders and urgings of its period (their dedup keys {@code reminder:} and {@code urge:}
     * with plan, unit and period, {@code supervision.ReportReminderDue#dedupKey}).
     */
    private void close(ReportRef r, List<String> fulfilled, boolean reminders) {
        String period = r.planId() + ":" + r.unitId() + ":" + r.period() + ":";
        notices.closeFulfilled(r.link(), fulfilled.stream().map(w -> "notice.report." + w).toList(),
                reminders ? List.of("reminder:" + period, "urge:" + period) : List.of());
    }

    /** Closes the to-do just stored when the report is already in a state that fulfils it. */
    private void closeIfOvertaken(ReportRef r, String what) {
        if (reporting.stateNow(r.submissionId()).filter(FULFILLED_BY.get(what)::contains).isPresent()) {
            notices.closeFulfilled(r.link(), List.of("notice.report." + what), List.of());
        }
    }

    private static Notice about(ReportRef r, String what) {
        return new Notice("notice.report." + what, List.of(r.unitName(), r.period()), r.link(), dedup(r, what));
    }

    private static String dedup(ReportRef r, String what) {
        return "report-" + what + ":" + r.submissionId() + ":" + r.version();
    }
}
