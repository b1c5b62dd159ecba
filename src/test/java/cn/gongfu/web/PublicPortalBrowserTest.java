package cn.gongfu.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongfu.support.Accessibility;
import cn.gongfu.support.Browser;
import cn.gongfu.support.BrowserTest;
import cn.gongfu.support.DemoFacts;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The public portal as the public reads it, without signing in, on a 1366-px screen and a 390-px phone: every page of
 * the demo plan's portal meets WCAG 2.1 AA by axe-core at both widths, fits the phone, and is walked by keyboard
 * (each link reached by Tab shows where the focus is). Screenshots public-*.png in docs/screenshots.
 */
class PublicPortalBrowserTest extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyPageOfThePortalReadsOnAScreenAndAPhoneAndMeetsWcag21AA() throws Exception {
        long plan = DemoFacts.demoPlanId(jdbc);
        long task = jdbc.sql("select id from task where plan_id = :p order by position fetch first 1 rows only").param("p", plan)
                .query(Long.class).single();
        long indicator = jdbc.sql("""
                select min(t.indicator_id) from target t where t.plan_id = :p and exists (select 1 from observation o
                where o.indicator_id = t.indicator_id and o.state = 'approved')""").param("p", plan).query(Long.class).single();
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("public", "/public");
        pages.put("public-plan", "/public/plans/" + plan);
        pages.put("public-tasks", "/public/plans/" + plan + "/tasks");
        pages.put("public-task", "/public/plans/" + plan + "/tasks/" + task);
        pages.put("public-indicators", "/public/plans/" + plan + "/indicators");
        pages.put("public-indicator", "/public/plans/" + plan + "/indicators/" + indicator);
        pages.put("public-rankings", "/public/plans/" + plan + "/rankings");
        pages.put("public-bulletins", "/public/plans/" + plan + "/bulletins");
        browser.manage().deleteAllCookies();
        browser.manage().window().setSize(new Dimension(1366, 900));
        for (var page : pages.entrySet()) {
            browser.get(url(page.getValue()));
            chartsDrawn();
            assertThat(browser.findElements(By.id("nav-dashboard"))).as("no internal navigation for the public").isEmpty();
            Accessibility.assertMeetsWcag21AA(browser, page.getValue() + " at 1366 px");
            screenshot(page.getKey());
            browser.manage().window().setSize(new Dimension(390, 844));
            chartsDrawn();
            assertPhoneFits();
            Accessibility.assertMeetsWcag21AA(browser, page.getValue() + " at 390 px");
            screenshot(page.getKey() + "-phone");
            browser.manage().window().setSize(new Dimension(1366, 900));
        }
    }

    @Test
    void theTasksAreReachedByKeyboardWithTheFocusShown() throws Exception {
        long plan = DemoFacts.demoPlanId(jdbc);
        browser.manage().deleteAllCookies();
        browser.manage().window().setSize(new Dimension(1366, 900));
        browser.get(url("/public/plans/" + plan));
        // Tab through the page until the tasks tab has the focus, then Enter opens it
        WebElement tasksTab = browser.findElement(By.id("public-tab-tasks"));
        for (int i = 0; i < 30 && !tasksTab.equals(browser.switchTo().activeElement()); i++) {
            new Actions(browser).sendKeys(Keys.TAB).perform();
        }
        assertThat(browser.switchTo().activeElement()).as("the tasks tab is reached by Tab").isEqualTo(tasksTab);
        assertThat(browser.executeScript("return getComputedStyle(arguments[0]).outlineStyle", tasksTab))
                .as("the focus is shown").isNotEqualTo("none");
        new Actions(browser).sendKeys(Keys.ENTER).perform();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/tasks"));
        // the filter is a labelled form: typing a word and Enter narrows the list
        WebElement q = browser.findElement(By.cssSelector("#public-filter input[name=q]"));
        q.sendKeys("托育");
        Browser.clickToLoad(browser, browser.findElement(By.cssSelector("#public-filter button")));
        assertThat(browser.findElement(By.id("public-task-count")).getText()).startsWith("共 ");
        long withTheWord = jdbc.sql("select count(*) from task where plan_id = :p and (title like '%托育%' or body like '%托育%')")
                .param("p", plan).query(Long.class).single();
        assertThat(withTheWord).as("the demo has tasks about 托育").isPositive();
        assertThat(browser.findElements(By.cssSelector(".public-tasks li"))).hasSize((int) withTheWord);
    }
}
