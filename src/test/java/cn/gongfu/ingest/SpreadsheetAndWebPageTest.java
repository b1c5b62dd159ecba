package cn.gongfu.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/** .xlsx, .xls (POI) and saved web pages (jsoup) read into the text the table readers read, then parsed whole. */
class SpreadsheetAndWebPageTest {

    private final DocumentParser parser = new DocumentParser();

    @Test
    void anXlsxTaskListAndIndicatorTableImport() {
        assertTheFictionalPlan(parser.parse("任务清单.xlsx", FormatSamples.xlsx()), "70%");
    }

    @Test
    void anXlsWorkbookImportsTheSame() {
        assertTheFictionalPlan(parser.parse("任务清单.xls", FormatSamples.xls()), "70%");
    }

    @Test
    void aSavedWebPageImportsItsTablesAndNotItsFurniture() {
        assertTheFictionalPlan(parser.parse("page.html", FormatSamples.html()), "70");
    }

    private static void assertTheFictionalPlan(ParsedDocument doc, String firstShare) {
        assertThat(doc.title()).isEqualTo(FormatSamples.TITLE);
        assertThat(doc.tasksOf("main")).extracting(ParsedTask::code, ParsedTask::title, ParsedTask::leadUnits)
                .containsExactly(tuple("1", "实施就业优先行动", java.util.List.of("县人力社保局")),
                        tuple("2", "完善养老服务体系", java.util.List.of("县民政局")),
                        // the lead cell is merged over tasks 2 and 3: it leads both
                        tuple("3", "扩大托育服务供给", java.util.List.of("县民政局")));
        assertThat(doc.tasksOf("main").get(0).coUnits()).containsExactly("县财政局", "各乡镇（街道）");
        assertThat(doc.tasksOf("main").get(0).targets()).singleElement()
                .satisfies(t -> assertThat(t.value()).isEqualByComparingTo("3000"));
        assertThat(doc.tasksOf("main").get(2).milestones()).singleElement()
                .satisfies(m -> assertThat(m.to()).hasToString("2025-09"));
        assertThat(doc.indicators()).extracting(ParsedIndicator::domain, ParsedIndicator::name)
                .containsExactly(tuple("幼有善育", "每千人口托位数(个)"), tuple("幼有善育", "普惠托位占比(%)"));
        assertThat(doc.indicators().get(0).values()).extracting(ParsedIndicatorValue::year, ParsedIndicatorValue::raw)
                .containsExactly(tuple(2023, "3.1"), tuple(2024, "3.6"), tuple(2025, "≥4"));
        assertThat(doc.indicators().get(1).values()).extracting(ParsedIndicatorValue::raw).first().isEqualTo(firstShare);
    }

    @Test
    void sheetsBecomeHeadedTabSeparatedRowsWithMergedCellsResolved() {
        String text = SpreadsheetTextExtractor.extract(FormatSamples.xlsx(), "a.xlsx", true, ParserLimits.DEFAULT);
        assertThat(text.lines()).containsSubsequence(
                FormatSamples.TITLE, // merged across the table: once, as a caption, not a six-cell row
                "重点任务",
                "\t序号\t工作目标\t重点任务\t牵头单位\t配合单位\t完成时限",
                "\t2\t新建养老服务中心5家\t完善养老服务体系\t县民政局\t县卫生健康局\t6月底前",
                "\t3\t新增普惠托位200个\t扩大托育服务供给\t县民政局\t县教育局\t9月底前",
                "主要指标",
                "\t领域\t序号\t指标\t2023年\t2024年\t2025年",
                "\t幼有善育\t1\t每千人口托位数(个)\t3.1\t3.6\t≥4",
                // numbers as Excel shows them: 0.7 in a 0% cell is 70%
                "\t幼有善育\t2\t普惠托位占比(%)\t70%\t75%\t80%");
    }

    @Test
    void webPageCellsSpanningRowsAndColumns() {
        String page = "<html><body><table>"
                + "<tr><td rowspan=\"2\">序号</td><td rowspan=\"2\">指标</td><td colspan=\"2\">目标值</td></tr>"
                + "<tr><td>2024年</td><td>2025年</td></tr>"
                + "<tr><td>1</td><td>城镇\n登记失业率</td><td>&lt;5%</td><td>&lt;5%</td></tr>"
                + "</table></body></html>";
        String text = HtmlTextExtractor.extract(page.getBytes(StandardCharsets.UTF_8), "p.html", ParserLimits.DEFAULT);
        assertThat(text.lines()).containsSubsequence(
                "\t序号\t指标\t目标值", // the colspan's second column stays empty (trailing empties dropped)
                "\t序号\t指标\t2024年\t2025年",
                "\t1\t城镇登记失业率\t<5%\t<5%");
    }

    @Test
    void aLayoutTableAroundTheArticleIsReadAsBlocksAndItsDataTableAsRows() {
        String page = "<html><body><table><tr><td>当前位置：首页</td></tr><tr><td>"
                + "<p>一、重点任务</p><table><tr><td>序号</td><td>任务</td></tr><tr><td>1</td><td>建设托育园</td></tr></table>"
                + "</td></tr></table></body></html>";
        String text = HtmlTextExtractor.extract(page.getBytes(StandardCharsets.UTF_8), "p.html", ParserLimits.DEFAULT);
        assertThat(text.lines()).containsSubsequence("当前位置：首页", "一、重点任务", "\t序号\t任务", "\t1\t建设托育园");
    }

