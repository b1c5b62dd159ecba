package cn.gongfu.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import cn.gongfu.vocabulary.TargetComparator;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Prose layouts of other governments' pages, on the project's own samples (fictional 青溪区): site furniture around the
 * document and the metadata kept from it, titles of task splits and notices, labelled unit lines, lead officials, the
 * first-listed rule, inline "(X牵头,Y配合)" units, "(1)…(4)" items run together, deadlines as milestones, and targets
 * listed inline. Every expectation was checked by reading the sample.
 */
class ProseLayoutsTest {

    private final DocumentParser parser = new DocumentParser();

    private ParsedDocument parse(String name) {
        return parser.parse(name, SampleDocumentsTest.resource(name));
    }

    private static ParsedTask task(ParsedDocument doc, String code) {
        return doc.tasksOf("main").stream().filter(t -> t.code().equals(code)).findFirst().orElseThrow(() -> new AssertionError(
                "no task " + code + " in " + doc.tasksOf("main").stream().map(ParsedTask::code).toList()));
    }

    @Test
    void webPageFurnitureIsDroppedAndTheDocumentsMetadataKept() {
        ParsedDocument doc = parse("qingxi_web_notice.txt");
        // The notice names the document it issues; the cited 《青溪市…清单》 and the site's name are not the title.
        assertThat(doc.title()).isEqualTo("2025年政府工作报告重点工作责任分解");
        assertThat(doc.period()).isEqualTo(new Period(2025, 2025));
        // 文号 and 索引号 from labelled lines (printed twice, once as pipe cells); the date under the signature
        // ("2025310", its 年/月/日 lost) is the 成文 date and wins over the site's 发布日期 2025-03-12.
        assertThat(doc.metadata()).isEqualTo(new DocumentMetadata("青政办发〔2025〕6号", "113302990001/2025-00042",
                LocalDate.of(2025, 3, 10)));
        assertThat(doc.tasksOf("main")).extracting(ParsedTask::code).containsExactly("1", "2", "3");
        String everything = String.join("\n", doc.tasks().stream().map(t -> t.title() + t.text()).toList())
                + doc.sections().stream().map(ParsedSection::title).toList();
        assertThat(everything).doesNotContain("索引号", "发布机构", "浏览次数", "字体", "分享", "打印", "关闭", "首页", "此件", "|");
        assertThat(ExtractionJson.toMap(doc)).containsEntry("metadata",
                java.util.Map.of("docNumber", "青政办发〔2025〕6号", "indexNumber", "113302990001/2025-00042", "issuedOn", "2025-03-10"));
    }

    @Test
    void labelledUnitLinesLeadOfficialsAndTheFirstListedRule() {
        ParsedDocument doc = parse("qingxi_web_notice.txt");
        // Four lines in a row after task 1: each fills its own field; the note in brackets is not a unit.
        ParsedTask gdp = task(doc, "1");
        assertThat(gdp.text()).isEqualTo("全区地区生产总值增长6%以上。");
        assertThat(gdp.leadUnits()).containsExactly("区发展和改革局");
        assertThat(gdp.coUnits()).containsExactly("区财政局", "区经济和信息化局", "各街道", "松原镇");
        assertThat(gdp.leadOfficials()).containsExactly("林青", "周远");
        // "列第一位者为牵头单位", said once in the notice: the first 责任单位 leads; the group's leader is inherited.
        ParsedTask hospital = task(doc, "2");
        assertThat(hospital.leadUnits()).containsExactly("区卫生健康局");
        assertThat(hospital.coUnits()).containsExactly("区财政局", "区住房和城乡建设局");
        assertThat(hospital.leadOfficials()).containsExactly("林青");
        assertThat(hospital.milestones()).extracting(m -> m.from() + ".." + m.to(), ParsedMilestone::text)
                .containsExactly(tuple("2025-01..2025-05", "5月底前完成主体结构"));
        // "二、民生实事(牵头领导:周远、韩梅)": the heading keeps its words, its tasks the people.
        assertThat(doc.sections()).extracting(ParsedSection::title).containsExactly("林青区长牵头重点工作", "民生实事");
        ParsedTask canteens = task(doc, "3");
        assertThat(canteens.leadOfficials()).containsExactly("周远", "韩梅");
        assertThat(canteens.leadUnits()).containsExactly("区民政局");
        assertThat(canteens.coUnits()).containsExactly("区财政局");
        assertThat(canteens.targets()).extracting(ParsedTarget::indicator, ParsedTarget::unit)
                .containsExactly(tuple("新建社区长者食堂", "家"), tuple("养老服务站", "个"), tuple("困难家庭安装烟感报警器", "户"));
        assertThat(canteens.targets()).extracting(t -> t.value().intValue()).containsExactly(12, 20, 3000);
        assertThat(doc.tasks()).allSatisfy(t -> assertThat(t.leadUnits()).doesNotContain("林青", "周远", "韩梅"));
    }

