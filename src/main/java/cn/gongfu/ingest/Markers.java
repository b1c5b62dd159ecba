package cn.gongfu.ingest;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The line openings that give a plan its structure, shared by the line joiner and the structure parser. */
final class Markers {

    static final String CN = "[一二三四五六七八九十百零〇两]+";

    static final Pattern CHAPTER = Pattern.compile("^(?:(第(" + CN + "|\\d{1,3})[章部分篇编])\\s*|((" + CN + ")、))\\s*(.*)$");
    static final Pattern SECTION = Pattern.compile("^([（(](" + CN + ")[）)])\\s*(.*)$");
    /** 第一节 inside a 第一章: the section level of chapter-style plans. */
    static final Pattern SUBCHAPTER = Pattern.compile("^(第(" + CN + "|\\d{1,3})节)\\s*(.*)$");
    /** "（1）" / "(1)" / "1）" / "①": items below numbered measures, or measures below a numbered heading. */
    static final Pattern SUB_ITEM = Pattern.compile("^(?:[（(]?(\\d{1,2})[）)]|([\u2460-\u2473]))\\s*(.+)$");
    static final Pattern THEME = Pattern.compile("^(——|－－|--)\\s*(.+)$");
    static final Pattern BULLET = Pattern.compile("^([●◆■★▲◎○•])\\s*(.+)$");
    static final Pattern ACTION = Pattern.compile("^第(" + CN + "|\\d{1,3})(?:大|项|个)?(?:行动|工程|任务|计划|举措|措施)");
    static final Pattern TASK_DOTTED = Pattern.compile("^(\\d{1,3})\\s*[.．、](?![\\d%])\\s*(.*)$");
    static final Pattern TASK_BARE = Pattern.compile("^(\\d{1,3})(?=[\\u4e00-\\u9fff“])(.*)$");
    static final Pattern ANNEX = Pattern.compile("^附件\\s*([一二三四五六七八九十]+|\\d{1,2})\\s*[:：]?\\s*$");
    static final Pattern ANNEX_DIRECTORY = Pattern.compile("^附件\\s*[:：]\\s*.*$");
    static final Pattern ANNEX_GROUP = Pattern.compile("^(.{2,60}?)\\s*[（(](\\d{1,3})\\s*(?:项|个|条|件)[）)]$");

    private Markers() {
    }

    /** True for openings that always start a new paragraph (headings, bullets, annexes). */
    static boolean startsStructure(CharSequence line) {
        if (line.length() == 0 || !mayStartStructure(line.charAt(0))) {
            return false;
        }
        String t = line.toString();
        // Only the patterns that can match the first character are tried: this runs for every line.
        char c = t.charAt(0);
        if (c >= '0' && c <= '9') {
            return TASK_DOTTED.matcher(t).matches() || SUB_ITEM.matcher(t).matches();
        }
        if (c == '（' || c == '(') {
            return SECTION.matcher(t).matches() || SUB_ITEM.matcher(t).matches();
        }
        if (c == '第') {
            return CHAPTER.matcher(t).matches() || SUBCHAPTER.matcher(t).matches();
        }
        if (c == '附') {
            return t.startsWith("附件");
        }
        if (c >= '\u2460' && c <= '\u2473') {
            return SUB_ITEM.matcher(t).matches();
        }
        if (c == '—' || c == '－' || c == '-') {
            return THEME.matcher(t).matches();
        }
        return CHAPTER.matcher(t).matches() || BULLET.matcher(t).matches();
    }

    private static final String STRUCTURE_STARTS = "第（(—－-●◆■★▲◎○•附一二三四五六七八九十百零〇两";

    private static boolean mayStartStructure(char c) {
        return (c >= '0' && c <= '9') || (c >= '\u2460' && c <= '\u2473') || STRUCTURE_STARTS.indexOf(c) >= 0;
    }

    /** The number of a "（2）" / "②" item, or -1. */
    static int subItemNumber(Matcher m) {
        return m.group(1) != null ? Integer.parseInt(m.group(1)) : m.group(2).charAt(0) - '\u2460' + 1;
    }

    static boolean startsTaskNumber(CharSequence line) {
        return TASK_DOTTED.matcher(line).matches();
    }

    /**
     * The task number a wrapped line opens with, or 0. Numbers without a dot ("88完善…") count only when they
     * continue the running sequence, so a wrapped "2025年…" is never mistaken for task 2025.
     */
    static int leadingTaskNumber(String line, int lastNumber) {
        if (line.isEmpty() || line.charAt(0) < '0' || line.charAt(0) > '9') {
            return 0;
        }
        Matcher m = TASK_DOTTED.matcher(line);
        if (m.matches()) {
            String rest = m.group(2);
            if (rest.startsWith("年") || rest.startsWith("月")) {
                return 0;
            }
            return Integer.parseInt(m.group(1));
        }
        m = TASK_BARE.matcher(line);
        if (m.matches() && lastNumber > 0 && Integer.parseInt(m.group(1)) == lastNumber + 1) {
            return lastNumber + 1;
        }
        return 0;
    }

    /** A short heading line with no sentence inside it (so it cannot continue on the next line). */
    static boolean isHeadingLine(CharSequence line) {
        if (line.length() == 0 || line.length() > 40 || !mayStartStructure(line.charAt(0))) {
            return false;
        }
        String t = line.toString();
        if (TASK_DOTTED.matcher(t).matches()) {
            return false;
        }
        if (!(CHAPTER.matcher(t).matches() || SECTION.matcher(t).matches() || SUBCHAPTER.matcher(t).matches()
                || THEME.matcher(t).matches() || BULLET.matcher(t).matches())) {
            return false;
        }
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '。' || c == '；' || c == '，' || c == ',' || c == ';') {
                return false;
            }
        }
        return true;
    }
}
