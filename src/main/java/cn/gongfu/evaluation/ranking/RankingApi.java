package cn.gongfu.evaluation.ranking;

import cn.gongfu.evaluation.ranking.RankingService.Snapshot;
import cn.gongfu.evaluation.ranking.RankingService.UnitRank;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.YearMonth;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Unit rankings through the API: live, published (晾晒), and publishing one. */
@Tag(name = "evaluation", description = "评价 Statuses, realization degree, task status, unit rankings (live and published)")
@RestController
@RequestMapping("/api/v1/evaluation")
class RankingApi {

    private final RankingService rankings;

    RankingApi(RankingService rankings) {
        this.rankings = rankings;
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
