package cn.gongfu.reporting;

import java.time.LocalDateTime;
import java.util.List;

/** What a unit reports on one task for the period; {@code role} says whether it leads the task or contributes. */
record TaskReport(long id, long submissionId, long taskId, String taskCode, String taskTitle, String role,
                         String progress, Integer percentDone, String narrative, String problems, String nextSteps,
                         String updatedBy, LocalDateTime updatedAt, int version) {

    public static final List<String> PROGRESS = List.of("not_started", "in_progress", "done", "blocked");
}
