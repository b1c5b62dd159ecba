package cn.gongfu.cases;

import cn.gongfu.kernel.Scope;
import cn.gongfu.kernel.WebPage;
import cn.gongfu.plan.PublicSection;
import java.util.Arrays;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The published cases of a public plan on the public portal, when the office publishes the plan's cases
 * ({@link PublicSection#CASES}): the list and a case's page (its text and tasks; no attachments, no history). Drafts,
 * submitted, returned and selected cases never show.
 */
@WebPage
@Controller
class CasePublicPages {

    private final CaseService cases;

    CasePublicPages(CaseService cases) {
        this.cases = cases;
    }

    @GetMapping("/public/plans/{id}/cases")
    String list(@PathVariable long id, Model model) {
        return Scope.readingForThePublic(() -> {
            CaseService.PublicCases published = cases.publishedForThePublic(id);
            model.addAttribute("plan", published.plan());
            model.addAttribute("cases", published.cases());
            return "public/cases";
        });
    }

    @GetMapping("/public/cases/{id}")
    String one(@PathVariable long id, Model model) {
        return Scope.readingForThePublic(() -> {
            CaseService.PublicCase one = cases.oneForThePublic(id);
            model.addAttribute("plan", one.plan());
            model.addAttribute("c", one.c());
            model.addAttribute("tasks", one.tasks());
            model.addAttribute("paragraphs", Arrays.asList(one.c().body().split("\\R+")));
            return "public/case";
        });
    }
}
