package cn.gongfu.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;

/** OFD, Word 97 .doc and scanned PDFs. */
class OfdDocAndScanTest {

    private final DocumentParser parser = new DocumentParser();

    @Test
    void ofdPagesAreReadInReadingOrderWithTablesAsTabSeparatedRows() {
        byte[] ofd = FormatSamples.ofd();
        assertThat(DocumentFormat.detect("plan.ofd", ofd)).isEqualTo(DocumentFormat.OFD);
        assertThat(DocumentFormat.detect("plan.docx", ofd)).as("by its entries, whatever the name").isEqualTo(DocumentFormat.OFD);
        String text = OfdTextExtractor.extract(ofd, "plan.ofd", ParserLimits.DEFAULT);
        assertThat(text.lines()).containsSubsequence(
                FormatSamples.TITLE,
                "为推动共同富裕，现将重点任务分解如下。",
                "\t序号\t工作目标\t重点任务\t牵头单位\t配合单位\t完成时限",
                "\t1\t新增城镇就业3000人以上\t实施就业优先行动\t县人力社保局\t县财政局\t12月底前",
                "\t2\t新建养老服务中心5家\t完善养老服务体系\t县民政局\t县卫生健康局\t6月底前",
                "主要指标", // page 2
                "\t领域\t序号\t指标\t2023年\t2024年\t2025年");
    }

    @Test
    void anOfdPlanImports() {
        ParsedDocument doc = parser.parse("plan.ofd", FormatSamples.ofd());
        assertThat(doc.title()).isEqualTo(FormatSamples.TITLE);
        assertThat(doc.tasksOf("main")).extracting(ParsedTask::code, ParsedTask::title, ParsedTask::leadUnits)
                .containsExactly(tuple("1", "实施就业优先行动", List.of("县人力社保局")),
                        tuple("2", "完善养老服务体系", List.of("县民政局")));
        assertThat(doc.indicators()).singleElement().satisfies(i -> {
            assertThat(i.name()).isEqualTo("每千人口托位数(个)");
            assertThat(i.values()).extracting(ParsedIndicatorValue::raw).containsExactly("3.1", "3.6", "≥4");
        });
    }

