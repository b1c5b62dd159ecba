package cn.gongfu.supervision;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A plan's reminder rule: the days before the due date a reminder goes out (3 and 1), whether on the day itself, the
 * days after it (1, 3 and 7), and how many days late an item climbs the ladder: to the unit head ({@code unitHeadAfter}),
 * the plan's office ({@code officeAfter}) and the next bulletin ({@code bulletinAfter}). {@code custom} is false for
 * the defaults ({@code gongfu.reminders.*}), which a plan without a rule of its own uses; {@code version} guards edits.
 */
public record ReminderRule(long planId, List<Integer> daysBefore, boolean onDue, List<Integer> daysAfter, int unitHeadAfter,
                           int officeAfter, int bulletinAfter, boolean custom, int version) {

    public ReminderRule {
        daysBefore = List.copyOf(daysBefore);
        daysAfter = List.copyOf(daysAfter);
    }

    /** The days from the due date on which a reminder goes out (negative before it), the ladder's steps included. */
    public Set<Integer> reminderDays() {
        Set<Integer> days = new TreeSet<>();
        daysBefore.forEach(d -> days.add(-d));
        if (onDue) days.add(0);
        days.addAll(daysAfter);
        days.add(unitHeadAfter);
        days.add(officeAfter);
        days.add(bulletinAfter);
        return days;
    }

    /** How far an item {@code daysFromDue} days from its due date has climbed. */
    public ReportReminderDue.Level level(int daysFromDue) {
        if (daysFromDue >= bulletinAfter) return ReportReminderDue.Level.BULLETIN;
        if (daysFromDue >= officeAfter) return ReportReminderDue.Level.OFFICE;
        if (daysFromDue >= unitHeadAfter) return ReportReminderDue.Level.UNIT_HEAD;
        return ReportReminderDue.Level.REPORTER;
    }

    /** "3,1": how a list of days is stored and shown in the form. */
    static String join(List<Integer> days) {
        return String.join(",", days.stream().map(String::valueOf).toList());
    }
}
