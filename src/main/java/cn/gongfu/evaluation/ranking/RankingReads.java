package cn.gongfu.evaluation.ranking;

import cn.gongfu.evaluation.UnitRankings;
import java.time.YearMonth;
import java.util.List;
import org.springframework.stereotype.Component;

/** The ranking as {@link UnitRankings} gives it to other modules: the live ranks, in plain numbers. */
@Component
class RankingReads implements UnitRankings {

    private final RankingService rankings;

    RankingReads(RankingService rankings) {
        this.rankings = rankings;
    }

    @Override
    public List<RankLine> ranks(long planId, YearMonth asOf) {
        return rankings.rank(planId, asOf).stream()
                .map(r -> new RankLine(r.unitId(), r.unitName(), r.peerGroup(), r.result().rank(), r.result().groupSize(),
                        r.result().score()))
                .toList();
    }
}
