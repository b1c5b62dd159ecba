package cn.gongfu.notify;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongfu.notify.NotificationService.Notice;
import cn.gongfu.support.Browser;
import cn.gongfu.support.BrowserTest;
import cn.gongfu.support.DemoFacts;
import cn.gongfu.support.MovableClock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The channels in a real browser, as the demo's office uses them: it adds two robots on 消息渠道设置 (a DingTalk robot
 * with 加签, on a loopback server that checks the signature, and an OA webhook that is down), a report is submitted
 * (a to-do for the office), the dispatcher runs until the OA's delivery has failed for good; the delivery log shows it
 * with its error and 立即重试; the inbox shows the to-do in its tab with its count, and opening it clears the count.
 * On a 1366-px screen and a 390-px phone (no sideways scrolling).
 */
class ChannelBrowserTest extends BrowserTest {

    @Autowired JdbcClient jdbc;
    @Autowired NotificationService notifications;
    @Autowired OutboxDispatcher dispatcher;
    @Autowired MovableClock clock;
    @Autowired TransactionTemplate transaction;

    @AfterEach
    void putTheDemoBack() {
        clock.reset();
        jdbc.sql("update notify_robot set enabled = false").update();
        browser.manage().window().setSize(new Dimension(1280, 900));
    }

    @Test
    void theOfficeAddsRobotsSeesAFailedDeliveryRetriesItAndReadsItsToDo() throws Exception {
        try (LoopbackRobots robots = new LoopbackRobots()) {
            signIn("office");
            browser.manage().window().setSize(new Dimension(1366, 900));
            browser.get(url("/supervision"));
            Browser.clickToLoad(browser, browser.findElement(By.id("link-channels")));
            addRobot("DINGTALK", "共富办督办钉钉群", robots.url("/dingtalk?access_token=demo"), LoopbackRobots.DING_SECRET);
            addRobot("GENERIC", "区 OA 系统", "http://127.0.0.1:9/oa/hook", "oa-secret");
            assertThat(browser.findElements(By.cssSelector("#robots tbody tr"))).hasSizeGreaterThanOrEqualTo(2);
            assertThat(browser.getPageSource()).doesNotContain(LoopbackRobots.DING_SECRET);
            screenshot("notify-channels");

            String prefix = "browser-submitted:" + System.nanoTime();
            transaction.executeWithoutResult(t -> notifications.notifyOffices(DemoFacts.DEMO_REGION,
                    new Notice("notice.report.submitted", List.of("区卫生健康局", "2026Q2"), "/supervision", prefix)));
            for (int k = 0; k < dispatcher.settings().maxAttempts(); k++) {
                dispatcher.dispatch();
                clock.moveBy(dispatcher.settings().maxRetry().plus(Duration.ofMinutes(1)));
            }
            clock.reset();
            assertThat(robots.of("dingtalk")).as("the signed DingTalk post arrived").isNotEmpty();

            browser.get(url("/notify/deliveries?state=FAILED"));
            WebElement failed = browser.findElement(By.cssSelector("#deliveries tr.failed"));
            assertThat(failed.getText()).contains("区 OA 系统", "connection refused", "立即重试");
            screenshot("notify-deliveries");
            browser.manage().window().setSize(new Dimension(390, 844));
            browser.navigate().refresh();
            assertNoSidewaysScrolling();
            screenshot("notify-deliveries-phone");
            browser.manage().window().setSize(new Dimension(1366, 900));
            Browser.clickToLoad(browser, browser.findElement(By.cssSelector("#deliveries tr.failed button")));
            assertThat(browser.findElement(By.id("retried")).getText()).isEqualTo("已重新排队，稍后发送。");

            browser.get(url("/notifications?tab=todo"));
            WebElement count = browser.findElement(By.id("count-todo"));
            int before = Integer.parseInt(count.getText());
            assertThat(before).isPositive();
            WebElement notice = browser.findElement(By.xpath("//ul[@id='notifications']/li[contains(@class,'unread')]/a[contains(., '区卫生健康局 2026Q2 填报已报送，待审核')]"));
            screenshot("notify-inbox");
            browser.manage().window().setSize(new Dimension(390, 844));
            browser.navigate().refresh();
            assertNoSidewaysScrolling();
            screenshot("notify-inbox-phone");
            browser.manage().window().setSize(new Dimension(1366, 900));
            notice = browser.findElement(By.xpath("//ul[@id='notifications']/li[contains(@class,'unread')]/a[contains(., '区卫生健康局 2026Q2 填报已报送，待审核')]"));
            Browser.clickToLoad(browser, notice);
            assertThat(browser.getCurrentUrl()).endsWith("/supervision");
            browser.get(url("/notifications?tab=todo"));
            List<WebElement> after = browser.findElements(By.id("count-todo"));
            assertThat(after.isEmpty() ? 0 : Integer.parseInt(after.get(0).getText())).isEqualTo(before - 1);

            browser.get(url("/account"));
            browser.findElement(By.name("email")).clear();
            browser.findElement(By.name("email")).sendKeys("office@qingxi.example.cn");
            Browser.click(browser, browser.findElement(By.name("optIn")));
            Browser.clickToLoad(browser, browser.findElement(By.cssSelector("#email-form button")));
            assertThat(browser.findElement(By.id("email-saved")).isDisplayed()).isTrue();
            browser.manage().window().setSize(new Dimension(390, 844));
            browser.executeScript("document.getElementById('email').scrollIntoView()");
            screenshot("notify-account-email-phone");
            jdbc.sql("update app_user set email = null, email_opt_in = false where username = 'office'").update();
        }
    }

    private void addRobot(String kind, String name, String webhookUrl, String secret) {
        new Select(browser.findElement(By.name("kind"))).selectByValue(kind);
        browser.findElement(By.name("name")).sendKeys(name);
        browser.findElement(By.name("webhookUrl")).sendKeys(webhookUrl);
        browser.findElement(By.name("secret")).sendKeys(secret);
        Browser.clickToLoad(browser, browser.findElement(By.id("robot-save")));
        assertThat(browser.findElement(By.id("saved")).isDisplayed()).isTrue();
    }

    private void assertNoSidewaysScrolling() {
        Number page = (Number) browser.executeScript("return document.documentElement.scrollWidth");
        Number view = (Number) browser.executeScript("return window.innerWidth");
        assertThat(page.intValue()).as("no sideways scrolling on a phone").isLessThanOrEqualTo(view.intValue());
    }

}
