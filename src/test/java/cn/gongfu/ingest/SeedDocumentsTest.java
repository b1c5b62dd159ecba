package cn.gongfu.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongfu.vocabulary.TargetComparator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Quality targets on the real seed documents (../shared/seeds), scored the way shared/spec/score.py scores
 * them. Skipped, with a message, when the seeds are not next to the project.
 */
class SeedDocumentsTest {

    private static DocumentParser parser;

    @BeforeAll
    static void setUp() {
        parser = new DocumentParser();
    }

    // ---------- seed 000: numbered measures, lead units, numeric targets ----------

    @Test
    @SuppressWarnings("unchecked")
    void seed000TasksUnitsSectionsAndTargetsMatchGold() {
        ParsedDocument doc = parser.parse(SeedFiles.seed("000"));
        Map<String, Object> gold = SeedFiles.gold("seed000.gold.json");
        List<Map<String, Object>> goldTasks = (List<Map<String, Object>>) gold.get("tasks");
        Map<String, ParsedTask> main = doc.tasksOf("main").stream().collect(Collectors.toMap(ParsedTask::code, t -> t));
        Map<String, ParsedSection> sections = doc.sections().stream().collect(Collectors.toMap(ParsedSection::id, s -> s));

        int found = 0;
        int unitsExact = 0;
        int sectionsRight = 0;
        int goldTargets = 0;
        int predicted = 0;
        int hits = 0;
        for (Map<String, Object> g : goldTasks) {
            ParsedTask t = main.get((String) g.get("code"));
            if (t == null) {
                continue;
            }
            found++;
            if (t.leadUnits().stream().map(String::strip).toList().equals(g.get("leadUnits"))) {
                unitsExact++;
            }
            String theme = null;
            String section = null;
            for (String id = t.sectionId(); id != null; id = sections.get(id).parentId()) {
                ParsedSection s = sections.get(id);
                if (s.kind().equals("theme") && theme == null) {
                    theme = s.title();
                } else if (s.kind().equals("section") && section == null) {
                    section = s.label() + s.title();
                }
            }
            if (Objects.equals(theme, g.get("theme")) && Objects.equals(section, g.get("section"))) {
                sectionsRight++;
            }
            List<Object[]> want = new ArrayList<>();
            for (Map<String, Object> nt : (List<Map<String, Object>>) g.get("numericTargets")) {
                String cmp = (String) nt.get("comparator");
                want.add(cmp.equals("range")
                        ? new Object[] {((Number) nt.get("min")).doubleValue(), nt.get("unit"), "range"}
                        : new Object[] {((Number) nt.get("value")).doubleValue(), nt.get("unit"), direction(cmp)});
            }
            List<Object[]> got = numeric(t.targets());
            goldTargets += want.size();
            predicted += got.size();
            hits += match(got, want);
        }
        double precision = predicted == 0 ? 0 : hits / (double) predicted;
        double recall = hits / (double) goldTargets;
        System.out.printf("seed000: tasks %d/%d, lead units exact %d, sections+themes %d, targets precision %.3f recall %.3f%n",
                found, goldTasks.size(), unitsExact, sectionsRight, precision, recall);
        assertThat(found).isEqualTo(goldTasks.size()).isEqualTo(69);
        assertThat(main.keySet()).hasSize(69);
        assertThat(unitsExact / (double) goldTasks.size()).isGreaterThanOrEqualTo(0.98);
        assertThat(sectionsRight).isEqualTo(goldTasks.size());
        assertThat(precision).isGreaterThanOrEqualTo(0.95);
        assertThat(recall).isGreaterThanOrEqualTo(0.95);
        assertThat(doc.title()).isEqualTo("奉化推进高质量发展建设共同富裕特色区行动方案（2021—2025年）");
        assertThat(doc.period()).isEqualTo(new Period(2021, 2025));
    }

    static String direction(String c) {
        return switch (c) {
            case "ge", "gt", "eq" -> "up";
            case "le", "lt" -> "down";
            default -> c;
        };
    }

