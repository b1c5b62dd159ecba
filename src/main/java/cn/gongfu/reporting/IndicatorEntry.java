package cn.gongfu.reporting;

import java.math.BigDecimal;
import java.util.Map;

/**
 * An indicator value a unit owes in a submission: the indicator, the period it is for, the previous
 * period's value to compare with, and what has been entered so far (observationId null when nothing yet).
 * A value is kept once per indicator, region and period, whichever plan owes it; when it is held by another
 * plan's report or was accepted outside any report, {@code heldElsewhere} says where, and this submission
 * shows it read-only.
 */
public record IndicatorEntry(long indicatorId, String name, String unit, String polarity, boolean cumulative,
                             String regionCode, String period, BigDecimal previousValue, Long observationId,
                             BigDecimal value, String comment, String explanation, Integer version,
                             HeldValue heldElsewhere) {

    /**
     * Where a value this submission may not change is held: the report of another plan (its id, plan, period
     * and state), or {@link #ACCEPTED}: accepted by the office, through its data feed (even over a value this
     * report entered) or with this very report.
     */
    public record HeldValue(Long submissionId, String planTitle, String period, String state) {

        public static final HeldValue ACCEPTED = new HeldValue(null, null, null, "accepted");

        private static final Map<String, String> STATE_LABELS = Map.of("draft", "草稿", "approved", "已批准",
                "submitted", "已报送", "accepted", "已通过", "returned", "已退回");

        /** Why the value cannot be changed here, in Chinese and English. */
        public String message() {
            if (submissionId == null) {
                return "此数值已由共富办审核通过，此处只读；如需更正请联系共富办 the value was accepted by the office and is read-only";
            }
            return "此数值属于《" + planTitle + "》" + period + " 的填报（" + STATE_LABELS.getOrDefault(state, state)
                    + "），此处只读，请在该填报中修改 the value belongs to the report of " + planTitle + " for " + period
                    + " (" + state + ") and is read-only here";
        }
    }
}
