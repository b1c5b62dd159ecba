package cn.gongfu.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongfu.support.BrowserTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A form sent after the session ended: sign-in says why, and once signed in again the typed text is back. */
class SessionExpiryBrowserTest extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    private long tokensNamed(String name) {
        return jdbc.sql("select count(*) from api_token where name = :n").param("n", name).query(Long.class).single();
    }

    @Test
    void whatWasTypedSurvivesSigningInAgain() {
        String name = "统计局数据接口（会话过期后）";
        signIn("leader");
        browser.get(url("/tokens"));
        WebElement field = browser.findElement(By.cssSelector("#new-token input[name=name]"));
        field.sendKeys(name);
        WebElement days = browser.findElement(By.cssSelector("#new-token input[name=days]"));
        days.clear();
        days.sendKeys("30");
        // the session ends while the form is open (timeout, or a sixth sign-in elsewhere)
        browser.manage().deleteCookieNamed("JSESSIONID");
        browser.findElement(By.cssSelector("#new-token button[type=submit]")).click();

        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
        wait.until(d -> d.getCurrentUrl().endsWith("/login?timeout"));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("会话已过期，请重新登录");
        assertThat(tokensNamed(name)).isZero();

        browser.findElement(By.id("username")).sendKeys("leader");
        browser.findElement(By.id("password")).sendKeys("gongfu-demo");
        browser.findElement(By.id("login-submit")).click();
        wait.until(d -> d.getCurrentUrl().endsWith("/tokens")
                && name.equals(d.findElement(By.cssSelector("#new-token input[name=name]")).getDomProperty("value")));
        assertThat(browser.findElement(By.cssSelector("#new-token input[name=days]")).getDomProperty("value")).isEqualTo("30");

        // sent again, now signed in: stored once, and the kept text is forgotten
        browser.findElement(By.cssSelector("#new-token button[type=submit]")).click();
        wait.until(d -> d.findElements(By.id("token-secret")).size() == 1);
        assertThat(tokensNamed(name)).isEqualTo(1);
        assertThat(browser.findElement(By.cssSelector("#new-token input[name=name]")).getDomProperty("value")).isEmpty();
        browser.navigate().refresh();
        assertThat(browser.findElement(By.cssSelector("#new-token input[name=name]")).getDomProperty("value")).isEmpty();
    }
}
