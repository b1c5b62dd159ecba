package cn.gongfu.evaluation.method;

/** Status of an indicator (in one region and period) or of a task. Thresholds: {@link Thresholds}. */
public enum Status {
    /** The latest value meets the target, whatever the time (or, for a task, all milestones done). */
    ACHIEVED,
    /** Progress keeps pace with time, or the growth rate is enough to reach the target. */
    ON_TRACK,
    /** Behind, but within reach: progress at least {@code laggingPace} of the expected. */
    LAGGING,
    /** Far behind, or the deadline has passed without the target met. */
    SERIOUSLY_LAGGING,
    /** Moving away from the target: worse than the baseline. */
    REGRESSING,
    /**
     * Nothing reported since the baseline, or the report for the period due is missing (overdue); for a task, its
     * period ended with nothing ever due and nothing reported.
     */
    NO_DATA,
    /** A task only: its work is scheduled to begin later (its first milestone starts after the month assessed). */
    NOT_STARTED
}
