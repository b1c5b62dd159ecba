package cn.gongfu.indicator;

import java.util.List;

/** A measurable indicator (指标) with its polarity: which direction of change is an improvement. */
public record Indicator(
        long id,
        String code,
        String name,
        String unit,
        String polarity,
        boolean cumulative,
        String domain,
        Long responsibleUnitId,
        String responsibleUnitName,
        String dataSource,
        String regionCode,
        java.math.BigDecimal weight) {

    public static final List<String> POLARITIES = List.of("higher", "lower", "band", "milestone", "qualitative");
}
