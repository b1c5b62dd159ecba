package cn.gongfu.reporting;

import static cn.gongfu.kernel.BundleText.both;
import static cn.gongfu.kernel.BundleText.en;
import static cn.gongfu.kernel.BundleText.zh;

import java.math.BigDecimal;
import java.util.List;

/**
 * An indicator value a unit owes in a submission: the indicator, the period it is for, the previous
 * period's value to compare with, and what has been entered so far (observationId null when nothing yet).
 * A value is kept once per indicator, region and period, whichever plan owes it; when it is held by another
 * plan's report or was accepted outside any report, {@code heldElsewhere} says where, and this submission
 * shows it read-only.
 */
record IndicatorEntry(long indicatorId, String name, String unit, String polarity, boolean cumulative,
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

        /** Why the value cannot be changed here, in Chinese and English. */
        public String message() {
            if (submissionId == null) {
                return both("entry.heldByOffice");
            }
            String label = List.of("draft", "approved", "submitted", "accepted", "returned").contains(state)
                    ? zh("reports.state." + state) : state;
            return zh("entry.heldByReport", planTitle, period, label) + " " + en("entry.heldByReport", planTitle, period, state);
        }
    }
}
