package cn.gongfu.indicator;

import cn.gongfu.kernel.TableWorkbook;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;

/** The indicator list as filtered, as an Excel workbook (导出), in the reader's language. */
final class IndicatorExport {

    private IndicatorExport() {}

    static byte[] workbook(List<Indicator> rows, MessageSource messages, Locale locale) {
        List<String> header = List.of("indicators.code", "indicators.domain", "indicators.title", "indicators.unit", "indicators.polarity",
                "indicators.responsible").stream().map(k -> t(messages, k, locale)).toList();
        List<List<Object>> cells = rows.stream().map(i -> Arrays.<Object>asList(i.code(), i.domain(), i.name(), i.unit(),
                i.polarity() == null ? null : t(messages, "polarity." + i.polarity(), locale), i.responsibleUnitName())).toList();
        return TableWorkbook.xlsx(t(messages, "indicators.title", locale), header, cells);
    }

    private static String t(MessageSource messages, String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
