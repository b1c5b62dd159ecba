package cn.gongfu.reporting;

import java.time.LocalDate;

/** A milestone of a reported task, and the completion the report claims for it (null when none yet). */
record MilestoneEntry(long milestoneId, long taskId, String fromMonth, String toMonth, String text, String state,
                             LocalDate reportedCompletedOn, Long evidenceId) {}
