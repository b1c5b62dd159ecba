package cn.gongfu.kernel;

import org.springframework.web.util.UriComponentsBuilder;

/** The address of a list page with its filters, which the pager extends with {@code page=N}. */
public final class ListAddress {

    private ListAddress() {}

    /**
     * {@code path} with each filter given as a name and a value; absent and blank filters are left out, the
     * rest encoded.
     */
    public static String of(String path, Object... namesAndValues) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            Object value = namesAndValues[i + 1];
            if (value == null || value instanceof String s && s.isBlank()) continue;
            uri.queryParam((String) namesAndValues[i], value);
        }
        return uri.build().encode().toUriString();
    }
}