    /** score.py's canon(): multiplies out leading 万/亿 so 500亿元 = 5e10 元. */
    static Object[] canon(double value, String unit) {
        String u = unit == null ? "" : unit.replace(" ", "").replace("\u3000", "");
        double v = value;
        while (!u.isEmpty() && (u.charAt(0) == '万' || u.charAt(0) == '亿') && !(u.length() > 1 && u.charAt(1) == '/')) {
            v *= u.charAt(0) == '万' ? 1e4 : 1e8;
            u = u.substring(1);
        }
        return new Object[] {v, u};
    }

    static List<Object[]> numeric(List<ParsedTarget> targets) {
        List<Object[]> out = new ArrayList<>();
        for (ParsedTarget t : targets) {
            if (t.comparator() == TargetComparator.RANGE && t.min() != null) {
                Object[] c = canon(t.min().doubleValue(), t.unit());
                out.add(new Object[] {c[0], c[1], "range"});
            } else if (List.of(TargetComparator.GE, TargetComparator.GT, TargetComparator.LE, TargetComparator.LT, TargetComparator.EQ).contains(t.comparator())
                    && t.value() != null && !t.implied()) {
                Object[] c = canon(t.value().doubleValue(), t.unit());
                out.add(new Object[] {c[0], c[1], direction(t.comparator().code())});
            }
        }
        return out;
    }

    static int match(List<Object[]> predicted, List<Object[]> gold) {
        List<Object[]> pred = new ArrayList<>(predicted);
        int hit = 0;
        for (Object[] g : gold) {
            for (int i = 0; i < pred.size(); i++) {
                Object[] p = pred.get(i);
                double a = (double) p[0];
                double b = (double) g[0];
                boolean same = Math.abs(a - b) <= 1e-9 * Math.max(1.0, Math.max(Math.abs(a), Math.abs(b)));
                if (same && p[1].equals(g[1]) && p[2].equals(g[2])) {
                    hit++;
                    pred.remove(i);
                    break;
                }
            }
        }
        return hit;
    }

    // ---------- seed 002: the indicator table, cell by cell ----------

    @Test
    @SuppressWarnings("unchecked")
    void seed002EveryIndicatorCellMatchesGoldAndAnomaliesAreFlagged() {
        ParsedDocument doc = parser.parse(SeedFiles.seed("002"));
        // 文号 on a line of its own, the date under the issuer's signature.
        assertThat(doc.metadata()).isEqualTo(new DocumentMetadata("奉政办发〔2023〕23号", null, java.time.LocalDate.of(2023, 6, 2)));
        Map<String, Object> gold = SeedFiles.gold("seed002.gold.json");
        Map<String, ParsedIndicator> byCode = doc.indicators().stream().collect(Collectors.toMap(ParsedIndicator::code, i -> i));
        int cells = 0;
        int right = 0;
        for (Map<String, Object> g : (List<Map<String, Object>>) gold.get("indicators")) {
            ParsedIndicator ind = byCode.get(String.valueOf(g.get("no")));
            assertThat(ind).as("indicator %s", g.get("no")).isNotNull();
            assertThat(ind.name()).isEqualTo(g.get("name"));
            assertThat(ind.domain()).isEqualTo(g.get("domain"));
            Map<Integer, ParsedIndicatorValue> values = new HashMap<>();
            ind.values().forEach(v -> values.put(v.year(), v));
            for (Map.Entry<String, Object> e : ((Map<String, Object>) g.get("values")).entrySet()) {
                cells++;
                ParsedIndicatorValue v = values.get(Integer.parseInt(e.getKey()));
                String raw = (String) e.getValue();
                assertThat(v).as("%s %s", g.get("no"), e.getKey()).isNotNull();
                assertThat(v.raw()).isEqualTo(raw);
                Matcher m = Pattern.compile("([<≥≤>])?\\s*([\\d.]+)").matcher(raw);
                if (m.matches()) {
                    assertThat(v.value()).isNotNull();
                    assertThat(v.value().doubleValue()).isEqualTo(Double.parseDouble(m.group(2)));
                    String expected = m.group(1) == null ? "eq" : switch (m.group(1)) {
                        case "<" -> "lt";
                        case ">" -> "gt";
                        case "≤" -> "le";
                        default -> "ge";
                    };
                    assertThat(v.comparator().code()).isEqualTo(expected);
                } else {
                    assertThat(v.comparator()).isEqualTo(TargetComparator.QUALITATIVE);
                }
                right++;
            }
        }
        System.out.printf("seed002: indicators %d, cells right %d/%d%n", doc.indicators().size(), right, cells);
        assertThat(doc.indicators()).hasSize(21);
        assertThat(right).isEqualTo(cells).isEqualTo(126);
        assertThat(doc.findings()).anySatisfy(f -> {
            assertThat(f.kind()).isEqualTo("cumulative-decrease");
            assertThat(f.refs()).contains("indicator/17");
        });
        assertThat(doc.findings()).anySatisfy(f -> {
            assertThat(f.kind()).isEqualTo("worsening-target");
            assertThat(f.refs()).contains("indicator/11");
        });
        // Tasks take the lead unit of their domain.
        assertThat(doc.tasksOf("main")).isNotEmpty().allSatisfy(t -> assertThat(t.leadUnits()).isNotEmpty());
    }

