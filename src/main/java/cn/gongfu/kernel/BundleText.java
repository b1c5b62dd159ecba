package cn.gongfu.kernel;

import java.text.MessageFormat;
import java.util.Arrays;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * User text from messages.properties (Chinese) and messages_en.properties (English) for code that has no request
 * and no Spring bean at hand: pure classes (the Excel template, number and text rules) and the bilingual
 * "中文 English" texts of API problems and validation errors, which every client gets in both languages. Pages and
 * exports rendered for a request use Spring's MessageSource instead. Patterns are {@link MessageFormat}s (so a
 * quote is written ''); arguments are inserted as text, never formatted as numbers with grouping.
 */
public final class BundleText {

    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
    private static final ResourceBundle CHINESE = ResourceBundle.getBundle("messages", Locale.ROOT, NO_FALLBACK);
    private static final ResourceBundle ENGLISH = ResourceBundle.getBundle("messages", Locale.ENGLISH, NO_FALLBACK);

    private BundleText() {}

    /** The Chinese text of {@code key}. */
    public static String zh(String key, Object... args) {
        return format(CHINESE, key, args);
    }

    /** The English text of {@code key}. */
    public static String en(String key, Object... args) {
        return format(ENGLISH, key, args);
    }

    /** Chinese, a space, English: the shape of the bilingual problem and validation texts. */
    public static String both(String key, Object... args) {
        return joined(" ", key, args);
    }

    /** Chinese, then {@code separator}, then English: for the few texts that join them otherwise. */
    public static String joined(String separator, String key, Object... args) {
        return zh(key, args) + separator + en(key, args);
    }

    /** English, a space, Chinese: the shape of the problem titles ("Not found 未找到"). */
    public static String englishFirst(String key, Object... args) {
        return en(key, args) + " " + zh(key, args);
    }

    private static String format(ResourceBundle bundle, String key, Object... args) {
        Object[] texts = Arrays.stream(args).map(String::valueOf).toArray();
        return new MessageFormat(bundle.getString(key), Locale.ROOT).format(texts);
    }
}
