package cn.gongfu.reporting;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reporting periods as strings the office reads: "2025-03" (month), "2025Q1" (quarter), "2025" (year).
 * Pure functions: the calendar is computed, never stored period by period.
 */
public final class Periods {

    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(0[1-9]|1[0-2])");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})Q([1-4])");
    private static final Pattern YEAR = Pattern.compile("(\\d{4})");

    private Periods() {}

    public static boolean valid(String period) {
        return period != null && (MONTH.matcher(period).matches() || QUARTER.matcher(period).matches()
                || YEAR.matcher(period).matches());
    }

    /** The cadence a period string is written in: monthly, quarterly or annual. */
    public static String cadenceOf(String period) {
        if (MONTH.matcher(period).matches()) return "monthly";
        if (QUARTER.matcher(period).matches()) return "quarterly";
        if (YEAR.matcher(period).matches()) return "annual";
        throw new IllegalArgumentException("not a period: " + period);
    }

    public static LocalDate firstDay(String period) {
        return firstMonth(period).atDay(1);
    }

    public static LocalDate lastDay(String period) {
        return lastMonth(period).atEndOfMonth();
    }

    /** Due on {@code dueDay} of the month after the period ends (the 5th of the next month, say). */
    public static LocalDate dueOn(String period, int dueDay) {
        return lastMonth(period).plusMonths(1).atDay(dueDay);
    }

    /** The period of the given cadence that contains a day. */
    public static String containing(LocalDate day, String cadence) {
        return switch (cadence) {
            case "monthly" -> YearMonth.from(day).toString();
            case "quarterly" -> day.getYear() + "Q" + ((day.getMonthValue() - 1) / 3 + 1);
            case "annual" -> String.valueOf(day.getYear());
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
            case "monthly" -> firstMonth(period);
            case "quarterly" -> firstMonth(period).plusMonths(2);
            default -> firstMonth(period).plusMonths(11);
        };
    }
}
