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
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A supervision order (督办单) in a real browser: the office fills in the form and lands on the order with its number
 * and grade; the health bureau's reporter finds it in the list and answers it; the office sees the answer on the
 * timeline and closes it (销号). The list and the order on a 1366-px screen and a 390-px phone, with no sideways
 * scrolling of the page.
 */
class ItemsBrowserTest extends BrowserTest {

    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;

    @AfterEach
    void putTheDemoBack() {
        Notices.awaitDelivered(jdbc);
        jdbc.sql("delete from notification where dedup_key like 'item%'").update();
        jdbc.sql("delete from supervised_item where title like '浏览器测试%'").update();
        browser.manage().window().setSize(new Dimension(1280, 900));
    }

    @Test
    void theOfficeSendsAnOrderTheUnitAnswersAndTheOfficeClosesIt() throws Exception {
        String unit = "区卫生健康局";
        signIn("office");
        browser.manage().window().setSize(new Dimension(1366, 900));
        browser.get(url("/supervision/items"));
        Browser.clickToLoad(browser, browser.findElement(By.id("new-order")));
        WebElement form = browser.findElement(By.id("item-form"));
        new Select(form.findElement(By.name("unit"))).selectByVisibleText(unit);
        form.findElement(By.name("title")).sendKeys("浏览器测试：每千人口床位数进展滞后");
        form.findElement(By.name("body")).sendKeys("请于期限内报送整改措施和时间表。");
        new Select(form.findElement(By.name("grade"))).selectByVisibleText("黄色督办");
        String deadline = LocalDate.now(clock).plusDays(10).toString();
        browser.executeScript("arguments[0].value = arguments[1]", form.findElement(By.name("deadline")), deadline);
        Browser.clickToLoad(browser, browser.findElement(By.id("item-submit")));

        String number = browser.findElement(By.id("item-number")).getText();
        assertThat(number).matches(".*共富督〔\\d{4}〕\\d+号.*");
        assertThat(browser.findElement(By.id("item-grade")).getText()).contains("黄色督办");
        assertThat(browser.findElement(By.id("item-unit")).getText()).contains(unit);
        assertThat(browser.findElement(By.id("item-docx")).getAttribute("href")).endsWith("/docx");
        String itemUrl = browser.getCurrentUrl();

        // raised to orange before any answer
        WebElement raise = browser.findElement(By.id("raise-form"));
        new Select(raise.findElement(By.name("grade"))).selectByVisibleText("橙色督办");
        Browser.clickToLoad(browser, raise.findElement(By.cssSelector("button[type=submit]")));
        assertThat(browser.findElement(By.id("item-grade")).getText()).contains("橙色督办");
        screenshot("supervision-order");

        // the unit's reporter finds it in the list and answers
        signIn("reporter");
        browser.get(url("/supervision/items"));
        assertThat(browser.findElement(By.id("items")).getText()).contains("浏览器测试：每千人口床位数进展滞后");
        browser.manage().window().setSize(new Dimension(390, 844));
        assertNoSidewaysScroll();
        screenshot("supervision-items-phone");
        browser.get(itemUrl);
        WebElement answer = browser.findElement(By.id("answer-form"));
        answer.findElement(By.name("text")).sendKeys("已制定整改方案，新增床位 120 张，6 月底前投用。");
        Browser.clickToLoad(browser, answer.findElement(By.cssSelector("button[type=submit]")));
        assertThat(browser.findElement(By.id("item-state")).getText()).contains("已回复");
        assertNoSidewaysScroll();
        screenshot("supervision-order-phone");

        // the office sees the answer on the timeline and closes the order
        signIn("office");
        browser.manage().window().setSize(new Dimension(1366, 900));
        browser.get(itemUrl);
        assertThat(browser.findElement(By.id("item-timeline")).getText()).contains("新增床位 120 张");
        WebElement close = browser.findElement(By.id("close-form"));
        Browser.clickToLoad(browser, close.findElement(By.cssSelector("button[type=submit]")));
        assertThat(browser.findElement(By.id("item-state")).getText()).contains("已销号");
        browser.get(url("/supervision/items?kind=ORDER"));
        screenshot("supervision-items");
    }

    private void assertNoSidewaysScroll() {
        Number page = (Number) browser.executeScript("return document.documentElement.scrollWidth");
        Number view = (Number) browser.executeScript("return window.innerWidth");
        assertThat(page.intValue()).as("no sideways scrolling on a phone").isLessThanOrEqualTo(view.intValue());
    }
}
