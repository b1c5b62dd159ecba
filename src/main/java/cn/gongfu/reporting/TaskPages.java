package cn.gongfu.reporting;

import cn.gongfu.kernel.WebPage;
import cn.gongfu.plan.PlanService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A task's page: the task as the plan defines it, with the reports the office accepted for it. It lives with
 * reporting because it composes the plan's task (through PlanService) with reporting's own data; plan knows
 * nothing of reports.
 */
@WebPage
@Controller
class TaskPages {

    private final PlanService plans;
    private final ReportingService reporting;

    TaskPages(PlanService plans, ReportingService reporting) {
        this.plans = plans;
        this.reporting = reporting;
    }

    @GetMapping("/tasks/{id}")
    String task(@PathVariable long id, Model model) {
        model.addAttribute("task", plans.task(id));
        model.addAttribute("reports", reporting.acceptedReportsOf(id));
        return "tasks/detail";
    }
}
