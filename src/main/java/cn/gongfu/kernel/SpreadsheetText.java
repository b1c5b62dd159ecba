package cn.gongfu.kernel;

/**
 * Text bound for a spreadsheet cell or CSV field. A value that begins with =, +, -, @, a tab or a carriage
 * return would be run as a formula when the office opens the file (CSV/formula injection, OWASP); it is
 * written with a leading apostrophe instead, which Excel and WPS show as plain text. Every export that
 * writes user-supplied text goes through {@link #safe}.
 */
public final class SpreadsheetText {

    private SpreadsheetText() {}

    public static String safe(String value) {
        if (value == null || value.isEmpty()) return value;
        char first = value.charAt(0);
        return switch (first) {
            case '=', '+', '-', '@', '\t', '\r', '＝', '＋', '－', '＠' -> "'" + value;
            default -> value;
        };
    }
}
