package cn.gongfu.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import cn.gongfu.kernel.Role;
import cn.gongfu.support.Browser;
import cn.gongfu.support.BrowserTest;
import cn.gongfu.support.DemoFacts;
import cn.gongfu.support.ReportSteps;
import cn.gongfu.support.SignedInAsAdmin;
import cn.gongfu.users.UserService;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * On a phone-sized window (390 × 844) every role's main pages and every form fit the width (nothing scrolls sideways
 * but wide tables inside their own box), the navigation folds behind a menu button that opens with a tap or the
 * keyboard, and without JavaScript stays a visible list; on a 1366-px screen the header is one line. The 消息 badge
 * clears once the messages are read.
 */
class PhoneLayoutTest extends BrowserTest {

    static final Dimension PHONE = new Dimension(390, 844);
    static final Dimension LAPTOP = new Dimension(1366, 900);

    @Autowired JdbcClient jdbc;
    @Autowired UserService users;
    @Autowired MockMvc mvc;

    @AfterEach
    void laptopAgain() {
        browser.executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", false));
        browser.manage().window().setSize(new Dimension(1280, 900));
    }

    @Test
    void everyRolesMainPagesAndFormsFitAPhone() throws Exception {
        long plan = DemoFacts.demoPlanId(jdbc);
        long task = jdbc.sql("select min(id) from task where plan_id = :p").param("p", plan).query(Long.class).single();
        // a report form of its own, for a unit no other test reports for, taken away again at the end
        long farming = jdbc.sql("select id from unit where region_code = :r and name = '区农业农村局'").param("r", DemoFacts.DEMO_REGION)
                .query(Long.class).single();
        long report = ReportSteps.open(mvc, user(users.loadUserByUsername("admin").withoutPassword()), plan, farming, "2025Q1");
        try {
            everyPageFitsAPhone(plan, task, report);
        } finally {
            jdbc.sql("delete from submission where id = :id").param("id", report).update();
        }
    }

    private void everyPageFitsAPhone(long plan, long task, long report) throws Exception {
        long indicator = jdbc.sql("select min(id) from indicator").query(Long.class).single();
        long reporterId = users.findByUsername("reporter").orElseThrow().id();
        // what each role opens first and every form it fills in; the inbox's to-do tab only (showing the message tab
        // reads the demo users' messages, which other tests count)
        List<String> everyone = List.of("/", "/plans", "/plans/" + plan + "?expand=all", "/units", "/indicators", "/indicators/" + indicator,
                "/dashboard?plan=" + plan, "/dashboard/tasks?plan=" + plan, "/bulletins", "/notifications?tab=todo", "/account", "/tokens", "/projects");
        Map<String, List<String>> pages = new LinkedHashMap<>();
        pages.put("reporter", List.of("/tasks/" + task, "/reports", "/supervision/items"));
        pages.put("head", List.of("/reports", "/supervision/items"));
        pages.put("leader", List.of("/supervision", "/supervision/items", "/dashboard/units?plan=" + plan, "/dashboard/regions?plan=" + plan));
        pages.put("office", List.of("/imports", "/reports", "/reports/queue", "/reports/" + report, "/supervision", "/supervision/items/new",
                "/notify/channels", "/surveys", "/consistency", "/admin/users", "/admin/users/" + reporterId, "/plans/" + plan + "/edit",
                "/tasks/" + task + "/edit", "/indicators/" + indicator + "/edit", "/units/merge", "/projects/new"));
        pages.put("admin", List.of("/imports", "/admin/users", "/admin/audit", "/reports/" + report));
        browser.manage().window().setSize(PHONE);
        for (String anonymous : List.of("/login", "/public")) {
            browser.manage().deleteAllCookies();
            browser.get(url(anonymous));
            assertFitsThePhone(anonymous);
        }
        for (var role : pages.entrySet()) {
            signInAs(role.getKey());
            for (String path : concat(everyone, role.getValue())) {
                browser.get(url(path));
                assertFitsThePhone(role.getKey() + " " + path);
                assertThat(browser.findElement(By.tagName("h1")).isDisplayed()).as(path + " shows its title").isTrue();
            }
        }
        signIn("office");
        browser.get(url("/imports"));
        screenshot("import-form-phone");
        signIn("reporter");
        browser.get(url("/plans/" + plan + "?expand=all"));
        screenshot("phone-plan");
        // the header scrolls away with the page instead of staying over it
        browser.executeScript("window.scrollTo(0, 600);");
        Number headerBottom = (Number) browser.executeScript("return document.querySelector('header.top').getBoundingClientRect().bottom;");
        assertThat(headerBottom.doubleValue()).as("header bottom after scrolling").isLessThanOrEqualTo(0);
    }

