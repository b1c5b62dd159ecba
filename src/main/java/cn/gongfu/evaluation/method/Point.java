package cn.gongfu.evaluation.method;

import cn.gongfu.vocabulary.Periods;
import java.time.YearMonth;

/**
 * One value at the end of a period. A year is read as its December, a quarter as its last month:
 * an annual value describes the situation at the end of the year.
 */
public record Point(YearMonth period, double value) {

    public Point {
        if (period == null) throw new IllegalArgumentException("a point needs a period");
        if (Double.isNaN(value) || Double.isInfinite(value)) throw new IllegalArgumentException("not a number at " + period);
    }

    /** From an observation period as stored: {@code 2024}, {@code 2024Q1} or {@code 2024-03}. */
    public static Point of(String period, double value) {
        return new Point(Periods.endOf(period), value);
    }

    public static Point ofYear(int year, double value) {
        return new Point(YearMonth.of(year, 12), value);
    }
}
