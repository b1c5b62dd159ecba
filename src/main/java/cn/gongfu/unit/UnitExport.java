package cn.gongfu.unit;

import cn.gongfu.kernel.TableWorkbook;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;

/** The unit list as filtered, as an Excel workbook (导出), in the reader's language. */
final class UnitExport {

    private UnitExport() {}

    static byte[] workbook(List<Unit> rows, Map<String, String> regionNames, MessageSource messages, Locale locale) {
        List<String> header = List.of("units.title", "units.aliases", "units.kind", "units.region").stream()
                .map(k -> t(messages, k, locale)).toList();
        List<List<Object>> cells = rows.stream().map(u -> Arrays.<Object>asList(u.name(), String.join(t(messages, "units.aliasSeparator", locale), u.aliases()),
                t(messages, "unit.kind." + u.kind(), locale), regionNames.getOrDefault(u.regionCode(), u.regionCode()))).toList();
        return TableWorkbook.xlsx(t(messages, "units.title", locale), header, cells);
    }

    private static String t(MessageSource messages, String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
