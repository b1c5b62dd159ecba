package cn.gongfu.supervision;

import java.time.LocalDate;

/**
 * A unit still owes a period's report and today is one of the reminder days around its due date:
 * {@code daysFromDue} is negative before the due date (-3: three days left), 0 on it, positive after it (overdue by
 * that many days). Published by {@link Reminders}; notify tells whom {@code level} says: the unit's reporters, and
 * once the report is late enough its unit head too, then the plan's office too (escalation).
 */
public record ReportReminderDue(long planId, String planTitle, String regionCode, long unitId, String unitName, String period,
                                LocalDate dueOn, int daysFromDue, Long submissionId, Level level) {

    /** How far a reminder has escalated: each level tells those of the levels below it as well. */
    public enum Level { REPORTER, UNIT_HEAD, OFFICE }

    /** Where to act: the report when begun, else the list of what is owed, whose 开始填报 is one tap away. */
    public String link() {
        return submissionId == null ? "/reports" : "/reports/" + submissionId;
    }

    /** One reminder per plan, unit, period and reminder day, however often the job runs. */
    public String dedupKey() {
        return "reminder:" + planId + ":" + unitId + ":" + period + ":" + daysFromDue;
    }
}
