package cn.gongfu.notify;

import cn.gongfu.kernel.Role;
import cn.gongfu.notify.NotificationService.Notice;
import cn.gongfu.supervision.ReportReminderDue;
import java.util.List;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells a unit's reporters that a report is due soon, today, or overdue (supervision's reminders); an escalated
 * reminder tells the unit head as well, and at the last level the offices of the plan's region and above.
 */
@Component
class ReminderNotices {

    private final NotificationService notices;

    ReminderNotices(NotificationService notices) {
        this.notices = notices;
    }

    @ApplicationModuleListener
    void on(ReportReminderDue event) {
        int days = event.daysFromDue();
        String key = days < 0 ? "notice.reminder.before" : days == 0 ? "notice.reminder.due" : "notice.reminder.after";
        Notice notice = new Notice(key,
                List.of(event.unitName(), event.period(), event.dueOn().toString(), Integer.toString(Math.abs(days))),
                event.link(), event.dedupKey());
        List<Role> unit = event.level() == ReportReminderDue.Level.REPORTER ? List.of(Role.REPORTER) : List.of(Role.REPORTER, Role.UNIT_HEAD);
        notices.notifyUnit(event.unitId(), unit, notice);
        if (event.level() == ReportReminderDue.Level.OFFICE) notices.notifyOffices(event.regionCode(), notice);
    }
}
