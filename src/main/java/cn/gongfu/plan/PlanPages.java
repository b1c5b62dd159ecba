package cn.gongfu.plan;

import cn.gongfu.kernel.Downloads;
import cn.gongfu.kernel.FileTypes;
import cn.gongfu.kernel.ListAddress;
import cn.gongfu.kernel.NotFoundException;
import cn.gongfu.kernel.PageRequest;
import cn.gongfu.kernel.Scope;
import cn.gongfu.kernel.WebPage;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@WebPage
@Controller
class PlanPages {

    private final PlanService plans;
    private final PlanPublicity publicity;
    private final MessageSource messages;

    public PlanPages(PlanService plans, PlanPublicity publicity, MessageSource messages) {
        this.plans = plans;
        this.publicity = publicity;
        this.messages = messages;
    }

    /** The plan's tasks as a 任务分解表, .xlsx or .docx, in the reader's language; a unit sees its own tasks only. */
    @GetMapping("/plans/{id}/breakdown.{format:xlsx|docx}")
    public ResponseEntity<byte[]> breakdown(@PathVariable long id, @PathVariable String format, Locale locale) {
        Plan plan = plans.get(id);
        List<TaskBreakdown.Line> lines = TaskBreakdown.lines(plans.tasksOfPlan(id), plans.deadlinesOfPlan(id));
        List<String> headers = Stream.of("code", "title.column", "lead", "co", "deadline")
                .map(k -> messages.getMessage("plan.breakdown." + k, null, locale)).toList();
        String title = messages.getMessage("plan.breakdown.title", new Object[] {plan.title()}, locale);
        boolean excel = format.equals("xlsx");
        return Downloads.attachment(title + "." + format, excel ? Downloads.XLSX : FileTypes.DOCX,
                excel ? TaskBreakdown.workbook(title, headers, lines) : TaskBreakdown.document(title, headers, lines));
    }


    /**
     * 公开 / 撤回公开: the office shows a published plan on the public portal with the sections it ticks, or takes it
     * off; publishing again with other sections changes how deep the portal goes, and without any leaves it.
     */
    @PostMapping("/plans/{id}/public")
    public String setPublic(@PathVariable long id, @RequestParam(name = "public", defaultValue = "true") boolean makePublic,
                            @RequestParam(required = false) List<String> sections, RedirectAttributes redirect) {
        // the form always sends sections (an empty one marks it); a request without any leaves the depth as it is
        if (!makePublic) publicity.setPublic(id, false);
        else if (sections == null) publicity.setPublic(id, true);
        else publicity.publish(id, PublicSection.of(sections));
        redirect.addFlashAttribute("publicChanged", makePublic ? "plan.madePublic" : "plan.publicWithdrawn");
        return "redirect:/plans/" + id;
    }

    @GetMapping("/plans")
    public String list(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("q", q);
        model.addAttribute("plans", plans.list(null, null, q, new PageRequest(page, 20)));
        // a search finds tasks by their text too (托育 is in tasks, not in any plan's title)
        if (q != null && !q.isBlank()) {
            model.addAttribute("taskHits", plans.tasks(new PlanService.TaskFilter(null, null, null, null, null, q), new PageRequest(0, 50)));
        }
        model.addAttribute("pageBase", ListAddress.of("/plans", "q", q));
        return "plans/list";
    }

    @GetMapping("/plans/{id}")
    public String tree(@PathVariable long id, @RequestParam(required = false) String expand, Model model) {
        Plan plan = plans.get(id);
        PlanTree tree = PlanTree.of(plans.sections(id), plans.tasksOfPlan(id));
        // a unit that sees only its own tasks is not shown the sections it has nothing in
        if (Scope.current().units() != null) tree = tree.withoutEmptySections();
        model.addAttribute("plan", plan);
        model.addAttribute("roots", tree.roots());
        model.addAttribute("loose", tree.loose());
        model.addAttribute("expand", "all".equals(expand));
        return "plans/tree";
    }

    /** The inside of one section, loaded by htmx when the reader opens it. */
    @GetMapping("/plans/{planId}/sections/{sectionId}")
    public String section(@PathVariable long planId, @PathVariable long sectionId, Model model) {
        PlanTree tree = PlanTree.of(plans.sections(planId), plans.tasksOfPlan(planId));
        model.addAttribute("node", tree.find(sectionId).orElseThrow(() -> new NotFoundException("section", sectionId)));
        return "plans/section";
    }
}
