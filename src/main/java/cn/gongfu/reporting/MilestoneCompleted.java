package cn.gongfu.reporting;

import java.util.List;

/** An accepted report completed these milestones (now done, with the day the report gave): one event per report. */
public record MilestoneCompleted(ReportRef report, List<Long> milestoneIds) {

    public MilestoneCompleted {
        milestoneIds = List.copyOf(milestoneIds);
    }
}
