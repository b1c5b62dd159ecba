package cn.gongfu.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import cn.gongfu.vocabulary.TargetComparator;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Numbering, unit and target styles of other governments' plans, on the project's own samples (fictional 云岭县):
 * 第N章/第N节 with numbering restarting per 节, （1）/① items, "12、", "(一)", unit lines without brackets,
 * 配合单位, Chinese numerals, 左右, 十四五期末, page numbers between pages.
 */
class StyleVariantsTest {

    private final DocumentParser parser = new DocumentParser();

    private ParsedDocument parse(String name) {
        return parser.parse(name, SampleDocumentsTest.resource(name));
    }

    private static ParsedTask task(ParsedDocument doc, String code) {
        return doc.tasksOf("main").stream().filter(t -> t.code().equals(code)).findFirst().orElseThrow(() -> new AssertionError(
                "no task " + code + " in " + doc.tasksOf("main").stream().map(ParsedTask::code).toList()));
    }

    private static void assertCodesUnique(ParsedDocument doc) {
        List<String> codes = doc.tasksOf("main").stream().map(ParsedTask::code).toList();
        assertThat(new HashSet<>(codes)).hasSameSizeAs(codes);
    }

    @Test
    void chaptersAndSectionsWithNumberingRestartingPerSection() {
        ParsedDocument doc = parse("yunling_chapters.txt");
        assertThat(doc.title()).isEqualTo("云岭县高质量发展建设共同富裕示范区实施方案（2023—2027年）");
        assertThat(doc.period()).isEqualTo(new Period(2023, 2027));
        assertThat(doc.sections()).extracting(ParsedSection::label, ParsedSection::title).contains(
                tuple("第二章", "主要任务"), tuple("第一节", "推动产业提质增效"), tuple("第二节", "促进农民持续增收"));
        assertCodesUnique(doc);
        assertThat(doc.tasksOf("main")).filteredOn(t -> !t.codeGenerated()).extracting(ParsedTask::code)
                .containsExactly("第一节1", "第一节2", "第一节3", "第二节1", "第二节2", "第三章1", "第三章2");
        assertThat(doc.findings()).noneMatch(f -> f.kind().equals("numbering-gap"));

        ParsedTask industry = task(doc, "第一节1");
        assertThat(industry.sectionId()).isEqualTo("s2.1");
        assertThat(industry.leadUnits()).containsExactly("县经信局");
        assertThat(industry.coUnits()).containsExactly("县科技局", "县财政局");
        assertThat(industry.text()).contains("一是做强竹木加工产业").doesNotContain("配合单位");
        assertThat(industry.targets()).extracting(ParsedTarget::indicator, ParsedTarget::comparator, ParsedTarget::unit,
                ParsedTarget::approximate).containsExactly(
                tuple("规上工业增加值年均增长", TargetComparator.EQ, "%", true),
                tuple("新增国家级高新技术企业", TargetComparator.GE, "家", false),
                tuple("创建三星级以上旅游饭店", TargetComparator.GE, "家", false));
        assertThat(industry.targets().get(1).value()).isEqualByComparingTo("3");
        assertThat(industry.targets().get(2).value()).isEqualByComparingTo("2");

        ParsedTask trade = task(doc, "第一节2");
        assertThat(trade.leadUnits()).containsExactly("县商务局", "县发改局");
        assertThat(trade.text()).doesNotContain("牵头单位");
        assertThat(trade.targets()).anySatisfy(t -> {
            assertThat(t.indicator()).isEqualTo("新建县级物流配送中心");
            assertThat(t.value()).isEqualByComparingTo("2");
            assertThat(t.unit()).isEqualTo("所");
        });

        ParsedTask forest = task(doc, "第一节3");
        assertThat(forest.leadUnits()).containsExactly("县林业局", "县自然资源和规划局");
        assertThat(forest.targets()).singleElement().satisfies(t -> assertThat(t.year()).isEqualTo(2025));

        ParsedTask villages = task(doc, "第二节1");
        assertThat(villages.leadUnits()).containsExactly("县农业农村局");
        assertThat(villages.coUnits()).containsExactly("各乡镇（街道）");
        assertThat(villages.targets()).anySatisfy(t -> {
            assertThat(t.value()).isEqualByComparingTo("3");
            assertThat(t.unit()).isEqualTo("个百分点");
            assertThat(t.year()).isEqualTo(2025);
        });
        assertThat(task(doc, "第二节2").leadUnits()).containsExactly("县人力社保局", "各乡镇（街道）");

        ParsedTask goal = doc.tasksOf("main").get(0);
        assertThat(goal.category()).isEqualTo("goal");
        assertThat(goal.title()).startsWith("全县居民人均可支配收入");
        assertThat(goal.targets()).extracting(ParsedTarget::comparator).containsExactly(TargetComparator.GE, TargetComparator.LE, TargetComparator.LE);
    }

