package cn.gongfu.plan;

import static cn.gongfu.kernel.OfficialStyle.BODY_FONT;
import static cn.gongfu.kernel.OfficialStyle.HEADING_FONT;
import static cn.gongfu.kernel.OfficialStyle.TABLE_PT;
import static cn.gongfu.kernel.OfficialStyle.TITLE_FONT;
import static cn.gongfu.kernel.OfficialStyle.TITLE_PT;
import static cn.gongfu.kernel.OfficialStyle.centred;
import static cn.gongfu.kernel.OfficialStyle.page;
import static cn.gongfu.kernel.OfficialStyle.text;

import cn.gongfu.kernel.SpreadsheetText;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

/**
 * A plan's tasks in the layout of a 任务分解表, as offices hand them round: 序号 | 重点任务 | 牵头单位 | 配合单位 | 完成时限, one
 * row a task in document order, under the plan's title. The same rows as an .xlsx (the title merged over the columns,
 * the header frozen) and as a .docx table in the official fonts. Headers come from the caller in the reader's language.
 */
final class TaskBreakdown {

    /** One row: what each column shows. */
    record Line(String code, String title, String leadUnits, String coUnits, String deadlines) {}

    private TaskBreakdown() {}

    static List<Line> lines(List<TaskSummary> tasks, Map<Long, List<String>> deadlines) {
        Function<List<UnitRef>, String> names = units -> String.join(TaskInput.LIST_SEPARATOR, units.stream().map(UnitRef::name).toList());
        return tasks.stream().map(t -> new Line(t.list().equals("main") ? t.code() : t.list() + "·" + t.code(), t.title(),
                names.apply(t.leadUnits()), names.apply(t.coUnits()),
                String.join("\n", deadlines.getOrDefault(t.id(), List.of())))).toList();
    }

    static byte[] workbook(String title, List<String> headers, List<Line> lines) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet(WorkbookUtil.createSafeSheetName(headers.get(1)));
            CellStyle wrap = book.createCellStyle();
            wrap.setWrapText(true);
            sheet.createRow(0).createCell(0).setCellValue(SpreadsheetText.safe(title));
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, headers.size() - 1));
            Row head = sheet.createRow(1);
            for (int c = 0; c < headers.size(); c++) head.createCell(c).setCellValue(headers.get(c));
            int r = 2;
            for (Line l : lines) {
                Row row = sheet.createRow(r++);
                List<String> cells = List.of(l.code(), l.title(), l.leadUnits(), l.coUnits(), l.deadlines());
                for (int c = 0; c < cells.size(); c++) {
                    var cell = row.createCell(c);
                    cell.setCellValue(SpreadsheetText.safe(cells.get(c)));
                    cell.setCellStyle(wrap);
                }
            }
            int[] widths = {8, 60, 24, 30, 30};
            for (int c = 0; c < widths.length; c++) sheet.setColumnWidth(c, widths[c] * 256);
            sheet.createFreezePane(0, 2);
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] document(String title, List<String> headers, List<Line> lines) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            page(doc);
            text(centred(doc), title, TITLE_FONT, TITLE_PT, false, null);
            XWPFTable table = doc.createTable(lines.size() + 1, headers.size());
            table.setWidth("100%");
            fill(table.getRow(0), headers, HEADING_FONT);
            for (int r = 0; r < lines.size(); r++) {
                Line l = lines.get(r);
                fill(table.getRow(r + 1), List.of(l.code(), l.title(), l.leadUnits(), l.coUnits(), l.deadlines()), BODY_FONT);
            }
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void fill(XWPFTableRow row, List<String> cells, String font) {
        for (int c = 0; c < cells.size(); c++) {
            var cell = row.getCell(c);
            var p = cell.getParagraphs().get(0);
            String[] parts = cells.get(c).split("\n", -1);
            for (int k = 0; k < parts.length; k++) {
                var run = text(p, parts[k], font, TABLE_PT, false, null);
                if (k + 1 < parts.length) run.addBreak();
            }
        }
    }
}
