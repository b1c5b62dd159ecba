package cn.gongfu.reporting;

import java.util.List;

/**
 * Indicator values became approved, the values evaluation reads: those of a report the office accepted
 * ({@code source = "report"}, with its {@code submissionId}), or a whole statistics feed ({@code "feed"}). One event
 * per acceptance or per feed run, never one per value: a feed of a million rows publishes one event, which names
 * the reports whose values it replaced ({@code replaced}, one entry per report, so its size follows the reports).
 *
 * @param run       what accepted them, unique per acceptance: {@code submission:<id>:<version>} or {@code feed:<uuid>}
 * @param values    how many values were accepted (inserted or changed)
 */
public record ValueAccepted(String source, String run, Long submissionId, long values, List<ReplacedReport> replaced) {

    public static final String REPORT = "report";
    public static final String FEED = "feed";

    public ValueAccepted {
        replaced = replaced == null ? List.of() : List.copyOf(replaced);
    }

    /** A report whose reported values a feed replaced: the unit is told how many and where to look. */
    public record ReplacedReport(long submissionId, long unitId, String unitName, String period, long values) {

        public String link() {
            return "/reports/" + submissionId;
        }
    }
}
