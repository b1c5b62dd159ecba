package cn.gongfu.evaluation.method;

import java.time.YearMonth;
import java.util.List;

/**
 * What is known about one task: its period, its milestones and the latest reported percent done
 * (null if none reported).
 */
public record TaskProgress(YearMonth start, YearMonth end, List<Milestone> milestones, Double reportedPercent) {

    public TaskProgress {
        if (start == null || end == null || end.isBefore(start))
            throw new IllegalArgumentException("a task needs start ≤ end, got " + start + " – " + end);
        milestones = milestones == null ? List.of() : List.copyOf(milestones);
        if (reportedPercent != null && (reportedPercent < 0 || reportedPercent > 100))
            throw new IllegalArgumentException("reported percent must be within 0–100, got " + reportedPercent);
    }
}
