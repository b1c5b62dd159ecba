package cn.gongfu.reporting;

/**
 * What an event about a report tells its listeners: which report (and at which version, so that each step is
 * told once), whose unit, in which region, for which period. Ids and names only, never the submission itself.
 */
public record ReportRef(long submissionId, int version, long planId, long unitId, String unitName, String regionCode, String period) {

    static ReportRef of(Submission s, int version) {
        return new ReportRef(s.id(), version, s.planId(), s.unitId(), s.unitName(), s.regionCode(), s.period());
    }

    /** Where the report is read and acted on. */
    public String link() {
        return "/reports/" + submissionId;
    }
}
