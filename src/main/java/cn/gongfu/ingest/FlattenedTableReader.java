package cn.gongfu.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rebuilds a task table that a web page flattened into paragraphs: after the header cells (序号, 重点工作
 * (责任单位), 目标体系, …) each row is a bare number line followed by one paragraph per cell, groups are
 * lines like "经济高质量发展先行示范(12项)". An empty cell shows as an extra blank line; a long cell may
 * span several paragraphs, which are merged back by their item numbering (1. … 2. …).
 */
final class FlattenedTableReader {

    private static final Pattern BARE_NUMBER = Pattern.compile("^(\\d{1,3})$");
    private static final String EMPTY = "\u0000";

    /** The table: header names, and rows that are either groups (one cell) or tasks (cells aligned to header). */
    record Table(String title, List<String> header, List<TableRow> rows, List<Finding> findings) {
    }

    private record Token(String text, int line, int blanksBefore) {
    }

    private FlattenedTableReader() {
    }

    static Table read(List<SourceLine> lines) {
        List<Token> tokens = new ArrayList<>();
        int blanks = 0;
        for (SourceLine l : lines) {
            if (l.isBlank()) {
                blanks++;
                continue;
            }
            tokens.add(new Token(l.text(), l.lineNo(), blanks));
            blanks = 0;
        }
        int i = 0;
        String title = null;
        if (i < tokens.size() && !isHeaderCell(tokens.get(i).text())) {
            title = tokens.get(i).text();
            i++;
        }
        List<String> header = new ArrayList<>();
        while (i < tokens.size() && isHeaderCell(tokens.get(i).text())) {
            header.add(tokens.get(i).text());
            i++;
        }
        if (header.size() < 3) {
            return null;
        }
        boolean hasNumberColumn = header.get(0).matches("序号|编号|序|No\\.?");
        int cellColumns = header.size() - (hasNumberColumn ? 1 : 0);
        List<TableRow> rows = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        int lastNumber = 0;
        List<Token> current = null;
        int currentLine = 0;
        String currentCode = null;
        for (; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            Matcher group = Markers.ANNEX_GROUP.matcher(t.text());
            if (group.matches() && t.text().length() < 60) {
                flushRow(rows, currentCode, current, currentLine, header.size(), hasNumberColumn, cellColumns, findings);
                current = null;
                rows.add(new TableRow(List.of(t.text()), t.line()));
                continue;
            }
            Matcher num = BARE_NUMBER.matcher(t.text());
            if (num.matches()) {
                int n = Integer.parseInt(num.group(1));
                boolean next = i + 1 < tokens.size() && looksLikeRowTitle(tokens.get(i + 1).text());
                if (n == lastNumber + 1 || (next && n > 0 && n <= lastNumber + 5) || (next && n == lastNumber)) {
                    flushRow(rows, currentCode, current, currentLine, header.size(), hasNumberColumn, cellColumns, findings);
                    current = new ArrayList<>();
                    currentLine = t.line();
                    currentCode = num.group(1);
                    lastNumber = n;
                    continue;
                }
            }
            if (current != null) {
                for (int k = 1; k < t.blanksBefore() && !current.isEmpty(); k++) {
                    current.add(new Token(EMPTY, t.line(), 0));
                }
                current.add(t);
            }
        }
        flushRow(rows, currentCode, current, currentLine, header.size(), hasNumberColumn, cellColumns, findings);
        return new Table(title, header, rows, findings);
    }

    private static boolean isHeaderCell(String s) {
        return s.length() <= 14 && !s.matches(".*[。，,；;:：].*") && !s.matches("^\\d+$") && !Markers.ANNEX_GROUP.matcher(s).matches();
    }

    private static boolean looksLikeRowTitle(String s) {
        return s.length() <= 80 && (s.endsWith(")") || s.endsWith("）")) && !s.matches("^\\d+[.、].*");
    }