    @Test
    void inlineUnitsItemsRunTogetherAndDeadlines() {
        ParsedDocument doc = parse("qingxi_inline_units.txt");
        assertThat(doc.title()).isEqualTo("青溪区关于促进消费扩容提质的若干政策措施");
        assertThat(doc.sections()).extracting(ParsedSection::label, ParsedSection::title)
                .containsExactly(tuple("一、", "优化消费环境"), tuple("二、", "做好民生实事"));
        ParsedTask district = task(doc, "1");
        assertThat(district.title()).isEqualTo("提升商圈品质");
        assertThat(district.leadUnits()).containsExactly("区经济和信息化局");
        assertThat(district.coUnits()).containsExactly("区住房和城乡建设局", "区级相关部门");
        assertThat(district.text()).doesNotContain("牵头");
        assertThat(district.targets()).extracting(ParsedTarget::indicator, t -> t.value().intValue(), ParsedTarget::unit)
                .containsExactly(tuple("改造提升步行街", 2, "条"), tuple("新增夜间消费集聚区", 3, "个"));
        assertThat(district.milestones()).extracting(m -> m.to().getMonthValue()).containsExactly(12);

        ParsedTask approvals = task(doc, "2");
        assertThat(approvals.leadUnits()).containsExactly("区发展和改革局");
        assertThat(approvals.targets()).singleElement().satisfies(t -> {
            assertThat(t.indicator()).isEqualTo("餐饮门店开办手续办结时限");
            assertThat(t.comparator()).isEqualTo(TargetComparator.LE);
            assertThat(t.value()).isEqualByComparingTo("5");
            assertThat(t.unit()).isEqualTo("个工作日");
        });
        assertThat(approvals.coUnits()).containsExactly("区财政局");
        // 一季度 is 01–03, "2月20日前" ends in February, "每月20日前" recurs over the whole year.
        assertThat(approvals.milestones()).extracting(m -> m.from().getMonthValue() + "-" + m.to().getMonthValue(), ParsedMilestone::text)
                .containsExactly(tuple("1-3", "一季度完成审批系统升级"), tuple("1-2", "各街道于2月20日前报送门店清单"),
                        tuple("1-12", "每月20日前上报办理情况"));

        // "(1)…(4)" in one paragraph are four tasks; the stray bar after the last is gone.
        List<ParsedTask> items = doc.tasksOf("main").stream().filter(t -> t.code().startsWith("(")).toList();
        assertThat(items).extracting(ParsedTask::code).containsExactly("(1)", "(2)", "(3)", "(4)");
        assertThat(items).extracting(ParsedTask::text).containsExactly("新建社区长者食堂10家。", "新增公办托位500个以上。",
                "为2000户老旧小区居民家庭改造燃气管道。", "建成城市书房8处。");
        assertThat(items).allSatisfy(t -> assertThat(t.sectionId()).isEqualTo("s2"));
        assertThat(items).extracting(t -> t.targets().get(0).value().intValue()).containsExactly(10, 500, 2000, 8);
        assertThat(doc.tasksOf("main")).hasSize(6);
    }