    @Test
    void anOfdWithoutItsDocumentPartIsRefused() throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(out)) {
            zip.putNextEntry(new java.util.zip.ZipEntry("OFD.xml"));
            zip.write("<ofd:OFD xmlns:ofd=\"http://www.ofdspec.org/2016\"><ofd:DocBody><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>"
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        assertThatThrownBy(() -> parser.parse("broken.ofd", out.toByteArray()))
                .isInstanceOf(DocumentException.class).hasMessageContaining("OFD文件缺少部件 Doc_0/Document.xml")
                .hasMessageContaining("lacks its part Doc_0/Document.xml: broken.ofd");
        assertThatThrownBy(() -> parser.parse("fake.ofd", "not a zip".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .isInstanceOf(DocumentException.class).hasMessageContaining("not a valid OFD file");
    }

    @Test
    void anOfdWithAnEntityDeclarationIsRefusedNotExpanded() throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(out)) {
            zip.putNextEntry(new java.util.zip.ZipEntry("OFD.xml"));
            zip.write(("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;\">]>"
                    + "<OFD><DocBody><DocRoot>&b;</DocRoot></DocBody></OFD>").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        assertThatThrownBy(() -> parser.parse("entities.ofd", out.toByteArray()))
                .isInstanceOf(DocumentException.class).hasMessageContaining("OFD").hasMessageContaining("entities.ofd");
    }

    @Test
    void aWord97DocReadsThroughTika() {
        byte[] doc = FormatSamples.doc();
        assertThat(DocumentFormat.detect("tasks.doc", doc)).isEqualTo(DocumentFormat.DOC);
        ParsedDocument parsed = parser.parse("tasks.doc", doc);
        assertThat(parsed.title()).isEqualTo("云岭县2025年托育服务重点任务清单");
        assertThat(parsed.tasksOf("main")).extracting(ParsedTask::code, ParsedTask::title, ParsedTask::leadUnits)
                .containsExactly(tuple("1", "建设社区托育服务点", List.of("县卫生健康局")),
                        tuple("2", "开展托育从业人员培训", List.of("县人力社保局")));
        assertThat(parsed.tasksOf("main").get(0).coUnits()).containsExactly("县发展改革局", "各乡镇（街道）");
    }

    @Test
    void aBrokenDocIsRefusedWithItsName() {
        byte[] doc = FormatSamples.doc();
        byte[] broken = java.util.Arrays.copyOf(doc, 1536); // the OLE2 header and a little more, the rest cut off
        assertThatThrownBy(() -> parser.parse("cut.doc", broken))
                .isInstanceOf(DocumentException.class).hasMessageContaining("文档已损坏或无法读取").hasMessageContaining("cut.doc");
    }

    @Test
    void aScannedPdfIsReadByOcr() {
        byte[] scan = FormatSamples.scannedPdf();
        if (!Ocr.required() && (scan == null || !ScannedPdfOcr.available())) {
            org.junit.jupiter.api.Assumptions.abort("tesseract with chi_sim or a CJK font is not installed: OCR not tested"
                    + " (GONGFU_REQUIRE_OCR=1 makes this a failure)");
        }
        assertThat(scan).as("a CJK TrueType font to draw the scan with").isNotNull();
        assertThat(TikaTextExtractor.extract(scan, "scan.pdf").strip()).as("no text layer").isEmpty();
        ParsedDocument doc = parser.parse("scan.pdf", scan);
        // OCR may misread a character; the structure and the units must come through
        assertThat(doc.title()).contains("2025年托育服务工作要点"); // Tesseract 5.3 reads the large 县 as 有具 here
        // (Tesseract 5.3 reads "1." as "1" here, so the first item's code is not asserted)
        assertThat(doc.tasksOf("main")).hasSize(3);
        assertThat(doc.tasksOf("main")).extracting(ParsedTask::code).endsWith("2", "3");
        assertThat(doc.tasksOf("main").get(0).text()).contains("社区托育服务点", "托位");
        assertThat(doc.tasksOf("main").get(1).text()).contains("从业人员培训");
        // each lead unit right but for at most one character (Tesseract 5.3 has read 县 as 具 and dropped a final 局)
        List<String> leads = doc.tasksOf("main").stream().map(t -> String.join("、", t.leadUnits())).toList();
        assertThat(leads).hasSize(3);
        List<String> expected = List.of("县卫生健康局", "县人力社保局", "县市场监管局");
        for (int i = 0; i < 3; i++) {
            assertThat(editDistance(leads.get(i), expected.get(i))).as(leads.get(i) + " for " + expected.get(i)).isLessThanOrEqualTo(1);
        }
        // page 2's ruled table: its columns come through as cells, so the indicators and their years are read
        assertThat(doc.indicators()).extracting(ParsedIndicator::name).anySatisfy(n -> assertThat(n).contains("托位数"));
        assertThat(doc.indicators()).filteredOn(i -> i.name().contains("托位数")).singleElement()
                .satisfies(i -> assertThat(i.values()).extracting(ParsedIndicatorValue::year, ParsedIndicatorValue::raw)
                        .containsExactly(tuple(2023, "3.1"), tuple(2024, "3.6"), tuple(2025, "4.5")));
    }

    private static int editDistance(String a, String b) {
        int[] row = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) row[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            int diagonal = row[0];
            row[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int above = row[j];
                row[j] = Math.min(Math.min(row[j] + 1, row[j - 1] + 1), diagonal + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
                diagonal = above;
            }
        }
        return row[b.length()];
    }

    @Test
    void wideGapsInOcrTextAreTableColumnsAndSpacesBetweenChineseCharactersGo() {
        assertThat(ScannedPdfOcr.columns("序号   重 点 任 务      牵头单位\n幼有善育| 1   每千人口托位数\n1.建设 社区托育服务点 (牵头单位 : 县卫生健康局)\n"))
                .isEqualTo("\t序号\t重点任务\t牵头单位\n\t幼有善育\t1\t每千人口托位数\n1.建设社区托育服务点 (牵头单位 : 县卫生健康局)\n\n");
    }

    @Test
    void aScanWithMorePagesThanTheOcrLimitIsRefusedBeforeAnyOcr() {
        byte[] scan = FormatSamples.scannedPdf();
        if (scan == null || !ScannedPdfOcr.available()) {
            org.junit.jupiter.api.Assumptions.abort("tesseract with chi_sim or a CJK font is not installed");
        }
        DocumentParser strict = new DocumentParser(new ParserLimits(50L << 20, 200L << 20, 100, 200_000, 0, 60));
        assertThatThrownBy(() -> strict.parse("scan.pdf", scan))
                .isInstanceOf(DocumentException.class).hasMessageContaining("over the OCR limit of 0").hasMessageContaining("scan.pdf");
    }

    @Test
    void aScanWithoutTesseractSaysSoInsteadOfImportingNothing() {
        byte[] scan = FormatSamples.scannedPdf();
        if (scan == null) {
            org.junit.jupiter.api.Assumptions.abort("no CJK font to draw a scan with");
        }
        // the same path as a machine without tesseract: PATH without it
        String message = Ocr.withoutTesseract(() -> parser.parse("scan.pdf", scan));
        assertThat(message).contains("该PDF没有文字层", "OCR is not installed", "scan.pdf");
    }
}
