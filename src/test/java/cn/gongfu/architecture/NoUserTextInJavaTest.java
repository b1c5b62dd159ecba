package cn.gongfu.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
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
     * Files whose Chinese literals are not user text, each with the reason. Keep it short: a new entry needs a
     * reason a reviewer accepts.
     */
    private static final Map<String, String> ALLOWED = Map.ofEntries();

    @Test
    void mainJavaHoldsNoChineseLiterals() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                String name = MAIN.relativize(file).toString().replace('\\', '/');
                if (ALLOWED.containsKey(name)) continue;
                for (Literal l : JavaLiterals.of(Files.readString(file, StandardCharsets.UTF_8))) {
                    if (l.hasCjk()) found.add(name + ":" + l.line() + ": " + l.text());
                }
            }
        }
        assertThat(found).as("Chinese literals in main Java; move them to messages*.properties").isEmpty();
    }

    @Test
    void everyAllowedFileExistsAndStillNeedsIt() {
        Map<String, String> stale = new TreeMap<>();
        ALLOWED.forEach((name, reason) -> {
            Path file = MAIN.resolve(name);
            try {
                if (!Files.exists(file)) stale.put(name, "missing");
                else if (JavaLiterals.of(Files.readString(file, StandardCharsets.UTF_8)).stream().noneMatch(Literal::hasCjk))
                    stale.put(name, "has no Chinese literal any more");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            assertThat(reason).as(name).isNotBlank();
        });
        assertThat(stale).isEmpty();
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

    /** A string, char or text-block literal: the line it starts on and its source text between the quotes. */
    record Literal(int line, String text) {

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
                else advance();
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
            literals.add(new Literal(startLine, src.substring(start, end)));
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
            literals.add(new Literal(startLine, src.substring(start, Math.min(pos, src.length()))));
            pos = Math.min(src.length(), pos + 3);
        }
    }
}
