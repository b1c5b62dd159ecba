package cn.gongfu.bulletin;

import cn.gongfu.kernel.BundleText;
import cn.gongfu.kernel.InvalidParameterException;
import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The period a bulletin reports on: a month (2026-05), a quarter (2026Q2) or a year (2025: the annual evaluation). */
record BulletinPeriod(String code, String kind, int year, int number) {

    static final String MONTH = "month";
    static final String QUARTER = "quarter";
    /** 年度评价: the year's bulletin is the annual evaluation report, with the sections only a year has. */
    static final String YEAR = "year";

    private static final Pattern MONTH_CODE = Pattern.compile("(\\d{4})-(0[1-9]|1[0-2])");
    private static final Pattern QUARTER_CODE = Pattern.compile("(\\d{4})Q([1-4])");
    private static final Pattern YEAR_CODE = Pattern.compile("(20\\d{2})");

    /** The period written 2026-05, 2026Q2 or 2025; anything else is a 400 naming {@code field}. */
    static BulletinPeriod parse(String code, String field) {
        String c = code == null ? "" : code.strip();
        Matcher m = MONTH_CODE.matcher(c);
        if (m.matches()) return new BulletinPeriod(c, MONTH, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        Matcher q = QUARTER_CODE.matcher(c);
        if (q.matches()) return new BulletinPeriod(c, QUARTER, Integer.parseInt(q.group(1)), Integer.parseInt(q.group(2)));
        if (YEAR_CODE.matcher(c).matches()) return new BulletinPeriod(c, YEAR, Integer.parseInt(c), 1);
        throw new InvalidParameterException(field, BundleText.both("bulletin.invalid.period"));
    }

    YearMonth firstMonth() {
        if (YEAR.equals(kind)) return YearMonth.of(year, 1);
        return MONTH.equals(kind) ? YearMonth.of(year, number) : YearMonth.of(year, number * 3 - 2);
    }

    boolean isYear() {
        return YEAR.equals(kind);
    }

    /** The month the figures are as of. */
    YearMonth lastMonth() {
        if (YEAR.equals(kind)) return YearMonth.of(year, 12);
        return MONTH.equals(kind) ? YearMonth.of(year, number) : YearMonth.of(year, number * 3);
    }

    /** 2026年5月, 2026年第二季度, 2025年度 (the document is Chinese whatever the reader's language). */
    String label() {
        if (YEAR.equals(kind)) return BundleText.zh("bulletin.period.year", String.valueOf(year));
        return MONTH.equals(kind) ? BundleText.zh("bulletin.period.month", String.valueOf(year), String.valueOf(number))
                : BundleText.zh("bulletin.period.quarter", String.valueOf(year), BundleText.zh("bulletin.quarter." + number));
    }
}
