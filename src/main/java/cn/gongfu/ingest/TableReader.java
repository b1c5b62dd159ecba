package cn.gongfu.ingest;

import cn.gongfu.ingest.TableColumn.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The one table reader. It finds a header by its words, learns the columns from them ({@link TableColumn}), then reads
 * the rows in whatever way the text separates cells:
 * <ul>
 *   <li>tab-separated lines (Word tables, as the .docx extractor writes them; a block of one-cell tab lines is one row);</li>
 *   <li>one row per line with cells between {@code |} (with or without a trailing bar) or separated by spaces;</li>
 *   <li>one cell per line, often with blank lines between (tables copied from web pages), rows keyed by the 序号.</li>
 * </ul>
 * Rows are aligned to the columns by what each cell looks like ({@link CellAligner}) where the text drops empty
 * cells; category rows become group rows; a merged first cell (领域) is carried down; a header repeated after a
 * page break is dropped. A grid already split into cells (an .xlsx sheet, an HTML table) is read by {@link #readGrid}.
 */
final class TableReader {

    private enum Layout { TABS, PIPES, SPACES, CELL_LINES }

    private static final Pattern BARE_SERIAL = Pattern.compile("^\\d{1,3}[.、．]?$");
    /** "一、未来五年主要工作任务", "（一）…", "经济高质量发展先行示范(12项)": a category row, not a cell. */
    private static final Pattern GROUP = Pattern.compile("^(?:[" + "一二三四五六七八九十" + "]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)]|第[一二三四五六七八九十]{1,3}[部分类]).{1,120}$");
    /** Words a table header starts with; checked with indexOf, as this runs for every line of a document. */
    private static final String[] START_WORDS = {"序号", "编号", "指标", "领域", "类别", "地区"};
    /** A run of blank lines this long ends a table written one cell per line. */
    private static final int GAP = 4;

    /** wide: cells are separated by runs of two or more spaces (a single space stays inside a cell). */
    private record Header(List<TableColumn> columns, int next, Layout layout, int line, List<String> texts, boolean wide) {
    }

    /** A non-blank line of a table written one cell per line. */
    record Token(String text, String raw, int line, int blanksBefore) {
    }

    private TableReader() {
    }

    /**
     * Reads the table whose header starts at lines[start], or returns null when no table header starts there.
     * physical holds the document's physical lines (index = line number − 1), read for the spaces and bars
     * between cells that normalisation squeezes out.
     */
    static Table readAt(List<SourceLine> lines, int start, List<String> physical, ColumnRoles roles) {
        SourceLine first = lines.get(start);
        if (first.isTableRow()) {
            return readTabs(lines, start, roles);
        }
        String text = first.text();
        if (text.isEmpty() || text.length() > 200 || !mayStartHeader(text) && !barRow(first, physical)) {
            return null;
        }
        Header header = header(lines, start, physical, roles);
        if (header == null) {
            return null;
        }
        return switch (header.layout()) {
            case CELL_LINES -> readCellLines(lines, header, physical);
            default -> readRowLines(lines, header, physical);
        };
    }

    /** Reads a grid already split into cells: the first row that reads as a header, then the rows below it. */
    static Table readGrid(List<List<String>> grid, int firstLine, ColumnRoles roles) {
        for (int r = 0; r < grid.size(); r++) {
            List<String> cells = trimTrailing(clean(grid.get(r)));
            List<String> merged = r + 1 < grid.size() ? TwoLevelHeader.inPlace(cells, trimTrailing(clean(grid.get(r + 1)))) : null;
            List<TableColumn> columns = columnsOf(merged != null ? merged : cells);
            if (acceptable(columns, Layout.PIPES)) {
                List<RawRow> rows = new ArrayList<>();
                for (int k = r + (merged != null ? 2 : 1); k < grid.size(); k++) {
                    rows.add(new RawRow(trimTrailing(clean(grid.get(k))), firstLine + k));
                }
                return positional(roles.apply(firstLine + r, columns), rows, grid.size(), firstLine + r);
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- headers

    private static boolean mayStartHeader(String text) {
        for (String w : START_WORDS) {
            if (text.contains(w)) {
                return true;
            }
        }
        return false;
    }

    /** A line of three or more cells between bars may be a header without 序号 ("项目名称 | 责任单位 | 完成时限"). */
    private static boolean barRow(SourceLine l, List<String> physical) {
        String raw = raw(l, physical);
        int bars = 0;
        for (int k = 0; k < raw.length() && bars < 2; k++) {
            if (raw.charAt(k) == '|') {
                bars++;
            }
        }
        return bars >= 2 && trimTrailing(pipeCells(raw)).size() >= 3;
    }

    private static Header header(List<SourceLine> lines, int start, List<String> physical, ColumnRoles roles) {
        SourceLine first = lines.get(start);
        String raw = raw(first, physical);
        if (raw.indexOf('|') >= 0) {
            List<String> cells = pipeCells(raw);
            cells = trimTrailing(cells);
            if (cells.size() >= 2) {
                return rowHeader(lines, start, physical, cells, Layout.PIPES, false, roles);
            }
            return cellLinesHeader(lines, start, physical, roles);
        }
        if (TableColumn.isHeaderLike(first.text()) && TableColumn.of(first.text()).role() != Role.OTHER
                || first.text().equals("地区")) {
            Header h = cellLinesHeader(lines, start, physical, roles);
            if (h != null) {
                return h;
            }
        }
        if (raw.length() > 160 || raw.trim().indexOf(' ') < 0) {
            return null;
        }
        // "序号  工作任务  牵头单位": cells between runs of spaces; "序号 项目名称 责任单位": between single spaces.
        List<String> wideCells = spaceCells(raw, true);
        boolean wide = wideCells.size() >= 3;
        List<String> cells = wide ? wideCells : spaceCells(raw, false);
        if (cells.size() >= 3) {
            return rowHeader(lines, start, physical, cells, Layout.SPACES, wide, roles);
        }
        return null;
    }

    /** A header written on one line (cells between bars or spaces), continued on the next lines while they read as header cells. */
    private static Header rowHeader(List<SourceLine> lines, int start, List<String> physical, List<String> cells, Layout layout,
                                    boolean wide, ColumnRoles roles) {
        if (!cells.stream().allMatch(c -> c.isEmpty() || TableColumn.isHeaderLike(c))) {
            return null;
        }
        List<String> texts = new ArrayList<>(cells);
        int next = start + 1;
        List<String> merged = next < lines.size() && !lines.get(next).isBlank() ? twoLevel(cells, raw(lines.get(next), physical), layout, wide) : null;
        if (merged != null) {
            texts = merged;
            next++;
        }
        // "目标任务  1-7月 ⏎实际完成情况 ⏎任务完成率 备注": a header broken over lines.
        while (next < lines.size() && layout == Layout.SPACES) {
            SourceLine l = lines.get(next);
            if (l.isBlank()) {
                break;
            }
            List<String> more = spaceCells(raw(l, physical), wide);
            if (more.isEmpty() || BARE_SERIAL.matcher(more.get(0)).matches()
                    || !more.stream().allMatch(TableColumn::isHeaderLike)) {
                break;
            }
            String last = texts.get(texts.size() - 1);
            if (TableColumn.of(last).role() == Role.OTHER && TableColumn.of(last + more.get(0)).role() != Role.OTHER) {
                texts.set(texts.size() - 1, last + more.get(0));
                more = more.subList(1, more.size());
            }
            texts.addAll(more);
            next++;
        }
        List<TableColumn> columns = columnsOf(texts);
        if (!acceptable(columns, layout)) {
            return null;
        }
        int line = lines.get(start).lineNo();
        return new Header(roles.apply(line, columns), next, layout, line, texts, wide);
    }

    /** The header's texts when the line after its first one is a second header row under it (目标值 → 2022年 | 2025年), else null. */
    private static List<String> twoLevel(List<String> upper, String lowerRaw, Layout layout, boolean wide) {
        if (layout == Layout.PIPES) {
            if (lowerRaw.indexOf('|') < 0) {
                return null;
            }
            List<String> lower = pipeCells(lowerRaw);
            List<String> merged = TwoLevelHeader.inPlace(upper, lower);
            return merged != null ? merged : TwoLevelHeader.compact(upper, lower.stream().filter(c -> !c.isBlank()).toList());
        }
        return TwoLevelHeader.compact(upper, spaceCells(lowerRaw, wide));
    }

    /** A header written one cell per line: the run of header-like lines from start, without trailing unknown cells. */
    private static Header cellLinesHeader(List<SourceLine> lines, int start, List<String> physical, ColumnRoles roles) {
        List<String> texts = new ArrayList<>();
        List<Integer> ends = new ArrayList<>();
        int blanks = 0;
        for (int i = start; i < lines.size() && texts.size() < 60; i++) {
            SourceLine l = lines.get(i);
            if (l.isBlank()) {
                if (++blanks >= GAP) {
                    break;
                }
                continue;
            }
            blanks = 0;
            if (l.isTableRow()) {
                break;
            }
            String cell = stripBars(l.text());
            if (!TableColumn.isHeaderLike(cell) || BARE_SERIAL.matcher(cell).matches() || GROUP.matcher(cell).matches()
                    || Markers.ANNEX_GROUP.matcher(cell).matches() || raw(l, physical).indexOf('|') >= 0 && pipeCells(raw(l, physical)).size() > 1) {
                break;
            }
            String last = texts.isEmpty() ? null : texts.get(texts.size() - 1);
            if (last != null && (cell.matches("^[（(][^（）()]{1,8}[）)]$") || joins(last, cell))) {
                // "开展现代农业科技培训 ⏎(人次)", "目标 ⏎任务": one header cell written over two lines.
                texts.set(texts.size() - 1, last + cell);
                ends.set(ends.size() - 1, i + 1);
                continue;
            }
            texts.add(cell);
            ends.add(i + 1);
        }
        // Unknown cells at the end are the first row's cells ("幼有善育", "全市"), not header cells.
        while (!texts.isEmpty() && TableColumn.of(texts.get(texts.size() - 1)).role() == Role.OTHER) {
            texts.remove(texts.size() - 1);
            ends.remove(ends.size() - 1);
        }
        if (texts.size() < 2) {
            return null;
        }
        List<String> merged = TwoLevelHeader.fromRun(texts);
        List<TableColumn> columns = columnsOf(merged != null ? merged : texts);
        if (!acceptable(columns, Layout.CELL_LINES)) {
            return null;
        }
        int line = lines.get(start).lineNo();
        return new Header(roles.apply(line, columns), ends.get(ends.size() - 1), Layout.CELL_LINES, line, texts, false);
    }

    /** Two lines that make one header word: "目标" + "任务", "1-7月" + "实际完成情况". */
    private static boolean joins(String last, String cell) {
        Role joined = TableColumn.of(last + cell).role();
        return (last.equals("目标") && cell.equals("任务")) || TableColumn.of(last).role() == Role.OTHER
                && last.matches("^\\d{1,2}[-—~至]\\d{1,2}月$") && joined != Role.OTHER;
    }

    private static List<TableColumn> columnsOf(List<String> texts) {
        List<TableColumn> columns = new ArrayList<>();
        for (String t : texts) {
            columns.add(TableColumn.of(t));
        }
        return TableColumn.resolve(columns);
    }

    /** Enough known columns to be sure this is a table header and not a line of prose that mentions 序号. */
    private static boolean acceptable(List<TableColumn> columns, Layout layout) {
        long known = columns.stream().filter(c -> c.role() != Role.OTHER).count();
        long years = columns.stream().filter(c -> c.role() == Role.YEAR).count();
        boolean serial = TableColumn.has(columns, Role.SERIAL);
        boolean title = TableColumn.has(columns, Role.TITLE) || TableColumn.has(columns, Role.INDICATOR);
        boolean duty = columns.stream().anyMatch(c -> c.role().isUnits() || c.role() == Role.PEOPLE || c.role() == Role.DEADLINE
                || c.role() == Role.PROGRESS || c.role() == Role.RATE || c.role() == Role.TARGET);
        if (known < 2 || columns.size() < 2) {
            return false;
        }
        if (layout == Layout.SPACES) {
            return serial && title && known >= 3;
        }
        return years >= 2 && title || serial && (title || years >= 2) && known >= 3 || title && duty && known >= 3;
    }

    // ---------------------------------------------------------------- one row per line

    private record RawRow(List<String> cells, int line) {
    }

    private static Table readRowLines(List<SourceLine> lines, Header header, List<String> physical) {
        List<RawRow> rows = new ArrayList<>();
        int i = header.next();
        int end = i;
        String headerKey = String.join("", header.texts()).replaceAll("\\s", "");
        while (i < lines.size()) {
            SourceLine l = lines.get(i);
            if (l.isBlank()) {
                i++;
                if (header.layout() == Layout.SPACES || i < lines.size() && lines.get(i).isBlank()) {
                    break;
                }
                continue;
            }
            if (l.isTableRow()) {
                break;
            }
            String raw = raw(l, physical);
            List<String> cells;
            if (header.layout() == Layout.PIPES) {
                if (raw.indexOf('|') < 0) {
                    break;
                }
                cells = trimTrailing(pipeCells(raw));
            } else {
                cells = spaceCells(raw, header.wide());
                if (cells.isEmpty() || !BARE_SERIAL.matcher(cells.get(0)).matches() && !GROUP.matcher(l.text()).matches()) {
                    break;
                }
            }
            i++;
            end = i;
            if (String.join("", cells).replaceAll("\\s", "").equals(headerKey)) {
                continue; // the header again, after a page break
            }
            rows.add(new RawRow(cells, l.lineNo()));
        }
        if (header.layout() == Layout.PIPES) {
            return positional(header.columns(), rows, end, header.line());
        }
        List<TableRow> out = new ArrayList<>();
        for (RawRow r : rows) {
            out.add(isGroupRow(r.cells(), header.columns()) ? groupRow(r.cells(), r.line())
                    : new TableRow(CellAligner.alignSerialRow(r.cells(), header.columns(), false), r.line()));
        }
        return new Table(header.columns(), carryDown(header.columns(), out), end, header.line());
    }

    /** Rows whose cells keep their places (tabs, bars, grids): read by position, fixing the two shifts the text makes. */
    private static Table positional(List<TableColumn> headerColumns, List<RawRow> rows, int end, int line) {
        List<TableColumn> columns = new ArrayList<>(headerColumns);
        int name = columns.stream().filter(c -> c.role() == Role.INDICATOR || c.role() == Role.TITLE).findFirst()
                .map(columns::indexOf).orElse(-1);
        // "指标 Item" over a Chinese and an English name column: rows have one cell more, in Latin letters.
        if (name >= 0) {
            for (RawRow r : rows) {
                if (isGroupRow(r.cells(), columns) || r.cells().size() <= name + 1) {
                    continue;
                }
                if (r.cells().size() == columns.size() + 1 && isLatin(r.cells().get(name + 1))) {
                    columns.add(name + 1, new TableColumn("English", Role.ENGLISH, 0));
                }
                break;
            }
        }
        String headerKey = String.join("", headerColumns.stream().map(TableColumn::header).toList()).replaceAll("\\s", "");
        List<TableRow> out = new ArrayList<>();
        for (RawRow r : rows) {
            List<String> cells = new ArrayList<>(r.cells());
            if (String.join("", cells).replaceAll("\\s", "").equals(headerKey)) {
                continue;
            }
            if (isGroupRow(cells, columns)) {
                out.add(groupRow(cells, r.line()));
                continue;
            }
            // A merged cell (领域) is written only on a group's first row: the later rows are one cell short.
            int domain = TableColumn.indexOf(columns, Role.DOMAIN);
            if (cells.size() == columns.size() - 1 && domain >= 0) {
                cells.add(domain, "");
            }
            while (cells.size() < columns.size()) {
                cells.add("");
            }
            if (cells.size() > columns.size()) {
                List<String> extra = cells.subList(columns.size() - 1, cells.size());
                String last = String.join(" ", extra.stream().filter(c -> !c.isBlank()).toList());
                cells = new ArrayList<>(cells.subList(0, columns.size() - 1));
                cells.add(last);
            }
            out.add(new TableRow(cells, r.line()));
        }
        return new Table(columns, carryDown(columns, out), end, line);
    }

    // ---------------------------------------------------------------- one cell per line

    private static Table readCellLines(List<SourceLine> lines, Header header, List<String> physical) {
        List<TableColumn> columns = header.columns();
        List<Token> tokens = new ArrayList<>();
        int blanks = 0;
        int i = header.next();
        for (; i < lines.size(); i++) {
            SourceLine l = lines.get(i);
            if (l.isBlank()) {
                blanks++;
                if (blanks >= GAP && !tokens.isEmpty()) {
                    break;
                }
                continue;
            }
            String t = l.text();
            if (l.isTableRow() || Markers.ANNEX.matcher(t).matches() || Markers.ANNEX_DIRECTORY.matcher(t).matches()) {
                break;
            }
            tokens.add(new Token(stripBars(t), stripBars(raw(l, physical).trim()), l.lineNo(), blanks));
            blanks = 0;
        }
        int serialCol = TableColumn.indexOf(columns, Role.SERIAL);
        CellLineRows rows = serialCol >= 0 ? CellLineRows.bySerial(tokens, header.texts(), columns)
                : CellLineRows.byRowLabel(tokens, header.texts(), columns);
        int consumed = rows.consumed();
        int end = consumed >= tokens.size() ? i : indexOfLine(lines, tokens.get(consumed).line(), header.next());
        if (serialCol < 0 && rows.widest() * 3 < columns.size() * 2) {
            // A header of several levels (工程 → 子项 → indicator → 目标/进度 per indicator) wider than any row:
            // which value falls under which header cell cannot be told, so no rows are read from it.
            return new Table(columns, List.of(), end, header.line());
        }
        return new Table(columns, carryDown(columns, rows.rows()), end, header.line());
    }

    private static int indexOfLine(List<SourceLine> lines, int lineNo, int from) {
        for (int k = from; k < lines.size(); k++) {
            if (lines.get(k).lineNo() == lineNo) {
                return k;
            }
        }
        return lines.size();
    }

    // ---------------------------------------------------------------- tabs (as the .docx extractor writes them)

    /** Tab rows exactly as before: a line of tab cells is a row; a block of one-cell tab lines (blank line between blocks) is one row. */
    private static Table readTabs(List<SourceLine> lines, int start, ColumnRoles roles) {
        List<RawRow> rows = new ArrayList<>();
        List<SourceLine> block = new ArrayList<>();
        int i = start;
        while (i < lines.size()) {
            SourceLine l = lines.get(i);
            if (l.isTableRow()) {
                block.add(l);
                i++;
                continue;
            }
            if (l.isBlank()) {
                flushTabBlock(block, rows);
                if (i + 1 < lines.size() && lines.get(i + 1).isTableRow()) {
                    i++;
                    continue;
                }
            }
            break;
        }
        flushTabBlock(block, rows);
        int end = Math.max(i, start + 1);
        if (rows.isEmpty()) {
            return new Table(List.of(), List.of(), end, lines.get(start).lineNo());
        }
        // A Word or spreadsheet header over two rows (目标值 merged over 2022年 | 2025年) has its cells in place.
        List<String> merged = rows.size() > 2 ? TwoLevelHeader.inPlace(rows.get(0).cells(), rows.get(1).cells()) : null;
        List<TableColumn> columns = columnsOf(merged != null ? merged : rows.get(0).cells());
        if (!acceptable(columns, Layout.TABS)) {
            return new Table(List.of(), List.of(), end, rows.get(0).line());
        }
        return positional(roles.apply(rows.get(0).line(), columns), rows.subList(merged != null ? 2 : 1, rows.size()), end, rows.get(0).line());
    }

    private static void flushTabBlock(List<SourceLine> block, List<RawRow> rows) {
        if (block.isEmpty()) {
            return;
        }
        boolean oneCellPerLine = block.stream().allMatch(l -> l.cells().size() <= 1);
        if (oneCellPerLine && block.size() > 1) {
            List<String> cells = new ArrayList<>();
            for (SourceLine l : block) {
                cells.add(l.cells().isEmpty() ? "" : l.cells().get(0));
            }
            rows.add(new RawRow(cells, block.get(0).lineNo()));
        } else {
            for (SourceLine l : block) {
                rows.add(new RawRow(l.cells(), l.lineNo()));
            }
        }
        block.clear();
    }

    // ---------------------------------------------------------------- rows and cells

    /** A row with a single name and nothing else (or its English name beside it): a category such as 就业 | Employment. */
    static boolean isGroupRow(List<String> cells, List<TableColumn> columns) {
        List<String> filled = cells.stream().filter(c -> !c.isBlank()).toList();
        if (filled.isEmpty() || BARE_SERIAL.matcher(filled.get(0)).matches()) {
            return false;
        }
        if (GROUP.matcher(filled.get(0)).matches() || Markers.ANNEX_GROUP.matcher(filled.get(0)).matches()) {
            return filled.size() <= 2;
        }
        return columns.size() > 2 && (filled.size() == 1 && cells.size() > 1 && !cells.get(0).isBlank()
                || filled.size() == 2 && isLatin(filled.get(1)) && !cells.get(0).isBlank());
    }

    static TableRow groupRow(List<String> cells, int line) {
        return new TableRow(List.of(cells.stream().filter(c -> !c.isBlank()).findFirst().orElse("")), line, true);
    }

    /** Carries a merged 领域 cell down to the rows below it, until the next group row. */
    private static List<TableRow> carryDown(List<TableColumn> columns, List<TableRow> rows) {
        int domain = TableColumn.indexOf(columns, Role.DOMAIN);
        if (domain < 0) {
            return rows;
        }
        List<TableRow> out = new ArrayList<>();
        String last = "";
        for (TableRow r : rows) {
            if (r.group()) {
                out.add(r);
                continue;
            }
            String d = r.cell(domain);
            if (d.isBlank() && !last.isEmpty()) {
                List<String> cells = new ArrayList<>(r.cells());
                while (cells.size() <= domain) {
                    cells.add("");
                }
                cells.set(domain, last);
                out.add(new TableRow(cells, r.line()));
                continue;
            }
            if (!d.isBlank()) {
                last = d;
            }
            out.add(r);
        }
        return out;
    }

    static boolean isLatin(String s) {
        String t = s.trim();
        if (t.isEmpty()) {
            return false;
        }
        int letters = 0;
        for (int k = 0; k < t.length(); k++) {
            char c = t.charAt(k);
            if (c >= 0x2E80) {
                return false;
            }
            if (Character.isLetter(c)) {
                letters++;
            }
        }
        return letters >= 2;
    }

    private static String raw(SourceLine l, List<String> physical) {
        int k = l.lineNo() - 1;
        if (physical != null && k >= 0 && k < physical.size()) {
            return physical.get(k);
        }
        return l.text();
    }

    /** Cells between bars: "a | b | |" gives a, b (the trailing bar and what follows it are no cell). */
    static List<String> pipeCells(String raw) {
        String t = raw.trim();
        if (t.startsWith("|")) {
            t = t.substring(1);
        }
        String[] parts = t.split("\\|", -1);
        List<String> cells = new ArrayList<>();
        for (String p : parts) {
            cells.add(TextNormalizer.cleanInline(p));
        }
        if (!cells.isEmpty() && cells.get(cells.size() - 1).isEmpty()) {
            cells.remove(cells.size() - 1);
        }
        return cells;
    }

    /**
     * Cells between spaces: runs of two or more when wide, else single ones. Such rows skip empty cells; see
     * {@link CellAligner}.
     */
    static List<String> spaceCells(String raw, boolean wide) {
        List<String> cells = new ArrayList<>();
        for (String p : raw.replace('\u3000', ' ').replace('\u00A0', ' ').trim().split(wide ? "\\s{2,}" : "\\s+")) {
            String c = TextNormalizer.cleanInline(p);
            if (!c.isEmpty()) {
                cells.add(c);
            }
        }
        return cells;
    }

    private static String stripBars(String t) {
        String s = t.trim();
        while (s.endsWith("|")) {
            s = s.substring(0, s.length() - 1).trim();
        }
        while (s.startsWith("|")) {
            s = s.substring(1).trim();
        }
        return s;
    }

    private static List<String> clean(List<String> cells) {
        List<String> out = new ArrayList<>();
        for (String c : cells) {
            out.add(c == null ? "" : TextNormalizer.cleanInline(c));
        }
        return out;
    }

    private static List<String> trimTrailing(List<String> cells) {
        List<String> out = new ArrayList<>(cells);
        while (!out.isEmpty() && out.get(out.size() - 1).isBlank()) {
            out.remove(out.size() - 1);
        }
        return out;
    }
}
