package cn.gongfu.notify;

import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * A notice as stored: a message key of messages*.properties and its arguments (a JSON array of strings in
 * {@code notification.message_args}), rendered when it is read, in the reader's language. Notices from before
 * V8 were stored as finished sentences ({@code legacy_text}) and are shown as they are.
 */
public final class NoticeText {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** What the notices page shows at most; the notice's link leads to the whole story (a long return reason, say). */
    static final int MAX_LENGTH = 500;

    private NoticeText() {}

    /** The notice in {@code locale}: its key with its arguments, or the legacy text when it has no key. */
    public static String render(MessageSource messages, String key, String argsJson, String legacyText, Locale locale) {
        if (key == null) return legacyText == null ? "" : fit(legacyText);
        Object[] args = argsJson == null ? new Object[0] : JSON.readValue(argsJson, String[].class);
        return fit(messages.getMessage(key, args, key, locale));
    }

    static String json(List<String> args) {
        return JSON.writeValueAsString(args);
    }

    /**
     * A long notice, such as one quoting a return reason of up to 2,000 characters, is cut to {@link #MAX_LENGTH}
     * characters ending in "…" rather than making the page unreadable.
     */
    static String fit(String text) {
        if (text.codePointCount(0, text.length()) <= MAX_LENGTH) return text;
        return text.substring(0, text.offsetByCodePoints(0, MAX_LENGTH - 1)) + "…";
    }
}
