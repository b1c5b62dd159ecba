package cn.gongfu.kernel;

/**
 * Text every database we run on can store. PostgreSQL refuses the NUL character in text columns and
 * parameters (the statement fails, so the request used to end in a 500), and no database can store half a
 * UTF-16 surrogate pair. Requests are checked here at the edge — request parameters in
 * {@code web.StorableTextFilter}, JSON strings in {@code web.StorableTextJson} — so nothing below ever sees such text.
 */
public final class StorableText {

    private StorableText() {}

    /** What is wrong with the text, as a bilingual message, or null when it can be stored. */
    public static String problem(String text) {
        if (text == null) return null;
        for (int k = 0; k < text.length(); k++) {
            char c = text.charAt(k);
            if (c == '\u0000') return BundleText.joined("", "rules.nul", k + 1);
            if (Character.isHighSurrogate(c) && (k + 1 == text.length() || !Character.isLowSurrogate(text.charAt(k + 1)))
                    || Character.isLowSurrogate(c) && (k == 0 || !Character.isHighSurrogate(text.charAt(k - 1)))) {
                return BundleText.joined("", "rules.loneSurrogate", k + 1);
            }
        }
        return null;
    }
}