    // ---------- seed 001: annex lists, inline indicators, milestones ----------

    @Test
    void seed001AnnexListsIndicatorsMilestonesAndCountMismatches() {
        ParsedDocument doc = parser.parse(SeedFiles.seed("001"));
        List<ParsedTask> keyWorks = doc.tasksOf("附件二");
        List<ParsedTask> reforms = doc.tasksOf("附件三");
        assertThat(keyWorks).hasSize(73);
        assertThat(reforms).hasSize(41);
        for (List<ParsedTask> list : List.of(keyWorks, reforms)) {
            for (int i = 0; i < list.size(); i++) {
                ParsedTask t = list.get(i);
                assertThat(t.code()).isEqualTo(String.valueOf(i + 1));
                assertThat(t.title()).isNotBlank().doesNotContain("(").doesNotContain("（");
                assertThat(t.leadUnits()).as("units of %s %s", t.list(), t.code()).isNotEmpty();
                assertThat(t.group()).isNotBlank();
                assertThat(t.columns()).containsKey("目标体系").containsKey("工作体系").containsKey("进度安排");
                assertThat(t.columns().size()).isBetween(4, 5);
            }
        }
        assertThat(keyWorks.get(24).leadUnits()).containsExactly("区交通局", "区发改局");
        assertThat(keyWorks.get(1).leadUnits()).containsExactly("区科技局", "岳林街道", "江口街道", "经济开发区", "宁南新城管理中心");
        long withAllFive = keyWorks.stream().filter(t -> t.columns().size() == 5).count()
                + reforms.stream().filter(t -> t.columns().size() == 5).count();
        long scheduleLines = 0;
        long dated = 0;
        for (ParsedTask t : doc.tasks()) {
            for (ParsedMilestone m : t.milestones()) {
                scheduleLines++;
                if (m.isDated()) {
                    dated++;
                    assertThat(m.from().getYear()).isEqualTo(2022);
                    assertThat(m.from().isAfter(m.to())).isFalse();
                }
            }
        }
        double ratio = dated / (double) scheduleLines;
        System.out.printf("seed001: key works %d, reforms %d, with all five columns %d, milestones dated %d/%d = %.3f%n",
                keyWorks.size(), reforms.size(), withAllFive, dated, scheduleLines, ratio);
        assertThat(ratio).isGreaterThanOrEqualTo(0.95);
        ParsedTask first = keyWorks.get(0);
        assertThat(first.milestones().get(0).from()).hasToString("2022-02");
        assertThat(first.milestones().get(0).to()).hasToString("2022-04");

        // Seven domains with their 2022 indicator targets.
        Map<String, List<ParsedIndicator>> byDomain = doc.indicators().stream()
                .collect(Collectors.groupingBy(ParsedIndicator::domain));
        assertThat(byDomain).hasSize(7);
        assertThat(doc.indicators()).allSatisfy(i -> assertThat(i.values()).singleElement()
                .satisfies(v -> assertThat(v.year()).isEqualTo(2022)));
        assertThat(doc.indicators()).anySatisfy(i -> {
            assertThat(i.name()).isEqualTo("人均生产总值");
            assertThat(i.unit()).isEqualTo("万元");
            assertThat(i.values().get(0).value()).isEqualByComparingTo("15");
        });
        assertThat(doc.indicators()).anySatisfy(i -> {
            assertThat(i.name()).isEqualTo("单位GDP能耗");
            assertThat(i.values().get(0).comparator()).isEqualTo(TargetComparator.ASSIGNED);
        });

        List<String> mismatched = doc.findings().stream().filter(f -> f.kind().equals("declared-count-mismatch"))
                .flatMap(f -> f.refs().stream()).toList();
        assertThat(mismatched).contains("附件二/收入分配制度改革先行示范", "附件二/公共服务优质共享先行示范", "附件二/社会治理先行示范");
        assertThat(mismatched).noneMatch(r -> r.startsWith("附件三"));
        assertThat(doc.period()).isEqualTo(new Period(2022, 2022));
        // Metadata labels without colons ("索引号 1133…", "发布机构 区发改局 发文日期 2022-07-06"); the page gives no 文号.
        assertThat(doc.metadata()).isEqualTo(new DocumentMetadata(null, "11330283734263790N/2022-130473",
                java.time.LocalDate.of(2022, 7, 6)));
    }

