package cn.gongfu.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * User text lives in messages.properties / messages_en.properties, never in main Java: a Chinese literal in code
 * cannot be translated and drifts from the bundles. The scanner tokenizes Java (comments, strings, text blocks, char
 * literals, escapes), so Chinese in comments is fine and a "//" inside a string does not hide the rest of a line.
 */
class NoUserTextInJavaTest {

    private static final Path MAIN = Path.of("src/main/java");

    /**
     * What may stay, each with its reason: a file ("path"), or one literal in it ("path: literal text"). Keep it
     * short; a new entry needs a reason a reviewer accepts. Annotation values (OpenAPI {@code @Tag} descriptions,
     * Bean Validation messages) are not checked: they must be compile-time constants, and the API documents itself
     * in both languages.
     */
    static final Map<String, String> ALLOWED = allowed();

    @Test
    void mainJavaHoldsNoChineseLiterals() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                String name = MAIN.relativize(file).toString().replace('\\', '/');
                if (ALLOWED.containsKey(name)) continue;
                for (Literal l : JavaLiterals.of(Files.readString(file, StandardCharsets.UTF_8))) {
                    if (l.hasCjk() && !l.inAnnotation() && !ALLOWED.containsKey(name + ": " + l.text())) {
                        found.add(name + ":" + l.line() + ": " + l.text());
                    }
                }
            }
        }
        assertThat(found).as("Chinese literals in main Java; move them to messages*.properties").isEmpty();
    }

    @Test
    void everyAllowanceStillNamesAChineseLiteral() throws IOException {
        List<String> stale = new ArrayList<>();
        for (var entry : ALLOWED.entrySet()) {
            assertThat(entry.getValue()).as(entry.getKey()).isNotBlank();
            int colon = entry.getKey().indexOf(".java: ");
            String name = colon < 0 ? entry.getKey() : entry.getKey().substring(0, colon + 5);
            String literal = colon < 0 ? null : entry.getKey().substring(colon + 7);
            Path file = MAIN.resolve(name);
            if (!Files.exists(file)) {
                stale.add(entry.getKey() + " (no such file)");
                continue;
            }
            boolean used = JavaLiterals.of(Files.readString(file, StandardCharsets.UTF_8)).stream()
                    .anyMatch(l -> l.hasCjk() && (literal == null || literal.equals(l.text())));
            if (!used) stale.add(entry.getKey() + " (no such Chinese literal any more)");
        }
        assertThat(stale).as("allowances to delete").isEmpty();
    }

    private static Map<String, String> allowed() {
        Map<String, String> m = new TreeMap<>();
        m.put("cn/gongfu/kernel/SpreadsheetText.java", "data: the full-width characters (＝＋－＠) Excel also reads as a formula's start");
        m.put("cn/gongfu/importing/DraftMapper.java", "vocabulary: the names of the four system columns of a parsed task table");
        m.put("cn/gongfu/importing/ImportService.java", "vocabulary: the region prefixes (区 市 县) a unit's written name may carry");
        m.put("cn/gongfu/reporting/ObservationRules.java", "vocabulary: the words that mark an indicator of change (增长 增速 变化)");
        m.put("cn/gongfu/reporting/feed/RowSink.java", "vocabulary: the Chinese column names a feed's CSV header may use");
        m.put("cn/gongfu/kernel/OfficialStyle.java", "data: the font names GB/T 9704 prescribes for official documents (仿宋_GB2312 黑体…) and the punctuation no line may begin with");
        m.put("cn/gongfu/plan/TaskInput.java", "vocabulary: the separators a list of unit names is written with (、，；) and 至 between two months");
        m.put("cn/gongfu/evaluation/method/RollUp.java", "vocabulary: the words and units that tell a ratio from an additive quantity (人均 率 万元…) and the default weight 常住人口");
        m.put("cn/gongfu/kernel/Rules.java", "Bean Validation message constants for annotations; bilingual by design");
        // The parser's vocabulary is data. Word lists live in src/main/resources/ingest/*.txt (Vocabulary); what
        // stays is regular expressions and character classes of how Chinese plans are written.
        String parser = "parser vocabulary: ";
        m.put("cn/gongfu/ingest/ChineseNumerals.java", parser + "the Chinese digits it reads (零〇一二…千)");
        m.put("cn/gongfu/ingest/FindingsAnalyzer.java", parser + "scope prefixes (全区 我市 累计…) and punctuation it ignores in names");
        m.put("cn/gongfu/ingest/TableColumn.java", parser + "the header words of table columns (序号 牵头单位 完成时限…)");
        m.put("cn/gongfu/ingest/TableReader.java", parser + "patterns of table headers and category rows");
        m.put("cn/gongfu/ingest/TwoLevelHeader.java", parser + "the full-width brackets of a header cell naming its unit (城镇新增就业（人）)");
        m.put("cn/gongfu/ingest/CellAligner.java", parser + "patterns of table cells (deadlines, unit lists, names, task verbs)");
        m.put("cn/gongfu/ingest/CellLineRows.java", parser + "patterns of category rows in tables written one cell per line");
        m.put("cn/gongfu/ingest/ParagraphCells.java", parser + "the item-number punctuation (。 、) that joins cells spanning paragraphs");
        m.put("cn/gongfu/ingest/HtmlTextExtractor.java", parser + "the CJK ranges between which a web page's line breaks are joined");
        m.put("cn/gongfu/ingest/ScannedPdfOcr.java", parser + "the CJK ranges between which OCR's spaces are removed");
        m.put("cn/gongfu/ingest/SpreadsheetTextExtractor.java", parser + "the default sheet names (工作表1) that are not headings");
        m.put("cn/gongfu/ingest/TableLines.java", parser + "patterns of table header and cell lines");
        m.put("cn/gongfu/ingest/IndicatorTableInterpreter.java", parser + "patterns of indicator table headers and cells");
        m.put("cn/gongfu/ingest/Indicators.java", parser + "patterns of indicator names and polarity words");
        m.put("cn/gongfu/ingest/InlineIndicatorList.java", parser + "patterns of indicators listed in running text");
        m.put("cn/gongfu/ingest/Markers.java", parser + "patterns of chapter, section, action and annex markers");
        m.put("cn/gongfu/ingest/MeasureSplitter.java", parser + "patterns that split a task's measures");
        m.put("cn/gongfu/ingest/PageFurniture.java", parser + "patterns of web-page furniture (breadcrumbs, 字号, 此件公开发布) and dates");
        m.put("cn/gongfu/ingest/ProseDeadlines.java", parser + "patterns of deadlines in sentences (5月底前 每月20日前 一季度)");
        m.put("cn/gongfu/ingest/ResponsibleUnits.java", parser + "patterns of lead and co-operating unit labels");
        m.put("cn/gongfu/ingest/ScheduleParser.java", parser + "patterns of dates and milestones (年底 上半年 第一季度…)");
        m.put("cn/gongfu/ingest/StructureParser.java", parser + "patterns of outline headings and list markers");
        m.put("cn/gongfu/ingest/TargetExtractor.java", parser + "patterns of targets (达到 不低于 控制在…)");
        m.put("cn/gongfu/ingest/TaskTableInterpreter.java", parser + "patterns of task table headers");
        m.put("cn/gongfu/ingest/TextNormalizer.java", parser + "patterns of page furniture and web boilerplate");
        m.put("cn/gongfu/ingest/TitleFinder.java", parser + "patterns of plan titles (实施方案 行动计划…)");
        m.put("cn/gongfu/ingest/Units.java", parser + "the 万/亿 magnitude prefixes of the unit pattern");
        return m;
    }

    @Test
    void scannerFindsChineseInStringsCharsAndTextBlocks() {
        String source = """
                class A {
                    String a = "计划";
                    char b = '，';
                    String c = \"""
                        text block
                        全角：\""";
                    String d = "\\u4e2d";
                    String e = "ＡＢ";
                    String f = "“quoted”";
                }
                """;
        assertThat(JavaLiterals.of(source).stream().filter(Literal::hasCjk).map(Literal::line))
                .containsExactly(2, 3, 4, 7, 8, 9);
    }

    @Test
    void scannerIgnoresCommentsButNotCodeAfterThem() {
        String source = """
                // 注释 "not a literal"
                /* 块注释 "也不是" */ class A {
                    /** 文档 '，' */
                    String url = "http://example"; String x = "中";
                    String y = "/* no comment */"; String z = "文";
                    char q = '"'; String w = "\\"\\\\"; String v = "字";
                    String empty = ""; // "注释"
                }
                """;
        List<Literal> literals = JavaLiterals.of(source);
        assertThat(literals.stream().filter(Literal::hasCjk).map(l -> l.line() + ":" + l.text()))
                .containsExactly("4:中", "5:文", "6:字");
        assertThat(literals.stream().map(Literal::text)).contains("http://example", "/* no comment */", "\"", "\\\"\\\\", "");
    }

    @Test
    void asciiAndOrdinarySymbolsAreNotChinese() {
        assertThat(JavaLiterals.of("class A { String s = \"plain - ASCII ±×÷ é\"; }").stream().anyMatch(Literal::hasCjk))
                .isFalse();
    }

    /**
     * A string, char or text-block literal: the line it starts on, its source text between the quotes, and whether
     * it is an annotation's value.
     */
    record Literal(int line, String text, boolean inAnnotation) {

        boolean hasCjk() {
            return isCjk(text) || isCjk(unescapeUnicode(text));
        }

        private static boolean isCjk(String s) {
            return s.codePoints().anyMatch(Literal::isCjk);
        }

        static boolean isCjk(int cp) {
            Character.UnicodeScript script = Character.UnicodeScript.of(cp);
            if (script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.BOPOMOFO) return true;
            Character.UnicodeBlock block = Character.UnicodeBlock.of(cp);
            return block == Character.UnicodeBlock.CJK_SYMBOLS_AND_PUNCTUATION
                    || block == Character.UnicodeBlock.HALFWIDTH_AND_FULLWIDTH_FORMS
                    || block == Character.UnicodeBlock.CJK_COMPATIBILITY_FORMS
                    || block == Character.UnicodeBlock.VERTICAL_FORMS
                    || block == Character.UnicodeBlock.ENCLOSED_CJK_LETTERS_AND_MONTHS
                    || block == Character.UnicodeBlock.CJK_COMPATIBILITY
                    || cp == '“' || cp == '”';
        }

        /** Decodes {@code \\uXXXX} escapes, so "\u4e2d" counts as Chinese too. */
        private static String unescapeUnicode(String s) {
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '\\' && i + 1 < s.length() && s.charAt(i + 1) == 'u') {
                    int j = i + 1;
                    while (j < s.length() && s.charAt(j) == 'u') j++;
                    if (j + 4 <= s.length()) {
                        try {
                            out.append((char) Integer.parseInt(s.substring(j, j + 4), 16));
                            i = j + 3;
                            continue;
                        } catch (NumberFormatException ignored) {
                            // not an escape after all: keep the text as it is
                        }
                    }
                }
                out.append(c);
            }
            return out.toString();
        }
    }

    /** A small Java tokenizer that knows just enough to tell literals from comments and code. */
    static final class JavaLiterals {

        private final String src;
        private final List<Literal> literals = new ArrayList<>();
        private int pos;
        private int line = 1;
        /** Open parentheses of the annotation being read (@Tag(...)), 0 outside annotations. */
        private int annotationDepth;

        private JavaLiterals(String src) {
            this.src = src;
        }

        static List<Literal> of(String source) {
            JavaLiterals scanner = new JavaLiterals(source);
            scanner.scan();
            return scanner.literals;
        }

        private void scan() {
            while (pos < src.length()) {
                char c = src.charAt(pos);
                if (c == '/' && peek(1) == '/') skipLineComment();
                else if (c == '/' && peek(1) == '*') skipBlockComment();
                else if (c == '"' && peek(1) == '"' && peek(2) == '"') textBlock();
                else if (c == '"' || c == '\'') quoted(c);
                else if (c == '@' && annotationDepth == 0) annotation();
                else {
                    if (annotationDepth > 0 && c == '(') annotationDepth++;
                    if (annotationDepth > 0 && c == ')') annotationDepth--;
                    advance();
                }
            }
        }

        private char peek(int ahead) {
            int i = pos + ahead;
            return i < src.length() ? src.charAt(i) : '\0';
        }

        private void advance() {
            if (src.charAt(pos) == '\n') line++;
            pos++;
        }

        /** An annotation's name; with arguments, the literals up to its closing parenthesis count as annotation values. */
        private void annotation() {
            pos++;
            while (pos < src.length() && (Character.isJavaIdentifierPart(src.charAt(pos)) || src.charAt(pos) == '.')) pos++;
            while (pos < src.length() && Character.isWhitespace(src.charAt(pos))) advance();
            if (pos < src.length() && src.charAt(pos) == '(') {
                annotationDepth = 1;
                pos++;
            }
        }

        private void skipLineComment() {
            while (pos < src.length() && src.charAt(pos) != '\n') pos++;
        }

        private void skipBlockComment() {
            pos += 2;
            while (pos < src.length() && !(src.charAt(pos) == '*' && peek(1) == '/')) advance();
            pos = Math.min(src.length(), pos + 2);
        }

        /** A string or char literal: ends at the unescaped closing quote (or, if malformed, the line's end). */
        private void quoted(char quote) {
            int startLine = line;
            int start = ++pos;
            while (pos < src.length() && src.charAt(pos) != quote && src.charAt(pos) != '\n') {
                pos += src.charAt(pos) == '\\' ? 2 : 1;
            }
            int end = Math.min(pos, src.length());
            literals.add(new Literal(startLine, src.substring(start, end), annotationDepth > 0));
            if (pos < src.length() && src.charAt(pos) == quote) pos++;
        }

        /** A text block: from """ to the next unescaped """. */
        private void textBlock() {
            int startLine = line;
            pos += 3;
            int start = pos;
            while (pos < src.length() && !(src.charAt(pos) == '"' && peek(1) == '"' && peek(2) == '"')) {
                if (src.charAt(pos) == '\\') pos++;
                if (pos < src.length()) advance();
            }
            literals.add(new Literal(startLine, src.substring(start, Math.min(pos, src.length())), annotationDepth > 0));
            pos = Math.min(src.length(), pos + 3);
        }
    }
}
