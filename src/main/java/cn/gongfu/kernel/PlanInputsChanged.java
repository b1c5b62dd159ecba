package cn.gongfu.kernel;

/**
 * What a plan is judged by changed outside the reporting flow: a target, an indicator's definition (its direction,
 * whether it accumulates), the plan's years or its reporting calendar. Published in the transaction of the change
 * by the module that made it; whoever keeps figures derived from them (evaluation's standings) drops them for a
 * recompute. {@code planId} null: the change may concern any plan.
 */
public record PlanInputsChanged(Long planId) {}
