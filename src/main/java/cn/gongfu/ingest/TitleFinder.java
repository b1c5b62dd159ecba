package cn.gongfu.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a plan's title and period near the top of the text. Titles are often split over two or three
 * lines and preceded by a covering notice ("关于印发《…》的通知") or web-page headings; the title is the
 * first run of short lines ending in a document-type word, optionally followed by a period line.
 */
final class TitleFinder {

    private static final String DOC_TYPE = "(?:实施方案|行动方案|工作方案|方案|规划|行动计划|计划|工作要点|要点|实施意见|意见|纲要|清单|办法|细则|行动"
            // Task splits and progress reports of work reports (政府工作报告重点工作责任分解, …完成情况表).
            + "|责任分解表?|任务分工|分解表|进展情况表?|推进情况表?|完成情况表?|政策措施|若干措施)";
    private static final String PERIOD = "[（(]\\s*(\\d{4})\\s*[-—–~至到]+\\s*(\\d{4})\\s*年?\\s*[）)]";
    private static final Pattern PERIOD_ONLY = Pattern.compile("^" + PERIOD + "$");
    private static final Pattern PERIOD_ANYWHERE = Pattern.compile(PERIOD);
    private static final Pattern TITLE = Pattern.compile("^[^，。；：:,;！？]{4,70}" + DOC_TYPE + "(?:" + PERIOD + ")?$");
    private static final Pattern NOTICE = Pattern.compile(".*(?:关于印发|印发).*(?:的通知|通知)$|.*关于$");
    private static final Pattern QUOTED = Pattern.compile("《([^》]{4,80}" + DOC_TYPE + "(?:" + PERIOD + ")?)》");
    private static final Pattern DATE_OR_FILE_NO = Pattern.compile("^\\d{4}年\\d{1,2}月\\d{1,2}日$|.*〔\\d{4}〕\\s*\\d+\\s*号$|.*办公室$");
    private static final Pattern SINGLE_YEAR = Pattern.compile("(\\d{4})年");
    /** "2023—2027年" without brackets, in a title or a heading line. */
    private static final Pattern BARE_PERIOD = Pattern.compile("(\\d{4})\\s*[-—–~至到]+\\s*(\\d{4})\\s*年");
    /** "“十四五”" names a five-year plan: regular from the sixth (1981–1985) on. */
    private static final Pattern FIVE_YEAR_PLAN = Pattern.compile("十([一二三四五六七八九])五");
    /** "关于印发青溪区…方案的通知" without 《》. */
    private static final Pattern NOTICE_TITLE = Pattern.compile("关于印发(.{4,80}?" + DOC_TYPE + "(?:" + PERIOD + ")?)的通知");
    private static final Pattern SENTENCE_MARK = Pattern.compile("[，。；：:,;！？]");
    /** "根据《昆明市…的通知》": a superior document the text cites, never this document's title. */
    private static final Pattern CITATION = Pattern.compile("(?:根据|按照|依据|贯彻|落实|对照|参照|遵照)[^，。；,;]{0,24}$");
    /** A notice that is itself the document ("上海市民政局关于下达2025年…任务指标的通知"), not one that issues another. */
    private static final Pattern OWN_NOTICE = Pattern.compile("^[^，。；：:,;]{2,30}关于(?!印发|转发)[^，。；：:,;]{4,80}的(?:通知|决定|意见)$");
    /** An annex directory entry ("2.2025年为民办实事项目指标分解表") is not the title. */
    private static final Pattern LIST_ITEM = Pattern.compile("^\\d{1,2}\\s*[.、．]");

    record Result(String title, Period period) {
    }

    private TitleFinder() {
    }

    static Result find(List<SourceLine> lines) {
        return find(lines, null);
    }

