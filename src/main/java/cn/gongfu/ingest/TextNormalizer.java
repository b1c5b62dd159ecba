package cn.gongfu.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Cleans extracted text into logical lines: full-width digits and letters, spacing that OCR puts between
 * characters, page furniture ("上接第2版"), web boilerplate (font-size links, share buttons, source lines),
 * and line breaks of hard-wrapped OCR columns (joined back into paragraphs, keeping the first line number).
 */
final class TextNormalizer {

    private static final Pattern FURNITURE_LINE = Pattern.compile(
            "^(?:(?:上接|下转|接上|转下|上转|下接)第?[0-9一二三四五六七八九十A-Za-z]{1,3}版"
                    + "|进入(?:老年|无障碍|长者)版.*|.*无障碍浏览.*"
                    + "|字体[:：]?\\s*【?大】?.*|.*【大】\\s*【中】.*|.*【大】\\s*【小】.*"
                    + "|【?(?:打印|关闭|打印本页|关闭窗口|返回顶部|收藏|纠错)】?(?:\\s*【?(?:打印|关闭|打印本页|关闭窗口|返回顶部|收藏|纠错)】?)*"
                    + "|(?:分享到|分享)[:：]?.{0,20}"
                    + "|索引号.*|(?:主题分类|组配分类|公开方式|公开范围|发布机构|发文机关|成文日期|文\\s*号)[:：\\s].*"
                    + "|(?:发布日期|发布时间|发文日期|更新时间|浏览次数|阅读次数|访问量|点击数|信息来源|来源)[:：].{0,60}"
                    + "|.*咨询热线.*|[0-9\\-—()（）\\s]{7,}"
                    + "|当前位置[:：].*|首页\\s*[>＞»].*)$");

    /** Web page tails: everything after these (near the end of the text) is site furniture. */
    private static final Pattern TAIL_START = Pattern.compile(
            "^(?:[（(]来源[:：].*|相关新闻.*|相关链接.*|相关阅读.*|扫一扫.*|FOLLOW US.*|【打印本页】.*|上一篇[:：].*|下一篇[:：].*|抄送[:：].*)$");

    /** Page numbers of PDF and Word pages: "- 3 -", "— 12 —", "第3页 共20页", "3/20". A bare "12" is not (annex rows). */
    private static final Pattern PAGE_NUMBER = Pattern.compile(
            "^(?:[-—–－]\\s*\\d{1,3}\\s*[-—–－]|第\\s*\\d{1,3}\\s*页(?:\\s*[,，/]?\\s*共\\s*\\d{1,3}\\s*页)?|\\d{1,3}\\s*/\\s*\\d{1,3})$");

    private static final Pattern INLINE_FURNITURE = Pattern.compile("(?:上接|下转)第[0-9一二三四五六七八九十]{1,3}版");

    private TextNormalizer() {
    }

    static List<SourceLine> normalize(String raw) {
        return normalize(raw, new PageFurniture());
    }

    /** As {@link #normalize(String)}, reading the page's furniture (and the document metadata in it) into {@code furniture}. */
    static List<SourceLine> normalize(String raw, PageFurniture furniture) {
        List<String> physical = splitLines(raw);
        List<SourceLine> lines = new ArrayList<>(physical.size());
        for (int i = 0; i < physical.size(); i++) {
            String p = physical.get(i);
            if (p.indexOf('\t') >= 0) {
                lines.add(tableRow(p, i + 1));
                continue;
            }
            String t = cleanInline(p);
            if (!t.isEmpty() && (t.charAt(t.length() - 1) == ')' || t.charAt(t.length() - 1) == '）')) {
                t = furniture.withoutTrailingDate(t);
            }
            if (furniture.consume(t)) {
                t = "";
            } else if (t.length() < 80 && mightBeFurniture(t) && FURNITURE_LINE.matcher(t).matches()
                    || t.length() <= 16 && PAGE_NUMBER.matcher(t).matches()) {
                t = "";
            }
            lines.add(new SourceLine(t, i + 1, null));
        }
        cutWebTail(lines);
        if (isHardWrapped(lines)) {
            return joinWrapped(lines);
        }
        return lines;
    }

    private static final String FURNITURE_HINTS = "版字【打关分索类公发文日时次访点来热位首纠收返";

