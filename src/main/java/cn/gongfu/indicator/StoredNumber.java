package cn.gongfu.indicator;

import static cn.gongfu.kernel.BundleText.both;

import java.math.BigDecimal;

/**
 * The one bound of every indicator number Gongfu stores: {@code observation.value} and {@code target.value},
 * {@code min_value}, {@code max_value} are {@code numeric(24, 6)}, so a number has at most 18 digits before the
 * decimal point and 6 after. It is stored exactly or refused, never rounded.
 *
 * <p>Every number that enters (a JSON value, a form field, a spreadsheet cell, a feed row, a target read from a
 * document) is checked here before anything computes with it. The checks read only the number's precision and
 * scale, which costs nothing whatever its exponent: the 20-byte {@code 1e10000000} is refused at once, whereas
 * {@code setScale}, {@code subtract}, {@code toPlainString} or a database cast would first expand it into ten
 * million digits and stall a core. Text is bounded by its length before it is parsed at all.
 */
public final class StoredNumber {

    /** Digits before the decimal point: numeric(24, 6) keeps 24 − 6. */
    public static final int INTEGER_DIGITS = 18;
    /** Digits after the decimal point. */
    public static final int DECIMALS = 6;
    /** Longest text read as a number (18 + 6 digits, sign, point, an exponent or trailing zeros to spare). */
    public static final int MAX_TEXT = 40;
    /** How much of a refused text a message repeats. */
    private static final int ECHO = 24;

    private StoredNumber() {}

    /** A number that cannot be stored exactly; the message (Chinese and English) says why and names the limit. */
    public static final class Invalid extends IllegalArgumentException {
        Invalid(String message) {
            super(message);
        }
    }

    /** Why the number cannot be stored exactly, or null when it can. Reads only precision and scale. */
    public static String problem(BigDecimal n) {
        if (n == null || n.signum() == 0) return null;
        if ((long) n.precision() - n.scale() > INTEGER_DIGITS) return tooManyDigits();
        // only a number whose digits are bounded gets here (at most 18 before the point, and JSON or text
        // limits the rest), so taking trailing zeros off is cheap: 1.500000000 is stored exactly as 1.5
        if (n.scale() > DECIMALS && n.stripTrailingZeros().scale() > DECIMALS) return tooManyDecimals();
        return null;
    }

    /**
     * The number a text means, when it is one that can be stored: ASCII digits with an optional sign, point and
     * exponent ({@code 12}, {@code -0.5}, {@code 1.2e3}); NaN, Infinity and everything else are refused.
     */
    public static BigDecimal parse(String text) {
        String t = text.strip();
        if (t.length() > MAX_TEXT) {
            throw new Invalid(both("number.error.tooLong", MAX_TEXT));
        }
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (!(c >= '0' && c <= '9' || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E')) throw notANumber(t);
        }
        BigDecimal n;
        try {
            n = new BigDecimal(t);
        } catch (NumberFormatException e) {
            throw notANumber(t);
        }
        String problem = problem(n);
        if (problem != null) throw new Invalid(problem);
        return n;
    }

    /** Why a text is not a number that can be stored, or null when it is one. */
    public static String problem(String text) {
        try {
            parse(text);
            return null;
        } catch (Invalid e) {
            return e.getMessage();
        }
    }

    /** At most a few dozen characters of what was sent, for a message. */
    public static String echo(String text) {
        return text.length() <= ECHO ? text : text.substring(0, ECHO) + "…";
    }

    private static Invalid notANumber(String text) {
        return new Invalid(both("number.error.notANumber", echo(text)));
    }

    private static String tooManyDigits() {
        return both("number.error.tooManyDigits", INTEGER_DIGITS);
    }

    private static String tooManyDecimals() {
        return both("number.error.tooManyDecimals", DECIMALS);
    }
}
