package cn.gongfu.project;

/**
 * A project's status as of a month, with the same names (and so the same lights) as a task's
 * ({@code evaluation.method.Status}): done, on track, lagging, seriously lagging, not started, no data.
 */
public enum ProjectStatus {
    /** Progress 100% and every milestone done (已完成). */
    ACHIEVED,
    /** Progress and investment keep pace with time; no milestone overdue. */
    ON_TRACK,
    /** Behind time by more than the lagging cut-off, or a milestone overdue. */
    LAGGING,
    /** Far behind, a milestone overdue for months, or the planned completion passed unfinished. */
    SERIOUSLY_LAGGING,
    /** The month assessed is before the project's start. */
    NOT_STARTED,
    /** Started, but no accepted monthly report yet. */
    NO_DATA
}
