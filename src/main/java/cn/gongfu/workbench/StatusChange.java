package cn.gongfu.workbench;

/** An indicator whose status is not what it was at the leader's last visit (status codes as EvaluationDigest gives them). */
public record StatusChange(long indicatorId, String name, String from, String to) {}
