package cn.gongfu.supervision;

import cn.gongfu.kernel.TableWorkbook;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;

/** The filtered list of supervised items as an Excel workbook (导出), in the reader's language, through {@link TableWorkbook}. */
final class ItemExport {

    private ItemExport() {}

    static byte[] workbook(List<SupervisedItem> items, MessageSource messages, Locale locale) {
        List<String> header = List.of("item.field.kind", "item.field.number", "item.field.title", "item.field.unit", "item.field.grade",
                "item.field.deadline", "item.field.state", "item.field.daysOverdue", "item.field.source", "item.field.createdAt")
                .stream().map(k -> t(messages, k, locale)).toList();
        List<List<Object>> rows = items.stream().map(i -> List.<Object>of(
                t(messages, "item.kind." + i.kind(), locale),
                i.number() == null ? "" : i.number(),
                i.title(),
                i.unitName() == null ? "" : i.unitName(),
                i.grade() == null ? "" : t(messages, "item.grade." + i.grade(), locale),
                i.deadline().toString(),
                t(messages, "item.state." + i.state(), locale),
                i.daysOverdue(),
                t(messages, "item.source." + i.source(), locale),
                i.createdAt().toLocalDate().toString())).toList();
        return TableWorkbook.xlsx(t(messages, "item.list.title", locale), header, rows);
    }

    private static String t(MessageSource messages, String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