    @Test
    void itemsBelowNumberedHeadingsAndInsideMeasures() {
        ParsedDocument doc = parse("yunling_items.txt");
        assertThat(doc.title()).isEqualTo("云岭县“十四五”扎实推动共同富裕行动计划");
        assertThat(doc.period()).isEqualTo(new Period(2021, 2025));
        assertThat(doc.sections()).extracting(ParsedSection::label, ParsedSection::kind).contains(
                tuple("(一)", "section"), tuple("1.", "subsection"), tuple("2.", "subsection"));
        assertCodesUnique(doc);
        assertThat(doc.tasksOf("main")).filteredOn(t -> !t.codeGenerated()).extracting(ParsedTask::code)
                .containsExactly("1.（1）", "1.（2）", "2.（1）", "2.（2）", "11", "12", "13", "14", "15", "16");

        assertThat(task(doc, "1.（1）").targets()).singleElement().satisfies(t -> {
            assertThat(t.value()).isEqualByComparingTo("2");
            assertThat(t.unit()).isEqualTo("个");
        });
        assertThat(task(doc, "1.（2）").coUnits()).containsExactly("县市场监管局");
        ParsedTask homestays = task(doc, "2.（2）");
        assertThat(homestays.leadUnits()).containsExactly("县文广旅体局");
        assertThat(homestays.coUnits()).containsExactly("各乡镇（街道）");

        ParsedTask schools = task(doc, "11");
        assertThat(schools.text()).contains("①新建、改扩建中小学5所；②推进城乡教共体全覆盖");
        assertThat(schools.targets()).anySatisfy(t -> assertThat(t.value()).isEqualByComparingTo("5"));

        // Measure 12 runs over a page break ("- 7 -") and names its units on lines of their own.
        ParsedTask care = task(doc, "12");
        assertThat(care.text()).contains("全县养老机构护理型床位占比达到60%以上").doesNotContain("7");
        assertThat(care.leadUnits()).containsExactly("县民政局");
        assertThat(care.coUnits()).containsExactly("县卫生健康局", "县财政局");
        assertThat(care.targets()).hasSize(2);

        ParsedTask health = task(doc, "13");
        assertThat(health.leadUnits()).containsExactly("县卫生健康局");
        assertThat(health.coUnits()).containsExactly("县医保局");
        assertThat(health.targets()).singleElement().satisfies(t -> {
            assertThat(t.comparator()).isEqualTo(TargetComparator.EQ);
            assertThat(t.approximate()).isTrue();
        });
    }

    @Test
    void unitsOnHeadingsInLeadVerbBracketsAndSquareBrackets() {
        ParsedDocument doc = parse("yunling_items.txt");
        assertThat(doc.sections()).anySatisfy(s -> assertThat(s.title()).isEqualTo("推进产业转型升级"));
        ParsedTask inherited = task(doc, "14");
        assertThat(inherited.leadUnits()).containsExactly("县经信局", "县发改局");
        assertThat(inherited.targets()).singleElement().satisfies(t -> {
            assertThat(t.comparator()).isEqualTo(TargetComparator.GT);
            assertThat(t.value()).isEqualByComparingTo("500");
        });
        ParsedTask verbs = task(doc, "15");
        assertThat(verbs.leadUnits()).containsExactly("县发改局");
        assertThat(verbs.coUnits()).containsExactly("县财政局", "县统计局");
        assertThat(verbs.text()).endsWith("年均增长5%以上。");
        ParsedTask square = task(doc, "16");
        assertThat(square.leadUnits()).containsExactly("县人力社保局");
        assertThat(square.text()).doesNotContain("责任单位");
        assertThat(square.targets()).singleElement().satisfies(t -> {
            assertThat(t.indicator()).isEqualTo("新增高技能人才");
            assertThat(t.unit()).isEqualTo("万人");
            assertThat(t.year()).isEqualTo(2025);
        });
    }

    @Test
    void sectionParagraphsThatAreMeasuresThemselves() {
        ParsedDocument doc = parse("yunling_sections.txt");
        assertThat(doc.period()).isEqualTo(new Period(2024, 2024));
        assertCodesUnique(doc);
        // 指导思想 and 强化督查考核 name no units and no targets: headings, not tasks.
        assertThat(doc.tasksOf("main")).filteredOn(t -> !t.codeGenerated()).extracting(ParsedTask::code)
                .containsExactly("二、（一）", "二、（二）", "三、（一）");
        ParsedTask skills = task(doc, "二、（一）");
        assertThat(skills.title()).isEqualTo("实施技能提升行动");
        assertThat(skills.leadUnits()).containsExactly("县人力社保局");
        assertThat(skills.coUnits()).containsExactly("县财政局");
        assertThat(skills.targets()).extracting(ParsedTarget::unit).containsExactly("万人次", "人");
        assertThat(task(doc, "二、（二）").coUnits()).containsExactly("县财政局", "县金融办");
        ParsedTask goal = doc.tasksOf("main").get(0);
        assertThat(goal.category()).isEqualTo("goal");
        assertThat(goal.targets()).extracting(ParsedTarget::year).containsOnly(2024);
        assertThat(doc.findings()).noneMatch(f -> f.kind().equals("numbering-gap"));
    }

