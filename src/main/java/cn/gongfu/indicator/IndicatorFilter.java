package cn.gongfu.indicator;

import cn.gongfu.kernel.ListAddress;
import cn.gongfu.kernel.ListFilters;
import cn.gongfu.kernel.PageRequest;
import cn.gongfu.kernel.PageResult;

/**
 * The search form over the indicator list: words in the name or domain, a domain, a responsible unit, a plan (from a
 * plan's page). Every field is optional; the same filter drives the page, its count and its Excel export.
 */
public record IndicatorFilter(Long plan, String domain, Long unit, String q) {

    static IndicatorFilter of(Long plan, String domain, Long unit, String q) {
        return new IndicatorFilter(plan, ListFilters.words("domain", domain), unit, ListFilters.words("q", q));
    }

    PageResult<Indicator> page(IndicatorService indicators, PageRequest page) {
        return indicators.list(plan, null, domain, unit, q, page);
    }

    /** The list's address with this filter, for the pager ({@code /indicators}) and the export ({@code /indicators.xlsx}). */
    public String address(String path) {
        return ListAddress.of(path, "plan", plan, "domain", domain, "unit", unit, "q", q);
    }
}
