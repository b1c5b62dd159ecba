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

    private static final String LEAD_LABEL = "(?:牵头单位|责任单位|牵头部门|责任部门|主要责任单位|主责单位|实施单位|责任主体)";
    private static final Pattern LABELLED = Pattern.compile("[（(【［\\[]\\s*" + LEAD_LABEL + "\\s*[:：]");
    /** "…。牵头单位：县商务局、县发改局" — the label on its own line after the measure, without brackets. */
    private static final Pattern UNBRACKETED = Pattern.compile("(?:^|[。；;！？])\\s*" + LEAD_LABEL + "\\s*[:：]\\s*([^。；;]{2,300}?)[。；;]?$");
    private static final Pattern ORG_SUFFIX = Pattern.compile(
            ".*(?:局|委|办|部|会|院|中心|镇|街道|乡|室|处|所|队|站|团|社|厅|委员会|专班|公司|集团|联|协|政府|管委会|管理区|开发区|园区|新区|度假区|分局|法院|检察院|工会|支队|大队|总队|组|科|馆|台|行|署|区|部门|单位)$");

    /** How a labelled line after a task names who is responsible. */
    enum Role { LEAD, DUTY, CO, PERSON }

    /** A line of its own naming units or people: "牵头单位：…", "责任单位：…", "配合单位：…", "牵头负责领导：…". */
    record UnitLine(Role role, List<String> names) {
    }

    private static final Pattern UNIT_LINE = Pattern.compile("^([（(【]?)\\s*(?:"
            + "(牵头责任单位|牵头单位|牵头部门|主要责任单位|主责单位)"
            + "|(责任单位|责任部门|实施单位|承办单位)"
            + "|(协同责任单位|协同配合单位|协同单位|配合单位|配合部门|协办单位|参与单位)"
            + "|(牵头负责领导|牵头领导|责任领导|分管领导|负责领导|分管[县区市]领导|[县区市]级?责任领导|责任人))"
            + "\\s*[:：]\\s*(.*)$");
    /** "列第一位者为牵头单位" / "排在第一位的为牵头单位": said once for the whole list. */
    private static final Pattern FIRST_LISTED_LEADS = Pattern.compile(
            "(?:列|排)(?:在)?(?:首位|第一位|第一)(?:者|的|单位)?(?:单位)?(?:为|是)(?:主要)?牵头(?:单位|部门)|第一(?:个|家)?(?:单位|部门)为牵头(?:单位|部门)");
    /** A bracket after a unit list that is a note, not a unit ("（按职责分工负责）"). */
    private static final Pattern NOTE_BRACKET = Pattern.compile("[（(]([^（()）]*(?:负责|分工|按|列|下同|排|职责|第一|依|具体|各自|为准|注|牵头单位)[^（()）]*)[）)]$");
    private static final Pattern AND_OTHERS = Pattern.compile("等(?:相关|有关)?(?:部门|单位)$");

    /** Result of taking units out of a text: the lead units, the co-operating units and the text without them. */
    record Split(List<String> units, List<String> coUnits, String rest) {
        Split(List<String> units, String rest) {
            this(units, List.of(), rest);
        }
    }

    /** Where the co-operating units start: "；配合单位：", "，协办单位：", "；责任单位：" after a lead label. */
    private static final Pattern OTHER_UNITS = Pattern.compile(
            "(?:[；;，,。\\s]\\s*|(?=配合|协办|协助|协同|参与))(?:配合|协办|协助|协同|参与|责任)?(?:单位|部门)\\s*[:：]");
    private static final Pattern LEAD_MARK = Pattern.compile("\\s*[（(]\\s*牵头\\s*[）)]$");
    private static final Pattern TRAILING_BRACKET = Pattern.compile("[（(][^（()）]{1,10}[）)]$");
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
        char open = text.charAt(m.start());
        int close = open == '（' || open == '(' ? matchingClose(text, m.start())
                : text.indexOf(open == '【' ? '】' : open == '［' ? '］' : ']', contentStart);
        int contentEnd = close < 0 ? text.length() : close;
        String content = text.substring(contentStart, contentEnd);
        String rest = (text.substring(0, m.start()) + (close < 0 ? "" : text.substring(close + 1))).trim();
        return leadAndCo(content, rest);
    }

    /** "（县发改局牵头，县财政局、县统计局配合）": the bracket names who leads and who co-operates. */
    private static final Pattern LEAD_VERB = Pattern.compile("^(.{2,120}?)牵头(?:[，,；;、\\s]*(.{2,200}?)(?:配合|协同|参与|协助|协办))?[。]?$");

    /** The content of a trailing bracket written with 牵头/配合 verbs, or null when it is not one. */
    static Split leadVerbs(String content, String rest) {
        Matcher m = LEAD_VERB.matcher(content.trim());
        if (!m.matches() || !looksLikeUnits(m.group(1)) || m.group(2) != null && !looksLikeUnits(m.group(2))) {
            return null;
        }
        return new Split(split(m.group(1)), m.group(2) == null ? List.of() : split(m.group(2)), rest);
    }

    /** A table cell of units: "A、B" or "A（牵头）、B" or "A；配合：B". */
    static Split unitCell(String cell) {
        return leadAndCo(cell, "");
    }

    /** "牵头单位：…" without brackets at the end of a measure (often on a line of its own). */
    static Split unbracketed(String text) {
        Matcher m = UNBRACKETED.matcher(text);
        if (!m.find()) {
            return new Split(List.of(), text);
        }
        String rest = text.substring(0, m.start() + (m.group().startsWith("。") ? 1 : 0)).trim();
        return leadAndCo(m.group(1), rest);
    }

    /**
     * "A、B；配合单位：C" — lead units before the co-operating label, co-units after it. In a plain list
     * "A（牵头）、B、C" the units marked 牵头 lead and the others co-operate.
     */
    private static Split leadAndCo(String content, String rest) {
        Matcher other = OTHER_UNITS.matcher(content);
        String lead = content;
        String co = "";
        if (other.find() && other.start() > 0) {
            lead = content.substring(0, other.start());
            co = content.substring(other.end());
        }
        List<String> leads = split(lead);
        List<String> coUnits = new ArrayList<>(split(co));
        if (lead.contains("牵头") && leads.stream().anyMatch(u -> LEAD_MARK.matcher(u).find())) {
            List<String> marked = new ArrayList<>();
            List<String> others = new ArrayList<>();
            for (String u : leads) {
                Matcher mark = LEAD_MARK.matcher(u);
                if (mark.find()) {
                    marked.add(u.substring(0, mark.start()));
                } else {
                    others.add(u);
                }
            }
            others.addAll(coUnits);
            return new Split(marked, others, rest);
        }
        return new Split(leads, coUnits, rest);
    }

    /**
     * Splits on 、，,；;/ and spaces between names, never inside brackets, so "各乡镇（街道）" stays one unit.
     */
    static List<String> split(String content) {
        List<String> units = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        int depth = 0;
        for (int i = 0; i < content.length(); i++) {
            char c = content.charAt(i);
            if (c == '（' || c == '(') {
                depth++;
            } else if ((c == '）' || c == ')') && depth > 0) {
                depth--;
            } else if (depth == 0 && "、，,；;/／ ".indexOf(c) >= 0) {
                addUnit(units, part);
                continue;
            }
            part.append(c);
        }
        addUnit(units, part);
        return units;
    }

    /** The labelled unit or person line, or null when the line is not one. */
    static UnitLine unitLine(String line) {
        Matcher m = UNIT_LINE.matcher(line);
        if (!m.matches()) {
            return null;
        }
        String content = m.group(6).trim();
        if (!m.group(1).isEmpty() && !content.isEmpty() && "）)】".indexOf(content.charAt(content.length() - 1)) >= 0) {
            content = content.substring(0, content.length() - 1);
        }
        if (content.isBlank() || content.length() > 300) {
            return null;
        }
        Role role = m.group(2) != null ? Role.LEAD : m.group(3) != null ? Role.DUTY : m.group(4) != null ? Role.CO : Role.PERSON;
        if (role != Role.PERSON && OTHER_UNITS.matcher(content).find()) {
            // "牵头单位：A；配合单位：B" on one line: read as a labelled text, which splits the two.
            return null;
        }
        List<String> names = role == Role.PERSON ? people(content) : split(content);
        return names.isEmpty() ? null : new UnitLine(role, names);
    }

    /** People as written, split on 、，, and spaces; "（…）" notes dropped. */
    static List<String> people(String content) {
        List<String> out = new ArrayList<>();
        for (String p : content.replaceAll("[（(][^（()）]*[）)]", "").split("[、，,；;/\\s]+")) {
            String name = p.replaceAll("[。.]+$", "").trim();
            if (!name.isEmpty()) {
                out.add(name);
            }
        }
        return out;
    }

    /** True when the text states that the first unit listed for a task leads it. */
    static boolean statesFirstListedLeads(String text) {
        return text.contains("第一") || text.contains("首位") ? FIRST_LISTED_LEADS.matcher(text).find() : false;
    }

    /**
     * Where the document says "列第一位者为牵头单位" once for the whole list, a task's first listed unit leads and
     * the others co-operate (unless the task already names its co-units apart).
     */
    static void firstListedLeads(List<TaskDraft> tasks) {
        for (TaskDraft t : tasks) {
            if (t.leadUnits.size() > 1 && t.coUnits.isEmpty()) {
                List<String> others = new ArrayList<>(t.leadUnits.subList(1, t.leadUnits.size()));
                t.leadUnits = new ArrayList<>(t.leadUnits.subList(0, 1));
                t.coUnits = others;
            }
        }
    }

    private static void addUnit(List<String> units, StringBuilder part) {
        String u = part.toString().trim();
        part.setLength(0);
        // "县财政局（按职责分工负责）": the note is not part of the name; "各乡镇（街道）" and "A（牵头）" keep their brackets.
        Matcher note = NOTE_BRACKET.matcher(u);
        if (note.find() && !note.group(1).trim().equals("牵头")) {
            u = u.substring(0, note.start()).trim();
        }
        u = AND_OTHERS.matcher(u).replaceFirst("");
        if (!balanced(u)) {
            u = BRACKETS_AROUND.matcher(u).replaceAll("").trim();
        }
        while (u.endsWith("。") || u.endsWith(".") || u.endsWith("等")) {
            u = u.substring(0, u.length() - 1);
        }
        if (!u.isEmpty()) {
            units.add(u);
        }
    }

    private static boolean balanced(String u) {
        int depth = 0;
        for (int i = 0; i < u.length(); i++) {
            char c = u.charAt(i);
            if (c == '（' || c == '(') {
                depth++;
            } else if (c == '）' || c == ')') {
                if (--depth < 0) {
                    return false;
                }
            }
        }
        return depth == 0;
    }

    /** True when every 、-separated part of a bracket reads like an organisation name. */
    static boolean looksLikeUnits(String content) {
        String c = content.trim();
        if (c.length() < 2 || c.length() > 200 || DIGIT.matcher(c).find()) {
            return false;
        }
        for (String part : split(c)) {
            String name = TRAILING_BRACKET.matcher(part).replaceFirst("");
            if (name.length() < 2 || part.length() > 30 || !ORG_SUFFIX.matcher(name).matches()) {
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
