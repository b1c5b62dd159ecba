package cn.gongfu.bulletin;

import java.util.List;
import java.util.Map;

/**
 * What a bulletin says, frozen when its draft is generated (stored as JSON in {@code bulletin.content}): the issuing
 * office, the period, the counts behind the summary, and the sections in their order. An issued bulletin is never
 * recomputed, so it stays what was issued when the data changes later.
 *
 * @param office      the issuing office as the header line shows it (青溪区共同富裕工作领导小组办公室)
 * @param asOf        the month the figures are as of (the period's last month), 2026-06
 * @param generatedOn the day the figures were computed
 * @param counts      the figures the summary states (see {@link Counts})
 * @param sections    the body, in order: narrative sections take their text from the bulletin's edited parts
 */
public record BulletinContent(String office, String regionName, String planTitle, String periodLabel, String asOf,
                              String generatedOn, Map<String, Integer> counts, List<Section> sections) {

    /** The keys of {@link #counts}. */
    public static final class Counts {
        public static final String INDICATORS = "indicators";
        public static final String LAGGING = "LAGGING";
        public static final String SERIOUSLY_LAGGING = "SERIOUSLY_LAGGING";
        public static final String REGRESSING = "REGRESSING";
        public static final String OVERDUE_UNITS = "overdueUnits";
        public static final String OVERDUE_REPORTS = "overdueReports";
        public static final String RANKED_UNITS = "rankedUnits";
        /** The annual evaluation's: the realization degree in tenths of a per cent, and the tasks by outcome. */
        public static final String DEGREE_PERMILLE = "degreePermille";
        public static final String TASKS = "tasks";
        public static final String TASKS_DONE = "tasksDone";
        public static final String TASKS_LAGGING = "tasksLagging";

        private Counts() {}
    }

    /**
     * One first-level part of the body ("一、…"): paragraphs and tables, or, when {@code narrative} is set (summary,
     * problems, requirements), the office's edited text of that name.
     */
    public record Section(String key, String heading, String narrative, List<String> paragraphs, List<Table> tables) {

        public static Section narrative(String key, String heading) {
            return new Section(key, heading, key, List.of(), List.of());
        }

        public boolean hasNarrative() {
            return narrative != null;
        }
    }

    /**
     * A table with its header row; {@code caption} is its second-level heading ("（一）部门") or null; {@code empty}
     * is said instead of the table when it has no row.
     */
    public record Table(String caption, List<String> columns, List<List<String>> rows, String empty) {}

    public Section section(String key) {
        return sections.stream().filter(s -> s.key().equals(key)).findFirst().orElse(null);
    }
}