    private static void flushRow(List<TableRow> rows, String code, List<Token> tokens, int line, int width,
                                 boolean hasNumberColumn, int cellColumns, List<Finding> findings) {
        if (tokens == null || code == null) {
            return;
        }
        List<String> cells = alignCells(tokens, cellColumns);
        List<String> row = new ArrayList<>();
        if (hasNumberColumn) {
            row.add(code);
        }
        row.addAll(cells);
        while (row.size() < width) {
            row.add("");
        }
        rows.add(new TableRow(row, line));
    }

    /**
     * First paragraph is the title cell, the trailing schedule-like paragraphs are the last cell, and the
     * paragraphs between are merged down to the remaining columns.
     */
    static List<String> alignCells(List<Token> tokens, int columns) {
        List<String> paras = new ArrayList<>();
        for (Token t : tokens) {
            paras.add(t.text());
        }
        while (!paras.isEmpty() && paras.get(paras.size() - 1).equals(EMPTY)) {
            paras.remove(paras.size() - 1);
        }
        List<String> out = new ArrayList<>();
        if (paras.isEmpty()) {
            return out;
        }
        out.add(paras.get(0));
        if (columns <= 1) {
            return out;
        }
        List<String> middle = new ArrayList<>(paras.subList(1, paras.size()));
        // Trailing schedule paragraphs form the last column.
        int scheduleStart = middle.size();
        while (scheduleStart > 0 && !middle.get(scheduleStart - 1).equals(EMPTY)
                && ScheduleParser.looksLikeSchedule(middle.get(scheduleStart - 1))) {
            scheduleStart--;
        }
        if (scheduleStart == middle.size() && !middle.isEmpty() && middle.size() > columns - 2) {
            scheduleStart = middle.size() - 1;
        }
        String schedule = String.join(" ", middle.subList(scheduleStart, middle.size()));
        List<String> rest = new ArrayList<>(middle.subList(0, scheduleStart));
        int wanted = columns - 2;
        mergeDown(rest, wanted);
        for (int k = 0; k < wanted; k++) {
            String v = k < rest.size() ? rest.get(k) : "";
            out.add(v.equals(EMPTY) ? "" : v);
        }
        out.add(schedule);
        return out;
    }

    private static void mergeDown(List<String> paras, int wanted) {
        while (paras.size() > wanted) {
            int at = -1;
            // 1) a paragraph continuing the item numbering of the one before ("…3.x" then "4.y").
            for (int k = 0; k + 1 < paras.size(); k++) {
                String a = paras.get(k);
                String b = paras.get(k + 1);
                if (a.equals(EMPTY) || b.equals(EMPTY)) {
                    continue;
                }
                int nb = leadingItem(b);
                if (nb > 1 && lastItem(a) == nb - 1) {
                    at = k;
                    break;
                }
            }
            // 2) otherwise a paragraph that does not start a new list ("1.") joins the one before.
            if (at < 0) {
                for (int k = 0; k + 1 < paras.size(); k++) {
                    String a = paras.get(k);
                    String b = paras.get(k + 1);
                    if (!a.equals(EMPTY) && !b.equals(EMPTY) && leadingItem(b) != 1 && leadingItem(a) > 0) {
                        at = k;
                        break;
                    }
                }
            }
            if (at < 0) {
                for (int k = 0; k + 1 < paras.size(); k++) {
                    if (!paras.get(k).equals(EMPTY) && !paras.get(k + 1).equals(EMPTY)) {
                        at = k;
                        break;
                    }
                }
            }
            if (at < 0) {
                paras.remove(paras.size() - 1);
                continue;
            }
            paras.set(at, paras.get(at) + " " + paras.get(at + 1));
            paras.remove(at + 1);
        }
    }

    private static final Pattern ITEM = Pattern.compile("(?:^|[。；;：:\\s])(\\d{1,2})\\s*[.、．](?!\\d)");

    static int leadingItem(String s) {
        Matcher m = Pattern.compile("^(\\d{1,2})\\s*[.、．](?!\\d)").matcher(s);
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }

    static int lastItem(String s) {
        Matcher m = ITEM.matcher(s);
        int last = -1;
        while (m.find()) {
            last = Integer.parseInt(m.group(1));
        }
        return last;
    }
}
