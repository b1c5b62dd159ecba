package cn.gongfu.supervision;

import java.time.LocalDate;

/**
 * A unit still owes a period's report and today is one of the reminder days of the plan's rule ({@link ReminderRule})
 * around its due date, or the office pressed 一键催办 ({@code urged}): {@code daysFromDue} is negative before the due
 * date (-3: three days left), 0 on it, positive after it (overdue by that many days). Published by {@link Reminders};
 * notify tells whom {@code level} says: the unit's reporters, and once the report is late enough its unit head too,
 * then the plan's office too (escalation); at {@link Level#BULLETIN} the unit will be named in the next bulletin.
 */
public record ReportReminderDue(long planId, String planTitle, String regionCode, long unitId, String unitName, String period,
                                LocalDate dueOn, int daysFromDue, Long submissionId, Level level, boolean urged) {

    /** How far a reminder has escalated: each level tells those of the levels below it as well. */
    public enum Level {
        REPORTER, UNIT_HEAD, OFFICE, BULLETIN;

        /** Whether this level tells those of {@code other} (the ladder is cumulative). */
        public boolean reaches(Level other) {
            return compareTo(other) >= 0;
        }
    }

    public ReportReminderDue(long planId, String planTitle, String regionCode, long unitId, String unitName, String period,
                             LocalDate dueOn, int daysFromDue, Long submissionId, Level level) {
        this(planId, planTitle, regionCode, unitId, unitName, period, dueOn, daysFromDue, submissionId, level, false);
    }

    /** Where to act: the report when begun, else the list of what is owed, whose 开始填报 is one tap away. */
    public String link() {
        return submissionId == null ? "/reports" : "/reports/" + submissionId;
    }

    /** One reminder per plan, unit, period and reminder day, however often the job runs; an urge is one more a day. */
    public String dedupKey() {
        return (urged ? "urge:" : "reminder:") + planId + ":" + unitId + ":" + period + ":" + daysFromDue;
    }
}
