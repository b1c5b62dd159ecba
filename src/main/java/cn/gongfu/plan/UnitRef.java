package cn.gongfu.plan;

/** A unit named on a task: enough to show and link it. */
record UnitRef(long id, String name) {}
