package cn.gongfu.kernel;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/**
 * The checks every list's search form makes of its parameters, so that a bad value is a 400 naming the parameter
 * ({@link InvalidParameterException}) and never reaches the database as a surprise; and the walk through every page of
 * a filtered list that its Excel export writes.
 */
public final class ListFilters {

    /** The longest search text a list accepts. */
    public static final int MAX_TEXT = 200;

    /** The most rows one Excel export holds; the filters narrow it further. */
    public static final int EXPORT_LIMIT = 10_000;

    private ListFilters() {}

    /** The search text, stripped, or null when blank; longer than {@link #MAX_TEXT}: 400. */
    public static String words(String name, String value) {
        return words(name, value, MAX_TEXT);
    }

    public static String words(String name, String value, int max) {
        if (value == null || value.isBlank()) return null;
        if (value.length() > max) throw new InvalidParameterException(name, BundleText.both("list.error.tooLong", name, max));
        return value.strip();
    }

    /** The value if it is one of {@code allowed}, null when blank; anything else: 400 naming the parameter. */
    public static String oneOf(String name, String value, Collection<String> allowed) {
        if (value == null || value.isBlank()) return null;
        if (!allowed.contains(value)) {
            String shown = value.length() > 40 ? value.substring(0, 40) + "..." : value;
            throw new InvalidParameterException(name, BundleText.both("list.error.unknown", name, shown, String.join(", ", allowed)));
        }
        return value;
    }

    /** Every row of a filtered list, page by page (each page one query), up to {@link #EXPORT_LIMIT}. */
    public static <T> List<T> every(Function<PageRequest, PageResult<T>> pages) {
        List<T> all = new ArrayList<>();
        for (int page = 0; all.size() < EXPORT_LIMIT; page++) {
            PageResult<T> result = pages.apply(new PageRequest(page, PageRequest.MAX_SIZE));
            all.addAll(result.items());
            if (result.items().size() < PageRequest.MAX_SIZE || all.size() >= result.total()) break;
        }
        return all.size() > EXPORT_LIMIT ? List.copyOf(all.subList(0, EXPORT_LIMIT)) : all;
    }
}
