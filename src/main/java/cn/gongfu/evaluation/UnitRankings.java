package cn.gongfu.evaluation;

import java.time.YearMonth;
import java.util.List;

/**
 * The units' ranks by peer group in the evaluation's base package, for other modules: implemented by the ranking room
 * ({@code evaluation.ranking}), which the base may not use.
 */
public interface UnitRankings {

    /**
     * A unit's place among its peers.
     *
     * @param peerGroup {@code department} or {@code town}
     * @param rank      1 for the best; ties share a rank
     * @param score     0–100
     */
    record RankLine(long unitId, String unitName, String peerGroup, int rank, int groupSize, double score) {}

    /** The live ranks of the units working on a plan as of a month, in rank order within each peer group. */
    List<RankLine> ranks(long planId, YearMonth asOf);
}
