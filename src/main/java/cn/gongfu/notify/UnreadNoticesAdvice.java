package cn.gongfu.notify;

import cn.gongfu.kernel.GongfuUser;
import cn.gongfu.kernel.WebPage;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the signed-in user's unread notice count into every page's model as {@code unread}, for the header's badge. */
@ControllerAdvice(annotations = WebPage.class)
class UnreadNoticesAdvice {

    private final NotificationService notifications;

    UnreadNoticesAdvice(NotificationService notifications) {
        this.notifications = notifications;
    }

    @ModelAttribute("unread")
    Long unread() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof GongfuUser ? notifications.unread() : null;
    }
}
