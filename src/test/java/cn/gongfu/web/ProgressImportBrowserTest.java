package cn.gongfu.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gongfu.importing.ProgressSamples;
import cn.gongfu.support.Browser;
import cn.gongfu.support.BrowserTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 13 in the browser: the office publishes a plan, uploads a progress table of it, sees it offered as that plan's
 * progress ("这是《…》的进展情况", rows matched and not), imports it as progress reports and opens a unit's draft.
 * Screenshots of the review at 1366 and 390 px.
 */
class ProgressImportBrowserTest extends BrowserTest {

    private static final String TAG = "进展浏览";

    @Autowired
    MockMvc mvc;

    @Test
    void aProgressTableIsImportedAsTheDraftReportsOfItsPlan() throws Exception {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        browser.manage().window().setSize(new Dimension(1366, 900));
        signIn("office");
        upload(ProgressSamples.plan(TAG));
        Browser.clickToLoad(browser, browser.findElement(By.id("settle-units")));
        Browser.clickToLoad(browser, browser.findElement(By.id("publish")));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("plan-tree")));
        long planId = Long.parseLong(browser.getCurrentUrl().replaceAll(".*/plans/(\\d+).*", "$1"));
        // the reporting calendar, as the office sets it on the plan (through the API here: not this test's subject)
        mvc.perform(put("/api/v1/plans/{id}/calendar", planId).contentType(MediaType.APPLICATION_JSON)
                .content("{\"cadence\":\"quarterly\",\"dueDay\":10,\"firstPeriod\":\"2026Q1\",\"lastPeriod\":\"2027Q4\"}"))
                .andExpect(status().isOk());

        upload(ProgressSamples.progress(TAG, ""));
        String offer = browser.findElement(By.id("progress")).getText();
        assertThat(offer).contains("这是《" + ProgressSamples.planTitle(TAG) + "（2026—2027年）》的进展情况",
                "4 行对应到方案任务，1 行未对应", "未对应到方案任务", "将新建草稿", "已完成2个中心主体施工");
        assertThat(browser.findElement(By.id("import-progress")).isEnabled()).isTrue();
        assertThat(browser.findElement(By.id("import-progress")).getText()).isEqualTo("作为进展填报导入");
        assertThat(browser.findElement(By.id("publish")).isDisplayed()).as("beside the ordinary publish").isTrue();
        screenshot("import-progress-review");
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.navigate().refresh();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("progress")));
        assertThat(browser.findElement(By.id("import-progress")).isDisplayed()).isTrue();
        browser.executeScript("document.querySelector('.publish-bar').scrollIntoView()");
        screenshot("import-progress-review-phone");
        browser.manage().window().setSize(new Dimension(1366, 900));

        Browser.clickToLoad(browser, browser.findElement(By.id("import-progress")));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("progress-done")));
        assertThat(browser.findElement(By.id("progress-done")).getText()).contains("已作为《", "的进展填报草稿导入");
        assertThat(browser.findElements(By.id("import-progress"))).as("closed: no second import").isEmpty();
        screenshot("import-progress-done");

        // the unit's report is a draft holding the table's words
        Browser.clickToLoad(browser, browser.findElement(By.cssSelector("#progress-units a")));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("草稿");
        assertThat(browser.getPageSource()).contains("已完成2个中心主体施工，第3个正在选址。");
    }

    private void upload(byte[] content) throws Exception {
        Path file = Files.createTempFile("gongfu-progress-", ".txt");
        Files.write(file, content);
        browser.get(url("/imports"));
        browser.findElement(By.cssSelector("#upload-form input[type=file]")).sendKeys(file.toString());
        new Select(browser.findElement(By.cssSelector("#upload-form select[name=region]"))).selectByValue("330299");
        new Select(browser.findElement(By.cssSelector("#upload-form select[name=kind]"))).selectByValue("action_plan");
        browser.findElement(By.cssSelector("#upload-form button[type=submit]")).click();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.until(ExpectedConditions.urlMatches("/imports/\\d+$"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("import-counts")));
    }
}
