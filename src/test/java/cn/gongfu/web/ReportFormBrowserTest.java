package cn.gongfu.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongfu.kernel.Role;
import cn.gongfu.support.Browser;
import cn.gongfu.support.BrowserTest;
import cn.gongfu.support.SignedInAsAdmin;
import cn.gongfu.users.UserService;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The report form where clerks live (issue 14), in the browser: the Excel buttons with every wrong cell listed beside
 * the form, no typed text lost across task blocks, a value error beside its field with the value kept, and the
 * office's calendar page. Its own reporter of 区民政局 (2026Q2), which no other suite reports.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportFormBrowserTest extends BrowserTest {

    static final String PASSWORD = "form-password-1";

    @Autowired
    UserService users;

    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    void ownReporter() {
        String region = jdbc.sql("select region_code from plan where id = (select min(id) from plan)").query(String.class).single();
        long unit = jdbc.sql("select id from unit where region_code = :r and name = '区民政局'").param("r", region).query(Long.class).single();
        SignedInAsAdmin.signIn(users.loadUserByUsername("admin"));
        try {
            users.create("form-reporter", "表单 填报员", PASSWORD, region, List.of(Role.REPORTER), List.of(unit));
        } finally {
            SignedInAsAdmin.signOut();
        }
    }

    /** Opens (or reopens) the 2026Q2 report of 区民政局 and returns its address. */
    private String openReport() {
        Browser.signIn(browser, port, "form-reporter", PASSWORD);
        browser.get(url("/reports"));
        WebElement row = browser.findElements(By.cssSelector("#obligations tbody tr")).stream()
                .filter(r -> r.findElement(By.tagName("td")).getText().equals("2026Q2")).findFirst().orElseThrow();
        List<WebElement> start = row.findElements(By.cssSelector("button[type=submit]"));
        Browser.clickToLoad(browser, start.isEmpty() ? row.findElement(By.tagName("a")) : start.get(0));
        new WebDriverWait(browser, Duration.ofSeconds(15))
                .until(ExpectedConditions.textToBePresentInElementLocated(By.id("report-title"), "区民政局 · 2026Q2"));
        return browser.getCurrentUrl().replaceAll("#.*", "");
    }

    @Test
    void savingOneBlockKeepsWhatWasTypedInTheOthers() throws Exception {
        String report = openReport();
        List<WebElement> blocks = browser.findElements(By.cssSelector(".report-task"));
        assertThat(blocks).hasSizeGreaterThanOrEqualTo(2);
        WebElement first = blocks.get(0), second = blocks.get(1);
        first.findElement(By.cssSelector("textarea[name$='.narrative']")).clear();
        first.findElement(By.cssSelector("textarea[name$='.narrative']")).sendKeys("第一项：完成可研批复");
        second.findElement(By.cssSelector("textarea[name$='.narrative']")).clear();
        second.findElement(By.cssSelector("textarea[name$='.narrative']")).sendKeys("第二项：开工建设");
        // the second block's 保存 saves the first block's text too
        Browser.clickToLoad(browser, second.findElement(By.cssSelector("button.save-blocks")));
        assertThat(browser.findElement(By.id("saved")).getText()).isEqualTo("已保存");
        browser.get(report);
        blocks = browser.findElements(By.cssSelector(".report-task"));
        assertThat(blocks.get(0).findElement(By.cssSelector("textarea[name$='.narrative']")).getDomProperty("value")).isEqualTo("第一项：完成可研批复");
        assertThat(blocks.get(1).findElement(By.cssSelector("textarea[name$='.narrative']")).getDomProperty("value")).isEqualTo("第二项：开工建设");

        // a wrong block is refused whole, every block keeps what was typed, the error stands beside its field
        blocks.get(0).findElement(By.cssSelector("textarea[name$='.narrative']")).sendKeys("，又补充一句");
        new org.openqa.selenium.support.ui.Select(blocks.get(1).findElement(By.cssSelector("select[name$='.progress']"))).selectByValue("blocked");
        blocks.get(1).findElement(By.cssSelector("textarea[name$='.problems']")).clear();
        Browser.clickToLoad(browser, blocks.get(0).findElement(By.cssSelector("button.save-blocks")));
        blocks = browser.findElements(By.cssSelector(".report-task"));
        assertThat(browser.findElement(By.id("field-errors-summary")).getText()).contains("1 处错误");
        assertThat(blocks.get(0).findElement(By.cssSelector("textarea[name$='.narrative']")).getDomProperty("value"))
                .isEqualTo("第一项：完成可研批复，又补充一句");
        WebElement problemsError = blocks.get(1).findElement(By.cssSelector(".field-error"));
        assertThat(problemsError.getText()).contains("受阻时请写明存在问题");
        assertThat(inView(problemsError)).as("the page opens at the block with the error").isTrue();
        assertThat(new org.openqa.selenium.support.ui.Select(blocks.get(1).findElement(By.cssSelector("select[name$='.progress']")))
                .getFirstSelectedOption().getDomAttribute("value")).isEqualTo("blocked");
        browser.manage().window().setSize(new Dimension(1366, 1000));
        screenshot("report-blocks-error");
        browser.get(report);
        assertThat(browser.findElements(By.cssSelector(".report-task")).get(0).findElement(By.cssSelector("textarea[name$='.narrative']"))
                .getDomProperty("value")).as("nothing was saved").isEqualTo("第一项：完成可研批复");
    }

    @Test
    void aWrongValueInTheLastQuarterIsShownBesideItsField() throws Exception {
        Browser.signIn(browser, port, "form-reporter", PASSWORD);
        browser.get(url("/reports"));
        WebElement row = browser.findElements(By.cssSelector("#obligations tbody tr")).stream()
                .filter(r -> r.findElement(By.tagName("td")).getText().equals("2026Q4")).findFirst().orElse(null);
        assertThat(row).as("2026Q4 has begun on this clock").isNotNull();
        List<WebElement> start = row.findElements(By.cssSelector("button[type=submit]"));
        Browser.clickToLoad(browser, start.isEmpty() ? row.findElement(By.tagName("a")) : start.get(0));
        List<WebElement> editable = browser.findElements(By.cssSelector("#values tbody tr")).stream()
                .filter(r -> !r.findElements(By.cssSelector("button[type=submit]")).isEmpty()).toList();
        assertThat(editable).as("区民政局 owes values in a year's last quarter").isNotEmpty();
        WebElement value = editable.get(0).findElement(By.name("value"));
        value.clear();
        value.sendKeys("八十二");
        Browser.clickToLoad(browser, editable.get(0).findElement(By.cssSelector("button[type=submit]")));
        WebElement error = browser.findElement(By.cssSelector("#values .value-error"));
        assertThat(error.getText()).contains("八十二");
        assertThat(inView(error)).as("the message is on screen, not at the top of the page").isTrue();
        assertThat(error.findElement(By.xpath("./ancestor::tr")).findElement(By.name("value")).getDomProperty("value")).isEqualTo("八十二");
        assertThat(browser.findElements(By.id("errors"))).as("not only at the top").isEmpty();
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.executeScript("document.querySelector('#values .value-error').scrollIntoView({block: 'center'})");
        screenshot("report-value-error-phone");
        browser.manage().window().setSize(new Dimension(1366, 1000));
    }

    @Test
    void theExcelButtonsDownloadTheTemplateAndListEveryWrongCell() throws Exception {
        String report = openReport();
        WebElement download = browser.findElement(By.id("workbook-download"));
        assertThat(download.getText()).isEqualTo("下载模板");
        assertThat(browser.findElement(By.id("workbook-upload-button")).getText()).isEqualTo("上传");
        byte[] template = fetch(download.getDomProperty("href"));
        Path file = Files.createTempFile("填报", ".xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(template))) {
            assertThat(wb.getSheet("进度节点")).isNotNull();
            wb.getSheet("任务进展").getRow(1).getCell(3).setCellValue("进行中");
            wb.getSheet("任务进展").getRow(2).getCell(4).setCellValue(150);
            wb.getSheet("任务进展").getRow(3).getCell(5).setCellValue("这一格没错，也不保存");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            Files.write(file, out.toByteArray());
        }
        browser.findElement(By.cssSelector("#workbook-upload input[type=file]")).sendKeys(file.toString());
        Browser.clickToLoad(browser, browser.findElement(By.id("workbook-upload-button")));
        WebElement errors = browser.findElement(By.id("workbook-errors"));
        assertThat(errors.getText()).contains("Excel中有2处错误，未保存任何内容");
        List<String> cells = errors.findElements(By.cssSelector("tbody tr")).stream()
                .map(r -> r.findElements(By.tagName("td")).stream().map(WebElement::getText).collect(Collectors.joining("|"))).toList();
        assertThat(cells).anySatisfy(c -> assertThat(c).startsWith("任务进展|2|D2|进展状态|").contains("进行中"));
        assertThat(cells).anySatisfy(c -> assertThat(c).startsWith("任务进展|3|E3|完成百分比|").contains("150"));
        assertThat(inView(errors)).isTrue();
        browser.manage().window().setSize(new Dimension(1366, 1000));
        browser.executeScript("document.getElementById('workbook').scrollIntoView()");
        screenshot("report-excel-errors");
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.executeScript("document.getElementById('workbook').scrollIntoView()");
        assertThat((Long) browser.executeScript("return document.documentElement.scrollWidth")).as("no sideways scrolling").isLessThanOrEqualTo(390L);
        screenshot("report-excel-errors-phone");
        browser.manage().window().setSize(new Dimension(1366, 1000));
        browser.get(report);
        assertThat(browser.findElements(By.cssSelector(".report-task")).get(2).findElement(By.cssSelector("textarea[name$='.narrative']"))
                .getDomProperty("value")).as("nothing applied").isNotEqualTo("这一格没错，也不保存");
        Files.deleteIfExists(file);
    }

    @Test
    void theOfficeSetsGraceDaysAndTheLockOnTheCalendarPage() throws Exception {
        long plan = jdbc.sql("select min(plan_id) from report_calendar").query(Long.class).single();
        try {
            signIn("office");
            browser.get(url("/reports"));
            Browser.clickToLoad(browser, browser.findElement(By.id("calendar-link")));
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("填报日历");
            WebElement card = browser.findElement(By.id("calendar-" + plan));
            WebElement grace = card.findElement(By.name("graceDays"));
            grace.clear();
            grace.sendKeys("400");
            browser.executeScript("arguments[0].removeAttribute('max')", grace); // the server checks what the browser would
            Browser.clickToLoad(browser, card.findElement(By.id("calendar-save-" + plan)));
            card = browser.findElement(By.id("calendar-" + plan));
            assertThat(card.findElement(By.cssSelector(".field-error")).getText()).contains("宽限天数应在0到92之间");
            assertThat(card.findElement(By.name("graceDays")).getDomProperty("value")).isEqualTo("400");
            card.findElement(By.name("graceDays")).clear();
            card.findElement(By.name("graceDays")).sendKeys("10");
            Browser.click(browser, card.findElement(By.name("lockAfterGrace")));
            Browser.clickToLoad(browser, card.findElement(By.id("calendar-save-" + plan)));
            assertThat(browser.findElement(By.id("calendar-saved")).getText()).isEqualTo("填报日历已保存。");
            card = browser.findElement(By.id("calendar-" + plan));
            assertThat(card.findElement(By.name("graceDays")).getDomProperty("value")).isEqualTo("10");
            assertThat(card.findElement(By.name("lockAfterGrace")).isSelected()).isTrue();
            browser.manage().window().setSize(new Dimension(1366, 900));
            screenshot("report-calendar");
            browser.manage().window().setSize(new Dimension(390, 844));
            assertThat((Long) browser.executeScript("return document.documentElement.scrollWidth")).as("no sideways scrolling").isLessThanOrEqualTo(390L);
            screenshot("report-calendar-phone");
            browser.manage().window().setSize(new Dimension(1366, 1000));
            // a report more than a year old is locked now, and says so
            Browser.signIn(browser, port, "form-reporter", PASSWORD);
            browser.get(url("/reports"));
            WebElement old = browser.findElements(By.cssSelector("#obligations tbody tr")).stream()
                    .filter(r -> r.findElement(By.tagName("td")).getText().equals("2025Q1")).findFirst().orElseThrow();
            List<WebElement> start = old.findElements(By.cssSelector("button[type=submit]"));
            Browser.clickToLoad(browser, start.isEmpty() ? old.findElement(By.tagName("a")) : start.get(0));
            assertThat(browser.findElement(By.id("locked")).getText()).contains("已锁定", "共富办重新开放");
            assertThat(browser.findElements(By.cssSelector("button.save-blocks"))).isEmpty();
        } finally {
            jdbc.sql("update report_calendar set grace_days = 0, lock_after_grace = false where plan_id = :p").param("p", plan).update();
        }
    }

    private boolean inView(WebElement element) {
        return (Boolean) browser.executeScript("var r = arguments[0].getBoundingClientRect();"
                + " return r.top >= 0 && r.bottom <= window.innerHeight;", element);
    }

    /** A download as the signed-in browser would get it (chromium's own downloads are not reachable headless). */
    private byte[] fetch(String address) throws Exception {
        String cookies = browser.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue()).collect(Collectors.joining("; "));
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(address))
                .header("Cookie", cookies).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/vnd.openxmlformats");
        return response.body();
    }
}
