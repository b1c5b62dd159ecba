package cn.gongfu.unit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The short form documents write a unit's name in: 区卫生健康局 and 区卫健局 are both 卫健局, 县发展和改革局 and 县发改局
 * both 发改局. The words and the rule are vocabulary, kept and documented in unit/abbreviations.txt.
 */
public final class UnitAbbreviations {

    private record Rules(List<String> prefixes, List<Map.Entry<String, String>> words) {}

    private static final Rules RULES = load();

    private UnitAbbreviations() {}

    /** The name's short form: each full word replaced by its short word (longest first), the region prefix dropped. */
    public static String shortForm(String name) {
        String s = name.strip();
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < s.length()) {
            Map.Entry<String, String> hit = null;
            for (Map.Entry<String, String> w : RULES.words()) {
                if (s.startsWith(w.getKey(), i)) {
                    hit = w;
                    break;
                }
            }
            if (hit == null) {
                out.append(s.charAt(i++));
            } else {
                out.append(hit.getValue());
                i += hit.getKey().length();
            }
        }
        String shortened = out.toString();
        for (String p : RULES.prefixes()) {
            if (shortened.startsWith(p) && shortened.length() > p.length() + 1) return shortened.substring(p.length());
        }
        return shortened;
    }

    private static Rules load() {
        try (InputStream in = UnitAbbreviations.class.getResourceAsStream("/unit/abbreviations.txt")) {
            if (in == null) throw new IllegalStateException("unit/abbreviations.txt is missing");
            List<String> prefixes = List.of();
            List<Map.Entry<String, String>> words = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip).toList()) {
                if (line.isEmpty() || line.startsWith("#")) continue;
                String[] parts = line.split("=", 2);
                if (parts.length != 2) throw new IllegalStateException("unit/abbreviations.txt: not \"full = short\": " + line);
                String left = parts[0].strip();
                String right = parts[1].strip();
                if (left.equals("prefixes")) {
                    prefixes = List.copyOf(Arrays.asList(right.split("\\s+")));
                } else {
                    words.add(Map.entry(left, right));
                }
            }
            words.sort(Comparator.comparingInt((Map.Entry<String, String> w) -> w.getKey().length()).reversed());
            return new Rules(prefixes, List.copyOf(words));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
