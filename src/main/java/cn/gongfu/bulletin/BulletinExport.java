package cn.gongfu.bulletin;

import cn.gongfu.kernel.TableWorkbook;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;

/** The bulletin archive as filtered, as an Excel workbook (导出), in the reader's language. */
final class BulletinExport {

    private BulletinExport() {}

    static byte[] workbook(List<Bulletin.Row> rows, MessageSource messages, Locale locale) {
        List<String> header = List.of("bulletin.col.title", "bulletin.field.plan", "bulletin.field.number", "bulletin.field.kind",
                "bulletin.field.period", "bulletin.field.state", "bulletin.field.generatedAt").stream().map(k -> t(messages, k, locale)).toList();
        List<List<Object>> cells = rows.stream().map(r -> Arrays.<Object>asList(r.title(), r.planTitle(), r.number(),
                t(messages, "bulletin.kind." + r.kind(), locale), r.period(), t(messages, "bulletin.state." + r.state(), locale),
                r.generatedAt() == null ? null : r.generatedAt().withNano(0).toString().replace('T', ' '))).toList();
        return TableWorkbook.xlsx(t(messages, "bulletin.archive.title", locale), header, cells);
    }

    private static String t(MessageSource messages, String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
