package cn.gongfu.ingest;

import java.util.List;

/**
 * Writes a grid of cells (a spreadsheet's sheet, a web page's table) in the text shape the table readers read,
 * the shape {@link DocxTextExtractor} writes for a Word table: each row one line of tab-separated cells with a
 * leading tab, the table between blank lines. Rows with at most one cell above the table's first row of several
 * cells are its caption (a sheet's title typed into A1, "附件1 …指标表") and are written as paragraphs, so that the
 * title is read as a title and not as a one-cell table row.
 */
final class TableLines {

    private TableLines() {
    }

    static void append(List<List<String>> rows, StringBuilder out) {
        append(rows, null, out);
    }

    /**
     * heading (a sheet's name) is written after the caption and before the table: first, it would be read as
     * part of a title typed in the caption ("重点任务" + "云岭县…清单").
     */
    static void append(List<List<String>> rows, String heading, StringBuilder out) {
        boolean inTable = false;
        for (List<String> row : rows) {
            int last = row.size() - 1;
            while (last >= 0 && row.get(last).isEmpty()) last--;
            if (last < 0) continue; // an empty row ends nothing: the readers bridge single blank lines anyway
            long filled = row.stream().filter(c -> !c.isEmpty()).count();
            if (!inTable && filled <= 1) {
                out.append(row.stream().filter(c -> !c.isEmpty()).findFirst().orElse("")).append('\n');
                continue;
            }
            if (!inTable) {
                out.append('\n');
                if (heading != null) out.append(heading).append("\n\n");
                inTable = true;
            }
            for (int c = 0; c <= last; c++) {
                out.append('\t').append(row.get(c));
            }
            out.append('\n');
        }
        if (!inTable && heading != null) out.append(heading).append('\n');
        out.append('\n');
    }

    /**
     * A cell's text on one line: tabs would split the cell, and a line break inside a cell (a header "完成\n时限"
     * typed over two lines) joins without a space between Chinese characters and with one elsewhere.
     */
    static String oneLine(String text) {
        String t = text.replace('\t', ' ').replace('\u00A0', ' ').strip();
        if (t.indexOf('\n') < 0 && t.indexOf('\r') < 0) return t;
        StringBuilder sb = new StringBuilder();
        String[] parts = t.split("\\s*[\\r\\n]+\\s*");
        for (String part : parts) {
            if (part.isEmpty()) continue;
            if (sb.length() > 0 && !(isCjk(sb.charAt(sb.length() - 1)) && isCjk(part.charAt(0)))) sb.append(' ');
            sb.append(part);
        }
        return sb.toString();
    }

    private static boolean isCjk(char c) {
        return c >= '\u3000' && c <= '\u9FFF' || c >= '\uFF00' && c <= '\uFFEF';
    }
}
