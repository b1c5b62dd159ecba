package cn.gongfu.reporting;

import cn.gongfu.kernel.TableWorkbook;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;

/** The report list as filtered, as an Excel workbook (导出), in the reader's language. */
final class ObligationExport {

    private ObligationExport() {}

    static byte[] workbook(List<Obligation> rows, MessageSource messages, Locale locale) {
        List<String> header = List.of("reports.period", "reports.unit", "task.plan", "reports.due", "reports.state", "reports.overdue")
                .stream().map(k -> t(messages, k, locale)).toList();
        List<List<Object>> cells = rows.stream().map(o -> List.<Object>of(o.period(), o.unitName(), o.planTitle(), o.dueOn().toString(),
                t(messages, "reports.state." + o.shownState(), locale), o.overdue() ? t(messages, "reports.overdue", locale) : "")).toList();
        return TableWorkbook.xlsx(t(messages, "reports.title", locale), header, cells);
    }

    private static String t(MessageSource messages, String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
