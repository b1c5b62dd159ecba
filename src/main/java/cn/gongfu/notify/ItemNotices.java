package cn.gongfu.notify;

import cn.gongfu.kernel.Role;
import cn.gongfu.notify.NotificationService.Notice;
import cn.gongfu.supervision.ItemAnswered;
import cn.gongfu.supervision.ItemAssigned;
import cn.gongfu.supervision.ItemClosed;
import cn.gongfu.supervision.ItemGradeRaised;
import cn.gongfu.supervision.ItemOverdue;
import cn.gongfu.supervision.ItemReopened;
import java.util.List;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Notices of the supervised items (issues, instructions, orders): the assigned unit's reporters and heads hear that an
 * item was assigned, raised, reopened, closed or became overdue; the offices of the item's region and above that it was
 * answered or became overdue. Each links to the item's page and is stored once per event and reader (dedup key).
 */
@Component
class ItemNotices {

    private static final List<Role> UNIT = List.of(Role.REPORTER, Role.UNIT_HEAD);

    private final NotificationService notices;

    ItemNotices(NotificationService notices) {
        this.notices = notices;
    }

    /** Arguments every item notice takes: {0} the kind's key suffix is in the key; {0} number or title, {1} unit, {2} deadline. */
    private static List<String> args(String number, String title, String unitName, java.time.LocalDate deadline, String extra) {
        return List.of(number == null ? title : number + " " + title, unitName, deadline.toString(), extra == null ? "" : extra);
    }

    @ApplicationModuleListener
    void on(ItemAssigned e) {
        notices.notifyUnit(e.unitId(), UNIT, new Notice("notice.item.assigned", args(e.number(), e.title(), e.unitName(), e.deadline(),
                null), e.link(), e.dedupKey()));
    }

    @ApplicationModuleListener
    void on(ItemAnswered e) {
        notices.notifyOffices(e.regionCode(), new Notice("notice.item.answered", args(e.number(), e.title(), e.unitName(), e.deadline(),
                null), e.link(), e.dedupKey()));
    }

    @ApplicationModuleListener
    void on(ItemGradeRaised e) {
        notices.notifyUnit(e.unitId(), UNIT, new Notice("notice.item.raised", args(e.number(), e.title(), e.unitName(), e.deadline(),
                null), e.link(), e.dedupKey()));
    }

    @ApplicationModuleListener
    void on(ItemClosed e) {
        notices.notifyUnit(e.unitId(), UNIT, new Notice("notice.item.closed", args(e.number(), e.title(), e.unitName(), e.deadline(),
                null), e.link(), e.dedupKey()));
    }

    @ApplicationModuleListener
    void on(ItemReopened e) {
        notices.notifyUnit(e.unitId(), UNIT, new Notice("notice.item.reopened", args(e.number(), e.title(), e.unitName(), e.deadline(),
                null), e.link(), e.dedupKey()));
    }

    @ApplicationModuleListener
    void on(ItemOverdue e) {
        Notice notice = new Notice("notice.item.overdue", args(e.number(), e.title(), e.unitName(), e.deadline(),
                String.valueOf(java.time.temporal.ChronoUnit.DAYS.between(e.deadline(), e.foundOn()))), e.link(), e.dedupKey());
        notices.notifyUnit(e.unitId(), UNIT, notice);
        notices.notifyOffices(e.regionCode(), notice);
    }
}
