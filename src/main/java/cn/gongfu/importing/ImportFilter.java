package cn.gongfu.importing;

import cn.gongfu.kernel.ListAddress;
import cn.gongfu.kernel.ListFilters;
import cn.gongfu.kernel.PageRequest;
import cn.gongfu.kernel.PageResult;

/**
 * The search form over the import history: words in the file name or the title, a state. Every field is optional; the
 * same filter drives the page, its count and its Excel export.
 */
public record ImportFilter(String q, String state) {

    static final ImportFilter NONE = new ImportFilter(null, null);

    static ImportFilter of(String q, String state) {
        return new ImportFilter(ListFilters.words("q", q), ListFilters.oneOf("state", state, ImportService.STATES));
    }

    PageResult<ImportJob> page(ImportService imports, PageRequest page) {
        return imports.list(state, q, page);
    }

    /** The list's address with this filter, for the pager ({@code /imports}) and the export ({@code /imports.xlsx}). */
    public String address(String path) {
        return ListAddress.of(path, "q", q, "state", state);
    }
}
