package cn.gongfu.reporting;

import java.time.LocalDate;
import java.util.Set;

/** What a unit owes: a plan's period, when it is due, and how far the submission has got ("missing" when not begun). */
public record Obligation(long planId, String planTitle, long unitId, String unitName, String period, LocalDate dueOn,
                         Long submissionId, String state, boolean overdue, boolean awaitingApproval) {

    /** The state as the report's own form shows it: 待审批 (awaiting_approval) once the head was asked, else the state. */
    public String shownState() {
        return Submission.shownState(state, awaitingApproval);
    }

    /** The states in which the unit still owes the report: not begun, a draft, approved but not sent, returned. */
    static final Set<String> OWED_STATES = Set.of("missing", "draft", "approved", "returned");

    /** Whether the unit still owes this report (a submitted or accepted one is owed no more). */
    public boolean stillOwed() {
        return OWED_STATES.contains(state);
    }
}
