package cn.gongfu.ingest;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Measure words and units of measurement as Chinese plans write them after a number. This is general
 * Chinese grammar (量词 and SI/Chinese units), not a list taken from any one document. The words are data, in
 * ingest/units.txt and ingest/units-after-comparator.txt; the 万/亿 prefixes are part of the pattern.
 */
final class Units {

    private static final String[] BASE = Vocabulary.words("ingest/units.txt").toArray(String[]::new);

    /** Units that also read as dates or durations: accepted only right after a comparator (达15.1年). */
    static final Set<String> NEED_COMPARATOR = Set.copyOf(Vocabulary.words("ingest/units-after-comparator.txt"));

    static final Pattern UNIT;

    static {
        String[] sorted = BASE.clone();
        Arrays.sort(sorted, Comparator.comparingInt(String::length).reversed());
        String alt = String.join("|", sorted);
        String simple = "(?:[万亿]{0,2}(?:" + alt + "))";
        // "185元/月", "3.6元/季度": a month or a quarter is a denominator, never a unit of its own (5月 is a date).
        String denominator = "(?:[万亿千百]?(?:" + alt + ")|月|季度|周)";
        UNIT = Pattern.compile("(?:%|‰|" + simple + "(?:/" + denominator + ")?|[万亿])");
    }

    private Units() {
    }

    /** The measure word part without 万/亿 ("万平方米" → "平方米"), for the comparator check above. */
    static String base(String unit) {
        String u = unit;
        if (u.startsWith("万") || u.startsWith("亿")) {
            u = u.substring(1);
        }
        int slash = u.indexOf('/');
        return slash >= 0 ? u.substring(0, slash) : u;
    }
}
