package cn.gongfu.ingest;

import cn.gongfu.ingest.TableReader.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cells of a free-text table written one paragraph per line (目标体系 / 工作体系 / 政策体系 / 评价体系 / 进度安排, as in
 * annex lists copied from web pages): the first paragraph is the title cell, the trailing schedule paragraphs are
 * the last cell, and the paragraphs between are merged back into the remaining columns by their item numbering
 * (…3. then 4.). An empty cell shows as an extra blank line (a token {@code "\u0000"}).
 */
final class ParagraphCells {

    private static final String EMPTY = "\u0000";
    private static final Pattern ITEM = Pattern.compile("(?:^|[。；;：:\\s])(\\d{1,2})\\s*[.、．](?!\\d)");
    private static final Pattern LEADING_ITEM = Pattern.compile("^(\\d{1,2})\\s*[.、．](?!\\d)");

    private ParagraphCells() {
    }

    /** One cell per column after the serial (columns of them). */
    static List<String> align(List<Token> tokens, int columns) {
        List<String> paras = new ArrayList<>();
        for (Token t : tokens) {
            paras.add(t.text());
        }
        while (!paras.isEmpty() && paras.get(paras.size() - 1).equals(EMPTY)) {
            paras.remove(paras.size() - 1);
        }
        List<String> out = new ArrayList<>();
        if (paras.isEmpty()) {
            return out;
        }
        out.add(paras.get(0));
        if (columns <= 1) {
            return out;
        }
        List<String> middle = new ArrayList<>(paras.subList(1, paras.size()));
        int scheduleStart = middle.size();
        while (scheduleStart > 0 && !middle.get(scheduleStart - 1).equals(EMPTY)
                && ScheduleParser.looksLikeSchedule(middle.get(scheduleStart - 1))) {
            scheduleStart--;
        }
        if (scheduleStart == middle.size() && !middle.isEmpty() && middle.size() > columns - 2) {
            scheduleStart = middle.size() - 1;
        }
        String schedule = String.join(" ", middle.subList(scheduleStart, middle.size()));
        List<String> rest = new ArrayList<>(middle.subList(0, scheduleStart));
        int wanted = columns - 2;
        mergeDown(rest, wanted);
        for (int k = 0; k < wanted; k++) {
            String v = k < rest.size() ? rest.get(k) : "";
            out.add(v.equals(EMPTY) ? "" : v);
        }
        out.add(schedule);
        return out;
    }

    private static void mergeDown(List<String> paras, int wanted) {
        while (paras.size() > wanted) {
            int at = -1;
            // 1) a paragraph continuing the item numbering of the one before ("…3.x" then "4.y").
            for (int k = 0; k + 1 < paras.size(); k++) {
                String a = paras.get(k);
                String b = paras.get(k + 1);
                if (a.equals(EMPTY) || b.equals(EMPTY)) {
                    continue;
                }
                int nb = leadingItem(b);
                if (nb > 1 && lastItem(a) == nb - 1) {
                    at = k;
                    break;
                }
            }
            // 2) otherwise a paragraph that does not start a new list ("1.") joins the one before.
            if (at < 0) {
                for (int k = 0; k + 1 < paras.size(); k++) {
                    String a = paras.get(k);
                    String b = paras.get(k + 1);
                    if (!a.equals(EMPTY) && !b.equals(EMPTY) && leadingItem(b) != 1 && leadingItem(a) > 0) {
                        at = k;
                        break;
                    }
                }
            }
            if (at < 0) {
                for (int k = 0; k + 1 < paras.size(); k++) {
                    if (!paras.get(k).equals(EMPTY) && !paras.get(k + 1).equals(EMPTY)) {
                        at = k;
                        break;
                    }
                }
            }
            if (at < 0) {
                paras.remove(paras.size() - 1);
                continue;
            }
            paras.set(at, paras.get(at) + " " + paras.get(at + 1));
            paras.remove(at + 1);
        }
    }

    static int leadingItem(String s) {
        Matcher m = LEADING_ITEM.matcher(s);
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }

    static int lastItem(String s) {
        Matcher m = ITEM.matcher(s);
        int last = -1;
        while (m.find()) {
            last = Integer.parseInt(m.group(1));
        }
        return last;
    }
}
