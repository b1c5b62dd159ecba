package cn.gongfu.ingest;

import java.text.MessageFormat;
import java.util.Arrays;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The parser's user text (errors, findings, the summary) from the application's bundles, messages.properties and
 * messages_en.properties, read with java.util alone so the parser stays free of Spring. The parser speaks both
 * languages at once, "中文 / English", as its callers (the import pages, the API, the command line) show it.
 */
final class Texts {

    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
    private static final ResourceBundle CHINESE = ResourceBundle.getBundle("messages", Locale.ROOT, NO_FALLBACK);
    private static final ResourceBundle ENGLISH = ResourceBundle.getBundle("messages", Locale.ENGLISH, NO_FALLBACK);

    private Texts() {}

    /** "中文 / English". */
    static String both(String key, Object... args) {
        return zh(key, args) + " / " + en(key, args);
    }

    static String zh(String key, Object... args) {
        return format(CHINESE, key, args);
    }

    static String en(String key, Object... args) {
        return format(ENGLISH, key, args);
    }

    private static String format(ResourceBundle bundle, String key, Object... args) {
        Object[] texts = Arrays.stream(args).map(String::valueOf).toArray();
        return new MessageFormat(bundle.getString(key), Locale.ROOT).format(texts);
    }
}
