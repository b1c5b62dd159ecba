package cn.gongfu.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongfu.support.Browser;
import cn.gongfu.support.BrowserTest;
import cn.gongfu.support.DemoFacts;
import java.time.Duration;
import java.time.Year;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Each dashboard opened in chromium, checking what is drawn; screenshots are kept in docs/screenshots.
 */
class DashboardBrowserTest extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    /** Waits until ECharts has drawn inside the element: an svg with shapes. */
    private void drawn(WebDriverWait wait, String id) {
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#" + id + " svg path")));
    }

    @Test
    void theOfficeReadsEveryDashboardAndPublishesARanking() throws Exception {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        long plan = DemoFacts.demoPlanId(jdbc);
        Browser.signIn(browser, port, "office");
        browser.manage().window().setSize(new Dimension(1280, 1400));

        browser.get(url("/dashboard?plan=" + plan));
        drawn(wait, "gauge-chart");
        drawn(wait, "radar-chart");
        drawn(wait, "status-chart");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("评价总览");
        assertThat(browser.findElement(By.id("gauge-chart")).getText()).contains("%");
        assertThat(browser.findElements(By.cssSelector("#all-indicators tbody tr"))).hasSizeGreaterThan(20);
        assertThat(browser.findElements(By.cssSelector("#lagging tbody tr"))).isNotEmpty();
        assertThat(browser.findElements(By.cssSelector("#contributions tbody tr"))).isNotEmpty();
        screenshot("dashboard-overview");

        // drill down: the most lagging indicator, its trajectory and status history
        String name = browser.findElement(By.cssSelector("#lagging tbody tr a")).getText();
        Browser.click(browser, browser.findElement(By.cssSelector("#lagging tbody tr a")));
        drawn(wait, "trajectory-chart");
        assertThat(browser.findElement(By.id("indicator-name")).getText()).isEqualTo(name);
        assertThat(browser.findElement(By.id("indicator-status")).getText()).isIn("滞后", "严重滞后", "倒退");
        assertThat(browser.findElements(By.cssSelector("#status-history tbody tr"))).isNotEmpty();
        screenshot("dashboard-indicator");

        browser.get(url("/dashboard/tasks?plan=" + plan));
        drawn(wait, "gantt-chart");
        assertThat(browser.findElement(By.id("gantt-chart")).getText()).contains("评价月份 2025-12");
        assertThat(browser.findElements(By.cssSelector("#task-status tbody tr"))).hasSizeGreaterThan(30);
        screenshot("dashboard-tasks");

        browser.get(url("/dashboard/units?plan=" + plan));
        drawn(wait, "ranking-department");
        assertThat(browser.findElement(By.id("group-department")).getText()).contains("区卫生健康局");
        String period = String.valueOf(Year.now().getValue() - 1);
        browser.findElement(By.cssSelector("#publish-ranking input[name=period]")).clear();
        browser.findElement(By.cssSelector("#publish-ranking input[name=period]")).sendKeys(period);
        Browser.clickToLoad(browser, browser.findElement(By.cssSelector("#publish-ranking button")));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".notice")));
        assertThat(browser.getPageSource()).contains(period + " · 部门");
        screenshot("dashboard-units");

        browser.get(url("/dashboard/regions?plan=" + plan));
        drawn(wait, "regions-chart");
        assertThat(browser.findElement(By.id("regions-table")).getText()).contains("青溪街道", "松原镇");
        screenshot("dashboard-regions");

        // the public sees the published evaluation and ranking without signing in
        browser.manage().deleteAllCookies();
        browser.get(url("/public?plan=" + plan));
        drawn(wait, "gauge-chart");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(jdbc.sql("select title from plan where id = :p")
                .param("p", plan).query(String.class).single());
        assertThat(browser.findElements(By.id("nav-dashboard"))).as("no internal links for the public").isEmpty();
        screenshot("dashboard-public");
        Browser.clickToLoad(browser, browser.findElement(By.id("public-tab-rankings")));
        assertThat(browser.findElement(By.id("public-rankings")).getText()).contains(period, "区卫生健康局");
    }
}
