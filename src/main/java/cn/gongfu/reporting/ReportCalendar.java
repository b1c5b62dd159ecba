package cn.gongfu.reporting;

import cn.gongfu.vocabulary.Periods;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

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

    /** The periods begun by a day, in order: those a report may be made for. */
    public List<String> begunPeriods(LocalDate today) {
        return periods().stream().filter(p -> !Periods.firstDay(p).isAfter(today)).toList();
    }

    /** The period a day falls in: after the calendar's end its last period, none before its first. */
    public Optional<String> currentPeriod(LocalDate today) {
        List<String> begun = begunPeriods(today);
        return begun.isEmpty() ? Optional.empty() : Optional.of(begun.get(begun.size() - 1));
    }
}
