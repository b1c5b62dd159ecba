package cn.gongfu.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongfu.support.Browser;
import cn.gongfu.support.BrowserTest;
import cn.gongfu.support.Notices;
import java.time.Clock;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The board 督办台 in a real browser, as the demo's office sees it once today's warnings are computed: counts, the
 * overdue reports with their level and light, 一键催办 pressed once, the overdue milestones with their lights; on a
 * 1366-px screen and a 390-px phone (no sideways scrolling of the page), and the light on a task's page with its word.
 */
class SupervisionBrowserTest extends BrowserTest {

    @Autowired JdbcClient jdbc;
    @Autowired Warnings warnings;
    @Autowired Clock clock;

    @AfterEach
    void putTheDemoBack() {
        Notices.awaitDelivered(jdbc);
        jdbc.sql("delete from notification where dedup_key like 'warning:%' or dedup_key like 'urge:%'").update();
        jdbc.sql("delete from warning").update();
        jdbc.sql("delete from urge").update();
        browser.manage().window().setSize(new Dimension(1280, 900));
    }

    @Test
    void theOfficeSeesTheBoardUrgesAnItemAndSeesTheLightOnTheTask() throws Exception {
        warnings.compute(LocalDate.now(clock));
        signIn("office");
        browser.manage().window().setSize(new Dimension(1366, 900));
        browser.get(url("/supervision"));
        assertThat(browser.findElement(By.id("nav-supervision")).getAttribute("class")).contains("active");
        assertThat(browser.findElements(By.cssSelector("#board-counts li"))).hasSize(6);
        assertThat(browser.findElements(By.cssSelector("#overdue-reports tbody tr"))).isNotEmpty();
        WebElement light = browser.findElement(By.cssSelector("#overdue-milestones .light"));
        assertThat(light.getText()).isIn("黄灯", "橙灯", "红灯");
        screenshot("supervision-board");

        WebElement urge = browser.findElement(By.cssSelector("#overdue-reports form.urge button"));
        Browser.clickToLoad(browser, urge);
        assertThat(browser.findElement(By.id("urged")).getText()).isEqualTo("已催办，相关单位已收到提醒");
        assertThat(browser.findElements(By.cssSelector("#overdue-reports .urged"))).as("the row says it was urged today").hasSize(1);

        browser.manage().window().setSize(new Dimension(390, 844));
        browser.get(url("/supervision"));
        Number page = (Number) browser.executeScript("return document.documentElement.scrollWidth");
        Number view = (Number) browser.executeScript("return window.innerWidth");
        assertThat(page.intValue()).as("no sideways scrolling on a phone").isLessThanOrEqualTo(view.intValue());
        screenshot("supervision-board-phone");

        browser.manage().window().setSize(new Dimension(1366, 900));
        long task = jdbc.sql("select min(m.task_id) from warning w join milestone m on m.id = w.item_id where w.item_kind = 'milestone'")
                .query(Long.class).single();
        browser.get(url("/tasks/" + task));
        WebElement taskLight = browser.findElement(By.cssSelector(".meta .light"));
        assertThat(taskLight.getText()).isIn("黄灯", "橙灯", "红灯");
        assertThat(taskLight.getAttribute("title")).isNotBlank();
        assertThat(browser.findElements(By.cssSelector("#milestones .light"))).isNotEmpty();
        screenshot("supervision-task-light");
    }
}
