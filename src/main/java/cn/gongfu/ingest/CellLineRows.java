package cn.gongfu.ingest;

import cn.gongfu.ingest.TableColumn.Role;
import cn.gongfu.ingest.TableReader.Token;
import java.math.BigDecimal;
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
    /** A 完成比例 within 2 % of 进度 ÷ 目标 is that group's rate (tables round it to one or two decimals). */
    private static final double TOLERANCE = 0.02;

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
            if (label && current != null && t.text().equals(headerTexts.get(0)) && i + 1 < tokens.size()
                    && TableColumn.isHeaderLike(tokens.get(i + 1).text())) {
                break; // the next table's header ("地区 ⏎就业促进工程 ⏎…")
            }
            if (label) {
                if (current != null) {
                    out.widest = Math.max(out.widest, current.size());
                    out.rows.add(new TableRow(fit(alignRates(current, columns), columns.size()), line));
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
            out.rows.add(new TableRow(fit(alignRates(current, columns), columns.size()), line));
        }
        out.consumed = i;
        return out;
    }

    /**
     * Cells of a row under groups of 目标 | 进度 | 完成比例 (one group per indicator): a text copy drops the empty cells,
     * so a 完成比例 cell that is not the group's progress over its target (±2 %) belongs to the next group, and the
     * group's rate is left empty (an unemployment rate's group has none: "4.3 ⏎3.57 ⏎400 …").
     */
    private static List<String> alignRates(List<String> cells, List<TableColumn> columns) {
        if (columns.stream().noneMatch(c -> c.role() == Role.RATE && c.group() != null)) {
            return cells;
        }
        List<String> out = new ArrayList<>();
        int k = 0;
        for (int c = 0; c < columns.size() && k < cells.size(); c++) {
            TableColumn col = columns.get(c);
            if (col.role() == Role.RATE && col.group() != null) {
                BigDecimal target = inGroup(out, columns, c, Role.TARGET);
                BigDecimal progress = inGroup(out, columns, c, Role.PROGRESS);
                if (target != null && progress != null) {
                    // Taken as the rate, the next group must still read (东坡区: 4.3 ⏎3.48 ⏎80 — 80 ≈ 3.48 ÷ 4.3, but 80 ⏎160 ⏎200 is the next group).
                    // Whichever reading fits closer wins.
                    double asThisRate = error(target, progress, number(cells.get(k)));
                    double asNextGroup = k + 2 < cells.size() ? error(number(cells.get(k)), number(cells.get(k + 1)), number(cells.get(k + 2))) : 1;
                    boolean asRate = asThisRate <= TOLERANCE && (asNextGroup > TOLERANCE || asThisRate <= asNextGroup);
                    if (!asRate) {
                        out.add("");
                        continue;
                    }
                }
            }
            out.add(cells.get(k++));
        }
        out.addAll(cells.subList(k, cells.size()));
        return out;
    }

    /** How far a rate is from the progress over the target, in per cent of it (1 when it cannot be told). */
    private static double error(BigDecimal target, BigDecimal progress, BigDecimal rate) {
        if (target == null || progress == null || rate == null || target.signum() == 0 || progress.signum() == 0) {
            return 1;
        }
        double expected = progress.doubleValue() / target.doubleValue() * 100;
        return Math.abs(rate.doubleValue() - expected) / expected;
    }

    private static BigDecimal inGroup(List<String> cells, List<TableColumn> columns, int rateCol, Role role) {
        String group = columns.get(rateCol).group();
        for (int c = rateCol - 1; c >= 0 && group.equals(columns.get(c).group()); c--) {
            if (columns.get(c).role() == role && c < cells.size()) {
                return number(cells.get(c));
            }
        }
        return null;
    }

    private static BigDecimal number(String cell) {
        String t = cell.trim().replace("%", "");
        return t.matches("\\d+(?:\\.\\d+)?") ? new BigDecimal(t) : null;
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
