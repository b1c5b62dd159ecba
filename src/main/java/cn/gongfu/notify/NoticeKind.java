package cn.gongfu.notify;

import java.util.Set;

/**
 * The inbox's two tabs: 待办 ({@link #TODO}, the reader must act: approve, submit, correct, review, answer a reminder)
 * and 消息 ({@link #MESSAGE}, for information: accepted, values replaced, warnings). The one rule that sorts a notice
 * by its key; V14 applied the same rule to the notices stored before it.
 */
public enum NoticeKind {
    TODO, MESSAGE;

    /**
     * Keys whose reader must act. {@code notice.report.approval-requested} (approve it), {@code approved} (now submit
     * it), {@code returned} (correct it), {@code submitted} (review it), and the register's items (issue 12's other
     * part) assigned, raised, overdue or reopened.
     */
    static final Set<String> TODO_KEYS = Set.of(
            "notice.report.approval-requested", "notice.report.approved", "notice.report.returned", "notice.report.submitted",
            "notice.item.assigned", "notice.item.raised", "notice.item.overdue", "notice.item.reopened");

    /** Every reminder (催办) asks for something owed. */
    static final String TODO_PREFIX = "notice.reminder.";

    public static NoticeKind of(String key) {
        if (key == null) return MESSAGE;
        return TODO_KEYS.contains(key) || key.startsWith(TODO_PREFIX) ? TODO : MESSAGE;
    }

    /** The tab's name in a query ({@code ?tab=todo}); an unknown name is the to-do tab. */
    static NoticeKind tab(String name) {
        return "message".equalsIgnoreCase(name) ? MESSAGE : TODO;
    }
}
