package cn.gongfu.reporting;

/** The unit head approved the report: the unit may now submit it. */
public record ReportApproved(ReportRef report) {}
