package cn.gongfu.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The human-readable summary of `parse FILE`: title, period, counts, outline, tasks, indicators, findings. */
public final class SummaryWriter {

    private SummaryWriter() {
    }

    public static String write(ParsedDocument doc) {
        StringBuilder sb = new StringBuilder();
        String notFound = Texts.zh("ingest.summary.parens", Texts.both("ingest.summary.notFound"));
        sb.append(Texts.both("ingest.summary.file")).append(": ").append(doc.source()).append('\n');
        sb.append(Texts.both("ingest.summary.title")).append(": ").append(doc.title() == null ? notFound : doc.title()).append('\n');
        sb.append(Texts.both("ingest.summary.period")).append(": ").append(doc.period() == null ? notFound
                : doc.period().from() + "–" + doc.period().to()).append('\n');
        Map<String, Long> perList = doc.tasks().stream().collect(Collectors.groupingBy(ParsedTask::list,
                LinkedHashMap::new, Collectors.counting()));
        long targets = doc.tasks().stream().mapToLong(t -> t.targets().size()).sum();
        sb.append(Texts.both("ingest.summary.counts")).append(": ").append(pair("ingest.summary.sections")).append(' ').append(doc.sections().size())
                .append(", ").append(pair("ingest.summary.tasks")).append(' ').append(doc.tasks().size()).append(' ').append(perList)
                .append(", ").append(pair("ingest.summary.targets")).append(' ').append(targets)
                .append(", ").append(pair("ingest.summary.indicators")).append(' ').append(doc.indicators().size())
                .append(", ").append(pair("ingest.summary.findings")).append(' ').append(doc.findings().size()).append("\n\n");

        Map<String, List<ParsedSection>> children = new HashMap<>();
        Map<String, List<ParsedTask>> tasksBySection = new HashMap<>();
        for (ParsedSection s : doc.sections()) {
            children.computeIfAbsent(s.parentId() == null ? "" : s.parentId(), k -> new ArrayList<>()).add(s);
        }
        for (ParsedTask t : doc.tasks()) {
            tasksBySection.computeIfAbsent(t.sectionId() == null ? "" : t.sectionId(), k -> new ArrayList<>()).add(t);
        }
        sb.append(Texts.both("ingest.summary.outline")).append('\n');
        for (ParsedTask t : tasksBySection.getOrDefault("", List.of())) {
            task(sb, t, "  ");
        }
        for (ParsedSection s : children.getOrDefault("", List.of())) {
            section(sb, s, "  ", children, tasksBySection);
        }
        if (!doc.indicators().isEmpty()) {
            sb.append('\n').append(Texts.both("ingest.summary.indicators")).append('\n');
            for (ParsedIndicator i : doc.indicators()) {
                sb.append("  ").append(i.code()).append(' ').append(i.name());
                if (i.domain() != null) {
                    sb.append(' ').append(Texts.zh("ingest.summary.domain", i.domain()));
                }
                sb.append(" [").append(i.polarity().code()).append(i.cumulative() ? ", cumulative" : "").append("]: ");
                sb.append(i.values().stream().map(v -> v.year() + "=" + v.raw()).collect(Collectors.joining(", "))).append('\n');
            }
        }
        if (!doc.findings().isEmpty()) {
            sb.append('\n').append(Texts.both("ingest.summary.findings")).append('\n');
            for (Finding f : doc.findings()) {
                sb.append("  [").append(f.kind()).append("] ").append(f.message());
                if (f.line() > 0) {
                    sb.append(" (line ").append(f.line()).append(')');
                }
                sb.append('\n');
            }
        }
        return sb.toString();
    }

    /** "中文 English", the shape of the summary's counts. */
    private static String pair(String key) {
        return Texts.zh(key) + " " + Texts.en(key);
    }

    private static void section(StringBuilder sb, ParsedSection s, String indent, Map<String, List<ParsedSection>> children,
                                Map<String, List<ParsedTask>> tasks) {
        sb.append(indent).append(s.label().equals("——") ? "——" : s.label() + " ").append(s.title()).append('\n');
        for (ParsedTask t : tasks.getOrDefault(s.id(), List.of())) {
            task(sb, t, indent + "  ");
        }
        for (ParsedSection c : children.getOrDefault(s.id(), List.of())) {
            section(sb, c, indent + "  ", children, tasks);
        }
    }

    private static void task(StringBuilder sb, ParsedTask t, String indent) {
        // "54." for a number; a code that carries its own marker ("1.（2）", "（一）") is shown as it is.
        String code = t.code();
        boolean numeric = !code.isEmpty() && Character.isDigit(code.charAt(code.length() - 1));
        sb.append(indent).append(t.codeGenerated() ? "·" : numeric ? code + "." : code).append(' ').append(t.title());
        if (!t.leadUnits().isEmpty() || !t.leadOfficials().isEmpty()) {
            String separator = Texts.zh("ingest.unitSeparator");
            String units = String.join(separator, t.leadUnits())
                    + (t.coUnits().isEmpty() ? "" : Texts.zh("ingest.summary.coUnits", String.join(separator, t.coUnits())))
                    + (t.leadOfficials().isEmpty() ? "" : Texts.zh("ingest.summary.leadOfficials", String.join(separator, t.leadOfficials())));
            sb.append(' ').append(Texts.zh("ingest.summary.parens", units));
        }
        sb.append('\n');
        for (ParsedTarget g : t.targets()) {
            sb.append(indent).append("    → ").append(g.indicator()).append(' ').append(g.comparator().code()).append(' ');
            if (g.value() != null) {
                sb.append(g.value().stripTrailingZeros().toPlainString());
            } else if (g.min() != null) {
                sb.append(g.min().toPlainString()).append('–').append(g.max().toPlainString());
            }
            if (g.unit() != null && (g.value() != null || g.min() != null)) {
                sb.append(g.unit());
            }
            if (g.year() != null) {
                sb.append(" @").append(g.year());
            }
            sb.append('\n');
        }
        long dated = t.milestones().stream().filter(ParsedMilestone::isDated).count();
        if (!t.milestones().isEmpty()) {
            sb.append(indent).append("    ").append(pair("ingest.summary.milestones")).append(": ").append(dated).append('/').append(t.milestones().size()).append(" dated\n");
        }
    }
}
