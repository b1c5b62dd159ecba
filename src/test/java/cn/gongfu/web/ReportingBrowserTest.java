package cn.gongfu.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongfu.support.Browser;
import cn.gongfu.support.BrowserTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A reporter fills and sends a report, the unit head approves it, the office accepts it: all in the browser. */
class ReportingBrowserTest extends BrowserTest {

    @Test
    void aReportIsFilledApprovedSubmittedAndAccepted() {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));

        // the reporter sees what is owed and starts the 2026Q1 report
        Browser.signIn(browser, port, "reporter");
        browser.get(url("/reports"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("我的填报");
        assertThat(browser.findElement(By.id("obligations")).getText()).contains("区卫生健康局", "2026Q1", "已逾期");
        browser.findElement(By.id("start-2026Q1")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("report-title"), "区卫生健康局 · 2026Q1"));
        String reportUrl = browser.getCurrentUrl();

        WebElement task = browser.findElement(By.cssSelector(".report-task"));
        new Select(task.findElement(By.cssSelector("select[name$='.progress']"))).selectByValue("in_progress");
        task.findElement(By.cssSelector("input[name$='.percentDone']")).clear();
        task.findElement(By.cssSelector("input[name$='.percentDone']")).sendKeys("55");
        task.findElement(By.cssSelector("textarea[name$='.narrative']")).sendKeys("托育综合服务中心主体完工，完成投资 55%");
        Browser.click(browser, task.findElement(By.cssSelector("button.save-blocks")));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("saved")));
        assertThat(browser.findElement(By.cssSelector(".report-task textarea[name$='.narrative']")).getText())
                .isEqualTo("托育综合服务中心主体完工，完成投资 55%");
        assertThat(browser.findElement(By.id("history")).getText()).contains("reporter", "task_report.save");
        Browser.click(browser, browser.findElement(By.id("request-approval")));
        // the page before had a #saved notice too: wait for the reloaded page's state, not for a notice that may be the old one
        wait.until(ExpectedConditions.textToBe(By.id("report-state"), "待审批"));
        assertThat(browser.findElement(By.id("saved")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.id("report-state")).getText()).as("the state shown is the state").isEqualTo("待审批");

        // the unit head finds the request among the messages and approves
        Browser.signIn(browser, port, "head");
        browser.get(url("/notifications"));
        // notices are written by an asynchronous listener after the step commits: reload until it has
        WebElement message = wait.until(d -> {
            var links = d.findElements(By.partialLinkText("2026Q1 填报待您审批"));
            if (links.isEmpty()) d.navigate().refresh();
            return links.isEmpty() ? null : links.get(0);
        });
        message.click();
        Browser.click(browser, wait.until(ExpectedConditions.presenceOfElementLocated(By.id("approve"))));
        wait.until(ExpectedConditions.textToBe(By.id("report-state"), "已批准"));

        // the reporter sends it to the office
        Browser.signIn(browser, port, "reporter");
        browser.get(reportUrl);
        Browser.click(browser, browser.findElement(By.id("submit-report")));
        wait.until(ExpectedConditions.textToBe(By.id("report-state"), "已报送"));
        assertThat(browser.findElements(By.cssSelector(".report-task button[type=submit]"))).as("locked once submitted").isEmpty();
        assertThat(browser.findElements(By.id("workbook-upload"))).as("no upload once submitted").isEmpty();
        assertThat(browser.findElements(By.id("workbook-download"))).as("the template still downloads").hasSize(1);

        // the office accepts it from the review queue
        Browser.signIn(browser, port, "office");
        browser.get(url("/reports/queue"));
        String id = reportUrl.substring(reportUrl.lastIndexOf('/') + 1);
        Browser.click(browser, browser.findElement(By.cssSelector("#bulk-accept input[name=ids][value='" + id + "']")));
        Browser.click(browser, browser.findElement(By.id("accept-selected")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice"), "已审核通过 1 份"));
        browser.get(reportUrl);
        assertThat(browser.findElement(By.id("report-state")).getText()).isEqualTo("已通过");
        assertThat(browser.findElement(By.id("history")).getText()).contains("office submission.accept", "head submission.approve");
    }

    /** The demo's 2025 values were accepted outside any report: the 2025Q4 form shows them read-only and says why. */
    @Test
    void acceptedValuesAreShownReadOnlyOnTheForm() throws Exception {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        Browser.signIn(browser, port, "reporter");
        browser.get(url("/reports"));
        // begun already when another test of this context got there first
        WebElement row = browser.findElements(By.cssSelector("#obligations tbody tr")).stream()
                .filter(r -> r.findElement(By.tagName("td")).getText().equals("2025Q4")).findFirst().orElseThrow();
        List<WebElement> start = row.findElements(By.cssSelector("button[type=submit]"));
        Browser.click(browser, start.isEmpty() ? row.findElement(By.tagName("a")) : start.get(0));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("report-title"), "区卫生健康局 · 2025Q4"));
        // other tests of this context may have reported some of these values through this report; the rest are held
        List<WebElement> held = browser.findElements(By.cssSelector("#values tbody tr")).stream()
                .filter(r -> !r.findElements(By.cssSelector(".held")).isEmpty()).toList();
        assertThat(held).isNotEmpty();
        for (WebElement heldRow : held) {
            WebElement value = heldRow.findElement(By.cssSelector("input[name=value]"));
            assertThat(value.isEnabled()).as("read-only").isFalse();
            assertThat(value.getDomProperty("value")).as("pre-filled").isNotEmpty();
            assertThat(heldRow.findElements(By.cssSelector("button[type=submit]"))).as("no save button").isEmpty();
            assertThat(heldRow.findElement(By.cssSelector(".held")).getText()).contains("已审核通过的数据，此处只读");
        }
        browser.manage().window().setSize(new Dimension(1366, 1000));
        browser.executeScript("document.getElementById('values').scrollIntoView()");
        screenshot("report-held-values");
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.executeScript("document.getElementById('values').scrollIntoView()");
        assertThat((Long) browser.executeScript("return document.documentElement.scrollWidth")).as("no sideways scrolling")
                .isLessThanOrEqualTo(390L);
        screenshot("report-held-values-phone");
    }
}
