package cn.gongfu.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongfu.support.Browser;
import cn.gongfu.support.BrowserTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 13 in a real browser, after publishing: the office adds a task to a published plan (with a milestone), moves
 * the milestone's due month and renames it, reads both changes in words in the task's history, then deletes the task
 * and finds the deletion in the plan's history. Screenshots at 1366 and 390 px.
 */
class PublishedTaskBrowserTest extends BrowserTest {

    private static final String PLAN = "青溪区夜市浏览器发布后修改方案（2024—2026年）\n\n一、重点任务\n（一）培育夜间消费。（牵头单位：区卫生健康局）\n"
            + "1.打造夜间消费街区。到2026年，夜间经济营业额达到500万元。\n";

    @Test
    void theOfficeAddsATaskToAPublishedPlanEditsItsMilestoneAndDeletesIt() throws Exception {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        browser.manage().window().setSize(new Dimension(1366, 900));
        signIn("office");
        uploadForReview("gongfu-published-", PLAN);
        Browser.clickToLoad(browser, browser.findElement(By.id("publish")));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("plan-tree")));
        Browser.clickToLoad(browser, browser.findElement(By.id("plan-edit")));

        // a task added to the published plan, with a milestone written as a line
        WebElement add = browser.findElement(By.id("add-task-form"));
        add.findElement(By.name("code")).sendKeys("2");
        add.findElement(By.name("title")).sendKeys("建设夜市");
        add.findElement(By.name("leadUnits")).sendKeys("区卫健局");
        add.findElement(By.name("milestones")).sendKeys("2025-03 2025-06 夜市开业");
        Browser.clickToLoad(browser, add.findElement(By.id("add-task")));
        assertThat(browser.getCurrentUrl()).matches(".*/tasks/\\d+/edit");
        assertThat(browser.findElement(By.id("task-form")).findElement(By.name("leadUnits")).getAttribute("value")).isEqualTo("区卫生健康局");

        // its milestone renamed and due three months later: saved, and the history says what changed in words
        WebElement row = browser.findElement(By.cssSelector("form.milestone-row[id^=milestone-]:not(#milestone-new)"));
        row.findElement(By.name("text")).clear();
        row.findElement(By.name("text")).sendKeys("夜市开业迎客");
        browser.executeScript("arguments[0].value = '2025-09'", row.findElement(By.name("to")));
        Browser.clickToLoad(browser, row.findElement(By.cssSelector("button.save-milestone")));
        row = browser.findElement(By.cssSelector("form.milestone-row[id^=milestone-]:not(#milestone-new)"));
        assertThat(row.findElement(By.name("to")).getAttribute("value")).isEqualTo("2025-09");
        assertThat(browser.findElement(By.id("history")).getText())
                .contains("修改进度节点", "office", "第 1 版", "内容：夜市开业 → 夜市开业迎客", "完成时限：2025-06 → 2025-09")
                .doesNotContain("{\"version\"");
        screenshotsAtBothWidths("published-milestone-edit", "milestones");

        // the task deleted: back on the plan's page, gone from its tasks, its deletion in the plan's history
        Browser.clickToLoad(browser, browser.findElement(By.id("delete-task")));
        assertThat(browser.getCurrentUrl()).contains("/edit");
        assertThat(browser.findElement(By.id("tasks")).getText()).contains("打造夜间消费街区").doesNotContain("建设夜市");
        assertThat(browser.findElement(By.id("history")).getText())
                .contains("删除任务", "新增任务", "名称：建设夜市 → （空）", "进度节点：2025-03–2025-09 夜市开业迎客 → （空）");
        browser.executeScript("document.getElementById('history').scrollIntoView()");
        screenshotsAtBothWidths("published-task-delete", "history");
    }
}
