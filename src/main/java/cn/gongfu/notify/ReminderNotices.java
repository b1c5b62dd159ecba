package cn.gongfu.notify;

import cn.gongfu.kernel.Role;
import cn.gongfu.notify.NotificationService.Notice;
import cn.gongfu.supervision.ReportReminderDue;
import java.util.List;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Tells a unit's reporters that a report is due soon, today, or overdue (supervision's reminders). */
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
        notices.notifyUnit(event.unitId(), List.of(Role.REPORTER), new Notice(key,
                List.of(event.unitName(), event.period(), event.dueOn().toString(), Integer.toString(Math.abs(days))),
                event.link(), event.dedupKey()));
    }
}
