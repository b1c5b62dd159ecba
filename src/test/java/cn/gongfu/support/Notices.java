package cn.gongfu.support;

import cn.gongfu.notify.NoticeText;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Notices as their readers see them. Notices are written by event listeners after the step's transaction commits,
 * asynchronously, so a test first waits until every event published so far was delivered (the registry deletes a
 * publication once its listener succeeded), then renders the stored key and arguments as the notices page does.
 */
public final class Notices {

    private Notices() {}

    /** Waits until no event publication is outstanding; fails if one is still there after ten seconds (a listener failed). */
    public static void awaitDelivered(JdbcClient jdbc) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            List<String> outstanding = jdbc.sql("select event_type || ' ' || coalesce(status, '') from event_publication")
                    .query(String.class).list();
            if (outstanding.isEmpty()) return;
            if (System.nanoTime() > deadline) throw new AssertionError("events not delivered within 10 s: " + outstanding);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /**
     * The text of the notices {@code where} selects ({@code n} is the notice, {@code u} its recipient), oldest first,
     * in {@code locale}, once every event is delivered.
     */
    public static List<String> texts(JdbcClient jdbc, MessageSource messages, Locale locale, String where, Map<String, ?> params) {
        awaitDelivered(jdbc);
        return jdbc.sql("select n.message_key, n.message_args, n.legacy_text from notification n join app_user u on u.id = n.user_id"
                        + " where " + where + " order by n.id").params(params)
                .query((rs, i) -> NoticeText.render(messages, rs.getString(1), rs.getString(2), rs.getString(3), locale)).list();
    }

    /** The same, in Chinese, the application's default language. */
    public static List<String> texts(JdbcClient jdbc, MessageSource messages, String where, Map<String, ?> params) {
        return texts(jdbc, messages, Locale.SIMPLIFIED_CHINESE, where, params);
    }
}
