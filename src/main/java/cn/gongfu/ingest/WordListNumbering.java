package cn.gongfu.ingest;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;

/**
 * Renders the numbers Word draws itself (automatic list numbering) in front of a paragraph's text: plans written
 * in Word often number their measures "1." / "（一）" / "一、" this way, and POI's paragraph text leaves them out.
 * Counters run per list (numId) and level; a higher level resets the ones below it, as Word does.
 */
final class WordListNumbering {

    private static final int LEVELS = 9;
    private final Map<BigInteger, int[]> counters = new HashMap<>();

    /** The label as Word shows it ("3.", "（二）", "一、"), or "" for bullets and unnumbered paragraphs. */
    String label(XWPFParagraph p) {
        BigInteger numId = p.getNumID();
        if (numId == null) {
            return "";
        }
        String format = p.getNumFmt();
        String levelText = p.getNumLevelText();
        if (format == null || levelText == null || format.equals("bullet") || format.equals("none")) {
            return "";
        }
        int level = p.getNumIlvl() == null ? 0 : Math.min(LEVELS - 1, Math.max(0, p.getNumIlvl().intValue()));
        int[] count = counters.computeIfAbsent(numId, k -> new int[LEVELS]);
        if (count[level] == 0 && p.getNumStartOverride() != null) {
            count[level] = p.getNumStartOverride().intValue() - 1;
        }
        count[level]++;
        for (int i = level + 1; i < LEVELS; i++) {
            count[i] = 0;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < levelText.length(); i++) {
            char c = levelText.charAt(i);
            if (c == '%' && i + 1 < levelText.length() && levelText.charAt(i + 1) >= '1' && levelText.charAt(i + 1) <= '9') {
                int l = levelText.charAt(i + 1) - '1';
                int n = Math.max(1, count[l]);
                // Only this paragraph's own level format is known here; the levels above it are shown as digits.
                out.append(l == level ? format(n, format) : String.valueOf(n));
                i++;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    static String format(int n, String format) {
        if (format.startsWith("chinese") || format.startsWith("japaneseCounting") || format.startsWith("taiwaneseCounting")
                || format.equals("ideographDigital")) {
            return ChineseNumerals.format(n);
        }
        if (format.startsWith("decimalEnclosedCircle") && n >= 1 && n <= 20) {
            return String.valueOf((char) ('\u2460' + n - 1));
        }
        if (format.equals("lowerLetter") && n <= 26) {
            return String.valueOf((char) ('a' + n - 1));
        }
        if (format.equals("upperLetter") && n <= 26) {
            return String.valueOf((char) ('A' + n - 1));
        }
        if (format.equals("decimalZero") && n < 10) {
            return "0" + n;
        }
        return String.valueOf(n);
    }
}
