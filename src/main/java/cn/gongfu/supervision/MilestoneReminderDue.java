package cn.gongfu.supervision;

import cn.gongfu.supervision.ReportReminderDue.Level;
import java.time.LocalDate;

/**
 * A milestone (进度节点) not done yet whose month ends {@code daysFromDue} days from today (negative before: -3 is three
 * days left of its month; positive: late by that many days) and today is a reminder day of the plan's rule, or the
 * office pressed 一键催办 ({@code urged}). Told to the lead unit of the task (one event per lead unit), escalated by
 * {@code level} as a report's reminder is. Stops once the milestone is done.
 */
public record MilestoneReminderDue(long planId, String planTitle, String regionCode, long milestoneId, long taskId, String taskCode,
                                   String milestoneText, String month, long unitId, String unitName, LocalDate dueOn,
                                   int daysFromDue, Level level, boolean urged) {

    /** The task's page, where its milestones are. */
    public String link() {
        return "/tasks/" + taskId;
    }

    public String dedupKey() {
        return (urged ? "milestone-urge:" : "milestone-reminder:") + milestoneId + ":" + unitId + ":" + daysFromDue;
    }
}
