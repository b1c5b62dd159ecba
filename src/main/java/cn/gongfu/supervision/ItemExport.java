package cn.gongfu.supervision;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;

/** The filtered list of supervised items as an Excel workbook (导出), in the reader's language. */
final class ItemExport {

    private ItemExport() {}

    static byte[] workbook(List<SupervisedItem> items, MessageSource messages, Locale locale) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet(org.apache.poi.ss.util.WorkbookUtil.createSafeSheetName(t(messages, "item.list.title", locale)));
            List<String> header = List.of("item.field.kind", "item.field.number", "item.field.title", "item.field.unit", "item.field.grade",
                    "item.field.deadline", "item.field.state", "item.field.daysOverdue", "item.field.source", "item.field.createdAt");
            Row head = sheet.createRow(0);
            for (int c = 0; c < header.size(); c++) head.createCell(c).setCellValue(t(messages, header.get(c), locale));
            int r = 1;
            for (SupervisedItem i : items) {
                Row row = sheet.createRow(r++);
                int c = 0;
                row.createCell(c++).setCellValue(t(messages, "item.kind." + i.kind(), locale));
                row.createCell(c++).setCellValue(i.number() == null ? "" : i.number());
                row.createCell(c++).setCellValue(cn.gongfu.kernel.SpreadsheetText.safe(i.title()));
                row.createCell(c++).setCellValue(i.unitName());
                row.createCell(c++).setCellValue(i.grade() == null ? "" : t(messages, "item.grade." + i.grade(), locale));
                row.createCell(c++).setCellValue(i.deadline().toString());
                row.createCell(c++).setCellValue(t(messages, "item.state." + i.state(), locale));
                row.createCell(c++).setCellValue(i.daysOverdue());
                row.createCell(c++).setCellValue(t(messages, "item.source." + i.source(), locale));
                row.createCell(c).setCellValue(i.createdAt().toLocalDate().toString());
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
