package cn.gongfu.vocabulary;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Periods as strings the office reads and the database keeps: "2025-03" (month), "2025Q1" (quarter), "2025"
 * (year), and the time between them to the month (时序进度). Reporting computes its calendars from them, the
 * methods read a value of a period as the situation at the period's last month. Pure functions: a calendar
 * is computed, never stored period by period.
 */
public final class Periods {

    public static final String MONTHLY = "monthly";
    public static final String QUARTERLY = "quarterly";
    public static final String ANNUAL = "annual";

    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(0[1-9]|1[0-2])");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})Q([1-4])");
    private static final Pattern YEAR = Pattern.compile("(\\d{4})");

    private Periods() {}

    public static boolean valid(String period) {
        return period != null && (MONTH.matcher(period).matches() || QUARTER.matcher(period).matches()
                || YEAR.matcher(period).matches());
    }

    /** A month written YYYY-MM, as milestones and monthly reports use. */
    public static boolean isMonth(String period) {
        return period != null && MONTH.matcher(period).matches();
    }

    /** The cadence a period string is written in: monthly, quarterly or annual. */
    public static String cadenceOf(String period) {
        if (MONTH.matcher(period).matches()) return MONTHLY;
        if (QUARTER.matcher(period).matches()) return QUARTERLY;
        if (YEAR.matcher(period).matches()) return ANNUAL;
        throw new IllegalArgumentException("not a period: " + period);
    }

    public static LocalDate firstDay(String period) {
        return firstMonth(period).atDay(1);
    }

    public static LocalDate lastDay(String period) {
        return lastMonth(period).atEndOfMonth();
    }

    /**
     * The last month of a period written {@code 2024}, {@code 2024Q1} or {@code 2024-03}, blanks around it
     * ignored: the month a value of that period describes.
     */
    public static YearMonth endOf(String period) {
        String p = period == null ? "" : period.trim();
        if (!valid(p)) throw new IllegalArgumentException("period '" + period + "' is not YYYY, YYYYQn or YYYY-MM");
        return lastMonth(p);
    }

    /** Due on {@code dueDay} of the month after the period ends (the 5th of the next month, say). */
    public static LocalDate dueOn(String period, int dueDay) {
        return lastMonth(period).plusMonths(1).atDay(dueDay);
    }

    /** The period of the given cadence that contains a day. */
    public static String containing(LocalDate day, String cadence) {
        return switch (cadence) {
            case MONTHLY -> YearMonth.from(day).toString();
            case QUARTERLY -> day.getYear() + "Q" + ((day.getMonthValue() - 1) / 3 + 1);
            case ANNUAL -> String.valueOf(day.getYear());
            default -> throw new IllegalArgumentException("unknown cadence " + cadence);
        };
    }

    /** Every period of a cadence from {@code first} to {@code last}, both included. */
    public static List<String> between(String first, String last, String cadence) {
        List<String> result = new ArrayList<>();
        YearMonth month = firstMonth(first);
        YearMonth end = lastMonth(last);
        while (!month.isAfter(end)) {
            String p = containing(month.atDay(1), cadence);
            if (result.isEmpty() || !result.get(result.size() - 1).equals(p)) result.add(p);
            month = month.plusMonths(1);
        }
        return result;
    }

    /** The period before, in the same cadence: what a new value is compared with. */
    public static String previous(String period) {
        return containing(firstDay(period).minusDays(1), cadenceOf(period));
    }

    /**
     * The indicator period a task period reports: the same for equal cadences; for annual indicators,
     * the year, owed only in the year's last task period; null when nothing is owed in this period.
     */
    public static String indicatorPeriod(String taskPeriod, String indicatorCadence) {
        String taskCadence = cadenceOf(taskPeriod);
        if (taskCadence.equals(indicatorCadence)) return taskPeriod;
        YearMonth end = lastMonth(taskPeriod);
        String candidate = containing(end.atDay(1), indicatorCadence);
        return lastMonth(candidate).equals(end) ? candidate : null;
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

    private static YearMonth firstMonth(String period) {
        Matcher m = MONTH.matcher(period);
        if (m.matches()) return YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        m = QUARTER.matcher(period);
        if (m.matches()) return YearMonth.of(Integer.parseInt(m.group(1)), (Integer.parseInt(m.group(2)) - 1) * 3 + 1);
        m = YEAR.matcher(period);
        if (m.matches()) return YearMonth.of(Integer.parseInt(m.group(1)), 1);
        throw new IllegalArgumentException("not a period: " + period);
    }

    private static YearMonth lastMonth(String period) {
        return switch (cadenceOf(period)) {
            case MONTHLY -> firstMonth(period);
            case QUARTERLY -> firstMonth(period).plusMonths(2);
            default -> firstMonth(period).plusMonths(11);
        };
    }
}
