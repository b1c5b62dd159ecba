package cn.gongfu.ingest;

import java.io.ByteArrayInputStream;
import java.util.List;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

/**
 * Reads a .docx with POI so that a Word table row stays one row: each row becomes one line of
 * tab-separated cells with a leading tab (the same shape the parser reads from tab-indented .txt tables).
 * Automatic list numbers are written in front of their paragraphs ({@link WordListNumbering}).
 */
final class DocxTextExtractor {

    private DocxTextExtractor() {
    }

    static String extract(byte[] bytes, String fileName, ParserLimits limits) {
        ZipBombGuard.check(bytes, fileName, limits);
        // POI's own guards, in case a part slips past the pre-scan (they are global settings in POI).
        ZipSecureFile.setMinInflateRatio(1.0 / limits.maxInflateRatio());
        ZipSecureFile.setMaxEntrySize(limits.maxExpandedBytes());
        StringBuilder out = new StringBuilder();
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(bytes))) {
            WordListNumbering numbering = new WordListNumbering();
            for (IBodyElement element : doc.getBodyElements()) {
                if (element instanceof XWPFParagraph p) {
                    out.append(numbering.label(p)).append(p.getText()).append('\n');
                } else if (element instanceof XWPFTable table) {
                    appendTable(table, out);
                }
            }
        } catch (DocumentException e) {
            throw e;
        } catch (Exception | LinkageError e) {
            throw new DocumentException(Texts.both("ingest.error.corruptDocx", fileName) + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + firstLine(e.getMessage())), e);
        }
        return out.toString();
    }

    private static void appendTable(XWPFTable table, StringBuilder out) {
        out.append('\n');
        for (XWPFTableRow row : table.getRows()) {
            List<XWPFTableCell> cells = row.getTableCells();
            for (XWPFTableCell cell : cells) {
                out.append('\t').append(cellText(cell));
                // A cell merged across columns (gridSpan) leaves the columns it covers empty, as spreadsheets and
                // web tables are written: a header over two rows (目标值 over 2022年 | 2025年) keeps its cells in place.
                for (int k = 1; k < Math.min(gridSpan(cell), 64); k++) {
                    out.append('\t');
                }
            }
            out.append('\n');
        }
        out.append('\n');
    }

    private static int gridSpan(XWPFTableCell cell) {
        var pr = cell.getCTTc().getTcPr();
        return pr != null && pr.isSetGridSpan() && pr.getGridSpan().getVal() != null ? pr.getGridSpan().getVal().intValue() : 1;
    }

    private static String cellText(XWPFTableCell cell) {
        StringBuilder sb = new StringBuilder();
        for (XWPFParagraph p : cell.getParagraphs()) {
            String t = p.getText().replace('\t', ' ').trim();
            if (t.isEmpty()) {
                continue;
            }
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(t);
        }
        return sb.toString();
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
