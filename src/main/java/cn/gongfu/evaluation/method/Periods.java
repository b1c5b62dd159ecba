package cn.gongfu.evaluation.method;

import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Periods and elapsed time, to the month (时序进度). */
public final class Periods {

    private static final Pattern YEAR = Pattern.compile("(\\d{4})");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})Q([1-4])");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");

    private Periods() {}

    /** The last month of a period written {@code 2024}, {@code 2024Q1} or {@code 2024-03}. */
    public static YearMonth endOf(String period) {
        String p = period == null ? "" : period.trim();
        Matcher m;
        if ((m = YEAR.matcher(p)).matches()) return YearMonth.of(Integer.parseInt(m.group(1)), 12);
        if ((m = QUARTER.matcher(p)).matches()) return YearMonth.of(Integer.parseInt(m.group(1)), 3 * Integer.parseInt(m.group(2)));
        if ((m = MONTH.matcher(p)).matches()) return YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        throw new IllegalArgumentException("period '" + period + "' is not YYYY, YYYYQn or YYYY-MM");
    }

    /** Whole months from the end of {@code from} to the end of {@code to} (negative if {@code to} is earlier). */
    public static long monthsBetween(YearMonth from, YearMonth to) {
        return ChronoUnit.MONTHS.between(from, to);
    }

    public static double yearsBetween(YearMonth from, YearMonth to) {
        return monthsBetween(from, to) / 12.0;
    }

    /**
     * Share of the time from {@code start} to {@code end} that has passed by the end of month
     * {@code asOf}, within [0, 1]. From December 2022 to December 2025, June 2024 gives 18/36 = 0.5;
     * within one year, the end of June gives 6/12 = 0.5 ("by June half the year's task").
     */
    public static double elapsedShare(YearMonth start, YearMonth end, YearMonth asOf) {
        long total = monthsBetween(start, end);
        if (total <= 0) return asOf.isBefore(end) ? 0.0 : 1.0;
        double share = (double) monthsBetween(start, asOf) / total;
        return Math.max(0.0, Math.min(1.0, share));
    }
}
