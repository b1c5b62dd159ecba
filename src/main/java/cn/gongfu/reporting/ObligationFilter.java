package cn.gongfu.reporting;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * The search form over the report list (我的填报 / the office's view of every unit's reports): words found in the unit's
 * or the plan's name, a state, a period, and overdue only. Every field is optional; the same filter drives the page
 * and its Excel export.
 */
public record ObligationFilter(String q, String state, String period, boolean overdue) {

    /** The states one may filter by: those of {@link Obligation}. */
    static final List<String> STATES = List.of("missing", "draft", "approved", "submitted", "accepted", "returned");

    boolean accepts(Obligation o) {
        String words = q == null ? "" : q.strip().toLowerCase(Locale.ROOT);
        return (words.isEmpty() || o.unitName().toLowerCase(Locale.ROOT).contains(words)
                        || o.planTitle().toLowerCase(Locale.ROOT).contains(words))
                && (state == null || state.isBlank() || state.equals(o.state()))
                && (period == null || period.isBlank() || o.period().equals(period.strip()))
                && (!overdue || o.overdue());
    }

    List<Obligation> apply(List<Obligation> all) {
        return all.stream().filter(this::accepts).toList();
    }

    /** The filter as a query string, for the export link and the pager (without a leading ?). */
    public String query() {
        StringBuilder out = new StringBuilder();
        append(out, "q", q);
        append(out, "state", state);
        append(out, "period", period);
        if (overdue) append(out, "overdue", "true");
        return out.toString();
    }

    private static void append(StringBuilder out, String name, String value) {
        if (value == null || value.isBlank()) return;
        if (!out.isEmpty()) out.append('&');
        out.append(name).append('=').append(URLEncoder.encode(value.strip(), StandardCharsets.UTF_8));
    }
}
