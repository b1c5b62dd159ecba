package cn.gongfu.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongfu.demo.DemoDataLoader;
import cn.gongfu.kernel.Role;
import cn.gongfu.support.Browser;
import cn.gongfu.support.BrowserTest;
import cn.gongfu.users.UserService;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

/** A user finds 我的账号 under their name, changes their password, and signs in with the new one. */
class AccountBrowserTest extends BrowserTest {

    @Autowired
    UserService users;

    @Test
    void aUserChangesTheirPasswordFromTheirAccountPage() throws Exception {
        users.createUnchecked("acct-browser", "账号测试员", DemoDataLoader.DEMO_PASSWORD, "330299", List.of(Role.REPORTER), List.of());
        signIn("acct-browser");
        Browser.clickToLoad(browser, browser.findElement(By.id("me")));
        assertThat(browser.getCurrentUrl()).endsWith("/account");
        assertThat(browser.findElement(By.id("account-facts")).getText()).contains("acct-browser", "填报员");

        browser.findElement(By.name("currentPassword")).sendKeys(DemoDataLoader.DEMO_PASSWORD);
        browser.findElement(By.name("newPassword")).sendKeys("a-new-secret-77");
        browser.findElement(By.name("repeatPassword")).sendKeys("a-new-secret-77");
        Browser.clickToLoad(browser, browser.findElement(By.cssSelector("#password-form button[type=submit]")));
        assertThat(browser.findElement(By.id("password-changed")).getText()).contains("密码已修改");
        screenshot("account");

        Browser.signIn(browser, port, "acct-browser", "a-new-secret-77");
        assertThat(browser.getCurrentUrl()).doesNotContain("/login");
        assertThat(browser.findElement(By.id("me")).getText()).isEqualTo("账号测试员");
    }
}
