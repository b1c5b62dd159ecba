package cn.gongfu.ingest;

import cn.gongfu.vocabulary.TargetComparator;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads an inline indicator list — "指标目标:人均生产总值15万元,全员劳动生产率24.5万元/人,单位GDP能耗完成市下达指标,…" —
 * into one indicator per item with the list's year. Items without a number keep their words as a
 * qualitative value ("稳步提升").
 */
final class InlineIndicatorList {

    static final Pattern LEAD = Pattern.compile("^(?:指标目标|主要指标|目标指标|主要目标指标|预期目标|约束性指标)\\s*[:：]\\s*");

    private InlineIndicatorList() {
    }

    static List<ParsedIndicator> parse(String text, String domain, int year, String codePrefix, int line) {
        String body = LEAD.matcher(text).replaceFirst("");
        List<ParsedIndicator> out = new ArrayList<>();
        for (String item : splitItems(body)) {
            List<ParsedTarget> targets = TargetExtractor.extract(item, year, TargetExtractor.Mode.INDICATOR_ITEM);
            List<ParsedTarget> usable = targets.stream()
                    .filter(t -> t.comparator() != TargetComparator.QUALITATIVE || targets.size() == 1).toList();
            if (usable.isEmpty()) {
                String words = item.replaceAll("[。；;，,]$", "");
                out.add(indicator(codePrefix, out.size() + 1, domain, words, null,
                        new ParsedIndicatorValue(year, words, TargetComparator.QUALITATIVE, null), line));
                continue;
            }
            for (ParsedTarget t : usable) {
                String raw = rawValue(t);
                out.add(indicator(codePrefix, out.size() + 1, domain, t.indicator(), t.unit(),
                        new ParsedIndicatorValue(t.year() == null ? year : t.year(), raw, t.comparator(),
                                t.value() != null ? t.value() : t.min()), line));
            }
        }
        return out;
    }

    private static ParsedIndicator indicator(String prefix, int n, String domain, String name, String unit,
                                             ParsedIndicatorValue value, int line) {
        List<ParsedIndicatorValue> values = List.of(value);
        return new ParsedIndicator(prefix + n, domain, name, unit == null || unit.isEmpty() ? null : unit,
                Indicators.polarity(name, values), Indicators.isCumulative(name), values, line);
    }

    /** The value part of a target's text: "人均生产总值15万元" → "15万元", "…不低于95%" → "不低于95%". */
    static String rawValue(ParsedTarget t) {
        String text = t.text();
        int at = t.indicator() == null ? -1 : text.indexOf(t.indicator());
        String raw = at >= 0 ? text.substring(at + t.indicator().length()) : text;
        raw = raw.replaceAll("^[，,、和及]+", "").trim();
        return raw.isEmpty() ? text : raw;
    }

    /** Splits on commas and full stops that are not inside brackets or quotes. */
    static List<String> splitItems(String body) {
        List<String> items = new ArrayList<>();
        int depth = 0;
        boolean quote = false;
        StringBuilder cur = new StringBuilder();
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '(' || c == '（' || c == '《') {
                depth++;
            } else if ((c == ')' || c == '）' || c == '》') && depth > 0) {
                depth--;
            } else if (c == '“') {
                quote = true;
            } else if (c == '”') {
                quote = false;
            }
            if (depth == 0 && !quote && "，,。；;".indexOf(c) >= 0) {
                if (!cur.toString().isBlank()) {
                    items.add(cur.toString().trim());
                }
                cur.setLength(0);
                continue;
            }
            cur.append(c);
        }
        if (!cur.toString().isBlank()) {
            items.add(cur.toString().trim());
        }
        return items;
    }
}
