package cn.gongfu.plan;

/** A unit named on a task: enough to show and link it. */
public record UnitRef(long id, String name) {}
