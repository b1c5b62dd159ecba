package cn.gongfu.evaluation.publicview;

import cn.gongfu.evaluation.EvaluationService;
import cn.gongfu.evaluation.EvaluationService.PlanEvaluation;
import cn.gongfu.evaluation.dashboard.OverviewCharts;
import cn.gongfu.evaluation.ranking.RankingService;
import cn.gongfu.kernel.Scope;
import cn.gongfu.kernel.WebPage;
import cn.gongfu.plan.Plan;
import cn.gongfu.plan.PlanService;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The public dashboard, without login: the evaluation of the plans the office made public and the published rankings, nothing else. */
@WebPage
@Controller
class PublicPages {

    private final EvaluationService evaluation;
    private final RankingService rankings;
    private final PlanService plans;
    private final OverviewCharts overview;

    public PublicPages(EvaluationService evaluation, RankingService rankings, PlanService plans, OverviewCharts overview) {
        this.evaluation = evaluation;
        this.rankings = rankings;
        this.plans = plans;
        this.overview = overview;
    }

    @GetMapping("/public")
    public String overview(@RequestParam(required = false) Long plan, Model model) {
        return Scope.readingForThePublic(() -> {
            List<Plan> published = plans.publicPlans();
            model.addAttribute("plans", published);
            Plan chosen = published.stream().filter(p -> plan == null || p.id() == plan).reduce((a, b) -> b).orElse(null);
            if (chosen != null) {
                PlanEvaluation eval = evaluation.evaluate(chosen.id(), null, null);
                overview.addTo(model, eval);
                model.addAttribute("rankings", rankings.published(chosen.regionCode()));
            }
            return "evaluation/public";
        });
    }
}
