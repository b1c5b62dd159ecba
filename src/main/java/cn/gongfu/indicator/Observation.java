package cn.gongfu.indicator;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/** An observed value (实际值) of an indicator in a region for a period: "2024", "2024Q1" or "2024-03". */
record Observation(
        long id,
        long indicatorId,
        String regionCode,
        String period,
        BigDecimal value,
        String state,
        String reportedBy,
        LocalDateTime reportedAt,
        String comment,
        int version) {}
