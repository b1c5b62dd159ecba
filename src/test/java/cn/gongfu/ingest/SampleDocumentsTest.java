package cn.gongfu.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongfu.vocabulary.Polarity;
import cn.gongfu.vocabulary.TargetComparator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/** Every document style on the project's own samples (fictional 青溪区), so the default build needs no seeds. */
class SampleDocumentsTest {

    private final DocumentParser parser = new DocumentParser();

    static byte[] resource(String name) {
        try (InputStream in = SampleDocumentsTest.class.getResourceAsStream("/ingest/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private ParsedDocument parse(String name) {
        return parser.parse(name, resource(name));
    }

    @Test
    void ocrActionPlanWithUnitsThemesAndGaps() {
        ParsedDocument doc = parse("qingxi_action_plan.txt");
        assertThat(doc.title()).isEqualTo("青溪区推进共同富裕先行区行动方案（2021—2025年）");
        assertThat(doc.period()).isEqualTo(new Period(2021, 2025));
        assertThat(doc.tasksOf("main")).extracting(ParsedTask::code).containsExactly("21", "22", "23", "24", "25", "27");
        ParsedTask t21 = doc.tasksOf("main").get(0);
        assertThat(t21.leadUnits()).containsExactly("区卫生健康局");
        assertThat(t21.text()).doesNotContain("牵头单位").contains("每千人口拥有3岁以下婴幼儿托位数达到4.5个");
        assertThat(t21.targets()).extracting(ParsedTarget::indicator, ParsedTarget::comparator, ParsedTarget::unit)
                .containsExactly(Tuple.tuple("每千人口拥有3岁以下婴幼儿托位数", TargetComparator.GE, "个"),
                        Tuple.tuple("普惠托位占比", TargetComparator.GE, "%"));
        ParsedTask t22 = doc.tasksOf("main").get(1);
        assertThat(t22.leadUnits()).containsExactly("区民政局", "区财政局");
        assertThat(t22.targets()).anySatisfy(t -> {
            assertThat(t.comparator()).isEqualTo(TargetComparator.QUALITATIVE);
            assertThat(t.implied()).isTrue();
        });
        ParsedTask t23 = doc.tasksOf("main").get(2);
        assertThat(t23.targets()).anySatisfy(t -> {
            assertThat(t.comparator()).isEqualTo(TargetComparator.RANGE);
            assertThat(t.min()).isEqualByComparingTo("1");
            assertThat(t.max()).isEqualByComparingTo("2");
            assertThat(t.unit()).isEqualTo("万个");
        });
        assertThat(t23.targets().stream().filter(t -> t.value() != null && t.unit().equals("%")).count()).isEqualTo(3);
        // "24完善…" has lost its dot in OCR and is still task 24.
        ParsedTask t24 = doc.tasksOf("main").get(3);
        assertThat(t24.targets()).anySatisfy(t -> assertThat(t.comparator()).isEqualTo(TargetComparator.LE));
        ParsedTask t25 = doc.tasksOf("main").get(4);
        assertThat(t25.targets().stream().filter(t -> t.comparator() == TargetComparator.ASSIGNED)).hasSize(2);
        assertThat(t25.targets()).anySatisfy(t -> {
            assertThat(t.unit()).isEqualTo("万千瓦");
            assertThat(t.value()).isEqualByComparingTo("15.5");
        });
        assertThat(t25.targets()).noneMatch(t -> t.text().contains("PM2.5") && t.value() != null && t.value().compareTo(new BigDecimal("2.5")) == 0);
        ParsedTask t27 = doc.tasksOf("main").get(5);
        assertThat(t27.targets()).noneMatch(t -> t.value() != null && t.value().compareTo(new BigDecimal("2.0")) == 0);
        assertThat(t27.targets()).anySatisfy(t -> assertThat(t.unit()).isEqualTo("万吨/日"));
        assertThat(doc.findings()).filteredOn(f -> f.kind().equals("numbering-gap")).hasSize(2);
        assertThat(doc.sections()).anySatisfy(s -> {
            assertThat(s.kind()).isEqualTo("theme");
            assertThat(s.title()).isEqualTo("建设绿色低碳城区");
        });
    }

    @Test
    void workPointsWithIndicatorListMeasuresAndFlattenedAnnex() {
        ParsedDocument doc = parse("qingxi_work_points.txt");
        assertThat(doc.title()).isEqualTo("青溪区2023年推进共同富裕先行区工作要点");
        assertThat(doc.period()).isEqualTo(new Period(2023, 2023));
        List<ParsedTask> measures = doc.tasksOf("main");
        assertThat(measures).hasSize(5).allSatisfy(t -> assertThat(t.codeGenerated()).isTrue());
        assertThat(measures.get(1).leadUnits()).containsExactly("区科技局", "青溪高新区管委会");
        List<ParsedTask> annex = doc.tasksOf("附件二");
        assertThat(annex).extracting(ParsedTask::code).containsExactly("1", "2", "3", "4");
        ParsedTask first = annex.get(0);
        assertThat(first.title()).isEqualTo("数字经济倍增行动");
        assertThat(first.group()).isEqualTo("经济高质量发展");
        assertThat(first.columns()).containsOnlyKeys("目标体系", "工作体系", "政策体系", "评价体系", "进度安排");
        assertThat(first.columns().get("工作体系")).contains("1.制定年度工作要点").contains("3.组织智能工厂申报");
        assertThat(first.milestones()).extracting(m -> m.from() + ".." + m.to())
                .containsExactly("2023-02..2023-04", "2023-01..2023-05", "2023-04..2023-06", "2023-01..2023-12");
        ParsedTask second = annex.get(1);
        assertThat(second.columns()).doesNotContainKey("评价体系");
        assertThat(second.milestones()).last().satisfies(m -> assertThat(m.to()).hasToString("2023-12"));
        assertThat(annex.get(3).milestones()).extracting(m -> m.from() + ".." + m.to())
                .containsExactly("2023-01..2023-05", "2023-07..2023-09", "2023-12..2023-12");
        assertThat(doc.indicators()).hasSize(8);
        assertThat(doc.indicators()).anySatisfy(i -> {
            assertThat(i.name()).isEqualTo("全员劳动生产率");
            assertThat(i.unit()).isEqualTo("万元/人");
        });
        assertThat(doc.findings()).filteredOn(f -> f.kind().equals("declared-count-mismatch"))
                .extracting(f -> f.refs().get(0)).contains("附件二/经济高质量发展", "附件二/公共服务优质共享", "附件二");
    }

    @Test
    void servicesPlanWithIndicatorTableAndDomainLeadUnits() {
        ParsedDocument doc = parse("qingxi_services_plan.txt");
        assertThat(doc.title()).isEqualTo("青溪区公共服务“五优享”工程实施方案（2024-2028年）");
        assertThat(doc.indicators()).hasSize(6);
        ParsedIndicator second = doc.indicators().get(1);
        assertThat(second.domain()).isEqualTo("幼有善育");
        assertThat(second.unit()).isEqualTo("%");
        assertThat(second.values()).extracting(ParsedIndicatorValue::raw).containsExactly("88", "90", "92", "≥95", "≥95", "≥95");
        assertThat(second.values().get(3).comparator()).isEqualTo(TargetComparator.GE);
        assertThat(doc.indicators().get(3).polarity()).isEqualTo(Polarity.MILESTONE);
        assertThat(doc.indicators().get(5).values().get(1).comparator()).isEqualTo(TargetComparator.LT);
        assertThat(doc.findings()).extracting(Finding::kind).contains("worsening-target", "cumulative-decrease");
        // Numbering restarts in each domain, so codes carry the section label.
        assertThat(doc.tasksOf("main")).extracting(ParsedTask::code).containsExactly("（一）1", "（一）2", "（二）1", "（二）2");
        assertThat(doc.tasksOf("main").get(3).leadUnits()).containsExactly("区卫生健康局", "区医保局");
    }

    @Test
    void actionSummaryWithBullets() {
        ParsedDocument doc = parse("qingxi_actions.txt");
        assertThat(doc.tasksOf("main")).extracting(ParsedTask::code).containsExactly("3", "4", "6");
        assertThat(doc.tasksOf("main").get(0).title()).isEqualTo("“青有善育”行动");
        assertThat(doc.tasksOf("main").get(0).targets()).hasSize(4);
        assertThat(doc.tasksOf("main").get(1).targets()).anySatisfy(t -> assertThat(t.comparator()).isEqualTo(TargetComparator.EQ));
        assertThat(doc.findings()).anySatisfy(f -> assertThat(f.message()).contains("5"));
    }

    @Test
    void webPageImplementationPlanWithoutFurniture() {
        ParsedDocument doc = parse("qingxi_implementation.txt");
        assertThat(doc.title()).isEqualTo("青溪区高质量发展建设共同富裕先行区实施方案(2021-2025年)");
        assertThat(doc.tasksOf("main").stream().filter(t -> !t.codeGenerated()).map(ParsedTask::code))
                .containsExactly("1", "2", "3", "5");
        assertThat(doc.tasks()).noneMatch(t -> t.text().contains("相关新闻") || t.text().contains("热线"));
        assertThat(doc.tasks().stream().filter(t -> t.category().equals("goal")).flatMap(t -> t.targets().stream()))
                .anySatisfy(t -> {
                    assertThat(t.indicator()).isEqualTo("城乡居民收入倍差");
                    assertThat(t.comparator()).isEqualTo(TargetComparator.LE);
                    assertThat(t.unit()).isEmpty();
                });
    }

    @Test
    void gb18030TextIsDetected() {
        String text = new String(resource("qingxi_action_plan.txt"), StandardCharsets.UTF_8);
        byte[] gb = text.getBytes(Charset.forName("GB18030"));
        ParsedDocument doc = parser.parse("gbk.txt", gb);
        assertThat(doc.title()).isEqualTo("青溪区推进共同富裕先行区行动方案（2021—2025年）");
        assertThat(doc.tasks()).hasSize(6);
    }

    @Test
    void utf8WithBomAndFullWidthDigits() {
        String text = "\uFEFF青溪区推进共同富裕行动方案（２０２１—２０２５年）\n\n１．建设养老服务网络。到２０２５年，养老机构护理型床位占比达６０％。（牵头单位：区民政局）\n";
        ParsedDocument doc = parser.parse("bom.txt", text.getBytes(StandardCharsets.UTF_8));
        assertThat(doc.period()).isEqualTo(new Period(2021, 2025));
        assertThat(doc.tasks()).singleElement().satisfies(t -> {
            assertThat(t.code()).isEqualTo("1");
            assertThat(t.targets()).singleElement().satisfies(g -> {
                assertThat(g.value()).isEqualByComparingTo("60");
                assertThat(g.unit()).isEqualTo("%");
            });
        });
    }

    @Test
    void docxParagraphsAndTableRowsStayRows() throws IOException {
        byte[] docx = DocxSamples.workPointsWithTables();
        ParsedDocument doc = parser.parse("sample.docx", docx);
        assertThat(doc.title()).isEqualTo("青溪区2024年共同富裕工作要点");
        assertThat(doc.indicators()).hasSize(2);
        assertThat(doc.indicators().get(0).values()).extracting(ParsedIndicatorValue::raw).containsExactly("3.1", "3.6", "≥4");
        assertThat(doc.indicators().get(1).domain()).isEqualTo("幼有善育");
        List<ParsedTask> annex = doc.tasksOf("附件一");
        assertThat(annex).hasSize(2);
        assertThat(annex.get(0).leadUnits()).containsExactly("区经信局", "区科技局");
        assertThat(annex.get(0).columns()).containsKeys("目标体系", "进度安排");
        assertThat(annex.get(0).milestones()).extracting(m -> m.from().toString()).containsExactly("2024-02", "2024-01");
        assertThat(annex.get(1).group()).isEqualTo("公共服务");
        assertThat(doc.findings()).anySatisfy(f -> assertThat(f.kind()).isEqualTo("declared-count-mismatch"));
    }

    /** Builds small .docx files with POI, in the shapes plans use. */
    static final class DocxSamples {
        static byte[] workPointsWithTables() throws IOException {
            try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
                doc.createParagraph().createRun().setText("青溪区2024年共同富裕工作要点");
                doc.createParagraph().createRun().setText("一、主要指标");
                XWPFTable ind = doc.createTable(3, 6);
                fill(ind.getRow(0), "领域", "序号", "指标", "2023年", "2024年", "2025年");
                fill(ind.getRow(1), "幼有善育", "1", "每千人口托位数(个)", "3.1", "3.6", "≥4");
                fill(ind.getRow(2), "", "2", "普惠托位占比(%)", "70", "75", "80");
                doc.createParagraph().createRun().setText("附件一");
                doc.createParagraph().createRun().setText("2024年重点工作清单");
                XWPFTable tasks = doc.createTable(5, 4);
                fill(tasks.getRow(0), "序号", "重点工作(责任单位)", "目标体系", "进度安排");
                fill(tasks.getRow(1), "经济发展(1项)", "", "", "");
                fill(tasks.getRow(2), "1", "数字经济提升行动(区经信局、区科技局)", "新增上云企业100家。", "2-4月:制定方案。5月底前:完成认定。");
                fill(tasks.getRow(3), "公共服务(2项)", "", "", "");
                fill(tasks.getRow(4), "2", "托育扩容(区卫健局)", "新增托位200个。", "全年:推进建设。");
                doc.write(out);
                return out.toByteArray();
            }
        }

        private static void fill(XWPFTableRow row, String... cells) {
            for (int i = 0; i < cells.length; i++) {
                row.getCell(i).setText(cells[i]);
            }
        }
    }
}
