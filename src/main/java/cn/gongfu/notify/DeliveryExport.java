package cn.gongfu.notify;

import cn.gongfu.kernel.SpreadsheetText;
import cn.gongfu.notify.Outbox.Delivery;
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

/** The delivery log as an Excel workbook (导出), in the reader's language; user text is written as text, never as a formula. */
final class DeliveryExport {

    /** The most rows one export holds: the log's filters narrow it down further. */
    static final int MAX_ROWS = 10_000;

    private DeliveryExport() {}

    static byte[] workbook(List<Delivery> rows, MessageSource messages, Locale locale) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet(WorkbookUtil.createSafeSheetName(t(messages, "notify.deliveries.title", locale)));
            List<String> header = List.of("ID", t(messages, "notify.deliveries.channel", locale), t(messages, "notify.deliveries.destination", locale),
                    t(messages, "notify.deliveries.subject", locale), t(messages, "notify.deliveries.state", locale),
                    t(messages, "notify.deliveries.attempts", locale), t(messages, "notify.deliveries.error", locale),
                    t(messages, "notify.deliveries.created", locale), t(messages, "notify.deliveries.sent", locale));
            Row head = sheet.createRow(0);
            for (int c = 0; c < header.size(); c++) head.createCell(c).setCellValue(header.get(c));
            int r = 1;
            for (Delivery d : rows) {
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(d.id());
                row.createCell(1).setCellValue(t(messages, "notify.channel." + d.channel(), locale));
                row.createCell(2).setCellValue(SpreadsheetText.safe(d.destination()));
                row.createCell(3).setCellValue(SpreadsheetText.safe(d.subject()));
                row.createCell(4).setCellValue(t(messages, "notify.state." + d.state(), locale));
                row.createCell(5).setCellValue(d.attempts());
                row.createCell(6).setCellValue(SpreadsheetText.safe(d.lastError() == null ? "" : d.lastError()));
                row.createCell(7).setCellValue(String.valueOf(d.createdAt()).replace('T', ' '));
                row.createCell(8).setCellValue(d.sentAt() == null ? "" : String.valueOf(d.sentAt()).replace('T', ' '));
            }
            sheet.createFreezePane(0, 1);
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