    /** Cheap pre-check so the furniture pattern only runs on lines that could be furniture. */
    private static boolean mightBeFurniture(String t) {
        int digits = 0;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (FURNITURE_HINTS.indexOf(c) >= 0) {
                return true;
            }
            if (c >= '0' && c <= '9' || c == '-') {
                digits++;
            }
        }
        return digits >= 7;
    }

    private static SourceLine tableRow(String p, int lineNo) {
        String[] parts = p.split("\t", -1);
        List<String> cells = new ArrayList<>();
        // A leading tab is how the row is marked, not an empty first cell.
        for (int i = p.startsWith("\t") ? 1 : 0; i < parts.length; i++) {
            cells.add(cleanInline(parts[i]));
        }
        while (cells.size() > 1 && cells.get(cells.size() - 1).isEmpty()) {
            cells.remove(cells.size() - 1);
        }
        return new SourceLine(String.join(" ", cells).trim(), lineNo, List.copyOf(cells));
    }

    /** The physical lines, split where the line numbers count them (also used by the table reader for raw cells). */
    static List<String> splitLines(String raw) {
        List<String> out = new ArrayList<>();
        int start = 0;
        int n = raw.length();
        for (int i = 0; i < n; i++) {
            char c = raw.charAt(i);
            // A form feed is the page break PDF text extraction writes between pages.
            if (c == '\n' || c == '\r' || c == '\f') {
                out.add(raw.substring(start, i));
                if (c == '\r' && i + 1 < n && raw.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
        out.add(raw.substring(start));
        return out;
    }

    static String cleanInline(String s) {
        if (!needsCleaning(s)) {
            // Most lines have nothing to convert: skip the copy.
            return squeezeSpaces(s).trim();
        }
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '０' && c <= '９') {
                c = (char) (c - '０' + '0');
            } else if ((c >= 'Ａ' && c <= 'Ｚ') || (c >= 'ａ' && c <= 'ｚ')) {
                c = (char) (c - 0xFEE0);
            } else if (c == '％') {
                c = '%';
            } else if (c == '．') {
                c = '.';
            } else if (c == '＜') {
                c = '<';
            } else if (c == '＞') {
                c = '>';
            } else if (c == '＝') {
                c = '=';
            } else if (c == '～') {
                c = '~';
            } else if (c == '／') {
                c = '/';
            } else if (c == '\u3000' || c == '\u00A0' || c == '\t' || c == '\u2002' || c == '\u2003' || c == '\u200B' || c == '\uFEFF') {
                c = ' ';
            }
            sb.append(c);
        }
        String t = sb.indexOf("版") >= 0 ? INLINE_FURNITURE.matcher(sb).replaceAll("") : sb.toString();
        return squeezeSpaces(t).trim();
    }

    private static boolean needsCleaning(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '\uFF00' && c <= '\uFFEF' || c == '\u3000' || c == '\u00A0' || c == '\t' || c == '\u2002' || c == '\u2003'
                    || c == '\u200B' || c == '\uFEFF' || c == '版') {
                return true;
            }
        }
        return false;
    }

    /**
     * Drops spaces that OCR and PDF extraction put between CJK characters and between numbers and their
     * units ("基 本 医 疗", "达到 6.6张", "2025 年 ，"); spaces between Latin words stay.
     */
    static String squeezeSpaces(String s) {
        if (s.indexOf(' ') < 0) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length());
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c != ' ') {
                sb.append(c);
                continue;
            }
            int j = i;
            while (j < n && s.charAt(j) == ' ') {
                j++;
            }
            char before = sb.length() == 0 ? ' ' : sb.charAt(sb.length() - 1);
            char after = j < n ? s.charAt(j) : ' ';
            boolean keep = isLatinish(before) && isLatinish(after);
            if (keep) {
                sb.append(' ');
            }
            i = j - 1;
        }
        return sb.toString();
    }

    private static boolean isLatinish(char c) {
        return c < 0x2E80 && c != ' ' && !isOpeningOrClosing(c);
    }

    private static boolean isOpeningOrClosing(char c) {
        return c == '(' || c == ')' || c == ',' || c == '.' || c == ';' || c == ':' || c == '%';
    }

    /** First characters of the tail openings, so the pattern only runs on lines that can match it. */
    private static final String TAIL_STARTS = "（(相扫F【上下抄";

    private static void cutWebTail(List<SourceLine> lines) {
        int n = lines.size();
        for (int i = (int) (n * 0.6); i < n; i++) {
            SourceLine l = lines.get(i);
            if (!l.isTableRow() && !l.text().isEmpty() && TAIL_STARTS.indexOf(l.text().charAt(0)) >= 0
                    && TAIL_START.matcher(l.text()).matches()) {
                for (int k = i; k < n; k++) {
                    SourceLine d = lines.get(k);
                    lines.set(k, new SourceLine("", d.lineNo(), null));
                }
                return;
            }
        }
    }

    /**
     * OCR of a newspaper column wraps every line at nearly the same width. When most longer lines share one
     * length (within a few characters), the text is hard-wrapped and its lines are joined back.
     */
    static boolean isHardWrapped(List<SourceLine> lines) {
        int[] byLength = new int[MAX_WRAP + 3];
        int considered = 0;
        int nonBlank = 0;
        int continued = 0;
        for (int i = 0; i < lines.size(); i++) {
            SourceLine l = lines.get(i);
            if (l.isTableRow()) {
                continue;
            }
            if (!l.isBlank()) {
                nonBlank++;
                if (i + 1 < lines.size() && !lines.get(i + 1).isBlank()) {
                    continued++;
                }
            }
            int len = l.text().length();
            if (len >= 12) {
                considered++;
                if (len <= MAX_WRAP) {
                    byLength[len]++;
                }
            }
        }
        // A web table flattened to one cell per line has a blank line after most cells: it is not wrapped prose.
        if (considered < 8 || continued < nonBlank * 0.5) {
            return false;
        }
        int bestWindow = 0;
        int bestWidth = 0;
        for (int w = 12; w <= MAX_WRAP; w++) {
            int count = 0;
            for (int d = -2; d <= 2; d++) {
                count += byLength[w + d];
            }
            if (count > bestWindow) {
                bestWindow = count;
                bestWidth = w;
            }
        }
        return bestWindow >= considered * 0.5 && runOn(lines, bestWidth) * 2 >= bestWindow;
    }

    /**
     * How many lines of about the given width run on into a next non-blank line. A wrapped line does; lines of one
     * width each standing between blank lines are table cells copied one per line (category rows 一、… 六、), not a
     * wrapping width.
     */
    private static int runOn(List<SourceLine> lines, int width) {
        int n = 0;
        for (int i = 0; i + 1 < lines.size(); i++) {
            SourceLine l = lines.get(i);
            int len = l.text().length();
            if (!l.isTableRow() && len >= width - 2 && len <= width + 2 && !lines.get(i + 1).isBlank()) {
                n++;
            }
        }
        return n;
    }

    /** Lines longer than this are paragraphs, never a wrapping width (and a histogram by length stays small). */
    private static final int MAX_WRAP = 400;

    private static int wrapWidth(List<SourceLine> lines) {
        int[] byLength = new int[MAX_WRAP + 1];
        for (SourceLine l : lines) {
            int len = l.text().length();
            if (!l.isTableRow() && len >= 12 && len <= MAX_WRAP) {
                byLength[len]++;
            }
        }
        int best = 30;
        int bestCount = 0;
        for (int len = 12; len <= MAX_WRAP; len++) {
            if (byLength[len] > bestCount) {
                best = len;
                bestCount = byLength[len];
            }
        }
        return best;
    }

    private static List<SourceLine> joinWrapped(List<SourceLine> lines) {
        int width = wrapWidth(lines);
        List<SourceLine> out = new ArrayList<>();
        StringBuilder buf = new StringBuilder();
        int bufLine = -1;
        boolean bufClosed = false;
        int lastTaskNumber = 0;
        for (SourceLine l : lines) {
            if (l.isTableRow()) {
                if (buf.length() > 0) {
                    out.add(new SourceLine(squeezeSpaces(buf.toString()), bufLine, null));
                    buf.setLength(0);
                }
                out.add(l);
                continue;
            }
            String t = l.text();
            if (t.isEmpty()) {
                if (buf.length() > 0 && Markers.isHeadingLine(buf) && buf.length() < width - 2) {
                    bufClosed = true;
                }
                continue;
            }
            int number = Markers.leadingTaskNumber(t, lastTaskNumber);
            boolean startsNew = number > 0 || Markers.startsStructure(t);
            if (buf.length() == 0) {
                buf.append(t);
                bufLine = l.lineNo();
                bufClosed = false;
            } else if (startsNew || bufClosed) {
                out.add(new SourceLine(squeezeSpaces(buf.toString()), bufLine, null));
                buf.setLength(0);
                buf.append(t);
                bufLine = l.lineNo();
                bufClosed = false;
            } else {
                buf.append(t);
            }
            if (number > 0) {
                lastTaskNumber = number;
            }
            if (Markers.isHeadingLine(t) && t.length() < width - 2 && buf.length() == t.length()) {
                // A short heading line ends its paragraph even without a blank line after it.
                bufClosed = Markers.startsStructure(t) && !Markers.startsTaskNumber(t);
            }
        }
        if (buf.length() > 0) {
            out.add(new SourceLine(squeezeSpaces(buf.toString()), bufLine, null));
        }
        return out;
    }
}
