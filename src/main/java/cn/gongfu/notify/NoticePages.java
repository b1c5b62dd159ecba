package cn.gongfu.notify;

import cn.gongfu.kernel.WebPage;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The signed-in user's inbox, in their language: two tabs, 待办 (to do) and 消息 (messages), each with its unread count.
 * Showing the 消息 tab marks the messages it shows read; a to-do is read when opened, through
 * {@code /notifications/{id}/open}, which marks it read and leads to its link; "mark all read" clears one tab; a to-do
 * can be marked done.
 */
@WebPage
@Controller
class NoticePages {

    static final int SHOWN = 100;

    private final NotificationService notifications;

    NoticePages(NotificationService notifications) {
        this.notifications = notifications;
    }

    @GetMapping("/notifications")
    String notifications(@RequestParam(required = false) String tab, Model model) {
        var counts = notifications.unreadByKind();
        // without a tab: the to-dos, unless only messages are unread
        NoticeKind kind = tab != null ? NoticeKind.tab(tab)
                : counts.get(NoticeKind.TODO) == 0 && counts.get(NoticeKind.MESSAGE) > 0 ? NoticeKind.MESSAGE : NoticeKind.TODO;
        List<Notification> shown = notifications.mine(kind, SHOWN);
        if (kind == NoticeKind.MESSAGE) {
            // a message is all there is to it: shown here whole, it has been read. Only opening one counted before, so
            // the header's badge kept counting messages everyone had read on this page. They are listed as they were
            // (the new ones marked this once), and the counts are taken again for this page's header and tabs.
            notifications.markRead(shown.stream().filter(n -> n.readAt() == null).map(Notification::id).toList());
            counts = notifications.unreadByKind();
            model.addAttribute("unread", counts.values().stream().mapToLong(Long::longValue).sum());
        }
        model.addAttribute("tab", kind);
        model.addAttribute("counts", counts);
        model.addAttribute("notifications", shown);
        return "notify/notifications";
    }

    @GetMapping("/notifications/{id}/open")
    String open(@PathVariable long id) {
        return "redirect:" + notifications.open(id);
    }

    @PostMapping("/notifications/read")
    String markRead(@RequestParam(required = false) String tab) {
        if (tab == null) {
            notifications.markAllRead();
            return "redirect:/notifications";
        }
        NoticeKind kind = NoticeKind.tab(tab);
        notifications.markAllRead(kind);
        return "redirect:/notifications?tab=" + kind.name().toLowerCase();
    }

    @PostMapping("/notifications/{id}/done")
    String done(@PathVariable long id) {
        notifications.markDone(id);
        return "redirect:/notifications?tab=todo";
    }
}
