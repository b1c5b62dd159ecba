package cn.gongfu.supervision;

import cn.gongfu.supervision.SupervisionBoard.Board;
import cn.gongfu.supervision.SupervisionBoard.BoardWarning;
import cn.gongfu.supervision.SupervisionBoard.OverdueMilestone;
import cn.gongfu.supervision.SupervisionBoard.OverdueReport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;

/** The board as an Excel workbook (导出): one sheet each for the warnings, the overdue reports and the overdue milestones. */
final class BoardExport {

    private BoardExport() {}

    static byte[] workbook(Board board, MessageSource messages, Locale locale) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            List<List<String>> warnings = new ArrayList<>();
            for (List<BoardWarning> grade : board.warnings().values()) {
                for (BoardWarning w : grade) {
                    warnings.add(List.of(t(messages, w.light().labelKey(), locale), t(messages, w.light().reasonKey(), locale),
                            t(messages, "supervision.kind." + w.kind(), locale), w.itemName(), w.unitName() == null ? "" : w.unitName(),
                            String.valueOf(w.raisedOn())));
                }
            }
            sheet(book, t(messages, "supervision.warnings", locale), List.of(t(messages, "supervision.light", locale),
                    t(messages, "light.label", locale), t(messages, "supervision.kind.indicator", locale) + "/" + t(messages, "supervision.kind.milestone", locale),
                    t(messages, "supervision.item", locale), t(messages, "supervision.unit", locale), t(messages, "supervision.raisedOn", locale)), warnings);
            List<List<String>> reports = new ArrayList<>();
            for (OverdueReport r : board.overdueReports()) {
                reports.add(List.of(r.light() == null ? "" : t(messages, r.light().labelKey(), locale), r.planTitle(), r.unitName(), r.period(),
                        String.valueOf(r.dueOn()), String.valueOf(r.daysLate()), t(messages, "supervision.level." + r.level(), locale)));
            }
            sheet(book, t(messages, "supervision.overdue", locale), List.of(t(messages, "supervision.light", locale),
                    t(messages, "supervision.plan", locale), t(messages, "supervision.unit", locale), t(messages, "supervision.period", locale),
                    t(messages, "supervision.due", locale), t(messages, "supervision.daysLate", locale), t(messages, "supervision.level", locale)), reports);
            List<List<String>> milestones = new ArrayList<>();
            for (OverdueMilestone m : board.overdueMilestones()) {
                milestones.add(List.of(m.light() == null ? "" : t(messages, m.light().labelKey(), locale), m.planTitle(),
                        m.taskCode() == null ? "" : m.taskCode(), m.text(), String.join(" ", m.units()), m.month(), String.valueOf(m.monthsLate())));
            }
            sheet(book, t(messages, "supervision.milestones", locale), List.of(t(messages, "supervision.light", locale),
                    t(messages, "supervision.plan", locale), t(messages, "supervision.task", locale), t(messages, "supervision.milestone", locale),
                    t(messages, "supervision.unit", locale), t(messages, "supervision.month", locale), t(messages, "supervision.monthsLate", locale)), milestones);
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String t(MessageSource messages, String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

    private static void sheet(XSSFWorkbook book, String name, List<String> header, List<List<String>> rows) {
        Sheet sheet = book.createSheet(org.apache.poi.ss.util.WorkbookUtil.createSafeSheetName(name));
        Row head = sheet.createRow(0);
        for (int c = 0; c < header.size(); c++) head.createCell(c).setCellValue(header.get(c));
        for (int r = 0; r < rows.size(); r++) {
            Row row = sheet.createRow(r + 1);
            for (int c = 0; c < rows.get(r).size(); c++) row.createCell(c).setCellValue(rows.get(r).get(c));
        }
        sheet.createFreezePane(0, 1);
    }
}