    @Test
    void itemsWrittenWithAClosingBracketOnly() {
        ParsedDocument doc = parser.parseText("p.txt", "云岭县共同富裕行动方案（2021—2025年）\n一、主要任务\n1.发展特色农业\n"
                + "1）建设高效生态农业示范园，新建省级现代农业园区2个。（牵头单位：县农业农村局）\n2）培育农业龙头企业。（牵头单位：县农业农村局）\n"
                + "2.壮大文旅产业\n1）创建国家全域旅游示范区。（牵头单位：县文广旅体局）\n");
        assertThat(doc.tasksOf("main")).extracting(ParsedTask::code).containsExactly("1.1）", "1.2）", "2.1）");
        assertThat(doc.tasksOf("main")).extracting(ParsedTask::sectionId).containsExactly("s1.p1", "s1.p1", "s1.p2");
    }

    @Test
    void taskTableWithLeadAndCoUnitColumns() {
        ParsedDocument doc = parser.parseText("t.txt", "云岭县2024年共同富裕重点任务清单\n"
                + "序号\t工作目标\t重点任务\t牵头单位\t配合单位\t完成时限\n"
                + "1\t新增城镇就业3000人以上\t实施就业优先行动\t县人力社保局\t县财政局、各乡镇（街道）\t12月底前\n"
                + "2\t新建养老服务中心5家\t完善养老服务体系\t县民政局（牵头）、县卫生健康局\t\t6月底前\n");
        assertThat(doc.tasksOf("main")).extracting(ParsedTask::code, ParsedTask::title)
                .containsExactly(tuple("1", "实施就业优先行动"), tuple("2", "完善养老服务体系"));
        ParsedTask jobs = doc.tasksOf("main").get(0);
        assertThat(jobs.leadUnits()).containsExactly("县人力社保局");
        assertThat(jobs.coUnits()).containsExactly("县财政局", "各乡镇（街道）");
        assertThat(jobs.targets()).singleElement().satisfies(t -> assertThat(t.value()).isEqualByComparingTo("3000"));
        ParsedTask care = doc.tasksOf("main").get(1);
        assertThat(care.leadUnits()).containsExactly("县民政局");
        assertThat(care.coUnits()).containsExactly("县卫生健康局");
        assertThat(care.milestones()).singleElement().satisfies(m -> assertThat(m.to()).hasToString("2024-06"));
    }

    @Test
    void titlesAndPeriodsWithoutATitleBlock() {
        ParsedDocument notice = parser.parseText("n.txt", "关于印发云岭县2024年度共同富裕工作要点的通知\n各乡镇：\n现将工作要点印发给你们。\n一、重点工作\n");
        assertThat(notice.title()).isEqualTo("云岭县2024年度共同富裕工作要点");
        assertThat(notice.period()).isEqualTo(new Period(2024, 2024));

        ParsedDocument bare = parser.parseText("b.txt", "云岭县2023—2027年扩中提低行动计划\n一、总体要求\n");
        assertThat(bare.period()).isEqualTo(new Period(2023, 2027));

        ParsedDocument heading = parser.parseText("h.txt", "云岭县共同富裕重点任务摘要\n\n●第一大行动是“富民增收”行动\n到2025年，新增就业2万人。\n");
        assertThat(heading.title()).isEqualTo("云岭县共同富裕重点任务摘要");

        ParsedDocument none = parser.parseText("x.txt", "●第一大行动是“富民增收”行动\n到2025年，新增就业2万人。\n");
        assertThat(none.title()).isNull();
    }

    @Test
    void pageBreaksAndPageNumbersOfExtractedPdfText() {
        String text = "云岭县共同富裕行动方案（2021—2025年）\n\n1.推进强村富民。到2025年，村级集体经济\n\f— 2 —\n第2页 共9页\n"
                + "年经营性收入全部达到50万元以上。（牵头单位：县农业农村局）\n2.完善社会保障。\n";
        ParsedDocument doc = parser.parse("plan.txt", text.getBytes(StandardCharsets.UTF_8));
        assertThat(doc.tasksOf("main")).extracting(ParsedTask::code).containsExactly("1", "2");
        ParsedTask first = doc.tasksOf("main").get(0);
        assertThat(first.text()).isEqualTo("推进强村富民。到2025年，村级集体经济年经营性收入全部达到50万元以上。");
        assertThat(first.leadUnits()).containsExactly("县农业农村局");
    }
}
