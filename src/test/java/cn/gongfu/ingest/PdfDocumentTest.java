package cn.gongfu.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A typeset plan in the style of an OCR'd action plan, as a PDF, parses like its text. */
class PdfDocumentTest {

    private final DocumentParser parser = new DocumentParser();

    @Test
    void pdfOfAnActionPlanParsesLikeItsText() {
        String text = new String(SampleDocumentsTest.resource("qingxi_action_plan.txt"), StandardCharsets.UTF_8);
        List<List<String>> pages = new ArrayList<>();
        List<String> page = new ArrayList<>();
        for (String line : text.split("\n")) {
            page.add(line);
            if (page.size() == 40) {
                page.add("— " + (pages.size() + 1) + " —");
                pages.add(page);
                page = new ArrayList<>();
            }
        }
        pages.add(page);
        ParsedDocument fromPdf = parser.parse("qingxi_action_plan.pdf", MinimalPdf.write(pages));
        ParsedDocument fromText = parser.parse("qingxi_action_plan.txt", SampleDocumentsTest.resource("qingxi_action_plan.txt"));

        assertThat(fromText.tasks()).isNotEmpty();
        assertThat(fromPdf.title()).isEqualTo(fromText.title());
        assertThat(fromPdf.period()).isEqualTo(fromText.period());
        assertThat(fromPdf.sections()).extracting(ParsedSection::title).isEqualTo(fromText.sections().stream().map(ParsedSection::title).toList());
        assertThat(fromPdf.tasks()).extracting(ParsedTask::code).isEqualTo(fromText.tasks().stream().map(ParsedTask::code).toList());
        assertThat(fromPdf.tasks()).extracting(ParsedTask::leadUnits).isEqualTo(fromText.tasks().stream().map(ParsedTask::leadUnits).toList());
        assertThat(fromPdf.tasks()).extracting(ParsedTask::targets).isEqualTo(fromText.tasks().stream().map(ParsedTask::targets).toList());
    }
}