    @Test
    void theCharsetComesFromTheMetaTagOrTheByteOrderMark() {
        byte[] gb = FormatSamples.html();
        assertThat(HtmlTextExtractor.decode(gb, "p.html")).contains(FormatSamples.TITLE);
        byte[] body = "<p>云岭县托育服务</p>".getBytes(StandardCharsets.UTF_8);
        byte[] bom = new byte[body.length + 3];
        bom[0] = (byte) 0xEF;
        bom[1] = (byte) 0xBB;
        bom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, bom, 3, body.length);
        assertThat(HtmlTextExtractor.extract(bom, "p.htm", ParserLimits.DEFAULT)).isEqualTo("云岭县托育服务\n");
        // no BOM and no meta: GB18030 bytes are not valid UTF-8, so they are read as GB18030, as .txt files are
        byte[] bare = "<html><p>云岭县托育服务</p></html>".getBytes(java.nio.charset.Charset.forName("GB18030"));
        assertThat(HtmlTextExtractor.extract(bare, "p.html", ParserLimits.DEFAULT)).isEqualTo("云岭县托育服务\n");
    }

    @Test
    void scriptsStylesAndNavigationAreDropped() {
        String text = HtmlTextExtractor.extract(FormatSamples.html(), "p.html", ParserLimits.DEFAULT);
        assertThat(text).doesNotContain("首页", "分享到微博", "脚本写出的字", "color", "云岭县人民政府");
        assertThat(text.lines()).containsSubsequence(FormatSamples.TITLE, "为推动共同富裕，现将重点任务分解如下。");
    }

    @Test
    void anHtmlTableSavedUnderAnXlsNameIsReadAsAPage() {
        assertThat(DocumentFormat.detect("导出.xls", FormatSamples.html())).isEqualTo(DocumentFormat.HTML);
        assertThat(DocumentFormat.detect("任务清单.xlsx", FormatSamples.xlsx())).isEqualTo(DocumentFormat.XLSX);
        assertThat(DocumentFormat.detect("任务清单.docx", FormatSamples.xlsx())).isEqualTo(DocumentFormat.XLSX);
        assertThat(DocumentFormat.detect("x.bin", FormatSamples.xls())).isEqualTo(DocumentFormat.XLS);
    }

    @Test
    void anXlsThatIsNoWorkbookIsRefused() {
        assertThatThrownBy(() -> parser.parse("清单.xls", "序号 任务".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(DocumentException.class).hasMessageContaining("不是有效的Excel").hasMessageContaining("清单.xls");
        assertThatThrownBy(() -> parser.parse("清单.xlsx", "序号 任务".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(DocumentException.class).hasMessageContaining("not a valid Excel (.xlsx)");
    }

    @Test
    void aCorruptXlsxIsRefusedWithItsName() {
        byte[] bytes = "PK\u0003\u0004this is not really a zip file at all".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> parser.parse("broken.xlsx", bytes))
                .isInstanceOf(DocumentException.class).hasMessageContaining("broken.xlsx").hasMessageContaining("corrupt");
    }

    @Test
    void anXlsxZipBombIsRefusedBeforePoiOpensIt() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<Types/>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            byte[] spaces = new byte[1 << 20];
            java.util.Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < 60; i++) {
                zip.write(spaces); // 60 MB: under the .docx bound, over the spreadsheet one (POI would hold it whole)
            }
            zip.closeEntry();
        }
        assertThatThrownBy(() -> parser.parse("bomb.xlsx", bytes.toByteArray()))
                .isInstanceOf(DocumentException.class).hasMessageContaining("zip bomb").hasMessageContaining("40 MB")
                .hasMessageContaining("xl/worksheets/sheet1.xml");
    }

    @Test
    void tablesOverTheCellLimitAreRefused() {
        DocumentParser small = new DocumentParser(new ParserLimits(50L << 20, 200L << 20, 100, 20, 30, 60));
        assertThatThrownBy(() -> small.parse("big.xlsx", FormatSamples.xlsx()))
                .isInstanceOf(DocumentException.class).hasMessageContaining("too many table cells (over 20)")
                .hasMessageContaining("重点任务").hasMessageContaining("big.xlsx");
        assertThatThrownBy(() -> small.parse("big.html", FormatSamples.html()))
                .isInstanceOf(DocumentException.class).hasMessageContaining("网页表格单元格过多").hasMessageContaining("big.html");
    }

    @Test
    void aPageNestedAHundredThousandDeepIsReadOrRefusedButNeverCrashes() {
        String page = "<html><body>" + "<div>".repeat(100_000) + "云岭县托育服务" + "</div>".repeat(100_000) + "</body></html>";
        try {
            String text = HtmlTextExtractor.extract(page.getBytes(StandardCharsets.UTF_8), "deep.html", ParserLimits.DEFAULT);
            assertThat(text).contains("云岭县托育服务");
        } catch (DocumentException e) {
            assertThat(e.getMessage()).contains("deep.html");
        }
    }
}
