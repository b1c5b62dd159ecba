package cn.gongfu.unit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A first guess at a unit's kind from how its name ends; the office can correct it. The endings are vocabulary,
 * kept in unit/kinds.txt: one kind a line with its endings, tried in order.
 */
public final class UnitKinds {

    private record Rule(String kind, List<String> endings) {}

    private static final List<Rule> RULES = load();

    private UnitKinds() {}

    public static String guess(String name) {
        for (Rule rule : RULES) {
            if (rule.endings().stream().anyMatch(name::endsWith)) return rule.kind();
        }
        return "department";
    }

    private static List<Rule> load() {
        try (InputStream in = UnitKinds.class.getResourceAsStream("/unit/kinds.txt")) {
            if (in == null) throw new IllegalStateException("unit/kinds.txt is missing");
            List<Rule> rules = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip).toList()) {
                if (line.isEmpty() || line.startsWith("#")) continue;
                String[] words = line.split("\\s+");
                rules.add(new Rule(words[0], List.copyOf(Arrays.asList(words).subList(1, words.length))));
            }
            return List.copyOf(rules);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
