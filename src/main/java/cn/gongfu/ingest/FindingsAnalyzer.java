package cn.gongfu.ingest;

import cn.gongfu.vocabulary.Polarity;
import cn.gongfu.vocabulary.TargetComparator;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks the parsed document for things a person should look at: numbering that skips or repeats,
 * totals the body announces that the annex does not list, and targets that fall where they should rise,
 * fall while cumulative, or disagree with another target for the same indicator and year.
 */
final class FindingsAnalyzer {

    private static final Pattern PARENS = Pattern.compile("[（(][^（）()]*[）)]");
    private static final Pattern NOISE = Pattern.compile("[“”\"《》、，,\\s]");
    private static final Pattern SCOPE = Pattern.compile(
            "^(?:全区|全市|全县|全省|我区|我市|区级|市级|新增|累计|年均|全年|全社会)");

    private FindingsAnalyzer() {
    }

    /** Numbered body tasks: qualify codes when numbering restarts per section, report gaps and repeats. */
    static void checkNumbering(List<TaskDraft> tasks, List<ParsedSection> sections, List<Finding> findings) {
        Map<String, List<TaskDraft>> byList = new LinkedHashMap<>();
        for (TaskDraft t : tasks) {
            if (t.number > 0 && !t.codeGenerated && "main".equals(t.list)) {
                byList.computeIfAbsent(t.category + (t.subItem ? "/item" : t.sectionTask ? "/section" : ""), k -> new ArrayList<>()).add(t);
            }
        }
        Map<String, String> labelOf = new HashMap<>();
        Map<String, String> parentOf = new HashMap<>();
        for (ParsedSection s : sections) {
            labelOf.put(s.id(), s.label());
            parentOf.put(s.id(), s.parentId());
        }
        for (List<TaskDraft> seq : byList.values()) {
            boolean restarts = false;
            for (int i = 1; i < seq.size(); i++) {
                TaskDraft a = seq.get(i - 1);
                TaskDraft b = seq.get(i);
                if (b.number == 1 && a.number >= 1 && !sameSection(a, b)) {
                    restarts = true;
                }
            }
            if (restarts) {
                qualifyCodes(seq, labelOf, parentOf);
            }
            if (!seq.isEmpty() && seq.get(0).number > 1) {
                TaskDraft first = seq.get(0);
                findings.add(new Finding("numbering-gap", Texts.both("ingest.finding.startsLate", first.number), List.of("main/" + first.code), first.line));
            }
            for (int i = 1; i < seq.size(); i++) {
                TaskDraft a = seq.get(i - 1);
                TaskDraft b = seq.get(i);
                boolean restart = restarts && b.number == 1 && !sameSection(a, b);
                if (restart || b.number == a.number + 1) {
                    continue;
                }
                String missing = (a.number + 1) + (b.number - a.number > 2 ? "–" + (b.number - 1) : "");
                String what = b.number == a.number ? Texts.both("ingest.finding.repeated", b.number)
                        : b.number > a.number ? Texts.both("ingest.finding.missing", missing)
                        : Texts.both("ingest.finding.outOfOrder", b.number, a.number);
                findings.add(new Finding("numbering-gap", what, List.of("main/" + a.code, "main/" + b.code), b.line));
            }
        }
    }

    private static boolean sameSection(TaskDraft a, TaskDraft b) {
        return a.sectionId == null ? b.sectionId == null : a.sectionId.equals(b.sectionId);
    }

    /**
     * "（一）1." and "（二）1.": the code carries the nearest section label to stay unique in its list; where that
     * is not enough (第一节 in every 第N章), the labels of further ancestors are put in front ("第二章第一节1").
     */
    private static void qualifyCodes(List<TaskDraft> seq, Map<String, String> labelOf, Map<String, String> parentOf) {
        Map<String, List<String>> labelsOf = new HashMap<>();
        String[] base = new String[seq.size()];
        for (int i = 0; i < seq.size(); i++) {
            TaskDraft t = seq.get(i);
            labelsOf.computeIfAbsent(String.valueOf(t.sectionId), k -> sectionLabels(t.sectionId, labelOf, parentOf));
            // A section task's own label is already the last of its section labels.
            base[i] = t.subItem ? t.code : t.sectionTask ? "" : String.valueOf(t.number);
        }
        for (int depth = 1; depth <= 4; depth++) {
            Set<String> codes = new HashSet<>();
            boolean unique = true;
            for (int i = 0; i < seq.size(); i++) {
                TaskDraft t = seq.get(i);
                t.code = qualified(base[i], labelsOf.get(String.valueOf(t.sectionId)), depth);
                unique &= codes.add(t.code);
            }
            if (unique) {
                return;
            }
        }
    }