    /** headline: a title the page printed elsewhere (a news headline after the content), used when none comes first. */
    static Result find(List<SourceLine> lines, String headline) {
        List<SourceLine> head = new ArrayList<>();
        for (SourceLine l : lines) {
            if (!l.isBlank() && !l.isTableRow()) {
                head.add(l);
            }
            if (head.size() >= 40) {
                break;
            }
        }
        String title = null;
        int titleIndex = -1;
        outer:
        for (int i = 0; i < head.size(); i++) {
            StringBuilder joined = new StringBuilder();
            for (int k = 0; k < 3 && i + k < head.size(); k++) {
                String part = head.get(i + k).text();
                if (part.length() > 70 || Markers.startsStructure(part) || DATE_OR_FILE_NO.matcher(part).matches()
                        || LIST_ITEM.matcher(part).find()) {
                    break;
                }
                if (k > 0 && part.startsWith(head.get(i + k - 1).text())) {
                    // "谯城区教育局⏎谯城区教育局2025年…分解表": the site's name above a title that repeats it.
                    break;
                }
                joined.append(part);
                String candidate = joined.toString();
                if (NOTICE.matcher(candidate).matches()) {
                    // "关于印发2023年政府工作报告重点工作责任分解的通知": the notice names the document it issues.
                    Matcher named = NOTICE_TITLE.matcher(candidate);
                    if (k == 0 && named.find()) {
                        title = named.group(1);
                        break outer;
                    }
                    continue;
                }
                if (TITLE.matcher(candidate).matches() && !candidate.contains("关于印发")) {
                    title = candidate;
                    titleIndex = i + k;
                    break outer;
                }
            }
        }
        if (title == null) {
            title = firstNotCited(head, QUOTED);
        }
        if (title == null) {
            title = firstNotCited(head, NOTICE_TITLE);
        }
        if (title == null) {
            for (SourceLine l : head) {
                if (OWN_NOTICE.matcher(l.text()).matches()) {
                    title = l.text();
                    break;
                }
            }
        }
        if (title == null && headline != null) {
            title = headline;
        }
        if (title == null) {
            title = leadingHeading(head);
        }
        Period period = null;
        if (title != null) {
            Matcher pm = PERIOD_ANYWHERE.matcher(title);
            if (pm.find()) {
                period = new Period(Integer.parseInt(pm.group(1)), Integer.parseInt(pm.group(2)));
            } else if (titleIndex >= 0 && titleIndex + 1 < head.size()) {
                String next = head.get(titleIndex + 1).text();
                Matcher only = PERIOD_ONLY.matcher(next);
                if (only.matches()) {
                    title = title + next;
                    period = new Period(Integer.parseInt(only.group(1)), Integer.parseInt(only.group(2)));
                }
            }
            if (period == null) {
                period = bareOrFiveYear(title);
            }
            if (period == null) {
                Matcher y = SINGLE_YEAR.matcher(title);
                if (y.find()) {
                    int year = Integer.parseInt(y.group(1));
                    period = new Period(year, year);
                }
            }
        }
        if (period == null) {
            for (SourceLine l : head) {
                Matcher pm = PERIOD_ANYWHERE.matcher(l.text());
                if (pm.find()) {
                    period = new Period(Integer.parseInt(pm.group(1)), Integer.parseInt(pm.group(2)));
                    break;
                }
            }
        }
        if (period == null && title == null) {
            for (SourceLine l : head.subList(0, Math.min(5, head.size()))) {
                if (l.text().length() <= 40 && !SENTENCE_MARK.matcher(l.text()).find() && (period = bareOrFiveYear(l.text())) != null) {
                    break;
                }
            }
        }
        if (period != null && (period.from() > period.to() || period.from() < 1990 || period.to() > 2100)) {
            period = null;
        }
        return new Result(title, period);
    }

    /** The first match of {@code p} in the head that is not a document the text cites ("根据《…》"). */
    private static String firstNotCited(List<SourceLine> head, Pattern p) {
        for (SourceLine l : head) {
            Matcher q = p.matcher(l.text());
            while (q.find()) {
                if (!CITATION.matcher(l.text().substring(Math.max(0, q.start() - 30), q.start())).find()) {
                    return q.group(1);
                }
            }
        }
        return null;
    }

    private static Period bareOrFiveYear(String text) {
        Matcher bare = BARE_PERIOD.matcher(text);
        if (bare.find()) {
            return new Period(Integer.parseInt(bare.group(1)), Integer.parseInt(bare.group(2)));
        }
        Matcher plan = FIVE_YEAR_PLAN.matcher(text);
        if (plan.find()) {
            int start = 1981 + 5 * (10 + ChineseNumerals.parse(plan.group(1)) - 6);
            return new Period(start, start + 4);
        }
        return null;
    }

    /**
     * A document without a recognisable title block: its first line, when that line reads like a heading
     * (short, no sentence in it, not a structure marker, not a date) and something follows it.
     */
    private static String leadingHeading(List<SourceLine> head) {
        if (head.size() < 2) {
            return null;
        }
        // A statistics table's heading: "5-1 人民生活水平情况 Basic Conditions of People's Living Standard |".
        String first = head.get(0).text().replaceAll("\\s*[|｜]+\\s*$", "").replaceAll("^\\d{1,2}-\\d{1,3}\\s*", "")
                .replaceAll("\\s*[A-Za-z][A-Za-z'’ ,\\-]+$", "");
        if (first.length() < 6 || first.length() > 40 || SENTENCE_MARK.matcher(first).find() || Markers.startsStructure(first)
                || DATE_OR_FILE_NO.matcher(first).matches() || first.matches("^[\\d\\s年月日.:/-]+$")) {
            return null;
        }
        return first;
    }
}
