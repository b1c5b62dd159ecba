package cn.gongfu.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongfu.support.Browser;
import cn.gongfu.support.BrowserTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 13's bug: the review of a new version of a plan stopped at the heading 与旧版本…的差异 in a real servlet
 * container (MockMvc rendered it whole). Imports a plan, publishes it, imports a new version and reads the whole review.
 */
class NewVersionReviewBrowserTest extends BrowserTest {

    static String plan(String title, String nightTarget) {
        return title + "（2024—2026年）\n\n一、主要目标\n\n" + title + "主要指标\n"
                + "\t序号\n\t指  标\n\t单位\n\t2024年\n\t2025年\n\t2026年\n\n"
                + "\t1\n\t夜间经济营业额\n\t万元\n\t300\n\t400\n\t500\n\n"
                + "二、重点任务\n（一）培育夜间消费。（牵头单位：区卫生健康局）\n"
                + "1.打造夜间消费街区。到2026年，夜间经济营业额达到" + nightTarget + "。\n\n"
                + "2.建设露营营地。到2026年，露营营地数量达到12个。\n";
    }

    @Test
    void theReviewOfANewVersionShowsTheDifferencesAndGoesOnToTheTasks() throws Exception {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        signIn("office");
        upload(plan("青溪区夜市新版本测试方案", "500万元"));
        Browser.clickToLoad(browser, browser.findElement(By.id("publish")));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("plan-tree")));

        upload(plan("青溪区夜市新版本测试方案", "650万元") + "\n（修订稿）\n");
        assertThat(browser.findElement(By.id("diff")).getText()).contains("与旧版本", "650");
        assertThat(browser.findElements(By.id("tasks"))).as("the page goes on after the diff").hasSize(1);
        assertThat(browser.findElement(By.id("tasks")).getText()).contains("打造夜间消费街区", "建设露营营地");
        assertThat(browser.findElements(By.id("indicator-table"))).hasSize(1);
        assertThat(browser.findElement(By.tagName("footer")).isDisplayed()).isTrue();
    }

    private void upload(String text) throws Exception {
        Path file = Files.createTempFile("gongfu-version-", ".txt");
        Files.writeString(file, text, StandardCharsets.UTF_8);
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
