package cn.gongfu.bulletin;

import cn.gongfu.kernel.Downloads;
import cn.gongfu.kernel.Scope;
import cn.gongfu.kernel.WebPage;
import cn.gongfu.plan.PublicSection;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The issued bulletins of a public plan on the public portal, when the office publishes them
 * ({@link PublicSection#BULLETINS}): the list, the bulletin as its sheet, and its PDF. Drafts never show.
 */
@WebPage
@Controller
class BulletinPublicPages {

    private final BulletinService bulletins;

    BulletinPublicPages(BulletinService bulletins) {
        this.bulletins = bulletins;
    }

    @GetMapping("/public/plans/{id}/bulletins")
    String list(@PathVariable long id, Model model) {
        return Scope.readingForThePublic(() -> {
            BulletinService.PublicBulletins issued = bulletins.issuedForThePublic(id);
            model.addAttribute("plan", issued.plan());
            model.addAttribute("bulletins", issued.bulletins());
            return "public/bulletins";
        });
    }

    @GetMapping("/public/bulletins/{id}")
    String bulletin(@PathVariable long id, Model model) {
        return Scope.readingForThePublic(() -> {
            BulletinService.PublicBulletin one = bulletins.oneForThePublic(id);
            Bulletin b = one.bulletin();
            model.addAttribute("plan", one.plan());
            model.addAttribute("b", b);
            model.addAttribute("layout", bulletins.layout(b));
            return "public/bulletin";
        });
    }

    @GetMapping("/public/bulletins/{id}/pdf")
    ResponseEntity<byte[]> pdf(@PathVariable long id) {
        return Scope.readingForThePublic(() -> {
            Bulletin b = bulletins.oneForThePublic(id).bulletin();
            return Downloads.attachment(BulletinService.fileName(b, "pdf"), BulletinApi.PDF, bulletins.pdf(b));
        });
    }
}
