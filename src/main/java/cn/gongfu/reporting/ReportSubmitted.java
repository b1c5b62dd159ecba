package cn.gongfu.reporting;

/** The unit submitted the report to the plan offices for review. */
public record ReportSubmitted(ReportRef report) {}
