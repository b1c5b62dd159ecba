package cn.gongfu.reporting;

import cn.gongfu.vocabulary.Periods;
import java.util.List;

/** When a plan's units report: task progress monthly or quarterly, indicators at their own cadence, due on a day of the next month. */
public record ReportCalendar(long planId, String cadence, String indicatorCadence, int dueDay, String firstPeriod,
                             String lastPeriod) {

    public List<String> periods() {
        return Periods.between(firstPeriod, lastPeriod, cadence);
    }
}