    private static String qualified(String base, List<String> labels, int depth) {
        StringBuilder code = new StringBuilder();
        for (int i = Math.max(0, labels.size() - depth); i < labels.size(); i++) {
            code.append(labels.get(i));
        }
        return code.append(base).toString();
    }

    /** The labels of a section and its ancestors, outermost first, without the "——" of themes. */
    private static List<String> sectionLabels(String id, Map<String, String> labelOf, Map<String, String> parentOf) {
        List<String> out = new ArrayList<>();
        String cur = id;
        while (cur != null) {
            String label = labelOf.get(cur);
            if (label != null && !label.equals("——")) {
                out.add(0, label);
            }
            cur = parentOf.get(cur);
        }
        return out;
    }

    /** Codes are unique within a list: a number the document repeats gets "#2", "#3" after the first. */
    static void makeCodesUnique(List<TaskDraft> tasks) {
        Map<String, Integer> seen = new HashMap<>();
        for (TaskDraft t : tasks) {
            String key = t.list + "\u0000" + t.code;
            int n = seen.merge(key, 1, Integer::sum);
            if (n > 1) {
                t.code = t.code + "#" + n;
            }
        }
    }

    /** "73项重点工作" in the body against the annex whose title names 重点工作. */
    static void checkDeclaredTotals(List<Object[]> declared, Map<String, Integer> annexRows, Map<String, String> annexTitles,
                                    List<Finding> findings) {
        Set<String> seen = new HashSet<>();
        for (Object[] d : declared) {
            int n = (Integer) d[0];
            String noun = (String) d[1];
            for (Map.Entry<String, String> annex : annexTitles.entrySet()) {
                Integer rows = annexRows.get(annex.getKey());
                if (rows == null || rows == 0 || !annex.getValue().contains(noun)) {
                    continue;
                }
                String key = annex.getKey() + "/" + noun + "/" + n;
                if (rows != n && seen.add(key)) {
                    findings.add(new Finding("declared-count-mismatch", Texts.both("ingest.finding.declaredCount", n, noun, annex.getKey(), rows),
                            List.of(annex.getKey()), (Integer) d[2]));
                }
            }
        }
    }

    /** Year-on-year moves of table indicators that contradict their polarity or accumulation. */
    static void checkIndicatorSeries(List<ParsedIndicator> indicators, List<Finding> findings) {
        for (ParsedIndicator ind : indicators) {
            if (ind.actual()) {
                continue; // observed values may fall: only targets can move the wrong way
            }
            List<ParsedIndicatorValue> vals = ind.values();
            List<String> moves = new ArrayList<>();
            for (int i = 1; i < vals.size(); i++) {
                ParsedIndicatorValue a = vals.get(i - 1);
                ParsedIndicatorValue b = vals.get(i);
                if (a.value() == null || b.value() == null || a.comparator() != b.comparator()) {
                    continue;
                }
                int cmp = b.value().compareTo(a.value());
                boolean bad = ind.cumulative() ? cmp < 0
                        : ind.polarity() == Polarity.HIGHER ? cmp < 0 : ind.polarity() == Polarity.LOWER && cmp > 0;
                if (bad) {
                    moves.add(Texts.zh("ingest.finding.move", a.year(), a.raw(), b.year(), b.raw()));
                }
            }
            if (moves.isEmpty()) {
                continue;
            }
            String ref = "indicator/" + ind.code();
            if (ind.cumulative()) {
                findings.add(new Finding("cumulative-decrease", Texts.both("ingest.finding.cumulativeFalls", ind.name(), ind.code(), String.join(Texts.zh("ingest.listSeparator"), moves)), List.of(ref, ind.name()), ind.line()));
            } else {
                String dir = Texts.zh(ind.polarity() == Polarity.LOWER ? "ingest.finding.rises" : "ingest.finding.falls");
                findings.add(new Finding("worsening-target", Texts.both("ingest.finding.worsening", ind.name(), ind.code(), dir,
                        String.join(Texts.zh("ingest.listSeparator"), moves)), List.of(ref, ind.name()), ind.line()));
            }
        }
    }

