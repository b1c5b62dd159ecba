package cn.gongfu.evaluation.method;

import cn.gongfu.vocabulary.Periods;
import java.time.YearMonth;

/**
 * A task's milestone (进度节点): its work runs from month {@code from} and is due at the end of month {@code due};
 * {@code done} is the month it was completed, or null. A milestone due this month is not overdue until the month
 * has ended.
 */
public record Milestone(String label, YearMonth from, YearMonth due, YearMonth done) {

    public Milestone {
        if (due == null) throw new IllegalArgumentException("milestone '" + label + "' needs a due month");
        if (from == null || from.isAfter(due)) from = due;
    }

    /** A milestone whose schedule gives only its due month. */
    public Milestone(String label, YearMonth due, YearMonth done) {
        this(label, due, due, done);
    }

    public boolean isDueBy(YearMonth asOf) { return !due.isAfter(asOf); }
    public boolean isDone() { return done != null; }
    public boolean isDoneOnTime() { return done != null && !done.isAfter(due); }
    public boolean isOverdue(YearMonth asOf) { return done == null && due.isBefore(asOf); }

    /** Whole months past the due month (0 if not overdue). */
    public long monthsOverdue(YearMonth asOf) {
        return isOverdue(asOf) ? Periods.monthsBetween(due, asOf) : 0;
    }
}
