package cn.gongfu.notify;

import cn.gongfu.kernel.TableWorkbook;
import cn.gongfu.notify.Outbox.Delivery;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;

/**
 * The delivery log as an Excel workbook (导出), in the reader's language, through {@link TableWorkbook} (user text is
 * written as text, never as a formula).
 */
final class DeliveryExport {

    private DeliveryExport() {}

    static byte[] workbook(List<Delivery> rows, MessageSource messages, Locale locale) {
        List<String> header = List.of("ID", t(messages, "notify.deliveries.channel", locale), t(messages, "notify.deliveries.destination", locale),
                t(messages, "notify.deliveries.subject", locale), t(messages, "notify.deliveries.state", locale),
                t(messages, "notify.deliveries.attempts", locale), t(messages, "notify.deliveries.error", locale),
                t(messages, "notify.deliveries.created", locale), t(messages, "notify.deliveries.sent", locale));
        List<List<Object>> cells = rows.stream().map(d -> Arrays.<Object>asList(
                d.id(),
                t(messages, "notify.channel." + d.channel(), locale),
                d.destination(),
                d.subject(),
                t(messages, "notify.state." + d.state(), locale),
                d.attempts(),
                d.lastError() == null ? "" : d.lastError(),
                String.valueOf(d.createdAt()).replace('T', ' '),
                d.sentAt() == null ? "" : String.valueOf(d.sentAt()).replace('T', ' '))).toList();
        return TableWorkbook.xlsx(t(messages, "notify.deliveries.title", locale), header, cells);
    }

    private static String t(MessageSource messages, String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
