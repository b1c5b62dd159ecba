package cn.gongfu.security;

import cn.gongfu.kernel.GongfuUser;
import cn.gongfu.kernel.WebPage;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the signed-in user into every page's model as {@code me}, for the header and role-dependent links
 * (the unread notice count beside it comes from notify's UnreadNoticesAdvice). */
@ControllerAdvice(annotations = WebPage.class)
class CurrentUserAdvice {

    @ModelAttribute("me")
    GongfuUser me() {
        return signedIn();
    }

    /** The signed-in user, or null for a visitor (and for a caller that is not a person). */
    static GongfuUser signedIn() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof GongfuUser user ? user : null;
    }
}
