package cn.gongfu.indicator;

import java.math.BigDecimal;

/** A measurable indicator (指标) with its polarity: which direction of change is an improvement ({@link cn.gongfu.vocabulary.Polarity} codes). */
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
        BigDecimal weight) {

    public Indicator withResponsibleUnitName(String unitName) {
        return new Indicator(id, code, name, unit, polarity, cumulative, domain, responsibleUnitId, unitName, dataSource, regionCode, weight);
    }
}
