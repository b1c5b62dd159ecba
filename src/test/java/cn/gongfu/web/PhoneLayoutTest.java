package cn.gongfu.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongfu.support.BrowserTest;
import cn.gongfu.support.DemoFacts;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** On a phone-sized window (390 × 844) the main pages fit the width: nothing scrolls sideways but wide tables. */
class PhoneLayoutTest extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void mainPagesFitAPhone() throws Exception {
        long plan = DemoFacts.demoPlanId(jdbc);
        long task = jdbc.sql("select min(id) from task where plan_id = :p").param("p", plan).query(Long.class).single();
        signIn("reporter");
        browser.manage().window().setSize(new Dimension(390, 844));
        for (String path : List.of("/plans", "/plans/" + plan + "?expand=all", "/tasks/" + task, "/reports", "/dashboard?plan=" + plan, "/account")) {
            browser.get(url(path));
            long page = (Long) browser.executeScript("return document.documentElement.scrollWidth;");
            long window = (Long) browser.executeScript("return window.innerWidth;");
            assertThat(page).as(path + " is no wider than the phone").isLessThanOrEqualTo(window);
            assertThat(browser.findElement(By.tagName("h1")).isDisplayed()).isTrue();
        }
        browser.get(url("/plans/" + plan + "?expand=all"));
        screenshot("phone-plan");
        // the header, several lines on a phone, scrolls away with the page instead of staying over it
        browser.executeScript("window.scrollTo(0, 600);");
        Number headerBottom = (Number) browser.executeScript("return document.querySelector('header.top').getBoundingClientRect().bottom;");
        assertThat(headerBottom.doubleValue()).as("header bottom after scrolling").isLessThanOrEqualTo(0);
        browser.manage().window().setSize(new Dimension(1280, 900));
    }
}
