package cn.gongfu.reporting;

/** The unit asks its head to approve the report (the report itself does not change). */
public record ReportApprovalRequested(ReportRef report) {}
