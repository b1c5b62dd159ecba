package cn.gongfu.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongfu.support.Browser;
import cn.gongfu.support.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;

/**
 * Issue 14, 工作台: every role lands on its own page after signing in — the reporter's 待办 with 开始填报 in reach on a
 * phone, the unit head's approvals, the office's queue and warnings, the leader's one screen with what changed since
 * the last visit. Screenshots at 1366 and 390 px.
 */
class WorkbenchBrowserTest extends BrowserTest {

    @Test
    void theReporterLandsOnWhatIsOwedWithTheActionInReachOnAPhone() throws Exception {
        browser.manage().window().setSize(new Dimension(1366, 900));
        signIn("reporter");
        assertThat(browser.getCurrentUrl()).endsWith("/workbench");
        WebElement duties = browser.findElement(By.id("duties"));
        assertThat(duties.getText()).contains("我的待办", "区卫生健康局");
        assertThat(browser.findElements(By.id("office-queue"))).as("the office's queue is not the reporter's").isEmpty();
        assertThat(browser.findElements(By.id("approvals"))).isEmpty();
        screenshot("workbench-reporter");

        browser.manage().window().setSize(new Dimension(390, 844));
        browser.navigate().refresh();
        assertPhoneFits();
        WebElement action = browser.findElement(By.cssSelector("#duties .duty-action"));
        Number bottom = (Number) browser.executeScript("return arguments[0].getBoundingClientRect().bottom", action);
        Number height = (Number) browser.executeScript("return window.innerHeight");
        assertThat(bottom.doubleValue()).as("the first duty's action is on the first screen of a phone").isLessThan(height.doubleValue());
        screenshot("workbench-reporter-phone");
        browser.manage().window().setSize(new Dimension(1366, 900));

        // one tap: the report form
        Browser.clickToLoad(browser, browser.findElement(By.cssSelector("#duties .duty-action button, #duties a.duty-action")));
        assertThat(browser.getCurrentUrl()).matches(".*/reports/\\d+$");
    }

    @Test
    void theUnitHeadSeesWhatWaitsForApproval() throws Exception {
        browser.manage().window().setSize(new Dimension(1366, 900));
        signIn("head");
        assertThat(browser.getCurrentUrl()).endsWith("/workbench");
        assertThat(browser.findElement(By.id("approvals")).getText()).contains("待我审批和报送");
        assertThat(browser.findElements(By.id("duties"))).hasSize(1);
    }

    @Test
    void theOfficeSeesItsQueueWarningsAndThePlan() throws Exception {
        browser.manage().window().setSize(new Dimension(1366, 900));
        signIn("office");
        assertThat(browser.getCurrentUrl()).endsWith("/workbench");
        assertThat(browser.findElement(By.id("office-queue")).getText()).contains("待审核的报告");
        assertThat(browser.findElement(By.id("warnings")).getText()).contains("红灯", "逾期未报");
        assertThat(browser.findElement(By.id("summary")).getText()).contains("实现度");
        assertThat(browser.findElements(By.id("duties"))).isEmpty();
        screenshot("workbench-office");
    }

    @Test
    void theLeaderReadsThePlanOnOneScreenAndWhatChangedSinceTheLastVisit() throws Exception {
        browser.manage().window().setSize(new Dimension(1366, 900));
        signIn("leader");
        assertThat(browser.getCurrentUrl()).endsWith("/workbench");
        WebElement summary = browser.findElement(By.id("summary"));
        assertThat(summary.findElement(By.id("degree")).getText()).matches("(?s)\\d+\\.\\d%.*实现度.*基于 \\d+ 项指标中有数据的 \\d+ 项.*");
        assertThat(summary.findElements(By.cssSelector(".worst li")).size()).isBetween(0, 5);
        assertThat(browser.findElement(By.id("warnings")).getText()).contains("红灯");
        // the first look of this test's run, or a later one: either says so in words
        assertThat(browser.findElement(By.id("since")).getText()).containsAnyOf("第一次查看", "自上次查看");
        browser.navigate().refresh();
        assertThat(browser.findElement(By.id("since")).getText()).contains("自上次查看");
        assertThat(browser.getPageSource()).doesNotContain("SERIOUSLY_LAGGING", "NO_DATA");
        screenshot("workbench-leader");
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.navigate().refresh();
        assertPhoneFits();
        screenshot("workbench-leader-phone");
    }
}
