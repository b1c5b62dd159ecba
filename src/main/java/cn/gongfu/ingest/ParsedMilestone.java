package cn.gongfu.ingest;

import java.time.YearMonth;

/** A schedule item such as "2-4月:…"; from/to are null when the time could not be read. */
public record ParsedMilestone(YearMonth from, YearMonth to, String text) {

    public boolean isDated() {
        return from != null && to != null;
    }
}
