package cn.gongfu.evaluation.method;

import java.util.List;

/**
 * Status of a task at one month.
 *
 * @param due             milestones due by now
 * @param doneOnTime      of those, done by their due month
 * @param doneLate        of those, done after their due month
 * @param overdue         labels of milestones due and not done
 * @param expectedPercent share of the task period elapsed, as a percent (时序进度)
 * @param pace            reported percent / expected percent (null when either is unknown or 0)
 */
public record TaskAssessment(Status status, String reason, int due, int doneOnTime, int doneLate,
                             List<String> overdue, Double reportedPercent, double expectedPercent, Double pace) {

    /** Milestone timeliness: done on time / due (1 when nothing is due yet). Used by {@link UnitScore}. */
    public double onTimeShare() {
        return due == 0 ? 1.0 : (double) doneOnTime / due;
    }
}
