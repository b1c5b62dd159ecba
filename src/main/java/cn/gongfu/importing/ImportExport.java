package cn.gongfu.importing;

import cn.gongfu.kernel.TableWorkbook;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;

/** The import history as filtered, as an Excel workbook (导出), in the reader's language. */
final class ImportExport {

    private ImportExport() {}

    static byte[] workbook(List<ImportJob> rows, Map<String, String> regionNames, MessageSource messages, Locale locale) {
        List<String> header = List.of("imports.file", "imports.col.title", "imports.kind", "imports.region", "imports.uploadedAt", "imports.state")
                .stream().map(k -> t(messages, k, locale)).toList();
        List<List<Object>> cells = rows.stream().map(j -> Arrays.<Object>asList(j.fileName(), j.title(),
                t(messages, "plan.kind." + j.kind(), locale), regionNames.getOrDefault(j.regionCode(), j.regionCode()),
                j.createdAt() == null ? null : j.createdAt().withNano(0).toString().replace('T', ' '),
                t(messages, "imports.state." + j.state(), locale))).toList();
        return TableWorkbook.xlsx(t(messages, "imports.history", locale), header, cells);
    }

    private static String t(MessageSource messages, String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
