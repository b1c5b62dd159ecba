package cn.gongfu.ingest;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * A saved government web page (.html, .htm) read with jsoup: script, style, navigation and forms are dropped, each
 * text block (p, div, h1…, li, br) becomes a line, and each real {@code <table>} becomes tab-separated rows
 * ({@link TableLines}) with rowspan and colspan resolved the way {@link SpreadsheetTextExtractor} resolves merged
 * cells: a rowspan's text is repeated into each row it covers, a colspan's columns after the first stay empty.
 * A table that holds another table is page layout, not data: its cells are read as blocks.
 *
 * <p>The charset comes from a byte order mark, else from the page's meta tag (GB2312 and GBK read as their
 * superset GB18030), else strict UTF-8 is tried before GB18030, as for .txt files.
 */
final class HtmlTextExtractor {

    private static final Charset GB18030 = Charset.forName("GB18030");
    private static final Pattern META_CHARSET =
            Pattern.compile("(?i)<meta[^>]+charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9_.:-]+)");
    private static final Pattern SEGMENT_BREAK_IN_CHINESE =
            Pattern.compile("(?<=[\\u3000-\\u9FFF\\uFF00-\\uFFEF])[ \\t\\r]*\\n\\s*(?=[\\u3000-\\u9FFF\\uFF00-\\uFFEF])");
    private static final Set<String> DROPPED = Set.of("script", "style", "nav", "noscript", "template", "head",
            "iframe", "object", "svg", "form", "button", "select", "input", "textarea");
    private static final Set<String> BLOCKS = Set.of("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol",
            "dl", "dt", "dd", "section", "article", "header", "footer", "main", "aside", "blockquote", "pre", "address",
            "center", "figure", "figcaption", "caption", "hr", "tr", "td", "th", "tbody", "thead", "tfoot", "body", "html");
    /** rowspan and colspan beyond these are typing errors or hostile; browsers clamp them similarly. */
    private static final int MAX_ROWSPAN = 1000;
    private static final int MAX_COLSPAN = 100;

    private HtmlTextExtractor() {
    }

    static String extract(byte[] bytes, String fileName, ParserLimits limits) {
        try {
            Document page = Jsoup.parse(decode(bytes, fileName));
            page.select(String.join(",", DROPPED)).remove();
            Writer writer = new Writer(fileName, limits);
            writer.walk(page.body() == null ? page : page.body());
            writer.endLine();
            return writer.out.toString();
        } catch (DocumentException e) {
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
            throw new DocumentException(Texts.both("ingest.error.corrupt", fileName, msg), e);
        }
    }

    static String decode(byte[] bytes, String fileName) {
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            return new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        }
        if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
            return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE);
        }
        if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
            return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE);
        }
        Charset declared = declaredCharset(bytes);
        if (declared != null) {
            return new String(bytes, declared); // a page's own word; an odd byte becomes U+FFFD, not a refusal
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, GB18030);
        }
    }

    private static Charset declaredCharset(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, 8192), StandardCharsets.ISO_8859_1);
        Matcher m = META_CHARSET.matcher(head);
        if (!m.find()) return null;
        String name = m.group(1).toLowerCase(Locale.ROOT);
        if (name.equals("gb2312") || name.equals("gbk") || name.equals("gb_2312-80") || name.equals("x-gbk")) {
            return GB18030;
        }
        try {
            return Charset.forName(name);
        } catch (IllegalArgumentException e) {
            return null; // an unknown label: guess as for a page without one
        }
    }

    private static final class Writer {
        final StringBuilder out = new StringBuilder();
        final StringBuilder line = new StringBuilder();
        final String fileName;
        final ParserLimits limits;
        int cells;

        Writer(String fileName, ParserLimits limits) {
            this.fileName = fileName;
            this.limits = limits;
        }

        void walk(Node node) {
            for (Node child : node.childNodes()) {
                if (child instanceof TextNode text) {
                    appendInline(text.getWholeText());
                } else if (child instanceof Element e) {
                    String tag = e.normalName();
                    if (tag.equals("br")) {
                        endLine();
                    } else if (tag.equals("table") && e.select("table").size() == 1) {
                        endLine();
                        table(e);
                    } else if (BLOCKS.contains(tag) || tag.equals("table")) {
                        endLine();
                        walk(e);
                        endLine();
                    } else {
                        walk(e);
                    }
                }
            }
        }

        void appendInline(String text) {
            String t = text.replace('\u00A0', ' ').replace('\t', ' ');
            if (t.isBlank()) {
                if (line.length() > 0 && line.charAt(line.length() - 1) != ' ') line.append(' ');
                return;
            }
            // a line break in the source between two Chinese characters is no space (CSS Text: segment breaks)
            line.append(SEGMENT_BREAK_IN_CHINESE.matcher(t).replaceAll("").replaceAll("\\s+", " "));
        }

        void endLine() {
            String t = line.toString().strip();
            if (!t.isEmpty()) out.append(t).append('\n');
            line.setLength(0);
        }

        /** The table's own rows (not those of a nested table) on a grid that rowspan and colspan fill. */
        void table(Element table) {
            List<List<String>> grid = new ArrayList<>();
            Map<Integer, Integer> spanLeft = new HashMap<>(); // column → rows a rowspan still covers below
            Map<Integer, String> spanText = new HashMap<>();
            for (Element tr : table.select("tr")) {
                List<String> row = new ArrayList<>();
                int col = 0;
                for (Element cell : tr.children()) {
                    if (!cell.normalName().equals("td") && !cell.normalName().equals("th")) continue;
                    col = fillSpans(row, col, spanLeft, spanText);
                    String text = TableLines.oneLine(cellText(cell));
                    int rowspan = span(cell.attr("rowspan"), MAX_ROWSPAN);
                    int colspan = span(cell.attr("colspan"), MAX_COLSPAN);
                    for (int k = 0; k < colspan; k++) {
                        row.add(k == 0 ? text : "");
                        if (rowspan > 1) {
                            spanLeft.put(col + k, rowspan - 1);
                            spanText.put(col + k, k == 0 ? text : "");
                        }
                    }
                    col += colspan;
                    cells += colspan;
                    if (cells > limits.maxCells()) {
                        throw new DocumentException(Texts.both("ingest.error.tooManyCellsPage", limits.maxCells(), fileName));
                    }
                }
                // rowspans from above that reach past this row's last cell
                while (spanLeft.keySet().stream().anyMatch(k -> k >= row.size())) {
                    if (spanLeft.containsKey(row.size())) {
                        fillSpans(row, row.size(), spanLeft, spanText);
                    } else {
                        row.add("");
                    }
                }
                grid.add(row);
            }
            TableLines.append(grid, out);
        }

        /** Writes the cells that rowspans from rows above hold at col and after it; returns the next free column. */
        private static int fillSpans(List<String> row, int col, Map<Integer, Integer> spanLeft, Map<Integer, String> spanText) {
            while (spanLeft.containsKey(col)) {
                row.add(spanText.get(col));
                int left = spanLeft.get(col) - 1;
                if (left == 0) {
                    spanLeft.remove(col);
                    spanText.remove(col);
                } else {
                    spanLeft.put(col, left);
                }
                col++;
            }
            return col;
        }

        private static String cellText(Element cell) {
            Writer inner = new Writer("", ParserLimits.DEFAULT);
            inner.walk(cell);
            inner.endLine();
            return inner.out.toString();
        }

        private static int span(String value, int max) {
            try {
                int n = Integer.parseInt(value.strip());
                return Math.max(1, Math.min(n, max));
            } catch (NumberFormatException e) {
                return 1;
            }
        }
    }
}
