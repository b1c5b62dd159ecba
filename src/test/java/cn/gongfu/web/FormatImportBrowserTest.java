package cn.gongfu.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongfu.ingest.FormatSamples;
import cn.gongfu.ingest.Ocr;
import cn.gongfu.support.Browser;
import cn.gongfu.support.BrowserTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Each format the import accepts beyond .txt/.docx/.pdf goes through the upload form to the review page, which
 * shows the tasks (and indicators) read from it: the samples are FormatSamples' fictional plan in each format.
 */
class FormatImportBrowserTest extends BrowserTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            任务清单.xlsx | 实施就业优先行动 | 县人力社保局 | 每千人口托位数(个)
            任务清单.xls  | 扩大托育服务供给 | 县民政局     | 普惠托位占比(%)
            任务分解.html | 完善养老服务体系 | 县民政局     | 每千人口托位数(个)
            任务清单.ofd  | 实施就业优先行动 | 县人力社保局 | 每千人口托位数(个)
            托育任务.doc  | 建设社区托育服务点 | 县卫生健康局 |
            托育要点扫描件.pdf | 从业人员培训 | 人力社保局 | 托位数
            """)
    void aDocumentOfEachFormatReachesTheReviewWithItsTasks(String fileName, String task, String lead, String indicator)
            throws Exception {
        byte[] content = switch (fileName.substring(fileName.lastIndexOf('.') + 1)) {
            case "xlsx" -> FormatSamples.xlsx();
            case "xls" -> FormatSamples.xls();
            case "html" -> FormatSamples.html();
            case "ofd" -> FormatSamples.ofd();
            case "doc" -> FormatSamples.doc();
            default -> FormatSamples.scannedPdf();
        };
        if (fileName.endsWith(".pdf") && !Ocr.required() && (content == null || !Ocr.available())) {
            Assumptions.abort("tesseract with chi_sim or a CJK font is not installed: the scanned PDF is not tried"
                    + " (GONGFU_REQUIRE_OCR=1 makes this a failure)");
        }
        Path dir = Files.createTempDirectory("gongfu-formats-");
        Path file = Files.write(dir.resolve(fileName), content);
        Browser.signIn(browser, port, "office");
        browser.get(url("/imports"));
        assertThat(browser.findElement(By.cssSelector("#upload-form input[type=file]")).getDomAttribute("accept"))
                .contains(fileName.substring(fileName.lastIndexOf('.')));
        browser.findElement(By.cssSelector("#upload-form input[type=file]")).sendKeys(file.toString());
        browser.findElement(By.cssSelector("#upload-form button[type=submit]")).click();

        // OCR of a page takes seconds; the other formats are read at once
        new WebDriverWait(browser, Duration.ofSeconds(90)).until(ExpectedConditions.urlMatches("/imports/\\d+$"));
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.presenceOfElementLocated(By.id("tasks")));
        String tasks = browser.findElement(By.id("tasks")).getText();
        assertThat(tasks).contains(task, lead);
        if (indicator != null) {
            // (OCR may misread a character of 幼有善育, so the scan is checked by its indicator's name only)
            assertThat(browser.findElement(By.id("indicator-table")).getText()).contains(indicator);
            if (!fileName.endsWith(".pdf")) {
                assertThat(browser.findElement(By.id("indicator-table")).getText()).contains("幼有善育");
            }
        }
        if (fileName.endsWith(".xlsx")) {
            browser.manage().window().setSize(new Dimension(1366, 1000));
            browser.executeScript("document.getElementById('tasks').scrollIntoView()");
            screenshot("import-review-xlsx");
            browser.manage().window().setSize(new Dimension(390, 844));
            browser.executeScript("document.getElementById('tasks').scrollIntoView()");
            screenshot("import-review-xlsx-phone");
            browser.manage().window().setSize(new Dimension(1280, 900));
        }
    }
}
