package cn.gongfu.evaluation.live;

import cn.gongfu.evaluation.EvaluationService;
import cn.gongfu.evaluation.EvaluationService.PlanEvaluation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.YearMonth;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "evaluation", description = "评价 Statuses, realization degree, task status, unit rankings (live and published)")
@RestController
@RequestMapping("/api/v1/evaluation")
class EvaluationApi {

    private final EvaluationService evaluation;

    public EvaluationApi(EvaluationService evaluation) {
        this.evaluation = evaluation;
    }

    /** The plan's evaluation in a region (the plan's own by default) as of a month (yyyy-MM, this month by default). */
    @GetMapping("/plans/{id}")
    public PlanEvaluation plan(@PathVariable long id, @RequestParam(required = false) String region,
                               @RequestParam(required = false) YearMonth asOf) {
        return evaluation.evaluate(id, region, asOf);
    }
}
