package cn.gongfu.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongfu.support.Browser;
import cn.gongfu.support.BrowserTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.core.io.ClassPathResource;

/** The office imports a document in the browser: upload, fill in what the document lacks, publish. */
class ImportBrowserTest extends BrowserTest {

    @Test
    void officeUploadsReviewsCompletesAndPublishesADocument() throws Exception {
        // the actions list has no title and no period, so the office must supply them
        String text = new ClassPathResource("ingest/qingxi_actions.txt").getContentAsString(StandardCharsets.UTF_8)
                + "\n（浏览器测试稿）\n";
        Path file = Files.createTempFile("qingxi-actions-", ".txt");
        Files.writeString(file, text);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        Browser.signIn(browser, port, "office");
        browser.get("http://localhost:" + port + "/imports");

        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("导入文档");
        browser.findElement(By.cssSelector("#upload-form input[type=file]")).sendKeys(file.toString());
        new Select(browser.findElement(By.cssSelector("#upload-form select[name=region]"))).selectByValue("330299");
        new Select(browser.findElement(By.cssSelector("#upload-form select[name=kind]"))).selectByValue("implementation");
        browser.findElement(By.cssSelector("#upload-form button[type=submit]")).click();

        // htmx uploads and, once parsed, sends the browser to the review
        wait.until(ExpectedConditions.urlMatches("/imports/\\d+$"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("import-counts")));
        assertThat(browser.findElement(By.id("import-counts")).getText()).contains("3", "任务", "10", "目标");
        assertThat(browser.findElement(By.id("problems")).getText()).contains("标题", "期限");
        assertThat(browser.findElement(By.id("findings")).getText()).contains("numbering-gap");
        assertThat(browser.findElement(By.id("publish")).isEnabled()).isFalse();

        WebElement details = browser.findElement(By.id("details-form"));
        details.findElement(By.name("title")).sendKeys("青溪区共同富裕十大行动（浏览器测试）");
        details.findElement(By.name("startYear")).sendKeys("2022");
        details.findElement(By.name("endYear")).sendKeys("2026");
        details.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBe(By.id("import-title"), "青溪区共同富裕十大行动（浏览器测试）"));
        assertThat(browser.findElements(By.id("problems"))).isEmpty();

        browser.findElement(By.id("publish")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("plan-tree")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("青溪区共同富裕十大行动（浏览器测试）");
        assertThat(browser.findElement(By.cssSelector(".meta")).getText()).contains("2022—2026", "实施方案");
        assertThat(browser.findElement(By.id("plan-tree")).getText()).contains("“青有善育”行动");
    }

    @Test
    void aBadFileIsExplainedOnTheFormWithoutLeavingIt() throws Exception {
        Path file = Files.createTempFile("empty-", ".txt");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        Browser.signIn(browser, port, "office");
        browser.get("http://localhost:" + port + "/imports");
        byte[] garbage = new byte[2048];
        new Random(3).nextBytes(garbage);
        Files.write(file, garbage);
        browser.findElement(By.cssSelector("#upload-form input[type=file]")).sendKeys(file.toString());
        browser.findElement(By.cssSelector("#upload-form button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#upload-result .error")));
        assertThat(browser.getCurrentUrl()).endsWith("/imports");
        assertThat(browser.findElement(By.cssSelector("#upload-result .error")).getText()).isNotBlank();
    }
}
