package cn.gongfu.reporting;

import cn.gongfu.vocabulary.Periods;
import java.time.LocalDate;
import java.util.List;

/**
 * When a plan's units report: task progress monthly or quarterly, indicators at their own cadence, due on a day of
 * the next month. A late report is taken for {@code graceDays} more; after that, with {@code lockAfterGrace}, the
 * period is closed and a report still owed needs the office to reopen it.
 */
public record ReportCalendar(long planId, String cadence, String indicatorCadence, int dueDay, String firstPeriod,
                             String lastPeriod, int graceDays, boolean lockAfterGrace) {

    public List<String> periods() {
        return Periods.between(firstPeriod, lastPeriod, cadence);
    }

    /** The last day a report due on {@code dueOn} may still be sent without the office reopening it; null when never locked. */
    public LocalDate lastOpenDay(LocalDate dueOn) {
        return lockAfterGrace ? dueOn.plusDays(graceDays) : null;
    }
}
