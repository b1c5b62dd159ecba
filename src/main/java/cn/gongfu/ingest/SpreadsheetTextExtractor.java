package cn.gongfu.ingest;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * Task and indicator lists kept as .xlsx or .xls, read with POI (XSSF, HSSF): every sheet in order, its name as a
 * heading line (unless it is a default "Sheet1"), each row one tab-separated line ({@link TableLines}), numbers as
 * Excel displays them ({@link DataFormatter}: 0.95 formatted as a percentage is "95%", a formula its last result).
 *
 * <p>Merged regions: the top-left value is repeated into every row the region covers (a 领域 or 牵头单位 cell
 * merged over a group of rows belongs to each of them, and a repeated value means the same whether or not a table
 * reader carries values down), but only into the region's first column: the columns it spans to the right stay
 * empty, so a title or a header merged across the table is written once and the row keeps its column count.
 */
final class SpreadsheetTextExtractor {

    private static final Pattern DEFAULT_SHEET_NAME = Pattern.compile("(?i)(sheet|工作表)\\s*\\d+");
    /** Columns read per row: a task table has about ten; XLS allows 256, so anything wider is noise. */
    private static final int MAX_COLUMNS = 256;

    private SpreadsheetTextExtractor() {
    }

    static String extract(byte[] bytes, String fileName, boolean xlsx, ParserLimits limits) {
        if (xlsx) {
            // XSSF holds a sheet's XML whole in memory: a tighter bound than a .docx needs
            ZipBombGuard.check(bytes, fileName, limits.withMaxExpandedBytes(
                    Math.min(limits.maxExpandedBytes(), ParserLimits.SPREADSHEET_MAX_EXPANDED)));
            ZipSecureFile.setMinInflateRatio(1.0 / limits.maxInflateRatio());
            ZipSecureFile.setMaxEntrySize(limits.maxExpandedBytes());
        }
        StringBuilder out = new StringBuilder();
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(bytes))) {
            DataFormatter formatter = new DataFormatter(Locale.CHINA);
            formatter.setUseCachedValuesForFormulaCells(true); // the value Excel showed; never evaluate a formula here
            int cells = 0;
            for (int s = 0; s < workbook.getNumberOfSheets(); s++) {
                Sheet sheet = workbook.getSheetAt(s);
                if (workbook.isSheetHidden(s) || workbook.isSheetVeryHidden(s)) continue;
                List<List<String>> rows = new ArrayList<>();
                cells = readSheet(sheet, formatter, rows, cells, fileName, limits);
                if (rows.isEmpty()) continue;
                String name = sheet.getSheetName().strip();
                TableLines.append(rows, DEFAULT_SHEET_NAME.matcher(name).matches() ? null : name, out);
            }
        } catch (DocumentException e) {
            throw e;
        } catch (Exception | LinkageError e) {
            String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
            throw new DocumentException(Texts.both("ingest.error.corruptSheet", fileName, msg), e);
        }
        return out.toString();
    }

    private static int readSheet(Sheet sheet, DataFormatter formatter, List<List<String>> rows, int cells,
            String fileName, ParserLimits limits) {
        Map<Long, CellRangeAddress> covered = new HashMap<>();
        TreeMap<Integer, Integer> coveredRows = new TreeMap<>(); // row → the last first-column of a region over it
        List<CellRangeAddress> regions = sheet.getMergedRegions();
        for (CellRangeAddress region : regions) {
            for (int r = region.getFirstRow(); r <= region.getLastRow(); r++) {
                coveredRows.merge(r, region.getFirstColumn(), Math::max);
                for (int c = region.getFirstColumn(); c <= Math.min(region.getLastColumn(), MAX_COLUMNS - 1); c++) {
                    covered.put(key(r, c), region);
                    if (covered.size() > limits.maxCells()) {
                        throw new DocumentException(Texts.both("ingest.error.tooManyCells", limits.maxCells(), sheet.getSheetName(), fileName));
                    }
                }
            }
        }
        int previous = -1;
        for (Row row : sheet) {
            int r = row.getRowNum();
            // rows inside a vertical merge that the file does not store at all still belong to the table
            for (int gap : coveredRows.subMap(previous + 1, r).keySet()) {
                List<String> filler = mergedOnly(sheet, gap, covered, coveredRows, formatter);
                if (!filler.isEmpty()) rows.add(filler);
            }
            previous = r;
            int width = Math.min(Math.max(row.getLastCellNum(), coveredRows.getOrDefault(r, -1) + 1), MAX_COLUMNS);
            List<String> values = new ArrayList<>(width);
            for (int c = 0; c < width; c++) {
                values.add(value(sheet, r, c, row.getCell(c), covered, formatter));
                if (!values.get(c).isEmpty() && ++cells > limits.maxCells()) {
                    throw new DocumentException(Texts.both("ingest.error.tooManyCells", limits.maxCells(), sheet.getSheetName(), fileName));
                }
            }
            rows.add(values);
        }
        for (int gap : coveredRows.tailMap(previous + 1).keySet()) {
            List<String> filler = mergedOnly(sheet, gap, covered, coveredRows, formatter);
            if (!filler.isEmpty()) rows.add(filler);
        }
        return cells;
    }

    private static List<String> mergedOnly(Sheet sheet, int r, Map<Long, CellRangeAddress> covered,
            Map<Integer, Integer> coveredRows, DataFormatter formatter) {
        int width = coveredRows.getOrDefault(r, -1) + 1;
        List<String> values = new ArrayList<>();
        for (int c = 0; c < width; c++) values.add(value(sheet, r, c, null, covered, formatter));
        return values.stream().allMatch(String::isEmpty) ? List.of() : values;
    }

    private static String value(Sheet sheet, int r, int c, Cell cell, Map<Long, CellRangeAddress> covered, DataFormatter formatter) {
        CellRangeAddress region = covered.get(key(r, c));
        if (region != null) {
            if (c != region.getFirstColumn()) return "";
            Row top = sheet.getRow(region.getFirstRow());
            cell = top == null ? null : top.getCell(region.getFirstColumn());
        }
        return cell == null ? "" : TableLines.oneLine(formatter.formatCellValue(cell));
    }

    private static long key(int r, int c) {
        return (long) r << 16 | c;
    }
}
