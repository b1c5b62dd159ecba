package cn.gongfu.plan;

/**
 * What units reported about a plan's tasks and the office accepted: kept as it was accepted, so a published task or
 * milestone that has any is not deleted. In the plan's base package so the plan may ask without knowing who keeps the
 * reports (reporting implements it; plan does not depend on reporting, as {@code evaluation.IssueRecord}). Without an
 * implementation nothing counts as accepted.
 */
public interface AcceptedReports {

    /** How many reports on this task are in submissions the office accepted. */
    int acceptedReportsOfTask(long taskId);

    /** How many reports in accepted submissions say this milestone was completed. */
    int acceptedReportsOfMilestone(long milestoneId);
}
