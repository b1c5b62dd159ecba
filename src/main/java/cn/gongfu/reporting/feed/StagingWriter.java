package cn.gongfu.reporting.feed;

import cn.gongfu.indicator.StoredNumber;
import cn.gongfu.reporting.feed.RowSink.Column;
import cn.gongfu.vocabulary.Periods;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;

/**
 * Turns raw feed fields into staging columns and hands them to the database: what can be known per row (is
 * the indicator an id or a name, which indicator it is and whether the region is known, both within the caller's
 * scope ({@link FeedKeys}), the period's validity and its predecessor, the number) is computed here; every rule
 * that relates rows to each other or to stored data is checked in SQL.
 */
abstract class StagingWriter implements RowSink {

    static final String COLUMNS = "row_no, problem, indicator_ref, indicator_name, indicator_id, region_code, known_region, "
            + "period, prev_period, value_text, value, comment, explanation";

    private final FeedKeys keys;
    /** The indicators and regions the staged rows refer to (resolved ones only), to lock before the merge. */
    final Set<Long> indicators = new HashSet<>();
    final Set<String> regions = new HashSet<>();

    StagingWriter(FeedKeys keys) {
        this.keys = keys;
    }

    @Override
    public final void row(long rowNo, String[] f, String problem) {
        String indicator = strip(f[Column.INDICATOR.ordinal()]);
        Long ref = null;
        if (indicator != null && indicator.length() <= 18 && digits(indicator)) {
            ref = Long.parseLong(indicator);
            indicator = null;
        }
        String region = strip(f[Column.REGION.ordinal()]);
        Long id = keys.indicator(ref, indicator, region);
        // the reference is kept only when it resolves to nothing, for the message
        if (id != null) {
            ref = null;
            indicator = null;
        }
        boolean knownRegion = keys.knownRegion(region);
        if (id != null) indicators.add(id);
        if (knownRegion) regions.add(region);
        String period = strip(f[Column.PERIOD.ordinal()]);
        String prev = Periods.valid(period) ? Periods.previous(period) : null;
        String valueText = strip(f[Column.VALUE.ordinal()]);
        BigDecimal value = null;
        if (valueText != null) {
            value = number(valueText);
            // the text is kept only when it is not a number, for the message; its first characters say why
            if (value != null) valueText = null;
            else if (valueText.length() > StoredNumber.MAX_TEXT) valueText = valueText.substring(0, StoredNumber.MAX_TEXT + 1);
        }
        try {
            write(rowNo, problem, ref, indicator, id, region, knownRegion, period, prev, valueText, value,
                    blankToNull(f[Column.COMMENT.ordinal()]), blankToNull(f[Column.EXPLANATION.ordinal()]));
        } catch (SQLException e) {
            throw new IllegalStateException("staging the feed failed at row " + rowNo + ": " + e.getMessage(), e);
        }
    }

    abstract void write(long rowNo, String problem, Long ref, String name, Long id, String region, boolean knownRegion,
                        String period, String prev,
                        String valueText, BigDecimal value, String comment, String explanation) throws SQLException;

    /** Sends what is still buffered; returns the number of rows staged. */
    abstract long finish() throws SQLException;

    /** Abandons the staging after a failure, leaving the connection usable for the rollback. */
    abstract void abort();

    /** The value, or null when the text is not a number that can be stored ({@link StoredNumber}: bounded before it is parsed). */
    static BigDecimal number(String text) {
        try {
            return StoredNumber.parse(text);
        } catch (StoredNumber.Invalid e) {
            return null;
        }
    }

    private static boolean digits(String s) {
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) < '0' || s.charAt(i) > '9') return false;
        return true;
    }

    private static String strip(String s) {
        if (s == null) return null;
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
