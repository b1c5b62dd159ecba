package cn.gongfu.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongfu.support.Browser;
import cn.gongfu.support.BrowserTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 13 in a real browser: the office corrects an import's draft (a task's unit, a target's value, a task deleted,
 * one added), publishes it, then edits a task of the published plan and finds the change in its history. Screenshots
 * at 1366 and 390 px.
 */
class DraftBrowserTest extends BrowserTest {

    private static final String PLAN = "青溪区夜间经济浏览器修正方案（2024—2026年）\n\n一、重点任务\n（一）培育夜间消费。（牵头单位：区卫生健康局）\n"
            + "1.打造夜间消费街区。到2026年，夜间经济营业额达到500万元。\n\n"
            + "2.建设露营营地。到2026年，露营营地数量达到12个。\n";

    @Test
    void theOfficeCorrectsADraftPublishesItAndEditsThePublishedPlan() throws Exception {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        browser.manage().window().setSize(new Dimension(1366, 900));
        signIn("office");
        uploadForReview("gongfu-draft-", PLAN);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("tasks")));
        String review = browser.getCurrentUrl();
        assertThat(browser.findElement(By.id("task-0")).getText()).contains("打造夜间消费街区", "区卫生健康局");

        // task 1: the lead unit becomes 区民政局
        Browser.clickToLoad(browser, browser.findElement(By.cssSelector("#task-0 a.edit-task")));
        WebElement form = browser.findElement(By.id("task-form"));
        form.findElement(By.name("leadUnits")).clear();
        form.findElement(By.name("leadUnits")).sendKeys("区民政局");
        Browser.clickToLoad(browser, form.findElement(By.id("save-task")));
        assertThat(browser.findElement(By.id("task-0")).getText()).contains("区民政局").doesNotContain("区卫生健康局");
        assertThat(browser.findElement(By.id("draft-corrected")).getText()).contains("1");

        // its target: 500 → 650; a value that is no number first, shown beside the field
        Browser.clickToLoad(browser, browser.findElement(By.cssSelector("#task-0 a.edit-task")));
        WebElement target = browser.findElement(By.id("target-0"));
        target.findElement(By.name("value")).clear();
        target.findElement(By.name("value")).sendKeys("六百五");
        Browser.clickToLoad(browser, target.findElement(By.cssSelector("button.save-target")));
        assertThat(browser.findElement(By.id("error-value")).getText()).contains("不是有效的值");
        target = browser.findElement(By.id("target-0"));
        assertThat(target.findElement(By.name("value")).getAttribute("value")).isEqualTo("六百五");
        target.findElement(By.name("value")).clear();
        target.findElement(By.name("value")).sendKeys("650");
        Browser.clickToLoad(browser, target.findElement(By.cssSelector("button.save-target")));
        assertThat(browser.findElement(By.id("target-0")).findElement(By.name("value")).getAttribute("value")).isEqualTo("650");
        assertThat(browser.findElement(By.id("corrections")).getText()).contains("import.correct.target", "≥ 650");
        screenshot("draft-task");
        browser.manage().window().setSize(new Dimension(390, 844));
        assertPhoneFits();
        screenshot("draft-task-phone");
        browser.manage().window().setSize(new Dimension(1366, 900));

        // task 2 deleted, a task 3 added
        browser.get(review);
        Browser.clickToLoad(browser, browser.findElement(By.cssSelector("#task-1 a.edit-task")));
        Browser.clickToLoad(browser, browser.findElement(By.id("delete-task")));
        assertThat(browser.findElement(By.id("tasks")).getText()).doesNotContain("建设露营营地");
        Browser.clickToLoad(browser, browser.findElement(By.id("add-task")));
        form = browser.findElement(By.id("task-form"));
        form.findElement(By.name("code")).sendKeys("3");
        form.findElement(By.name("title")).sendKeys("举办夜间文化活动");
        form.findElement(By.name("leadUnits")).sendKeys("区教育局");
        form.findElement(By.name("milestones")).sendKeys("2025-05 2025-09 举办夜间文化节");
        Browser.clickToLoad(browser, form.findElement(By.id("save-task")));
        assertThat(browser.findElement(By.id("task-1")).getText()).contains("举办夜间文化活动", "区教育局");
        assertThat(browser.findElements(By.id("problems"))).isEmpty();
        screenshot("draft-review");
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.executeScript("document.getElementById('tasks').scrollIntoView()");
        screenshot("draft-review-phone");
        browser.manage().window().setSize(new Dimension(1366, 900));

        // published as corrected
        Browser.clickToLoad(browser, browser.findElement(By.id("publish")));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("plan-tree")));
        String plan = browser.getCurrentUrl();
        browser.get(plan + "?expand=all");
        assertThat(browser.findElement(By.id("plan-tree")).getText()).contains("打造夜间消费街区", "举办夜间文化活动").doesNotContain("建设露营营地");
        Browser.clickToLoad(browser, browser.findElement(By.partialLinkText("打造夜间消费街区")));
        assertThat(browser.findElement(By.id("lead-units")).getText()).contains("区民政局");
        assertThat(browser.findElement(By.id("targets")).getText()).contains("650");

        // the published task edited: a new title and a co-unit; the page shows version 1 and the change in its history
        Browser.clickToLoad(browser, browser.findElement(By.id("task-edit")));
        assertThat(browser.findElement(By.id("version")).getText()).isEqualTo("第 0 版");
        form = browser.findElement(By.id("task-form"));
        form.findElement(By.name("title")).clear();
        form.findElement(By.name("title")).sendKeys("打造夜间消费特色街区");
        form.findElement(By.name("coUnits")).sendKeys("区卫健局");
        Browser.clickToLoad(browser, form.findElement(By.id("save-task")));
        assertThat(browser.findElement(By.id("version")).getText()).isEqualTo("第 1 版");
        assertThat(browser.findElement(By.id("history")).getText())
                .contains("修改任务", "office", "名称：打造夜间消费街区 → 打造夜间消费特色街区", "配合单位：（空） → 区卫生健康局");
        screenshot("published-task-edit");
        browser.manage().window().setSize(new Dimension(390, 844));
        assertPhoneFits();
        screenshot("published-task-edit-phone");
        browser.manage().window().setSize(new Dimension(1366, 900));
        Browser.clickToLoad(browser, browser.findElement(By.id("task-link")));
        assertThat(browser.findElement(By.id("task-title")).getText()).contains("打造夜间消费特色街区");
    }

    @Test
    void theOfficeTellsWhatAColumnHoldsAndTheDocumentIsReadAgain() throws Exception {
        browser.manage().window().setSize(new Dimension(1366, 900));
        signIn("office");
        uploadForReview("gongfu-columns-", "青溪区民生实事浏览器列含义测试表（2024—2025年）\n\n"
                + "序号 | 工作任务 | 牵头单位 | 协办科室 | 推进计划\n"
                + "1 | 新建社区食堂10家 | 区民政局 | 养老服务科 | 2024年9月底前\n"
                + "2 | 改造老旧小区5个 | 区民政局 | 城建科 | 2024年11月底前\n");
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(By.id("tables")));
        assertThat(browser.findElement(By.cssSelector("#task-0 td:nth-child(5)")).getText()).as("no milestones read").isEqualTo("0");

        WebElement tables = browser.findElement(By.id("tables"));
        assertThat(tables.getText()).contains("协办科室", "推进计划", "读出 2 行");
        new Select(tables.findElement(By.cssSelector("select[name$=':3']"))).selectByValue("CO_UNITS");
        new Select(tables.findElement(By.cssSelector("select[name$=':4']"))).selectByValue("DEADLINE");
        Browser.clickToLoad(browser, tables.findElement(By.id("reread")));
        assertThat(browser.findElement(By.cssSelector("#task-0 td:nth-child(5)")).getText()).as("the deadlines read").isEqualTo("1");
        tables = browser.findElement(By.id("tables"));
        assertThat(new Select(tables.findElement(By.cssSelector("select[name$=':4']"))).getFirstSelectedOption().getText()).isEqualTo("完成时限");
        assertThat(tables.findElements(By.cssSelector(".column-role.chosen"))).hasSize(2);
        // the co-operating section units are now units the review asks about
        assertThat(browser.findElement(By.id("units")).getText()).contains("养老服务科", "城建科");
        browser.executeScript("document.getElementById('tables').scrollIntoView()");
        screenshot("draft-columns");
        browser.manage().window().setSize(new Dimension(390, 844));
        assertPhoneFits();
        browser.executeScript("document.getElementById('tables').scrollIntoView()");
        screenshot("draft-columns-phone");
        browser.manage().window().setSize(new Dimension(1366, 900));

        // and back to the reader's judgement
        Browser.clickToLoad(browser, browser.findElement(By.id("reset-columns")));
        assertThat(browser.findElement(By.cssSelector("#task-0 td:nth-child(5)")).getText()).isEqualTo("0");
        assertThat(browser.findElements(By.cssSelector("#tables .column-role.chosen"))).isEmpty();
    }
}
