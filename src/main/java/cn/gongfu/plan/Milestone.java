package cn.gongfu.plan;

import java.time.LocalDate;

/** A schedule node of a task (进度节点) from month {@code from} to month {@code to}, both "YYYY-MM"; {@code version} counts the office's edits (V20). */
public record Milestone(long id, long taskId, String fromMonth, String toMonth, String text, String state,
                        LocalDate completedOn, String evidence, int version) {}
