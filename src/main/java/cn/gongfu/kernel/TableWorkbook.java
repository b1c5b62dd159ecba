package cn.gongfu.kernel;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A table as an .xlsx file, the one way every list and dashboard exports: a bold header row, numbers as numbers, text
 * made formula-safe ({@link SpreadsheetText#safe}), the header frozen. Several tables make several sheets (the
 * supervision board). Download it with {@link Downloads}.
 */
public final class TableWorkbook {

    /** One sheet: its name (made safe for Excel), the header and the rows, each cell a number, a text or null. */
    public record Table(String name, List<String> header, List<List<Object>> rows) {}

    private TableWorkbook() {}

    public static byte[] xlsx(String sheetName, List<String> header, List<List<Object>> rows) {
        return xlsx(List.of(new Table(sheetName, header, rows)));
    }

    public static byte[] xlsx(List<Table> tables) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle bold = book.createCellStyle();
            Font font = book.createFont();
            font.setBold(true);
            bold.setFont(font);
            Set<String> names = new HashSet<>();
            for (Table table : tables) write(book.createSheet(uniqueName(table.name(), names)), bold, table);
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Sheet sheet, CellStyle bold, Table table) {
        List<String> header = table.header();
        Row head = sheet.createRow(0);
        for (int c = 0; c < header.size(); c++) {
            head.createCell(c).setCellValue(header.get(c));
            head.getCell(c).setCellStyle(bold);
        }
        for (int r = 0; r < table.rows().size(); r++) {
            Row row = sheet.createRow(r + 1);
            List<Object> values = table.rows().get(r);
            for (int c = 0; c < values.size(); c++) {
                Object v = values.get(c);
                if (v instanceof Number n) row.createCell(c).setCellValue(n.doubleValue());
                else if (v != null) row.createCell(c).setCellValue(SpreadsheetText.safe(v.toString()));
            }
        }
        for (int c = 0; c < header.size(); c++) sheet.setColumnWidth(c, Math.min(60, Math.max(10, header.get(c).length() * 3)) * 256);
        sheet.createFreezePane(0, 1);
    }

    /** Excel's rules for a sheet name (at most 31 characters, none of []*?/\:), and no two alike in one book. */
    private static String uniqueName(String wanted, Set<String> taken) {
        String base = WorkbookUtil.createSafeSheetName(wanted == null || wanted.isBlank() ? "Sheet" : wanted);
        String name = base;
        for (int n = 2; !taken.add(name.toLowerCase()); n++) {
            String suffix = " (" + n + ")";
            name = base.substring(0, Math.min(base.length(), 31 - suffix.length())) + suffix;
        }
        return name;
    }
}
