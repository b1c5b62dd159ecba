package cn.gongfu.ingest;

import java.util.ArrayList;
import java.util.List;

/**
 * Groups tab-marked lines into table rows. Two shapes occur: one row per line with tab-separated cells
 * (Word tables, spreadsheets pasted as text), and one cell per line with a blank line between rows
 * (tables flattened by web pages, as in "\t幼有善育\n\t1\n\t每千人口…").
 */
final class TabTableReader {

    private TabTableReader() {
    }

    /** Reads rows starting at index start; stops at the first non-blank, non-table line. Returns rows and end. */
    static List<TableRow> read(List<SourceLine> lines, int start, int[] endOut) {
        List<TableRow> rows = new ArrayList<>();
        int i = start;
        List<SourceLine> block = new ArrayList<>();
        while (i < lines.size()) {
            SourceLine l = lines.get(i);
            if (l.isTableRow()) {
                block.add(l);
                i++;
                continue;
            }
            if (l.isBlank()) {
                flush(block, rows);
                // A table ends at two blank lines or at a text line.
                int j = i + 1;
                if (j < lines.size() && lines.get(j).isTableRow()) {
                    i = j;
                    continue;
                }
                break;
            }
            break;
        }
        flush(block, rows);
        endOut[0] = i;
        return rows;
    }

    private static void flush(List<SourceLine> block, List<TableRow> rows) {
        if (block.isEmpty()) {
            return;
        }
        boolean oneCellPerLine = block.stream().allMatch(l -> l.cells().size() <= 1);
        if (oneCellPerLine && block.size() > 1) {
            List<String> cells = new ArrayList<>();
            for (SourceLine l : block) {
                cells.add(l.cells().isEmpty() ? "" : l.cells().get(0));
            }
            rows.add(new TableRow(cells, block.get(0).lineNo()));
        } else {
            for (SourceLine l : block) {
                rows.add(new TableRow(l.cells(), l.lineNo()));
            }
        }
        block.clear();
    }
}
