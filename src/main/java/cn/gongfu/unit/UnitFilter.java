package cn.gongfu.unit;

import cn.gongfu.kernel.ListAddress;
import cn.gongfu.kernel.ListFilters;
import cn.gongfu.kernel.PageRequest;
import cn.gongfu.kernel.PageResult;

/**
 * The search form over the unit list: words in the name or an alias, a kind, a region. Every field is optional; the
 * same filter drives the page, its count and its Excel export.
 */
public record UnitFilter(String q, String kind, String region) {

    static UnitFilter of(String q, String kind, String region) {
        return new UnitFilter(ListFilters.words("q", q), ListFilters.oneOf("kind", kind, Unit.KINDS), ListFilters.words("region", region, 12));
    }

    PageResult<Unit> page(UnitService units, PageRequest page) {
        return units.list(region, kind, q, page);
    }

    /** The list's address with this filter, for the pager ({@code /units}) and the export ({@code /units.xlsx}). */
    public String address(String path) {
        return ListAddress.of(path, "q", q, "kind", kind, "region", region);
    }
}
