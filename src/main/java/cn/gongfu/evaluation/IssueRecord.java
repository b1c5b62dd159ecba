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

    /**
     * What the assessment (考核) counts of a unit's supervised items on {@code asOf}: its issues (kind ISSUE) overdue then,
     * its red orders (grade RED) registered by then, its orders due by then, and of them those answered by their deadline.
     */
    record UnitItems(int overdueIssues, int redOrders, int ordersDue, int ordersAnsweredOnTime) {}

    /** Those counts per unit of the plan with an item registered by {@code asOf}; empty without a register. */
    default Map<Long, UnitItems> itemsByUnit(long planId, LocalDate asOf) {
        return Map.of();
    }
}
