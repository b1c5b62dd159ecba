package cn.gongfu.ingest;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a 进度安排 cell into milestones and reads their months: "2-4月:" is 02–04, "5月底前:" is 01–05,
 * "全年:" 01–12, "二季度" 04–06, "6月:" 06–06, "年底前" 01–12, "上半年" 01–06.
 */
final class ScheduleParser {

    private static final String Q = "[一二三四1-4]";
    /** A time expression that opens a schedule item. */
    static final Pattern ITEM_START = Pattern.compile(
            "(?:(\\d{1,2})\\s*月?(?:份)?\\s*[-—–~～至到]+\\s*(\\d{1,2})\\s*月(?:份)?(?:底|末|中旬|下旬|上旬)?(?:前|以前|之前)?"
                    + "|(\\d{1,2})\\s*月(?:份)?(底|末|中旬|下旬|上旬|初)?(前|以前|之前)?"
                    + "|(全年|年底前|年底|年末|年内|上半年|下半年|每季度|每月|全年常态化)"
                    + "|(" + Q + ")季度(末|底)?(前)?)");

    /** A year written before the time: its digits, the 年 left to the time expression ("年底前", "年9月"). */
    private static final Pattern WRITTEN_YEAR = Pattern.compile("^((?:19|20)\\d{2})(?=\\s*年)");

    private ScheduleParser() {
    }

    /** True when the paragraph starts like a schedule line ("2-4月:", "5月底前:", "全年:", "二季度…"). */
    static boolean looksLikeSchedule(String paragraph) {
        Matcher m = ITEM_START.matcher(paragraph);
        if (!m.lookingAt()) {
            return false;
        }
        String rest = paragraph.substring(m.end());
        if (m.group(1) != null || m.group(7) != null) {
            return true;
        }
        if (m.group(3) != null) {
            return m.group(5) != null || rest.startsWith(":") || rest.startsWith("：") || m.group(4) != null;
        }
        return rest.startsWith(":") || rest.startsWith("：") || "年底前".equals(m.group(6));
    }

    static List<ParsedMilestone> parse(String schedule, int year) {
        List<ParsedMilestone> out = new ArrayList<>();
        for (String item : splitItems(schedule)) {
            out.add(parseItem(item, year));
        }
        return out;
    }

    /** Items start at a time expression at the beginning, after a full stop, or after a comma before a quarter. */
    static List<String> splitItems(String schedule) {
        List<Integer> cuts = new ArrayList<>();
        cuts.add(0);
        Matcher m = ITEM_START.matcher(schedule);
        while (m.find()) {
            int s = m.start();
            if (s == 0) {
                continue;
            }
            char before = schedule.charAt(s - 1);
            String here = schedule.substring(s);
            boolean strong = looksLikeSchedule(here);
            boolean afterStop = "。；;\n ".indexOf(before) >= 0;
            boolean quarterAfterComma = (before == ',' || before == '，') && m.group(7) != null;
            if ((afterStop && strong) || quarterAfterComma) {
                cuts.add(s);
            }
        }
        List<String> items = new ArrayList<>();
        for (int i = 0; i < cuts.size(); i++) {
            int a = cuts.get(i);
            int b = i + 1 < cuts.size() ? cuts.get(i + 1) : schedule.length();
            String item = schedule.substring(a, b).trim().replaceAll("[，,]$", "");
            if (!item.isEmpty()) {
                items.add(item);
            }
        }
        return items;
    }

    static ParsedMilestone parseItem(String item, int year) {
        // "2024年9月底前" in a plan of 2024—2025: the year written wins over the plan's (the rest reads "年9月底前").
        Matcher written = WRITTEN_YEAR.matcher(item);
        if (written.lookingAt()) {
            ParsedMilestone m = parseItem(item.substring(written.end()), Integer.parseInt(written.group(1)));
            return new ParsedMilestone(m.from(), m.to(), item);
        }
        Matcher m = ITEM_START.matcher(item);
        boolean found = m.lookingAt();
        if (!found) {
            // "工业项目:二季度完成征集…": the time is inside the item.
            m = ITEM_START.matcher(item);
            found = m.find() && m.start() < 12;
        }
        if (!found) {
            return new ParsedMilestone(null, null, item);
        }
        int from;
        int to;
        if (m.group(1) != null) {
            from = Integer.parseInt(m.group(1));
            to = Integer.parseInt(m.group(2));
            if (from > to) {
                to = 12;
            }
        } else if (m.group(3) != null) {
            to = Integer.parseInt(m.group(3));
            from = m.group(5) != null ? 1 : to;
        } else if (m.group(6) != null) {
            switch (m.group(6)) {
                case "上半年" -> {
                    from = 1;
                    to = 6;
                }
                case "下半年" -> {
                    from = 7;
                    to = 12;
                }
                case "年底", "年末" -> {
                    from = 12;
                    to = 12;
                }
                default -> {
                    from = 1;
                    to = 12;
                }
            }
        } else {
            int q = ChineseNumerals.parse(m.group(7));
            to = q * 3;
            from = m.group(9) != null ? 1 : to - 2;
        }
        if (from < 1 || from > 12 || to < 1 || to > 12) {
            return new ParsedMilestone(null, null, item);
        }
        return new ParsedMilestone(YearMonth.of(year, from), YearMonth.of(year, to), item);
    }
}
