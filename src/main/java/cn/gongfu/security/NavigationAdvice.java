package cn.gongfu.security;

import cn.gongfu.kernel.WebPage;
import java.util.List;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Puts the signed-in user's header links into every page's model as {@code nav} ({@link Navigation}), and whether the
 * footer links the API documentation as {@code apiDocs}.
 */
@ControllerAdvice(annotations = WebPage.class)
class NavigationAdvice {

    @ModelAttribute("nav")
    List<Navigation.Link> nav() {
        return Navigation.linksFor(CurrentUserAdvice.signedIn());
    }

    @ModelAttribute("apiDocs")
    boolean apiDocs() {
        return Navigation.readsApiDocs(CurrentUserAdvice.signedIn());
    }
}
