package cn.gongfu.indicator;

import java.math.BigDecimal;

/**
 * A measurable indicator (指标) with its polarity: which direction of change is an improvement ({@link cn.gongfu.vocabulary.Polarity} codes).
 *
 * @param baselineYear, baseline the base year and its value (基期值): the indicator's earliest accepted annual value in
 *                      its region, where the plans start from (an imported plan's base-year column is stored as that
 *                      year's accepted value); null when none is accepted
 */
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
        BigDecimal weight,
        Integer baselineYear,
        BigDecimal baseline) {

    /** An indicator whose baseline is not asked for (rules that check one value). */
    public Indicator(long id, String code, String name, String unit, String polarity, boolean cumulative, String domain,
                     Long responsibleUnitId, String responsibleUnitName, String dataSource, String regionCode, BigDecimal weight) {
        this(id, code, name, unit, polarity, cumulative, domain, responsibleUnitId, responsibleUnitName, dataSource, regionCode,
                weight, null, null);
    }

    public Indicator withResponsibleUnitName(String unitName) {
        return new Indicator(id, code, name, unit, polarity, cumulative, domain, responsibleUnitId, unitName, dataSource,
                regionCode, weight, baselineYear, baseline);
    }
}
