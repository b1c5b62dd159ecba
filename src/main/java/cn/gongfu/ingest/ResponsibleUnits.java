package cn.gongfu.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds responsible units as plans write them: "（牵头单位：区教育局、区人力社保局）", a trailing
 * "(区经信局)" after a measure, or the bracket after an annex task's title. Names are kept as written;
 * aliases (区卫健局 = 区卫生健康局) are the importer's business.
 */
final class ResponsibleUnits {

    private static final Pattern LABELLED = Pattern.compile(
            "[（(]\\s*(牵头单位|责任单位|牵头部门|责任部门|主要责任单位|主责单位|实施单位)\\s*[:：]");
    private static final Pattern ORG_SUFFIX = Pattern.compile(
            ".*(?:局|委|办|部|会|院|中心|镇|街道|乡|室|处|所|队|站|团|社|厅|委员会|专班|公司|集团|联|协|政府|管委会|管理区|开发区|园区|新区|度假区|分局|法院|检察院|工会|支队|大队|总队|组|科|馆|台|行|署|区)$");

    /** Result of taking units out of a text: the units and the text without the bracket. */
    record Split(List<String> units, String rest) {
    }

    private static final Pattern OTHER_UNITS = Pattern.compile("[；;]\\s*(?:配合|协办|参与|责任)?(?:单位|部门)\\s*[:：]");
    private static final Pattern SEPARATORS = Pattern.compile("[、，,；;]");
    private static final Pattern BRACKETS_AROUND = Pattern.compile("^[（(]+|[)）]+$");
    private static final Pattern DIGIT = Pattern.compile("\\d");

    private ResponsibleUnits() {
    }

    /** Takes "（牵头单位：…）" out of the text (it may be anywhere, usually at the end). */
    static Split labelled(String text) {
        Matcher m = LABELLED.matcher(text);
        if (!m.find()) {
            return new Split(List.of(), text);
        }
        int contentStart = m.end();
        int close = matchingClose(text, m.start());
        int contentEnd = close < 0 ? text.length() : close;
        String content = text.substring(contentStart, contentEnd);
        // "牵头单位：A；配合单位：B" — only the lead part is ours.
        content = OTHER_UNITS.split(content)[0];
        String rest = (text.substring(0, m.start()) + (close < 0 ? "" : text.substring(close + 1))).trim();
        return new Split(split(content), rest);
    }

    static List<String> split(String content) {
        List<String> units = new ArrayList<>();
        for (String part : SEPARATORS.split(content)) {
            String u = BRACKETS_AROUND.matcher(part.trim()).replaceAll("").trim();
            if (u.endsWith("。") || u.endsWith(".")) {
                u = u.substring(0, u.length() - 1);
            }
            if (!u.isEmpty()) {
                units.add(u);
            }
        }
        return units;
    }

    /** True when every 、-separated part of a bracket reads like an organisation name. */
    static boolean looksLikeUnits(String content) {
        String c = content.trim();
        if (c.length() < 2 || c.length() > 200 || DIGIT.matcher(c).find()) {
            return false;
        }
        for (String part : split(c)) {
            if (part.length() < 2 || part.length() > 30 || !ORG_SUFFIX.matcher(part).matches()) {
                return false;
            }
            if (part.equals("街道") || part.equals("社区") || part.equals("乡镇") || part.equals("市") || part.equals("区县")) {
                return false;
            }
        }
        return true;
    }

    /** Peels trailing brackets off an annex title: "大通道建设(区交通局)(区发改局)" → title + 2 units. */
    static Split trailingBrackets(String title) {
        String t = title.trim();
        List<List<String>> groups = new ArrayList<>();
        while (t.endsWith(")") || t.endsWith("）")) {
            int open = matchingOpen(t, t.length() - 1);
            if (open <= 0) {
                break;
            }
            String content = t.substring(open + 1, t.length() - 1);
            while ((content.startsWith("(") || content.startsWith("（")) && (content.endsWith(")") || content.endsWith("）"))) {
                content = content.substring(1, content.length() - 1);
            }
            if (!looksLikeUnits(content) && !groups.isEmpty()) {
                break;
            }
            if (!looksLikeUnits(content) && content.matches(".*[\\d年].*")) {
                break;
            }
            groups.add(0, split(content));
            t = t.substring(0, open).trim();
        }
        List<String> units = new ArrayList<>();
        groups.forEach(units::addAll);
        return new Split(units, t);
    }

    static int matchingClose(String s, int open) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '(' || c == '（') {
                depth++;
            } else if (c == ')' || c == '）') {
                depth--;
                if (depth == 0) {
                    return i;
                }
            }
        }
        return -1;
    }

    static int matchingOpen(String s, int close) {
        int depth = 0;
        for (int i = close; i >= 0; i--) {
            char c = s.charAt(i);
            if (c == ')' || c == '）') {
                depth++;
            } else if (c == '(' || c == '（') {
                depth--;
                if (depth == 0) {
                    return i;
                }
            }
        }
        return -1;
    }
}
