package cn.gongfu.reporting;

import cn.gongfu.kernel.SpreadsheetText;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;

/** The report list as filtered, as an Excel workbook (导出), in the reader's language. */
final class ObligationExport {

    private ObligationExport() {}

    static byte[] workbook(List<Obligation> rows, MessageSource messages, Locale locale) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet(WorkbookUtil.createSafeSheetName(t(messages, "reports.title", locale)));
            List<String> header = List.of("reports.period", "reports.unit", "task.plan", "reports.due", "reports.state", "reports.overdue");
            Row head = sheet.createRow(0);
            for (int c = 0; c < header.size(); c++) head.createCell(c).setCellValue(t(messages, header.get(c), locale));
            int r = 1;
            for (Obligation o : rows) {
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(o.period());
                row.createCell(1).setCellValue(SpreadsheetText.safe(o.unitName()));
                row.createCell(2).setCellValue(SpreadsheetText.safe(o.planTitle()));
                row.createCell(3).setCellValue(o.dueOn().toString());
                row.createCell(4).setCellValue(t(messages, "reports.state." + o.state(), locale));
                row.createCell(5).setCellValue(o.overdue() ? t(messages, "reports.overdue", locale) : "");
            }
            sheet.createFreezePane(0, 1);
            int[] widths = {10, 26, 50, 12, 10, 10};
            for (int c = 0; c < widths.length; c++) sheet.setColumnWidth(c, widths[c] * 256);
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String t(MessageSource messages, String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
