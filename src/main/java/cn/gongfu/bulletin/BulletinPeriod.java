package cn.gongfu.bulletin;

import cn.gongfu.kernel.BundleText;
import cn.gongfu.kernel.InvalidParameterException;
import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The period a bulletin reports on: a month (2026-05) or a quarter (2026Q2). */
record BulletinPeriod(String code, String kind, int year, int number) {

    static final String MONTH = "month";
    static final String QUARTER = "quarter";

    private static final Pattern MONTH_CODE = Pattern.compile("(\\d{4})-(0[1-9]|1[0-2])");
    private static final Pattern QUARTER_CODE = Pattern.compile("(\\d{4})Q([1-4])");

    /** The period written 2026-05 or 2026Q2; anything else is a 400 naming {@code field}. */
    static BulletinPeriod parse(String code, String field) {
        String c = code == null ? "" : code.strip();
        Matcher m = MONTH_CODE.matcher(c);
        if (m.matches()) return new BulletinPeriod(c, MONTH, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        Matcher q = QUARTER_CODE.matcher(c);
        if (q.matches()) return new BulletinPeriod(c, QUARTER, Integer.parseInt(q.group(1)), Integer.parseInt(q.group(2)));
        throw new InvalidParameterException(field, BundleText.both("bulletin.invalid.period"));
    }

    YearMonth firstMonth() {
        return MONTH.equals(kind) ? YearMonth.of(year, number) : YearMonth.of(year, number * 3 - 2);
    }

    /** The month the figures are as of. */
    YearMonth lastMonth() {
        return MONTH.equals(kind) ? YearMonth.of(year, number) : YearMonth.of(year, number * 3);
    }

    /** 2026年5月, 2026年第二季度 (the document is Chinese whatever the reader's language). */
    String label() {
        return MONTH.equals(kind) ? BundleText.zh("bulletin.period.month", String.valueOf(year), String.valueOf(number))
                : BundleText.zh("bulletin.period.quarter", String.valueOf(year), BundleText.zh("bulletin.quarter." + number));
    }
}
