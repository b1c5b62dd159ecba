package cn.gongfu.reporting;

import java.math.BigDecimal;

/**
 * An indicator value a unit owes in a submission: the indicator, the period it is for, the previous
 * period's value to compare with, and what has been entered so far (observationId null when nothing yet).
 */
public record IndicatorEntry(long indicatorId, String name, String unit, String polarity, boolean cumulative,
                             String regionCode, String period, BigDecimal previousValue, Long observationId,
                             BigDecimal value, String comment, String explanation, Integer version) {}
