package cn.gongfu.reporting;

import cn.gongfu.vocabulary.Periods;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** When a plan's units report: task progress monthly or quarterly, indicators at their own cadence, due on a day of the next month. */
public record ReportCalendar(long planId, String cadence, String indicatorCadence, int dueDay, String firstPeriod,
                             String lastPeriod) {

    public List<String> periods() {
        return Periods.between(firstPeriod, lastPeriod, cadence);
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
