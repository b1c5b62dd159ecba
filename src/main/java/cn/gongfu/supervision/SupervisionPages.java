package cn.gongfu.supervision;

import cn.gongfu.kernel.InvalidParameterException;
import cn.gongfu.kernel.PageRequest;
import cn.gongfu.plan.Plan;
import cn.gongfu.plan.PlanService;
import cn.gongfu.supervision.Reminders.Urged;
import cn.gongfu.kernel.WebPage;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The supervision board 督办台 (office, leaders, administrators), its 一键催办 buttons and the plan's reminder rule form. */
@WebPage
@Controller
class SupervisionPages {

    private final SupervisionBoard board;
    private final ReminderRules rules;
    private final Reminders reminders;
    private final PlanService plans;
    private final org.springframework.context.MessageSource messages;
    private final SupervisedItems items;

    SupervisionPages(SupervisionBoard board, ReminderRules rules, Reminders reminders, PlanService plans,
                     org.springframework.context.MessageSource messages, SupervisedItems items) {
        this.items = items;
        this.messages = messages;
        this.board = board;
        this.rules = rules;
        this.reminders = reminders;
        this.plans = plans;
    }

    @GetMapping("/supervision")
    public String board(@RequestParam(required = false) Long plan, Model model) {
        model.addAttribute("board", board.board());
        List<Plan> inScope = plans.list(null, null, null, new PageRequest(0, PageRequest.MAX_SIZE)).items();
        model.addAttribute("plans", inScope);
        Long chosen = plan != null ? plan : inScope.isEmpty() ? null : inScope.get(0).id();
        if (chosen != null) model.addAttribute("rule", rules.rule(chosen));
        // the issue register, orders and instructions not closed yet (the list and its tabs: /supervision/items)
        model.addAttribute("supervisedItems", items.openItems(null));
        return "supervision/board";
    }

    /** The board as an Excel workbook, in the reader's language. */
    @GetMapping("/supervision/export")
    public org.springframework.http.ResponseEntity<byte[]> export() {
        return cn.gongfu.kernel.Downloads.attachment("supervision-board.xlsx", cn.gongfu.kernel.Downloads.XLSX,
                BoardExport.workbook(board.board(), messages, org.springframework.context.i18n.LocaleContextHolder.getLocale()));
    }

    @PostMapping("/supervision/plans/{id}/reminder-rule")
    public String setRule(@PathVariable long id, @RequestParam(required = false) String daysBefore,
                          @RequestParam(required = false) Boolean onDue, @RequestParam(required = false) String daysAfter,
                          @RequestParam(required = false) Integer unitHeadAfter, @RequestParam(required = false) Integer officeAfter,
                          @RequestParam(required = false) Integer bulletinAfter, @RequestParam(required = false) Integer version,
                          RedirectAttributes redirect) {
        try {
            rules.set(id, new ReminderRules.RuleInput(daysBefore, onDue, daysAfter, unitHeadAfter, officeAfter, bulletinAfter, version));
            redirect.addFlashAttribute("ruleSaved", true);
        } catch (InvalidParameterException e) {
            redirect.addFlashAttribute("ruleError", e.field());
        }
        return "redirect:/supervision?plan=" + id + "#rule";
    }

    @PostMapping("/supervision/reports/urge")
    public String urgeReport(@RequestParam long plan, @RequestParam long unit, @RequestParam String period, RedirectAttributes redirect) {
        if (period.length() > 10) throw new InvalidParameterException("period", "at most 10 characters");
        return urged(redirect, () -> reminders.urgeReport(plan, unit, period));
    }

    @PostMapping("/supervision/milestones/{id}/urge")
    public String urgeMilestone(@PathVariable long id, RedirectAttributes redirect) {
        return urged(redirect, () -> reminders.urgeMilestone(id));
    }

    private static String urged(RedirectAttributes redirect, java.util.function.Supplier<Urged> urge) {
        try {
            Urged u = urge.get();
            redirect.addFlashAttribute("urged", u.sent() ? "sent" : "again");
        } catch (SupervisionRefusal e) {
            redirect.addFlashAttribute("urged", "notOverdue");
        }
        return "redirect:/supervision#overdue";
    }

}
