package cn.gongfu.reporting;

/** The office accepted the report: its values are approved and its completed milestones done. */
public record ReportAccepted(ReportRef report) {}
