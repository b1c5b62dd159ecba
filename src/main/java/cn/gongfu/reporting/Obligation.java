package cn.gongfu.reporting;

import java.time.LocalDate;

/** What a unit owes: a plan's period, when it is due, and how far the submission has got ("missing" when not begun). */
public record Obligation(long planId, String planTitle, long unitId, String unitName, String period, LocalDate dueOn,
                         Long submissionId, String state, boolean overdue) {}
