package cn.gongfu.ingest;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Deadlines written inside a task's sentences ("5月底前实现…上线运行", "于2月20日前上报", "一季度完成") become its
 * milestones; "每月20日前上报" is a recurring duty, kept as a milestone over the whole year whose text says so.
 * The milestone's text is the clause the deadline stands in (up to the next comma or full stop).
 */
final class ProseDeadlines {

    private static final Pattern DEADLINE = Pattern.compile(
            "(每月)(\\d{1,2})日(?:前|以前|之前)"
                    + "|(?<![\\d-])(?:(\\d{4})年)?(\\d{1,2})月(?:\\d{1,2}日|底|末|中旬|上旬|下旬)?(?:前|以前|之前)"
                    + "|(?<![\\d一二三四])([一二三四1-4])季度(?:末|底)?(?:前)?(?=完成|实现|建成|开工|启动|投入|上线|出台|印发|形成|[，,。；;])"
                    + "|(年底前|年内)(?=完成|实现|建成|开工|启动|投入|上线|出台|印发|形成)");

    private ProseDeadlines() {
    }

    static List<ParsedMilestone> find(String text, int year) {
        List<ParsedMilestone> out = new ArrayList<>();
        if (text.indexOf('前') < 0 && text.indexOf('季') < 0 && text.indexOf('内') < 0) {
            // Every deadline ends in 前 (5月底前, 2月20日前, 年底前), names a quarter or says 年内.
            return out;
        }
        Matcher m = DEADLINE.matcher(text);
        while (m.find()) {
            int from;
            int to;
            if (m.group(1) != null) {
                from = 1;
                to = 12;
            } else if (m.group(4) != null) {
                from = 1;
                to = Integer.parseInt(m.group(4));
            } else if (m.group(5) != null) {
                int q = "1234".indexOf(m.group(5)) >= 0 ? Integer.parseInt(m.group(5)) : ChineseNumerals.parse(m.group(5));
                to = q * 3;
                from = to - 2;
            } else {
                from = 1;
                to = 12;
            }
            int y = m.group(3) != null ? Integer.parseInt(m.group(3)) : year;
            if (to < 1 || to > 12 || y < 1990 || y > 2100) {
                continue;
            }
            out.add(new ParsedMilestone(YearMonth.of(y, from), YearMonth.of(y, to), clause(text, m.start(), m.end())));
        }
        return out;
    }

    /** The clause around the span from start to end: from the previous clause mark to the next one. */
    private static String clause(String text, int start, int end) {
        int a = start;
        while (a > 0 && "，,。；;：:".indexOf(text.charAt(a - 1)) < 0) {
            a--;
        }
        int b = end;
        while (b < text.length() && "，,。；;".indexOf(text.charAt(b)) < 0) {
            b++;
        }
        return text.substring(a, b).trim();
    }
}
