package cn.gongfu.workbench;

import cn.gongfu.evaluation.EvaluationDigest;
import cn.gongfu.evaluation.EvaluationDigest.PlanSummary;
import cn.gongfu.kernel.GongfuUser;
import cn.gongfu.kernel.Role;
import cn.gongfu.kernel.Scope;
import cn.gongfu.kernel.WebPage;
import cn.gongfu.plan.Plan;
import cn.gongfu.plan.PlanService;
import cn.gongfu.reporting.Obligation;
import cn.gongfu.reporting.ReportingService;
import cn.gongfu.supervision.SupervisionBoard;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 工作台: every role lands on its own page. A reporter sees what is owed (returned, overdue, due soon) with 开始填报 one
 * tap away; a unit head also what waits for the head's approval or sending; the office its review queue, the overdue
 * reports and the warnings; a leader one screen of the plan (degree, lights, the worst five, what changed since the
 * last visit). An administrator sees the office's page. Each part is read through its module's service, in the
 * caller's scope.
 */
@WebPage
@Controller
class WorkbenchPages {

    /** How many rows each list of the workbench shows; the full list is one link away. */
    static final int ROWS = 8;

    private final ReportingService reporting;
    private final SupervisionBoard board;
    private final EvaluationDigest digest;
    private final PlanService plans;
    private final Visits visits;
    private final Clock clock;

    WorkbenchPages(ReportingService reporting, SupervisionBoard board, EvaluationDigest digest,
                   PlanService plans, Visits visits, Clock clock) {
        this.reporting = reporting;
        this.board = board;
        this.digest = digest;
        this.plans = plans;
        this.visits = visits;
        this.clock = clock;
    }

    @GetMapping("/")
    public String home() {
        return "redirect:/workbench";
    }

    @GetMapping("/workbench")
    public String workbench(@RequestParam(required = false) Long plan, Model model) {
        GongfuUser me = Scope.current().user();
        LocalDate today = LocalDate.now(clock);
        boolean unitRole = me.hasAny(Role.REPORTER, Role.UNIT_HEAD);
        boolean office = me.hasAny(Role.OFFICE, Role.ADMIN);
        boolean leader = me.has(Role.LEADER);
        model.addAttribute("today", today);
        // a leader owes no report and reviews none: only the unit roles and the office need the obligations
        List<Obligation> obligations = unitRole || office ? reporting.obligations(today) : List.of();
        if (unitRole) {
            List<Duty> duties = Duty.of(obligations, today);
            model.addAttribute("duties", duties);
            if (me.has(Role.UNIT_HEAD)) {
                // drafts and returned reports wait for the head's approval; approved ones for sending
                model.addAttribute("approvals", duties.stream()
                        .filter(d -> List.of("draft", "returned", "approved").contains(d.obligation().state())).toList());
            }
        }
        if (office) {
            List<Obligation> queue = obligations.stream().filter(o -> "submitted".equals(o.state()))
                    .sorted(Comparator.comparing(Obligation::dueOn)).toList();
            model.addAttribute("queueCount", queue.size());
            model.addAttribute("queue", queue.stream().limit(ROWS).toList());
        }
        if (office || leader) {
            // the office's obligations are read once, for its queue and the board
            SupervisionBoard.Board b = office ? board.board(obligations) : board.board();
            model.addAttribute("counts", b.counts());
            model.addAttribute("overdueReports", b.overdueReports().stream().limit(ROWS).toList());
            // the plan the dashboard opens with by default, or the one chosen
            List<Plan> published = plans.publishedForDashboards();
            if (!published.isEmpty()) {
                long planId = plan != null && published.stream().anyMatch(p -> p.id() == plan) ? plan
                        : PlanService.openedByDefault(published).id();
                PlanSummary summary = digest.summary(planId, null);
                model.addAttribute("plans", published);
                model.addAttribute("summary", summary);
                if (leader) {
                    model.addAttribute("since", visits.visit(me.username(), planId, summary.lines()));
                }
            }
        }
        model.addAttribute("unitRole", unitRole);
        model.addAttribute("office", office);
        model.addAttribute("leader", leader);
        return "workbench/home";
    }
}
