package cn.gongfu.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/** A plan written in Word with automatic numbering (一、 / （一） / 1.) keeps its structure. */
class WordListNumberingTest {

    private static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    @Test
    void automaticNumbersAreWrittenInFrontOfTheirParagraphs() {
        String body = para(-1, "云岭县共同富裕行动方案（2021—2025年）")
                + para(0, "主要任务")
                + para(1, "做大富民产业")
                + para(2, "发展特色农业，到2025年新建省级现代农业园区2个。（牵头单位：县农业农村局）")
                + para(2, "壮大文旅产业，到2025年旅游总收入达到100亿元。（牵头单位：县文广旅体局）")
                + para(1, "提升公共服务")
                + para(2, "完善养老服务体系。（牵头单位：县民政局）")
                + para(0, "保障措施");
        ParsedDocument doc = new DocumentParser().parse("plan.docx", docx(body));

        assertThat(doc.title()).isEqualTo("云岭县共同富裕行动方案（2021—2025年）");
        assertThat(doc.sections()).extracting(ParsedSection::label)
                .containsExactly("一、", "（一）", "（二）", "二、");
        assertThat(doc.tasksOf("main")).extracting(ParsedTask::code).containsExactly("（一）1", "（一）2", "（二）1");
        assertThat(doc.tasksOf("main").get(1).leadUnits()).containsExactly("县文广旅体局");
        assertThat(doc.tasksOf("main").get(1).targets()).singleElement()
                .satisfies(t -> assertThat(t.value()).isEqualByComparingTo("100"));
    }

    @Test
    void chineseNumeralsAsWordWritesThem() {
        assertThat(ChineseNumerals.format(1)).isEqualTo("一");
        assertThat(ChineseNumerals.format(10)).isEqualTo("十");
        assertThat(ChineseNumerals.format(12)).isEqualTo("十二");
        assertThat(ChineseNumerals.format(20)).isEqualTo("二十");
        assertThat(ChineseNumerals.format(105)).isEqualTo("一百零五");
        assertThat(WordListNumbering.format(3, "decimalEnclosedCircle")).isEqualTo("③");
    }

    /** level -1: a plain paragraph; 0: "一、", 1: "（一）", 2: "1." — all in list 1. */
    private static String para(int level, String text) {
        String numbering = level < 0 ? "" : "<w:pPr><w:numPr><w:ilvl w:val=\"" + level + "\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr>";
        return "<w:p>" + numbering + "<w:r><w:t>" + text + "</w:t></w:r></w:p>";
    }

    private static String level(int ilvl, String format, String text) {
        return "<w:lvl w:ilvl=\"" + ilvl + "\"><w:start w:val=\"1\"/><w:numFmt w:val=\"" + format + "\"/><w:lvlText w:val=\"" + text
                + "\"/></w:lvl>";
    }

    static byte[] docx(String body) {
        String numbering = "<w:numbering xmlns:w=\"" + W + "\"><w:abstractNum w:abstractNumId=\"0\">"
                + level(0, "chineseCounting", "%1、") + level(1, "chineseCounting", "（%2）") + level(2, "decimal", "%3.")
                + "</w:abstractNum><w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num></w:numbering>";
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
                put(zip, "[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                        + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                        + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                        + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
                        + "<Override PartName=\"/word/numbering.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml\"/>"
                        + "</Types>");
                put(zip, "_rels/.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                        + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>"
                        + "</Relationships>");
                put(zip, "word/_rels/document.xml.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                        + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering\" Target=\"numbering.xml\"/>"
                        + "</Relationships>");
                put(zip, "word/document.xml", "<w:document xmlns:w=\"" + W + "\"><w:body>" + body + "</w:body></w:document>");
                put(zip, "word/numbering.xml", numbering);
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void put(ZipOutputStream zip, String name, String xml) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>" + xml).getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
