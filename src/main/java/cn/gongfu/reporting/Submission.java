package cn.gongfu.reporting;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * One unit's report for one period of one plan (一表通): its task reports and indicator values move
 * through the workflow together.
 */
record Submission(long id, long planId, String planTitle, String regionCode, long unitId, String unitName,
                         String period, String state, String returnReason, LocalDate dueOn, LocalDateTime submittedAt,
                         String updatedBy, LocalDateTime updatedAt, int version, LocalDateTime approvalRequestedAt,
                         LocalDate reopenedUntil) {

    public static final List<String> STATES = List.of("draft", "approved", "submitted", "accepted", "returned");

    /**
     * The state as the form shows it: a draft (or returned report) whose unit asked its head for approval is
     * "awaiting_approval" (待审批) until the head approves, someone edits it, or the office returns it.
     */
    public String shownState() {
        return shownState(state, approvalRequestedAt != null);
    }

    /** The one rule of 待审批: a draft or returned report whose head was asked to approve it. */
    static String shownState(String state, boolean approvalRequested) {
        return approvalRequested && (state.equals("draft") || state.equals("returned")) ? "awaiting_approval" : state;
    }

    /** Reporters may still change it. */
    public boolean editable() {
        return state.equals("draft") || state.equals("returned") || state.equals("approved");
    }

    public boolean overdue(LocalDate today) {
        return dueOn.isBefore(today) && (state.equals("draft") || state.equals("returned") || state.equals("approved"));
    }
}
