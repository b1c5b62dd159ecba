package cn.gongfu.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongfu.support.Browser;
import cn.gongfu.support.BrowserTest;
import cn.gongfu.support.DemoFacts;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 14, "The status picture must be true", on the demo: the 45 tasks show a true mix of statuses, the
 * degree says what it rests on, and no page shows a raw map, a long decimal, a formula or a months-offset axis.
 * Screenshots at 1366 and 390 px wide go to docs/screenshots (status-*.png).
 */
class StatusPictureBrowserTest extends BrowserTest {

    /** What a page must never show: a Java map, a float's tail, the method's formulas, the old months axis, a negative percent. */
    static final Pattern RAW = Pattern.compile(
            "\\{[A-Z_]+=|\\d\\.\\d{5,}|Σ|w_i|Z_i|done \\? 1|min\\(|\\+月|months from|[-−]\\d+(\\.\\d+)?%");

    @Autowired
    JdbcClient jdbc;

    private void drawn(WebDriverWait wait, String id) {
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#" + id + " svg path")));
    }

    private static String text() {
        return browser.findElement(By.tagName("main")).getText();
    }

    private static void noRawText(String page) {
        assertThat(RAW.matcher(text()).results().map(m -> m.group()).toList()).as("raw text on " + page).isEmpty();
    }

    @Test
    void theDemoShowsATrueStatusPictureInWords() throws Exception {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        long plan = DemoFacts.demoPlanId(jdbc);
        Browser.signIn(browser, port, "leader");
        browser.manage().window().setSize(new Dimension(1366, 900));

        // tasks: a 2021–2025 plan is read as of its last month; tasks with nothing due are never lagging
        browser.get(url("/dashboard/tasks?plan=" + plan));
        drawn(wait, "gantt-chart");
        assertThat(text()).contains("截至 2025-12", "方案已于 2025 结束");
        List<WebElement> rows = browser.findElements(By.cssSelector("#task-status tbody tr"));
        assertThat(rows).hasSize(45);
        List<String> statuses = rows.stream().map(r -> r.findElement(By.cssSelector(".status")).getText()).toList();
        assertThat(statuses).contains("已实现", "进度正常", "滞后", "严重滞后");
        assertThat(statuses.stream().filter("严重滞后"::equals).count()).isLessThan(10);
        for (WebElement row : rows) {
            if (row.getText().contains("暂无到期节点")) {
                assertThat(row.findElement(By.cssSelector(".status")).getText()).as(row.getText()).isIn("进度正常", "未开始");
            }
        }
        assertThat(browser.findElement(By.id("gantt-chart")).getText()).contains("评价月份 2025-12", "2023", "2024");
        noRawText("tasks");
        screenshot("status-tasks");

        // the month chooser: mid-2022 the later milestones' tasks have not started
        // the month field's typing order follows the browser's locale; setting its value is what a pick does
        browser.executeScript("arguments[0].value = '2022-06'", browser.findElement(By.cssSelector("#month-choice input[name=month]")));
        Browser.clickToLoad(browser, browser.findElement(By.cssSelector("#month-choice button")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "截至 2022-06"));
        assertThat(browser.findElements(By.cssSelector("#task-status .status")).stream().map(WebElement::getText))
                .contains("未开始", "进度正常");

        // overview: the degree with its coverage, bounded progress with the raw figures in a tooltip
        browser.get(url("/dashboard?plan=" + plan));
        drawn(wait, "gauge-chart");
        assertThat(browser.findElement(By.id("coverage")).getText()).matches("基于 51 项指标中的 \\d+ 项");
        WebElement regressing = browser.findElements(By.cssSelector("#all-indicators tbody tr")).stream()
                .filter(r -> r.getText().contains("人均预期寿命")).findFirst().orElseThrow();
        WebElement progress = regressing.findElement(By.cssSelector("td.progress"));
        assertThat(progress.getText()).isEqualTo("倒退");
        assertThat(progress.getAttribute("title")).contains("81.66", "81.41", "82");
        WebElement held = browser.findElements(By.cssSelector("#all-indicators tbody tr")).stream()
                .filter(r -> r.getText().contains("婴儿死亡率")).findFirst().orElseThrow();
        assertThat(held.getText()).contains("100%", "已实现");
        noRawText("overview");
        screenshot("status-overview");

        browser.get(url("/dashboard/units?plan=" + plan));
        drawn(wait, "ranking-department");
        assertThat(text()).contains("指标达成", "节点按时");
        noRawText("units");
        screenshot("status-units");

        browser.get(url("/dashboard/indicators/" + indicatorId("人均预期寿命") + "?plan=" + plan));
        drawn(wait, "trajectory-chart");
        assertThat(browser.findElement(By.id("indicator-progress")).getText()).isEqualTo("倒退");
        noRawText("indicator");

        // English: the same words translated
        browser.get(url("/dashboard/tasks?plan=" + plan + "&lang=en"));
        drawn(wait, "gantt-chart");
        assertThat(browser.findElements(By.cssSelector("#task-status .status")).stream().map(WebElement::getText))
                .contains("Achieved", "On track");
        noRawText("tasks, English");
        browser.get(url("/dashboard?plan=" + plan + "&lang=zh-CN"));

        // a phone
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.get(url("/dashboard?plan=" + plan));
        drawn(wait, "gauge-chart");
        assertThat(browser.findElement(By.id("coverage")).getText()).startsWith("基于 51 项指标中的");
        screenshot("status-overview-phone");
        browser.get(url("/dashboard/tasks?plan=" + plan));
        drawn(wait, "gantt-chart");
        screenshot("status-tasks-phone");
    }

    private long indicatorId(String name) {
        return jdbc.sql("select id from indicator where name = :n and region_code = :r").param("n", name)
                .param("r", DemoFacts.DEMO_REGION).query(Long.class).single();
    }
}