    /** The same indicator and year with different values, across indicator lists, tables and task texts. */
    static void checkConflicts(List<ParsedIndicator> indicators, List<TaskDraft> tasks, List<Finding> findings) {
        record Entry(String key, int year, BigDecimal value, String unit, TargetComparator cmp, String ref, String shown, int line) {
        }
        List<Entry> entries = new ArrayList<>();
        for (ParsedIndicator ind : indicators) {
            for (ParsedIndicatorValue v : ind.values()) {
                if (v.value() != null && v.comparator() != TargetComparator.RANGE) {
                    BigDecimal[] canon = canonical(v.value(), ind.unit());
                    entries.add(new Entry(key(ind.name()), v.year(), canon[0], canonicalUnit(ind.unit()), v.comparator(),
                            "indicator/" + ind.code(), ind.name() + " " + v.raw(), ind.line()));
                }
            }
        }
        for (TaskDraft t : tasks) {
            // A row under grouped columns (地区 | 城镇新增就业(人): 目标任务 …) holds its own subject's targets: a county's
            // target is no conflict with the city's.
            boolean rowSubject = t.columns.keySet().stream().anyMatch(h -> h.indexOf(TableColumn.GROUP_MARK) > 0);
            for (ParsedTarget g : t.targets) {
                if (g.value() != null && g.year() != null && !g.implied() && g.indicator() != null && g.indicator().length() >= 4) {
                    BigDecimal[] canon = canonical(g.value(), g.unit());
                    entries.add(new Entry(key(g.indicator()) + (rowSubject ? "@" + t.title : ""), g.year(), canon[0], canonicalUnit(g.unit()), g.comparator(),
                            t.list + "/" + t.code, g.text(), t.line));
                }
            }
        }
        Map<String, Entry> firstSeen = new LinkedHashMap<>();
        Set<String> reported = new HashSet<>();
        for (Entry e : entries) {
            if (e.key().length() < 4) {
                continue;
            }
            String k = e.key() + "@" + e.year();
            Entry prior = firstSeen.get(k);
            if (prior == null) {
                firstSeen.put(k, e);
                continue;
            }
            boolean unitsComparable = prior.unit().isEmpty() || e.unit().isEmpty() || prior.unit().equals(e.unit());
            // One statement ("分别达65%和25%") gives several values for names it lists together: not a conflict.
            if (!unitsComparable || prior.value().compareTo(e.value()) == 0 || prior.ref().equals(e.ref()) || prior.line() == e.line()) {
                continue;
            }
            if (reported.add(k + prior.ref() + e.ref())) {
                findings.add(new Finding("conflicting-target", Texts.both("ingest.finding.conflicting", e.year(), e.key(), prior.shown(), prior.ref(), e.shown(), e.ref()),
                        List.of(prior.ref(), e.ref()), e.line()));
            }
        }
    }

    private static String key(String name) {
        StringBuilder sb = new StringBuilder(name.length());
        int depth = 0;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '(' || c == '（') {
                depth++;
            } else if ((c == ')' || c == '）') && depth > 0) {
                depth--;
            } else if (depth == 0 && "“”\"《》、，, ".indexOf(c) < 0) {
                sb.append(c);
            }
        }
        // The scope words all start with one of these characters; most names need no regex.
        return sb.length() > 0 && "全我区市新累年".indexOf(sb.charAt(0)) >= 0 ? SCOPE.matcher(sb).replaceFirst("") : sb.toString();
    }

    private static String canonicalUnit(String unit) {
        if (unit == null) {
            return "";
        }
        String u = unit;
        while (!u.isEmpty() && (u.charAt(0) == '万' || u.charAt(0) == '亿') && !(u.length() > 1 && u.charAt(1) == '/')) {
            u = u.substring(1);
        }
        return u;
    }

    private static BigDecimal[] canonical(BigDecimal value, String unit) {
        BigDecimal v = value;
        String u = unit == null ? "" : unit;
        while (!u.isEmpty() && (u.charAt(0) == '万' || u.charAt(0) == '亿') && !(u.length() > 1 && u.charAt(1) == '/')) {
            v = v.multiply(u.charAt(0) == '万' ? BigDecimal.valueOf(10_000) : BigDecimal.valueOf(100_000_000));
            u = u.substring(1);
        }
        return new BigDecimal[] {v};
    }
}
