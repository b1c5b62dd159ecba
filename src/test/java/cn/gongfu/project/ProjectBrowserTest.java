package cn.gongfu.project;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongfu.support.Accessibility;
import cn.gongfu.support.Browser;
import cn.gongfu.support.BrowserTest;
import cn.gongfu.support.DemoFacts;
import cn.gongfu.support.MovableClock;
import java.time.LocalDateTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The project list and a project's page as the office reads them on 2026-12-10 (statuses as of November), on a 1366-px
 * screen and a 390-px phone, each meeting WCAG 2.1 AA by axe-core and fitting the phone (screenshots projects-*.png in
 * docs/screenshots); then the health bureau's reporter fills in December's report of one of its projects.
 */
class ProjectBrowserTest extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MovableClock clock;

    @AfterEach
    void reset() {
        clock.reset();
        browser.manage().window().setSize(new Dimension(1280, 900));
    }

    @Test
    void theOfficeReadsTheProjectListAndAProjectAndAUnitReportsItsMonth() throws Exception {
        clock.moveTo(LocalDateTime.of(2026, 12, 10, 9, 0));
        long plan = DemoFacts.demoPlanId(jdbc);
        signIn("office");
        browser.manage().window().setSize(new Dimension(1366, 900));
        browser.get(url("/projects?plan=" + plan + "&month=2026-11"));
        assertThat(browser.findElement(By.id("nav-projects")).getAttribute("aria-current")).isEqualTo("page");
        assertThat(browser.findElements(By.cssSelector("#project-list tbody tr"))).hasSizeGreaterThanOrEqualTo(7);
        assertThat(browser.findElement(By.id("project-list")).getText()).contains("松原镇未来乡村示范片区", "滞后", "未开工", "已完成");
        assertThat(browser.findElement(By.id("totals-unit")).getText()).contains("区卫生健康局", "合计");
        assertThat(browser.findElement(By.id("totals-region")).getText()).contains("白沙镇");
        Accessibility.assertMeetsWcag21AA(browser, "/projects at 1366 px");
        browser.manage().window().setSize(new Dimension(1366, 1600));
        screenshot("projects-list");
        browser.manage().window().setSize(new Dimension(390, 844));
        assertPhoneFits();
        Accessibility.assertMeetsWcag21AA(browser, "/projects at 390 px");
        screenshot("projects-list-phone");

        browser.manage().window().setSize(new Dimension(1366, 900));
        Browser.clickToLoad(browser, browser.findElement(By.linkText("松原镇未来乡村示范片区")));
        assertThat(browser.findElement(By.cssSelector("h1")).getText()).contains("松原镇未来乡村示范片区", "滞后");
        assertThat(browser.findElement(By.id("status-reason")).getText()).contains("13.5", "10 个百分点");
        assertThat(browser.findElement(By.id("milestone-list")).getText()).contains("村庄风貌整治完成", "2026-07-15");
        assertThat(browser.findElements(By.cssSelector("#report-list tbody tr"))).hasSize(10);
        assertThat(browser.findElements(By.id("report-form"))).as("the office does not report").isEmpty();
        Accessibility.assertMeetsWcag21AA(browser, "a project at 1366 px");
        browser.manage().window().setSize(new Dimension(1366, 1700));
        screenshot("projects-page");
        browser.manage().window().setSize(new Dimension(390, 844));
        assertPhoneFits();
        Accessibility.assertMeetsWcag21AA(browser, "a project at 390 px");
        screenshot("projects-page-phone");

        // the health bureau's reporter reports December for one of its projects
        browser.manage().window().setSize(new Dimension(1366, 900));
        long id = jdbc.sql("select id from project where name = '白沙镇社区卫生服务中心提升改造'").query(Long.class).single();
        signIn("reporter");
        browser.get(url("/projects/" + id));
        WebElement form = browser.findElement(By.id("report-form"));
        assertThat(form.findElement(By.name("period")).getAttribute("value")).as("November is accepted: December").isEqualTo("2026-12");
        WebElement month = form.findElement(By.name("completedMonth"));
        month.clear();
        month.sendKeys("400");
        WebElement percent = form.findElement(By.name("percent"));
        percent.clear();
        percent.sendKeys("92");
        Browser.clickToLoad(browser, browser.findElement(By.id("save-report")));
        assertThat(browser.findElement(By.id("report-2026-12")).getText()).contains("400.00", "92%", "待审核");
        Accessibility.assertMeetsWcag21AA(browser, "a project as its unit at 1366 px");
    }
}
