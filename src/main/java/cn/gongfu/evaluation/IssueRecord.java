package cn.gongfu.evaluation;

import java.time.LocalDate;
import java.util.Map;

/**
 * The issue register's record (问题整改) for the ranking's {@code OVERDUE_ISSUES} component, in the evaluation's base
 * package so the ranking may use it without knowing who keeps the register (supervision implements it; evaluation
 * does not depend on supervision). Without an implementation the component stays missing.
 */
public interface IssueRecord {

    /**
     * How many of a plan's supervised items (issues, orders, instructions) each unit had overdue on {@code asOf}: past
     * their deadline and not closed by then. Every unit with an item of the plan registered by {@code asOf} has a count
     * (0 when none is overdue); the map is empty when the plan had no item at all, and the component is then not scored.
     */
    Map<Long, Integer> overdueIssuesByUnit(long planId, LocalDate asOf);
}