    @Test
    void titlesOfTaskSplitsProgressTablesAndNotices() {
        String[][] cases = {
                // title over two lines, after furniture that must not be glued onto it
                {"当前位置:首页 > 信息公开\n发布日期:2024-02-01 浏览次数:12\n青溪区2024年民生实事项目\n推进情况\n一、总体情况\n", "青溪区2024年民生实事项目推进情况"},
                {"青溪区2023年重点工作任务分工\n1.做好就业工作。\n", "青溪区2023年重点工作任务分工"},
                {"青溪区2023年十大民生实事进展情况表\n序号\n", "青溪区2023年十大民生实事进展情况表"},
                {"青溪区2024年为民办实事项目清单\n1.新建公园。\n", "青溪区2024年为民办实事项目清单"},
                {"青溪区2024年重点项目分解表\n1.新建公园。\n", "青溪区2024年重点项目分解表"},
                {"青溪区2023年民生实事完成情况\n1.新建公园。\n", "青溪区2023年民生实事完成情况"},
                // a notice that is itself the document
                {"青溪区民政局关于下达2025年养老服务项目任务指标的通知 ( 2025-01-27 )\n各街道:\n现将任务下达。\n", "青溪区民政局关于下达2025年养老服务项目任务指标的通知"},
                // the first quoted name is the superior plan the text follows: no title rather than the wrong one
                {"为贯彻落实《青溪市推进共同富裕行动方案》,结合实际,制定如下措施。\n一、 提高效率\n1. 精简手续。\n", null},
        };
        for (String[] c : cases) {
            assertThat(parser.parseText("t.txt", c[0]).title()).as(c[0]).isEqualTo(c[1]);
        }
    }

    @Test
    void targetsInProseListedInlineAndFalseOnes() {
        List<ParsedTarget> growth = TargetExtractor.extract("全区规上工业增加值、固定资产投资均实现10%以上增长。", 2025,
                TargetExtractor.Mode.PROSE);
        assertThat(growth).extracting(ParsedTarget::indicator, ParsedTarget::comparator, ParsedTarget::unit).containsExactly(
                tuple("全区规上工业增加值增长", TargetComparator.GE, "%"), tuple("固定资产投资增长", TargetComparator.GE, "%"));
        List<ParsedTarget> invest = TargetExtractor.extract("加快建设总投资7.58亿元的县医院迁建项目。", 2025, TargetExtractor.Mode.PROSE);
        assertThat(invest).singleElement().satisfies(t -> {
            assertThat(t.indicator()).isEqualTo("县医院迁建项目总投资");
            assertThat(t.value()).isEqualByComparingTo("7.58");
            assertThat(t.unit()).isEqualTo("亿元");
        });
        List<ParsedTarget> served = TargetExtractor.extract("为4000名老年人提供照护服务,改建300张认知障碍照护床位;为3万户老年人家庭安装智能水表。",
                2025, TargetExtractor.Mode.PROSE);
        assertThat(served).extracting(t -> t.value().intValue(), ParsedTarget::unit).containsExactly(
                tuple(4000, "名"), tuple(300, "张"), tuple(3, "万户"));
        for (String notATarget : List.of("实施新一轮三年行动。", "深入开展超三年行动。", "确保两年行动见效。")) {
            assertThat(TargetExtractor.extract(notATarget, 2025, TargetExtractor.Mode.TARGET_TEXT)).as(notATarget).isEmpty();
        }
    }

    @Test
    void datesThatLostTheirMarks() {
        assertThat(PageFurniture.date("2022510")).isEqualTo(LocalDate.of(2022, 5, 10));
        assertThat(PageFurniture.date("20221230")).isEqualTo(LocalDate.of(2022, 12, 30));
        assertThat(PageFurniture.date("2023年02月13日 10:53:20")).isEqualTo(LocalDate.of(2023, 2, 13));
        // January 11 or November 1: not guessed.
        assertThat(PageFurniture.date("2022111")).isNull();
    }
}