    @Test
    void onAPhoneTheMenuButtonOpensTheNavigationByTapAndByKeyboard() throws Exception {
        signIn("reporter");
        browser.manage().window().setSize(PHONE);
        browser.get(url("/plans"));
        WebElement toggle = browser.findElement(By.id("nav-toggle"));
        WebElement nav = browser.findElement(By.id("site-nav"));
        assertThat(toggle.isDisplayed()).isTrue();
        assertThat(toggle.getTagName()).isEqualTo("button");
        assertThat(toggle.getAttribute("aria-controls")).isEqualTo("site-nav");
        assertThat(toggle.getAttribute("aria-expanded")).isEqualTo("false");
        assertThat(nav.isDisplayed()).as("the navigation is folded").isFalse();
        assertThat(header().getSize().getHeight()).as("the folded header is one line").isLessThan(70);
        screenshot("nav-folded-phone");

        toggle.click();
        assertThat(toggle.getAttribute("aria-expanded")).isEqualTo("true");
        WebElement reports = browser.findElement(By.id("nav-reports"));
        assertThat(reports.isDisplayed()).isTrue();
        assertThat(nav.getText()).contains("填报", "督办事项", "通报", "消息").doesNotContain("用户管理", "导入", "督办台");
        assertFitsThePhone("the open menu");
        screenshot("nav-menu-phone");
        Browser.clickToLoad(browser, reports);
        assertThat(browser.getCurrentUrl()).endsWith("/reports");
        assertThat(browser.findElement(By.id("nav-toggle")).getAttribute("aria-expanded")).as("a new page starts folded").isEqualTo("false");
        assertThat(browser.findElement(By.id("site-nav")).isDisplayed()).isFalse();

        // the keyboard: Enter opens, Tab goes on to the first link, Escape closes and returns to the button
        browser.executeScript("document.getElementById('nav-toggle').focus();");
        browser.switchTo().activeElement().sendKeys(Keys.ENTER);
        assertThat(browser.findElement(By.id("nav-toggle")).getAttribute("aria-expanded")).isEqualTo("true");
        browser.switchTo().activeElement().sendKeys(Keys.TAB);
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("nav-workbench");
        browser.switchTo().activeElement().sendKeys(Keys.ESCAPE);
        assertThat(browser.findElement(By.id("nav-toggle")).getAttribute("aria-expanded")).isEqualTo("false");
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("nav-toggle");
        assertThat(browser.findElement(By.id("site-nav")).isDisplayed()).isFalse();
        browser.switchTo().activeElement().sendKeys(Keys.SPACE);
        assertThat(browser.findElement(By.id("site-nav")).isDisplayed()).isTrue();
    }

    @Test
    void withoutJavaScriptThePhoneGetsTheNavigationAsAVisibleList() throws Exception {
        signIn("office");
        browser.manage().window().setSize(PHONE);
        browser.executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", true));
        browser.get(url("/plans"));
        assertThat(browser.findElement(By.id("nav-toggle")).isDisplayed()).as("no button that could not work").isFalse();
        for (String id : List.of("nav-dashboard", "nav-plans", "nav-imports", "nav-users", "nav-notifications")) {
            assertThat(browser.findElement(By.id(id)).isDisplayed()).as(id).isTrue();
        }
        assertFitsThePhone("the unscripted header");
        screenshot("nav-no-script-phone");
    }

    @Test
    void onALaptopTheHeaderIsOneLineWithoutAMenuButton() throws Exception {
        browser.manage().window().setSize(LAPTOP);
        for (String who : List.of("office", "admin", "reporter", "leader", "admin in English")) {
            signInAs(who.split(" ")[0]);
            browser.get(url(who.endsWith("English") ? "/plans?lang=en" : "/plans"));
            assertThat(browser.findElement(By.id("nav-toggle")).isDisplayed()).isFalse();
            List<WebElement> items = browser.findElements(By.cssSelector("#site-nav > a, #site-nav .me > a, #site-nav .logout button"));
            assertThat(items).hasSizeGreaterThan(6);
            int top = items.get(0).getRect().getY();
            for (WebElement item : items) {
                assertThat(item.isDisplayed()).isTrue();
                assertThat(Math.abs(item.getRect().getY() - top)).as(who + ": " + item.getText() + " on the first line").isLessThanOrEqualTo(4);
            }
            assertThat(header().getSize().getHeight()).as(who + "'s header height").isLessThan(70);
        }
        signIn("office");
        browser.get(url("/plans?lang=zh-CN"));
        screenshot("nav-laptop");
    }

