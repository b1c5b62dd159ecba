package cn.gongfu.ingest;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a {@link ParsedDocument} as the JSON of the extraction contract (shared/spec/extraction.md):
 * absent fields are omitted, numbers are plain (500, 6.6), a few extra fields (category, kind, line) help
 * the importer and are allowed by the contract.
 */
public final class ExtractionJson {

    private static Map<String, Object> value(ParsedIndicatorValue v) {
        Map<String, Object> x = new LinkedHashMap<>();
        x.put("year", v.year());
        x.put("raw", v.raw());
        x.put("comparator", v.comparator().code());
        if (v.value() != null) {
            x.put("value", number(v.value()));
        }
        if (v.note() != null) {
            x.put("note", v.note());
        }
        return x;
    }

    private static final JsonMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private ExtractionJson() {
    }

    public static String write(ParsedDocument doc) {
        return MAPPER.writeValueAsString(toMap(doc));
    }

    public static Map<String, Object> toMap(ParsedDocument doc) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("source", doc.source());
        put(m, "title", doc.title());
        if (doc.period() != null) {
            Map<String, Object> period = new LinkedHashMap<>();
            period.put("from", doc.period().from());
            period.put("to", doc.period().to());
            m.put("period", period);
        }
        DocumentMetadata meta = doc.metadata();
        if (meta != null && !meta.isEmpty()) {
            // Extra field (allowed by the contract): the document's 文号, 索引号 and 发文日期.
            Map<String, Object> o = new LinkedHashMap<>();
            put(o, "docNumber", meta.docNumber());
            put(o, "indexNumber", meta.indexNumber());
            put(o, "issuedOn", meta.issuedOn() == null ? null : meta.issuedOn().toString());
            m.put("metadata", o);
        }
        List<Object> sections = new ArrayList<>();
        for (ParsedSection s : doc.sections()) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("id", s.id());
            o.put("parent", s.parentId());
            o.put("label", s.label());
            o.put("title", s.title());
            o.put("kind", s.kind());
            o.put("line", s.line());
            sections.add(o);
        }
        m.put("sections", sections);
        List<Object> tasks = new ArrayList<>();
        for (ParsedTask t : doc.tasks()) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("list", t.list());
            o.put("code", t.code());
            if (t.codeGenerated()) {
                o.put("codeGenerated", true);
            }
            o.put("category", t.category());
            o.put("sectionId", t.sectionId());
            o.put("group", t.group());
            put(o, "title", t.title());
            put(o, "text", t.text());
            o.put("leadUnits", t.leadUnits());
            if (!t.coUnits().isEmpty()) {
                o.put("coUnits", t.coUnits());
            }
            if (!t.leadOfficials().isEmpty()) {
                o.put("leadOfficials", t.leadOfficials());
            }
            List<Object> targets = new ArrayList<>();
            for (ParsedTarget g : t.targets()) {
                targets.add(target(g));
            }
            o.put("targets", targets);
            o.put("columns", t.columns());
            List<Object> ms = new ArrayList<>();
            for (ParsedMilestone p : t.milestones()) {
                Map<String, Object> x = new LinkedHashMap<>();
                if (p.isDated()) {
                    x.put("from", p.from().toString());
                    x.put("to", p.to().toString());
                }
                x.put("text", p.text());
                ms.add(x);
            }
            o.put("milestones", ms);
            if (t.progress() != null) {
                // Extra field (allowed by the contract): what a progress table's row reports, never a target.
                Map<String, Object> p = new LinkedHashMap<>();
                put(p, "text", t.progress().text());
                put(p, "actual", t.progress().actual());
                put(p, "rate", t.progress().rate());
                if (t.progress().ratePercent() != null) {
                    p.put("ratePercent", number(t.progress().ratePercent()));
                }
                put(p, "note", t.progress().note());
                o.put("progress", p);
            }
            o.put("line", t.line());
            tasks.add(o);
        }
        m.put("tasks", tasks);
        List<Object> indicators = new ArrayList<>();
        for (ParsedIndicator i : doc.indicators()) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("code", i.code());
            put(o, "domain", i.domain());
            o.put("name", i.name());
            put(o, "unit", i.unit());
            o.put("polarity", i.polarity().code());
            if (i.cumulative()) {
                o.put("cumulative", true);
            }
            List<Object> values = new ArrayList<>();
            for (ParsedIndicatorValue v : i.values()) {
                values.add(value(v));
            }
            o.put("values", values);
            if (i.baseline() != null) {
                o.put("baseline", value(i.baseline()));
            }
            if (i.actual()) {
                o.put("actual", true);
            }
            o.put("line", i.line());
            indicators.add(o);
        }
        m.put("indicators", indicators);
        List<Object> findings = new ArrayList<>();
        for (Finding f : doc.findings()) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("kind", f.kind());
            o.put("message", f.message());
            o.put("refs", f.refs());
            o.put("line", f.line());
            findings.add(o);
        }
        m.put("findings", findings);
        return m;
    }

    private static Map<String, Object> target(ParsedTarget g) {
        Map<String, Object> x = new LinkedHashMap<>();
        put(x, "indicator", g.indicator());
        x.put("comparator", g.comparator().code());
        if (g.value() != null) {
            x.put("value", number(g.value()));
        }
        if (g.min() != null) {
            x.put("min", number(g.min()));
        }
        if (g.max() != null) {
            x.put("max", number(g.max()));
        }
        if (g.unit() != null && (g.value() != null || g.min() != null)) {
            x.put("unit", g.unit());
        }
        if (g.year() != null) {
            x.put("year", g.year());
        }
        if (g.implied()) {
            x.put("implied", true);
        }
        if (g.approximate()) {
            x.put("approximate", true);
        }
        put(x, "text", g.text());
        return x;
    }

    /** 500 rather than 5E+2, 6.6 rather than 6.60. */
    static Number number(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        if (s.scale() <= 0 && s.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) < 0) {
            return s.longValueExact();
        }
        return s.doubleValue();
    }

    private static void put(Map<String, Object> m, String key, Object value) {
        if (value != null) {
            m.put(key, value);
        }
    }
}
