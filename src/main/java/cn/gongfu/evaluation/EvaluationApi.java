package cn.gongfu.evaluation;

import cn.gongfu.evaluation.EvaluationService.PlanEvaluation;
import cn.gongfu.evaluation.RankingService.Snapshot;
import cn.gongfu.evaluation.RankingService.UnitRank;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.YearMonth;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "evaluation", description = "评价 Statuses, realization degree, task status, unit rankings (live and published)")
@RestController
@RequestMapping("/api/v1/evaluation")
public class EvaluationApi {

    private final EvaluationService evaluation;
    private final RankingService rankings;

    public EvaluationApi(EvaluationService evaluation, RankingService rankings) {
        this.evaluation = evaluation;
        this.rankings = rankings;
    }

    /** The plan's evaluation in a region (the plan's own by default) as of a month (yyyy-MM, this month by default). */
    @GetMapping("/plans/{id}")
    public PlanEvaluation plan(@PathVariable long id, @RequestParam(required = false) String region,
                               @RequestParam(required = false) YearMonth asOf) {
        return evaluation.evaluate(id, region, asOf);
    }

    @GetMapping("/plans/{id}/units")
    public List<UnitRank> units(@PathVariable long id, @RequestParam(required = false) YearMonth asOf) {
        return rankings.rank(id, asOf);
    }

    @PostMapping("/plans/{id}/rankings")
    public List<Snapshot> publish(@PathVariable long id, @RequestParam String period) {
        return rankings.publish(id, period);
    }

    @GetMapping("/rankings")
    public List<Snapshot> published(@RequestParam(required = false) String region) {
        return rankings.published(region);
    }
}