    @Test
    void theMessagesBadgeClearsOnceTheMessagesAreRead() throws Exception {
        long unit = jdbc.sql("select id from unit where name = '区卫生健康局'").query(Long.class).single();
        String name = "phone-reader-" + System.nanoTime() % 100000;
        SignedInAsAdmin.signIn(users.loadUserByUsername("admin"));
        long me;
        try {
            me = users.create(name, "手机 读者", "phone-password-1", DemoFacts.DEMO_REGION, List.of(Role.REPORTER), List.of(unit));
        } finally {
            SignedInAsAdmin.signOut();
        }
        for (String text : List.of("【黄灯预警】测试指标进度滞后", "区卫生健康局 2026Q1 填报已通过审核")) {
            jdbc.sql("insert into notification (user_id, legacy_text, link, kind) values (:u, :t, '/plans', 'MESSAGE')")
                    .param("u", me).param("t", text).update();
        }
        jdbc.sql("insert into notification (user_id, legacy_text, link, kind) values (:u, '区卫生健康局 2026Q2 请填报', '/reports', 'TODO')")
                .param("u", me).update();
        Browser.signIn(browser, port, name, "phone-password-1");
        browser.manage().window().setSize(LAPTOP);
        browser.get(url("/plans"));
        assertThat(badge()).isEqualTo("3");

        // the to-do tab first (something is to be done): the to-do is unread until opened, the messages too
        Browser.clickToLoad(browser, browser.findElement(By.id("nav-notifications")));
        assertThat(browser.findElement(By.id("count-todo")).getText()).isEqualTo("1");
        assertThat(browser.findElement(By.id("count-message")).getText()).isEqualTo("2");
        // the messages shown are read: listed as new this once, and this very page's badge no longer counts them
        Browser.clickToLoad(browser, browser.findElement(By.id("tab-message")));
        assertThat(browser.findElements(By.cssSelector("#notifications li.unread"))).hasSize(2);
        assertThat(browser.findElements(By.id("count-message"))).isEmpty();
        assertThat(badge()).isEqualTo("1");
        screenshot("notify-messages-read");
        browser.navigate().refresh();
        assertThat(browser.findElements(By.cssSelector("#notifications li.unread"))).isEmpty();
        assertThat(browser.findElements(By.cssSelector("#notifications li"))).hasSize(2);

        // the to-do is read when opened, and the badge is gone, on the phone's menu button too
        browser.get(url("/notifications?tab=todo"));
        Browser.clickToLoad(browser, browser.findElement(By.partialLinkText("2026Q2 请填报")));
        assertThat(browser.getCurrentUrl()).endsWith("/reports");
        assertThat(badge()).isNull();
        browser.manage().window().setSize(PHONE);
        browser.get(url("/plans"));
        assertThat(browser.findElements(By.cssSelector("#nav-toggle .count-badge"))).isEmpty();
        jdbc.sql("insert into notification (user_id, legacy_text, link, kind) values (:u, '又一条消息', '/plans', 'MESSAGE')").param("u", me).update();
        browser.get(url("/plans"));
        assertThat(browser.findElement(By.cssSelector("#nav-toggle .count-badge")).getText()).isEqualTo("1");
    }

    /** The demo's users by name; the administrator has the test configuration's password. */
    private void signInAs(String who) {
        if (who.equals("admin")) Browser.signIn(browser, port, "admin", "admin-test-password");
        else signIn(who);
    }

    private WebElement header() {
        return browser.findElement(By.cssSelector("header.top"));
    }

    /** The header's unread count, or null when there is none. */
    private String badge() {
        List<WebElement> badge = browser.findElements(By.cssSelector("#nav-notifications .count-badge"));
        return badge.isEmpty() ? null : badge.get(0).getText();
    }

    private void assertFitsThePhone(String what) {
        Number page = (Number) browser.executeScript("return document.documentElement.scrollWidth;");
        Number window = (Number) browser.executeScript("return window.innerWidth;");
        assertThat(page.intValue()).as(what + " is no wider than the phone").isLessThanOrEqualTo(window.intValue());
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
