package cn.gongfu.notify;

import cn.gongfu.kernel.WebPage;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

/** The signed-in user's notices, in their language, and marking them read. */
@WebPage
@Controller
class NoticePages {

    private final NotificationService notifications;

    NoticePages(NotificationService notifications) {
        this.notifications = notifications;
    }

    @GetMapping("/notifications")
    String notifications(Model model) {
        model.addAttribute("notifications", notifications.mine(100));
        return "notify/notifications";
    }

    @PostMapping("/notifications/read")
    String markRead() {
        notifications.markAllRead();
        return "redirect:/notifications";
    }
}
