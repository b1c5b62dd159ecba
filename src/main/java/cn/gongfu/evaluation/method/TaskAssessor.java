package cn.gongfu.evaluation.method;

import cn.gongfu.vocabulary.Periods;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;

/**
 * Task status from its milestones (due, done, overdue) and its reported percent against time.
 *
 * <p>Rules, in order: all milestones done (or 100% reported with none open) → ACHIEVED; a milestone
 * overdue by more than {@code seriousOverdueMonths}, or the task's end passed with a milestone still open or
 * less than 100% reported → SERIOUSLY_LAGGING; any milestone overdue → LAGGING; then the reported percent
 * against the share of time elapsed, with the same pace cut-offs as indicators; milestones due all done, or
 * one done ahead of time → ON_TRACK. With nothing due and nothing reported: before the task's work begins (its
 * first milestone's start month) → NOT_STARTED; while it runs → ON_TRACK; after its end → NO_DATA. Only
 * something owed can make a task late, so a task with nothing due is never lagging. Milestones outrank the
 * percent: a date missed is a fact, a percent is a self-assessment.
 */
public final class TaskAssessor {

    private final Thresholds thresholds;

    public TaskAssessor() { this(Thresholds.DEFAULTS); }

    public TaskAssessor(Thresholds thresholds) { this.thresholds = thresholds; }

    public TaskAssessment assess(TaskProgress task, YearMonth asOf) {
        // as known at the month assessed: a milestone done later was still open then
        List<Milestone> ms = task.milestones().stream()
                .map(m -> m.done() != null && m.done().isAfter(asOf) ? new Milestone(m.label(), m.from(), m.due(), null) : m).toList();
        List<Milestone> due = ms.stream().filter(m -> m.isDueBy(asOf)).toList();
        int onTime = (int) due.stream().filter(Milestone::isDoneOnTime).count();
        int late = (int) due.stream().filter(m -> m.isDone() && !m.isDoneOnTime()).count();
        List<Milestone> overdue = ms.stream().filter(m -> m.isOverdue(asOf)).toList();
        List<String> overdueLabels = overdue.stream().map(Milestone::label).toList();
        long worstMonths = overdue.stream().mapToLong(m -> m.monthsOverdue(asOf)).max().orElse(0);

        // The task period runs from the start of its first month to the end of its last.
        double expected = 100 * Periods.elapsedShare(task.start().minusMonths(1), task.end(), asOf);
        Double pct = task.reportedPercent();
        Double pace = pct == null || expected == 0 ? null : pct / expected;
        boolean allDone = !ms.isEmpty() && ms.stream().allMatch(Milestone::isDone);
        boolean finished = allDone && (pct == null || pct >= 100) || ms.isEmpty() && pct != null && pct >= 100;
        boolean endPassed = asOf.isAfter(task.end());

        Status status;
        String reason;
        if (finished) {
            status = Status.ACHIEVED;
            reason = ms.isEmpty() ? "reported 100%" : "all " + ms.size() + " milestones done";
        } else if (worstMonths > thresholds.seriousOverdueMonths() || endPassed && (!overdue.isEmpty() || pct != null)) {
            status = Status.SERIOUSLY_LAGGING;
            reason = worstMonths > thresholds.seriousOverdueMonths()
                    ? "milestone overdue " + worstMonths + " months: " + overdueLabels
                    : "task period ended " + task.end() + " unfinished";
        } else if (!overdue.isEmpty()) {
            status = Status.LAGGING;
            reason = overdue.size() + " milestone(s) overdue: " + overdueLabels;
        } else if (pct != null) {
            if (expected == 0 || pct >= thresholds.onTrackPace() * expected) status = Status.ON_TRACK;
            else if (pct >= thresholds.laggingPace() * expected) status = Status.LAGGING;
            else status = Status.SERIOUSLY_LAGGING;
            reason = String.format(Locale.ROOT, "reported %.1f%% against %.1f%% of time elapsed", pct, expected);
        } else if (!due.isEmpty()) {
            status = Status.ON_TRACK;
            reason = "all " + due.size() + " milestones due are done";
        } else if (ms.stream().anyMatch(Milestone::isDone)) {
            status = Status.ON_TRACK;
            reason = "no milestone due yet; one done ahead of time";
        } else if (asOf.isBefore(workStarts(task))) {
            status = Status.NOT_STARTED;
            reason = "the task's work is scheduled from " + workStarts(task);
        } else if (endPassed) {
            status = Status.NO_DATA;
            reason = "task period ended " + task.end() + " with nothing due and no progress reported";
        } else {
            status = Status.ON_TRACK;
            reason = "under way, no milestone due yet and nothing overdue";
        }
        return new TaskAssessment(status, reason, due.size(), onTime, late, overdueLabels, pct, expected, pace);
    }

    /** The month the task's work begins: its first milestone's start month, or the task's start without milestones. */
    private static YearMonth workStarts(TaskProgress task) {
        return task.milestones().stream().map(Milestone::from).min(YearMonth::compareTo)
                .filter(m -> m.isAfter(task.start())).orElse(task.start());
    }
}
