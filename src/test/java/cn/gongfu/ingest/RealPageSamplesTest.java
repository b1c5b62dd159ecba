package cn.gongfu.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import cn.gongfu.vocabulary.TargetComparator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The prose aspects of the twelve real page excerpts in ../shared/samples (read from there, never copied into the
 * project; skipped with a message where absent): furniture and metadata, titles, labelled unit lines and group
 * leaders (09), inline "(X牵头,Y配合)" units and deadlines (10), items run together (06), targets listed inline (05).
 * What a careful reader sees in each excerpt was written down by hand; the table readings are another test's.
 */
class RealPageSamplesTest {

    private static final Path DIR = Path.of("..", "shared", "samples");
    private final DocumentParser parser = new DocumentParser();

    private ParsedDocument sample(String prefix) {
        Assumptions.assumeTrue(Files.isDirectory(DIR), "page samples not found at " + DIR.toAbsolutePath()
                + " — skipping (CI provides ../shared/samples)");
        try (DirectoryStream<Path> files = Files.newDirectoryStream(DIR, prefix + "_*.txt")) {
            for (Path p : files) {
                return parser.parse(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Assumptions.abort("sample " + prefix + " not found in " + DIR.toAbsolutePath() + " — skipping");
        return null;
    }

    private static ParsedTask task(ParsedDocument doc, String code) {
        return doc.tasksOf("main").stream().filter(t -> t.code().equals(code)).findFirst().orElseThrow(() -> new AssertionError(
                "no task " + code + " in " + doc.tasksOf("main").stream().map(ParsedTask::code).toList()));
    }

    @Test
    void titlesOfAllTwelve() {
        // 01 and 11 are notices whose plan is the annex table; 02 and 09 name the document in "关于印发…的通知";
        // 05 is a notice that is itself the document (the date the site printed after it dropped); 06 has its headline
        // after the content; 08 repeats the site's name above the title; 10 starts with its body and cites a superior
        // document, which is not its title; 12 is a statistics table whose number and English name are dropped.
        String[][] expected = {
                {"01", "2016年民生实事目标任务分解表"},
                {"02", "2022年政府工作报告重点工作和市政府民生实事项目责任分解"},
                {"03", "2019年十大民生工程及20件民生大事项目完成情况表"},
                {"04", "岳阳楼区2019年1-7月省市重点民生实事项目完成情况"},
                {"05", "上海市民政局关于下达2025年民心工程和为民办实事项目任务指标的通知"},
                {"06", "甘谷县政府2020年将为民办好15件大事和民生实事"},
                {"07", "2024年《政府工作报告》重点工作目标任务分解表"},
                {"08", "谯城区教育局2025年政府工作报告重点工作任务分解表"},
                {"09", "2023年政府工作报告重点工作责任分解"},
                {"10", null},
                {"11", "2023年区政府工作目标任务落实责任分解表"},
                {"12", "人民生活水平情况"},
        };
        for (String[] e : expected) {
            assertThat(sample(e[0]).title()).as("sample " + e[0]).isEqualTo(e[1]);
        }
    }

    @Test
    void furnitureOfAllTwelveIsNeitherTaskNorTitleAndTheMetadataIsKept() {
        for (String n : List.of("01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12")) {
            ParsedDocument doc = sample(n);
            String read = Stream.concat(Stream.of(String.valueOf(doc.title())), Stream.concat(
                    doc.sections().stream().map(ParsedSection::title),
                    doc.tasks().stream().flatMap(t -> Stream.of(t.title(), t.text())))).reduce("", String::concat);
            assertThat(read).as("sample " + n).doesNotContain("索引号", "索取号", "发布机构", "浏览次数", "浏览量", "点击数", "字号", "字体",
                    "分享", "打印", "当前位置", "首页", "此件", "source:", "http", "公网安备");
        }
        assertThat(sample("01").metadata()).isEqualTo(new DocumentMetadata("竹府办〔2016〕20号", null, LocalDate.of(2016, 2, 26)));
        // 成文日期 2022-05-10 (also under the signature as "2022510"), not the site's 发布日期 2022-05-13.
        assertThat(sample("02").metadata()).isEqualTo(
                new DocumentMetadata("嘉政办发〔2022〕23号", "002546445/2022-427178", LocalDate.of(2022, 5, 10)));
        // Pipe cells "索取号: | … | 文件编号: | … |"; the signature date 2025-01-24 rather than the site's 2025-01-27.
        assertThat(sample("05").metadata()).isEqualTo(
                new DocumentMetadata("沪民办发〔2025〕3号", "0024204128/2025-00016", LocalDate.of(2025, 1, 24)));
        // Furniture after the content.
        assertThat(sample("06").metadata()).isEqualTo(new DocumentMetadata(null, "20230425-095005-528", null));
        // A block printed twice whose 文号 is empty.
        assertThat(sample("08").metadata()).isEqualTo(
                new DocumentMetadata(null, "11341602003165628D/202506-00023", LocalDate.of(2025, 6, 13)));
        // Irregular spacing, several labels on one line.
        assertThat(sample("09").metadata()).isEqualTo(
                new DocumentMetadata("长政办发〔2023〕7号", "330522/2023-01775", LocalDate.of(2023, 2, 24)));
        // Labels and values on lines of their own.
        assertThat(sample("11").metadata()).isEqualTo(
                new DocumentMetadata("郧政发〔2023〕5号", "011437144/2023-06550", LocalDate.of(2023, 2, 13)));
    }

    @Test
    void changxingLabelledUnitLinesUnderALeader() {
        ParsedDocument doc = sample("09");
        assertThat(doc.sections()).extracting(ParsedSection::label, ParsedSection::title)
                .containsExactly(tuple("一、", "朱伟县长牵头重点工作"));
        ParsedTask first = task(doc, "1");
        assertThat(first.text()).isEqualTo("财政总收入和一般公共预算收入与经济增长基本同步。");
        assertThat(first.leadUnits()).containsExactly("县财政局");
        assertThat(first.leadOfficials()).containsExactly("朱伟");
        // The excerpt is cut inside task 2's unit line ("县财"): still a unit line, not text.
        assertThat(task(doc, "2").text()).isEqualTo("全力防范化解财政金融等领域风险隐患。");
        assertThat(task(doc, "2").leadOfficials()).containsExactly("朱伟");
        assertThat(doc.tasks()).allSatisfy(t -> assertThat(t.leadUnits()).doesNotContain("朱伟", "朱伟县长"));
        assertThat(doc.tasksOf("main")).hasSize(2);
    }

    @Test
    void guanduInlineUnitsAndDeadlines() {
        ParsedDocument doc = sample("10");
        assertThat(doc.sections()).extracting(ParsedSection::label, ParsedSection::title)
                .containsExactly(tuple("一、", "提高投资项目审批效率"), tuple("二、", "加快推进项目建设"));
        assertThat(doc.tasksOf("main")).extracting(ParsedTask::code).containsExactly("1", "2", "3", "4", "5");
        assertThat(doc.tasksOf("main")).extracting(ParsedTask::title).startsWith("精简项目审批手续", "提高土地审批效率", "提高环评审批效率",
                "加强项目谋划储备");
        ParsedTask first = task(doc, "1");
        assertThat(first.leadUnits()).containsExactly("区政务服务局");
        assertThat(first.coUnits()).containsExactly("区发改局", "区审改办", "区住建局", "区级相关部门");
        assertThat(first.text()).endsWith("5月底前实现我区中介超市上线运行。").doesNotContain("牵头");
        assertThat(first.milestones()).singleElement().satisfies(m -> {
            assertThat(m.from().getMonthValue()).isEqualTo(1);
            assertThat(m.to().getMonthValue()).isEqualTo(5);
            assertThat(m.text()).isEqualTo("5月底前实现我区中介超市上线运行");
        });
        assertThat(task(doc, "2").leadUnits()).containsExactly("区国土分局");
        assertThat(task(doc, "3").coUnits()).containsExactly("区水务局", "区级相关部门");
        // time limits in working days are upper bounds, one per document named before its number
        assertThat(task(doc, "3").targets()).extracting(ParsedTarget::indicator, ParsedTarget::comparator, t -> t.value().intValue(), ParsedTarget::unit)
                .containsExactly(tuple("环评报告书审批时限", TargetComparator.LE, 14, "个工作日"),
                        tuple("环评报告表审批时限", TargetComparator.LE, 7, "个工作日"),
                        tuple("环评登记表审批时限", TargetComparator.LE, 3, "个工作日"));
        // "…区水务局等部门,区国投公司、各街道办事处配合": 等部门 ends a name, it is not one.
        ParsedTask fourth = task(doc, "4");
        assertThat(fourth.leadUnits()).containsExactly("区发改局");
        assertThat(fourth.coUnits()).containsExactly("区财政局", "区交运局", "区经贸投促局", "区住建局", "区水务局", "区国投公司", "各街道办事处");
        assertThat(fourth.targets()).singleElement().satisfies(t -> {
            assertThat(t.value()).isEqualByComparingTo("4000");
            assertThat(t.unit()).isEqualTo("万元");
        });
        // "三年滚动投资计划" is a programme, not "> 3 年".
        assertThat(fourth.targets()).noneMatch(t -> "年".equals(t.unit()));
        // The excerpt stops inside task 5's title; it has no units.
        assertThat(task(doc, "5").leadUnits()).isEmpty();
    }

    @Test
    void ganguItemsRunTogetherInOneParagraph() {
        ParsedDocument doc = sample("06");
        List<ParsedTask> items = doc.tasksOf("main");
        assertThat(items).extracting(ParsedTask::code).containsExactlyElementsOf(
                java.util.stream.IntStream.rangeClosed(1, 15).mapToObj(i -> "(" + i + ")").toList());
        assertThat(items.get(0).text()).isEqualTo("加快建设总投资7.58亿元的县医院迁建项目。");
        assertThat(items.get(14).text()).isEqualTo("为62户贫困残疾人家庭实施家居无障碍改造工程,为5000名适龄农村妇女免费进行“两癌”检查,为全县60岁以上老年人免费体检。");
        assertThat(items).noneMatch(t -> t.text().contains("|") || t.text().contains("分别是"));
        assertThat(values(task(doc, "(1)"))).containsExactly(tuple(new BigDecimal("7.58"), "亿元"));
        assertThat(values(task(doc, "(8)"))).containsExactly(tuple(new BigDecimal("120"), "座"), tuple(new BigDecimal("8"), "座"),
                tuple(new BigDecimal("14500"), "座"));
        assertThat(values(task(doc, "(11)"))).containsExactly(tuple(new BigDecimal("37.5"), "万平方米"));
        assertThat(values(task(doc, "(13)"))).containsExactly(tuple(new BigDecimal("1000"), "名"), tuple(new BigDecimal("740"), "个"));
        // "60岁以上老年人" is who is served, not a target.
        assertThat(values(task(doc, "(15)"))).containsExactly(tuple(new BigDecimal("62"), "户"), tuple(new BigDecimal("5000"), "名"));
        // Items without a number to reach have no targets.
        assertThat(task(doc, "(3)").targets()).isEmpty();
    }

    @Test
    void shanghaiTargetsListedInline() {
        ParsedDocument doc = sample("05");
        List<ParsedTask> goals = doc.tasksOf("main");
        assertThat(goals).hasSize(2);
        assertThat(values(goals.get(0))).containsExactly(tuple(new BigDecimal("30"), "家"), tuple(new BigDecimal("30"), "家"),
                tuple(new BigDecimal("200"), "个"), tuple(new BigDecimal("50"), "家"), tuple(new BigDecimal("90000"), "户"),
                tuple(new BigDecimal("3100"), "名"));
        assertThat(goals.get(0).targets()).extracting(ParsedTarget::indicator).startsWith("新建社区综合为老服务中心", "新建社区长者食堂");
        assertThat(values(goals.get(1))).containsExactly(tuple(new BigDecimal("4000"), "名"), tuple(new BigDecimal("3000"), "张"),
                tuple(new BigDecimal("800"), "张"), tuple(new BigDecimal("3000"), "张"), tuple(new BigDecimal("30"), "个"),
                tuple(new BigDecimal("30"), "个"), tuple(new BigDecimal("3"), "万户"));
        assertThat(goals.get(1).targets()).extracting(ParsedTarget::indicator).contains("改建认知障碍照护床位",
                "特殊困难老年人家庭安装智能水表");
        assertThat(goals).allSatisfy(t -> assertThat(t.targets()).allSatisfy(x -> assertThat(x.year()).isEqualTo(2025)));
        // The annex directory "附件:1.…分解表 ⏎ 2.…分解表" is not a task.
        assertThat(goals).noneMatch(t -> t.text().contains("分解表"));
    }

    private static List<org.assertj.core.groups.Tuple> values(ParsedTask t) {
        return t.targets().stream().map(x -> tuple(x.value().stripTrailingZeros().scale() <= 0
                ? x.value().setScale(0) : x.value(), x.unit())).toList();
    }
}
