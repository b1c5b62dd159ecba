package cn.gongfu.importing;

import cn.gongfu.plan.Plan;
import cn.gongfu.reporting.ProgressDrafts;
import java.util.List;

/**
 * A document of progress tables seen as what it is: the progress of a published plan (issue 13). Which plan, each row
 * with the task it reports on (or none), and where the progress would go ({@link ProgressDrafts.Outline}: the period,
 * each leading unit's report and whether it is still open). Public with all it holds, because the review page reads it.
 */
public record ProgressReview(Plan plan, List<Row> rows, ProgressDrafts.Outline outline) {

    /**
     * One row of the table: its number and title as written, the progress text the unit's report gets and the per cent
     * done, and the matched task of the plan (taskId null when none matched) with its lead units.
     */
    public record Row(String code, String title, String text, Integer percentDone, Long taskId, String taskCode,
                      String taskTitle, List<String> leadUnits) {
        public boolean matched() {
            return taskId != null;
        }

        /** Matched and with something to report: what the import writes. */
        public boolean reportable() {
            return matched() && text != null && !text.isBlank();
        }
    }

    public long matchedCount() {
        return rows.stream().filter(Row::matched).count();
    }

    public long unmatchedCount() {
        return rows.size() - matchedCount();
    }

    public long reportableCount() {
        return rows.stream().filter(Row::reportable).count();
    }

    /** Whether "import as progress reports" can go ahead: something to write, a period, no unit's report locked. */
    public boolean canImport() {
        return reportableCount() > 0 && outline.possible();
    }
}
