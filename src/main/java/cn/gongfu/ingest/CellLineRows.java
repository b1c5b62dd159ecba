package cn.gongfu.ingest;

import cn.gongfu.ingest.TableColumn.Role;
import cn.gongfu.ingest.TableReader.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cuts a table written one cell per line into rows. With a 序号 column a row starts at its serial (the next
 * number, or any larger one once the row is full or after a category row: excerpts start at 80, and lists skip
 * from 3 to 68); without one, at each row label (a region's name before its numbers). Category rows
 * (一、…, "…(12项)") become group rows; the header written again after a page break is skipped.
 */
final class CellLineRows {

    private static final Pattern SERIAL = Pattern.compile("^(\\d{1,3})[.、．]?$");
    private static final Pattern GROUP = Pattern.compile("^(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)]).{1,150}$");
    private static final String EMPTY = "\u0000";

    private final List<TableRow> rows = new ArrayList<>();
    private int consumed;
    private int widest;

    private CellLineRows() {
    }

    List<TableRow> rows() {
        return rows;
    }

    /** The most cells a row without serial had before it was padded to the header. */
    int widest() {
        return widest;
    }

    /** How many tokens belong to the table (the rest follow it). */
    int consumed() {
        return consumed;
    }

    static CellLineRows bySerial(List<Token> tokens, List<String> headerTexts, List<TableColumn> columns) {
        CellLineRows out = new CellLineRows();
        int serialCol = TableColumn.indexOf(columns, Role.SERIAL);
        int domainCol = TableColumn.indexOf(columns, Role.DOMAIN);
        // "幼有善育 ⏎1 ⏎每千人口…": a 领域 column before the 序号 writes its (merged) cell before the serial.
        boolean domainFirst = domainCol >= 0 && domainCol < serialCol;
        int expected = columns.size() - 1 - (domainFirst ? 1 : 0);
        int max = Math.max(8, expected * 3 + 2);
        boolean freeText = isFreeText(columns);
        boolean valueAfterTitle = columns.stream().anyMatch(c -> c.role().isValue() && c.role() != Role.MEASURE_UNIT);
        List<Token> current = null;
        String code = null;
        String domain = null;
        String pendingDomain = null;
        int line = 0;
        int last = 0;
        boolean afterGroup = true;
        int i = 0;
        for (; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            int repeated = repeatedHeader(tokens, i, headerTexts);
            if (repeated > 0) {
                i += repeated - 1;
                continue;
            }
            if (isGroup(t.text())) {
                out.flush(code, current, line, columns, freeText, domain);
                current = null;
                code = null;
                out.rows.add(new TableRow(List.of(t.text()), t.line(), true));
                afterGroup = true;
                continue;
            }
            Matcher num = SERIAL.matcher(t.text());
            if (num.matches()) {
                int n = Integer.parseInt(num.group(1));
                String next = i + 1 < tokens.size() ? tokens.get(i + 1).text() : "";
                boolean textFollows = !next.isEmpty() && !SERIAL.matcher(next).matches()
                        && CellAligner.kindOf(next) != CellAligner.Kind.NUMBER;
                boolean rowTitleFollows = next.length() <= 80 && (next.endsWith(")") || next.endsWith("）"));
                int filled = current == null ? 0 : current.size();
                // A bare number right after a row's title is its value ("新建社区食堂 ⏎2"), not the next serial.
                boolean valueNext = valueAfterTitle && filled == 1;
                if (current == null && code == null && n >= 1 && textFollows
                        || n == last + 1 && textFollows && !valueNext
                        || n > last && (filled >= expected || afterGroup) && textFollows
                        || rowTitleFollows && n > 0 && n >= last && n <= last + 5) {
                    if (domainFirst && current != null && current.size() > expected
                            && isDomainLike(current.get(current.size() - 1).text())) {
                        pendingDomain = current.remove(current.size() - 1).text();
                    }
                    out.flush(code, current, line, columns, freeText, domain);
                    domain = pendingDomain;
                    pendingDomain = null;
                    current = new ArrayList<>();
                    code = num.group(1);
                    line = t.line();
                    last = n;
                    afterGroup = false;
                    continue;
                }
            }
            if (current == null) {
                // Before the first row a stray cell or two may stand (a title repeated); after rows, a line that
                // starts none ends the table.
                if (out.rows.stream().noneMatch(r -> !r.group()) && i < 3) {
                    if (domainFirst && isDomainLike(t.text())) {
                        pendingDomain = t.text();
                    }
                    continue;
                }
                break;
            }
            if (current.size() >= max) {
                break;
            }
            for (int k = 1; k < t.blanksBefore() && !current.isEmpty(); k++) {
                current.add(new Token(EMPTY, EMPTY, t.line(), 0));
            }
            current.add(t);
        }
        out.flush(code, current, line, columns, freeText, domain);
        out.consumed = i;
        return out;
    }

    /** Rows without a 序号: each short text cell starts the row of that label, the numbers after it are its cells. */
    static CellLineRows byRowLabel(List<Token> tokens, List<String> headerTexts, List<TableColumn> columns) {
        CellLineRows out = new CellLineRows();
        List<String> current = null;
        int line = 0;
        int i = 0;
        for (; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            int repeated = repeatedHeader(tokens, i, headerTexts);
            if (repeated > 0) {
                i += repeated - 1;
                continue;
            }
            CellAligner.Kind kind = CellAligner.kindOf(t.text());
            boolean label = kind != CellAligner.Kind.NUMBER && kind != CellAligner.Kind.PERCENT && kind != CellAligner.Kind.QUANTITY
                    && t.text().length() <= 20;
            if (label) {
                if (current != null) {
                    out.widest = Math.max(out.widest, current.size());
                    out.rows.add(new TableRow(fit(current, columns.size()), line));
                }
                current = new ArrayList<>();
                current.add(t.text());
                line = t.line();
                continue;
            }
            if (current == null) {
                break;
            }
            current.add(t.text());
        }
        if (current != null) {
            out.widest = Math.max(out.widest, current.size());
            out.rows.add(new TableRow(fit(current, columns.size()), line));
        }
        out.consumed = i;
        return out;
    }

    private static List<String> fit(List<String> cells, int width) {
        List<String> out = new ArrayList<>(cells);
        while (out.size() < width) {
            out.add("");
        }
        return out.size() > width ? out.subList(0, width) : out;
    }

    private static boolean isDomainLike(String text) {
        CellAligner.Kind k = CellAligner.kindOf(text);
        return (k == CellAligner.Kind.TEXT || k == CellAligner.Kind.PERSON) && text.length() <= 12;
    }

    private static boolean isGroup(String text) {
        return text.length() <= 150 && (GROUP.matcher(text).matches()
                || Markers.ANNEX_GROUP.matcher(text).matches() && text.length() < 60);
    }

    /** The number of tokens from i that repeat the header (0 when they do not). */
    private static int repeatedHeader(List<Token> tokens, int i, List<String> header) {
        if (header.size() < 2 || i + header.size() > tokens.size()) {
            return 0;
        }
        for (int k = 0; k < header.size(); k++) {
            if (!tokens.get(i + k).text().replaceAll("\\s", "").equals(header.get(k).replaceAll("\\s", ""))) {
                return 0;
            }
        }
        return header.size();
    }

    /** A table whose cells are all free text (目标体系, 工作体系, … 进度安排): its long cells span paragraphs. */
    private static boolean isFreeText(List<TableColumn> columns) {
        Role last = columns.get(columns.size() - 1).role();
        return last == Role.DEADLINE && columns.stream().allMatch(c -> c.role() == Role.SERIAL || c.role() == Role.TITLE
                || c.role() == Role.TARGET || c.role() == Role.OTHER || c.role() == Role.DEADLINE);
    }

    private void flush(String code, List<Token> tokens, int line, List<TableColumn> columns, boolean freeText, String domain) {
        if (tokens == null || code == null) {
            return;
        }
        int serialCol = TableColumn.indexOf(columns, Role.SERIAL);
        List<String> cells;
        if (freeText) {
            cells = new ArrayList<>();
            List<String> aligned = ParagraphCells.align(tokens, columns.size() - 1);
            int k = 0;
            for (int c = 0; c < columns.size(); c++) {
                cells.add(c == serialCol ? code : k < aligned.size() ? aligned.get(k++) : "");
            }
        } else {
            List<String> texts = new ArrayList<>();
            List<String> raws = new ArrayList<>();
            for (Token t : tokens) {
                if (!t.text().equals(EMPTY)) {
                    texts.add(t.text());
                    raws.add(t.raw());
                }
            }
            cells = CellAligner.align(texts, raws, columns, serialCol, true);
            cells.set(serialCol, code);
        }
        int domainCol = TableColumn.indexOf(columns, Role.DOMAIN);
        if (domain != null && domainCol >= 0 && domainCol < serialCol) {
            cells.set(domainCol, domain);
        }
        rows.add(new TableRow(cells, line));
    }
}
