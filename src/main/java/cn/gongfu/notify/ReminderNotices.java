package cn.gongfu.notify;

import cn.gongfu.kernel.Role;
import cn.gongfu.notify.NotificationService.Notice;
import cn.gongfu.supervision.MilestoneReminderDue;
import cn.gongfu.supervision.ReportReminderDue;
import cn.gongfu.supervision.ReportReminderDue.Level;
import cn.gongfu.supervision.WarningRaised;
import java.util.List;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells a unit's reporters that a report or a milestone is due soon, today, or overdue (supervision's reminders); an
 * escalated reminder tells the unit head as well, and from the office's level the offices of the plan's region and
 * above; an urged one (一键催办) the reporters and unit heads. A warning (预警) tells the responsible units and the offices.
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
        String key = event.urged() ? "notice.reminder.urged"
                : days < 0 ? "notice.reminder.before" : days == 0 ? "notice.reminder.due" : "notice.reminder.after";
        Notice notice = new Notice(key,
                List.of(event.unitName(), event.period(), event.dueOn().toString(), Integer.toString(Math.abs(days))),
                event.link(), event.dedupKey());
        tell(event.unitId(), event.regionCode(), event.level(), notice);
    }

    @ApplicationModuleListener
    void on(MilestoneReminderDue event) {
        int days = event.daysFromDue();
        String key = "notice.reminder.milestone." + (event.urged() ? "urged" : days < 0 ? "before" : days == 0 ? "due" : "after");
        Notice notice = new Notice(key,
                List.of(event.unitName(), event.taskCode() == null ? "" : event.taskCode(), event.milestoneText(), event.month(),
                        Integer.toString(Math.abs(days))),
                event.link(), event.dedupKey());
        tell(event.unitId(), event.regionCode(), event.level(), notice);
    }

    private void tell(long unitId, String regionCode, Level level, Notice notice) {
        List<Role> unit = level == Level.REPORTER ? List.of(Role.REPORTER) : List.of(Role.REPORTER, Role.UNIT_HEAD);
        notices.notifyUnit(unitId, unit, notice);
        if (level.reaches(Level.OFFICE)) notices.notifyOffices(regionCode, notice);
    }

    /** A warning raised (or made more serious): the responsible units' reporters and heads, and the offices. */
    @ApplicationModuleListener
    void on(WarningRaised event) {
        Notice notice = new Notice("notice.warning." + event.reason() + "." + event.grade(),
                List.of(event.itemName(), event.monthsLate() == null ? "" : event.monthsLate().toString()), event.link(), event.dedupKey());
        for (long unit : event.unitIds()) notices.notifyUnit(unit, List.of(Role.REPORTER, Role.UNIT_HEAD), notice);
        notices.notifyOffices(event.regionCode(), notice);
    }
}
