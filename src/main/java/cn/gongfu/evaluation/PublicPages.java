package cn.gongfu.evaluation;

import cn.gongfu.evaluation.EvaluationService.PlanEvaluation;
import cn.gongfu.kernel.PageRequest;
import cn.gongfu.kernel.Scope;
import cn.gongfu.kernel.WebPage;
import cn.gongfu.plan.Plan;
import cn.gongfu.plan.PlanService;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The public dashboard, without login: published plans' evaluation and the published rankings, nothing else. */
@WebPage
@Controller
public class PublicPages {

    private final EvaluationService evaluation;
    private final RankingService rankings;
    private final PlanService plans;
    private final DashboardPages dashboards;

    public PublicPages(EvaluationService evaluation, RankingService rankings, PlanService plans, DashboardPages dashboards) {
        this.evaluation = evaluation;
        this.rankings = rankings;
        this.plans = plans;
        this.dashboards = dashboards;
    }

    @GetMapping("/public")
    public String overview(@RequestParam(required = false) Long plan, Model model) {
        return Scope.readingForThePublic(() -> {
            List<Plan> published = plans.list(null, "published", null, new PageRequest(0, 100)).items();
            model.addAttribute("plans", published);
            Plan chosen = published.stream().filter(p -> plan == null || p.id() == plan).reduce((a, b) -> b).orElse(null);
            if (chosen != null) {
                PlanEvaluation eval = evaluation.evaluate(chosen.id(), null, null);
                dashboards.addOverview(model, eval);
                model.addAttribute("rankings", rankings.published(chosen.regionCode()));
            }
            return "evaluation/public";
        });
    }
}
