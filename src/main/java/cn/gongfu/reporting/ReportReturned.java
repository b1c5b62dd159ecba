package cn.gongfu.reporting;

/** The office returned a submitted report, or reopened an accepted one ({@code reopened}), with a reason. */
public record ReportReturned(ReportRef report, String reason, boolean reopened) {}
