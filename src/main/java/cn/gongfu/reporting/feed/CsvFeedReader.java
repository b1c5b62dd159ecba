package cn.gongfu.reporting.feed;

import static cn.gongfu.kernel.BundleText.both;

import cn.gongfu.reporting.FeedException;
import cn.gongfu.reporting.feed.RowSink.Column;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A streaming RFC 4180 reader: comma-separated, fields optionally in double quotes (a doubled quote inside
 * is one quote, line breaks inside quotes belong to the field), LF or CRLF line ends. The header row names
 * the columns (any order; English or Chinese names); each record reaches the sink with the line it starts
 * on as its row number, so errors point at the line a spreadsheet or editor shows. Blank lines are skipped.
 */
final class CsvFeedReader {

    static final int MAX_FIELD = 10_000;

    private final Reader in;
    private final char[] buf = new char[1 << 16];
    private int pos;
    private int len;
    private long line = 1;

    CsvFeedReader(Reader in) {
        this.in = in;
    }

    /** Reads the whole stream into the sink; returns the number of data records. */
    long read(RowSink sink) throws IOException {
        List<String> record = new ArrayList<>();
        long start = line;
        String problem = next(record);
        if (record.isEmpty() && problem == null) throw FeedException.of(1, "header", both("feed.error.empty"));
        int[] columnOf = header(record, start);
        String[] fields = new String[Column.COUNT];
        long rows = 0;
        while (true) {
            record.clear();
            start = line;
            problem = next(record);
            if (record.isEmpty()) {
                if (problem == null) break;          // end of input
                continue;
            }
            if (record.size() == 1 && record.get(0).isEmpty() && problem == null) continue;   // blank line
            Arrays.fill(fields, null);
            if (problem == null && record.size() != columnOf.length) problem = "columns:" + record.size() + ":" + columnOf.length;
            for (int i = 0; i < Math.min(record.size(), columnOf.length); i++) {
                if (columnOf[i] >= 0) fields[columnOf[i]] = record.get(i);
            }
            sink.row(start, fields, problem);
            rows++;
        }
        return rows;
    }

    private static int[] header(List<String> names, long row) {
        int[] columnOf = new int[names.size()];
        boolean[] seen = new boolean[Column.COUNT];
        for (int i = 0; i < names.size(); i++) {
            Column c = Column.named(names.get(i));
            if (c == null) {
                throw FeedException.of(row, "header", both("feed.error.unknownColumn", names.get(i)));
            }
            if (seen[c.ordinal()]) throw FeedException.of(row, "header", both("feed.error.columnTwice", names.get(i)));
            seen[c.ordinal()] = true;
            columnOf[i] = c.ordinal();
        }
        for (Column required : List.of(Column.INDICATOR, Column.REGION, Column.PERIOD, Column.VALUE)) {
            if (!seen[required.ordinal()]) {
                throw FeedException.of(row, "header", both("feed.error.missingColumn", required.names[0]));
            }
        }
        return columnOf;
    }

    /**
     * The next record's fields into {@code out}; returns a problem ("quote", "too-long") or null. An empty
     * {@code out} with no problem means the input is exhausted.
     */
    private String next(List<String> out) throws IOException {
        StringBuilder field = new StringBuilder();
        String problem = null;
        boolean quoted = false;
        boolean any = false;
        int c;
        while ((c = read()) >= 0) {
            any = true;
            char ch = (char) c;
            if (quoted) {
                if (ch == '"') {
                    int n = peek();
                    if (n == '"') {
                        read();
                        append(field, '"');
                    } else {
                        quoted = false;
                    }
                } else {
                    if (ch == '\n') line++;
                    if (append(field, ch)) problem = "too-long";
                }
            } else if (ch == ',') {
                out.add(field.toString());
                field.setLength(0);
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r' && peek() == '\n') read();
                line++;
                out.add(field.toString());
                return problem;
            } else if (ch == '"' && field.isEmpty()) {
                quoted = true;
            } else {
                if (append(field, ch)) problem = "too-long";
            }
        }
        if (!any) return null;
        out.add(field.toString());
        return quoted ? "quote" : problem;
    }

    /** Appends within the field limit; true when the field is cut. */
    private static boolean append(StringBuilder field, char ch) {
        if (field.length() >= MAX_FIELD) return true;
        field.append(ch);
        return false;
    }

    private int read() throws IOException {
        if (pos == len) {
            len = in.read(buf, 0, buf.length);
            pos = 0;
            if (len <= 0) {
                len = 0;
                return -1;
            }
        }
        return buf[pos++];
    }

    private int peek() throws IOException {
        int c = read();
        if (c >= 0) pos--;
        return c;
    }
}