    // ---------- seeds 003 and 004: actions and numbered paragraphs ----------

    @Test
    void seed003ActionsWithTargets() {
        ParsedDocument doc = parser.parse(SeedFiles.seed("003"));
        List<ParsedTask> actions = doc.tasksOf("main");
        assertThat(actions).extracting(ParsedTask::code)
                .containsExactly("12", "13", "14", "15", "16", "17", "18", "4", "5", "6", "7", "8", "9", "10", "11");
        assertThat(actions).allSatisfy(t -> assertThat(t.category()).isEqualTo("action"));
        assertThat(actions.stream().filter(t -> !t.targets().isEmpty()).count()).isGreaterThanOrEqualTo(13);
        assertThat(actions.get(0).targets()).anySatisfy(t -> {
            assertThat(t.indicator()).contains("护理型床位占比");
            assertThat(t.value()).isEqualByComparingTo("60");
            assertThat(t.unit()).isEqualTo("%");
        });
        assertThat(doc.findings()).anySatisfy(f -> assertThat(f.kind()).isEqualTo("numbering-gap"));
    }

    @Test
    void seed004NumberedParagraphsInChapters() {
        ParsedDocument doc = parser.parse(SeedFiles.seed("004"));
        List<ParsedTask> numbered = doc.tasksOf("main").stream().filter(t -> !t.codeGenerated()).toList();
        assertThat(numbered).extracting(ParsedTask::code)
                .containsExactlyElementsOf(IntStream.rangeClosed(1, 45).mapToObj(String::valueOf).toList());
        assertThat(doc.title()).isEqualTo("舟山高质量发展建设共同富裕示范区先行市实施方案(2021-2025年)");
        assertThat(doc.sections().stream().filter(s -> s.kind().equals("chapter")).count()).isEqualTo(9);
        // 69 targets, read by hand against the text: every quantified aim but the "N分钟服务圈" names and "1小时通达".
        assertThat(doc.tasks().stream().mapToLong(t -> t.targets().size()).sum()).isGreaterThanOrEqualTo(69);
        // The five that were missed: a 年限 in years, counts after a subject or a span of years, 新(改扩)建, 谋划安排.
        List<String> spans = doc.tasks().stream().flatMap(t -> t.targets().stream()).map(ParsedTarget::text).toList();
        assertThat(spans).contains("劳动年龄人口平均受教育年限11年", "5年城镇新增就业15万人", "新(改扩)建小学6所", "初中4所");
        assertThat(spans).anyMatch(x -> x.endsWith("重大建设项目336个"));
        // The document's metadata: the page's 发布日期 (it gives no 文号).
        assertThat(doc.metadata().issuedOn()).isEqualTo(java.time.LocalDate.of(2022, 2, 28));
        // Web-page furniture around the text is gone.
        assertThat(doc.tasks()).noneMatch(t -> t.text().contains("相关新闻") || t.text().contains("咨询热线"));
    }
}
