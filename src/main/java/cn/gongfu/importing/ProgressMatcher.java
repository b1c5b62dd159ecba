package cn.gongfu.importing;

import cn.gongfu.ingest.ParsedTask;
import cn.gongfu.plan.PlanService.TaskText;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which task of a published plan each row of a progress table reports on. A progress table copies the plan's list,
 * often shortened or renumbered, and seldom from the same annex: so a row is matched by its number (序号, in any list of
 * the plan) when the titles agree well enough, otherwise by its title alone when that agrees closely. The plan diff
 * ({@link PlanDiff}) matches by list and code exactly, which is right between two versions of one document but not
 * between a plan and a table that reports on it. Each task is matched once, the closest pairs first.
 */
final class ProgressMatcher {

    /** Titles this alike, under the same number, are the same task. */
    static final double WITH_CODE = 0.5;
    /** Titles this alike are the same task whatever the numbers say. */
    static final double BY_TITLE = 0.8;

    private ProgressMatcher() {
    }

    /** For each row, in order, the task it reports on, or null. */
    static List<TaskText> match(List<ParsedTask> rows, List<TaskText> tasks) {
        record Pair(int row, TaskText task, double score) {}
        List<Pair> pairs = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            ParsedTask row = rows.get(r);
            for (TaskText t : tasks) {
                double score = similarity(row.title(), t.title());
                boolean sameCode = !row.codeGenerated() && row.code().strip().equals(t.code() == null ? "" : t.code().strip());
                if (sameCode && score >= WITH_CODE) {
                    pairs.add(new Pair(r, t, 1 + score));   // a number that agrees outranks any title alone
                } else if (score >= BY_TITLE) {
                    pairs.add(new Pair(r, t, score));
                }
            }
        }
        pairs.sort((a, b) -> Double.compare(b.score(), a.score()));
        Map<Integer, TaskText> matched = new HashMap<>();
        Set<Long> taken = new HashSet<>();
        for (Pair p : pairs) {
            if (!matched.containsKey(p.row()) && taken.add(p.task().id())) {
                matched.put(p.row(), p.task());
            }
        }
        List<TaskText> out = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            out.add(matched.get(r));
        }
        return out;
    }

    /**
     * How alike two titles are, from 0 to 1: the share of character pairs they have in common (Dice), or 0.9 when
     * one holds the other whole (a table that shortens "新建社区养老服务中心3个，完善居家养老服务网络" to its first clause).
     */
    static double similarity(String a, String b) {
        String x = bare(a);
        String y = bare(b);
        if (x.isEmpty() || y.isEmpty()) return 0;
        if (x.equals(y)) return 1;
        double contained = Math.min(x.length(), y.length()) >= 4 && (x.contains(y) || y.contains(x)) ? 0.9 : 0;
        List<String> bx = bigrams(x);
        List<String> by = new ArrayList<>(bigrams(y));
        if (bx.isEmpty() || by.isEmpty()) return contained;
        int common = 0;
        for (String g : bx) {
            if (by.remove(g)) common++;
        }
        return Math.max(contained, 2.0 * common / (bx.size() + bigrams(y).size()));
    }

    /** Letters and digits only: punctuation, spaces and brackets say nothing about which task it is. */
    private static String bare(String s) {
        return s == null ? "" : s.replaceAll("[\\p{P}\\p{S}\\s]", "");
    }

    private static List<String> bigrams(String s) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i + 1 < s.length(); i++) {
            out.add(s.substring(i, i + 2));
        }
        return out;
    }
}
