package cn.gongfu.cases;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongfu.support.Accessibility;
import cn.gongfu.support.Browser;
import cn.gongfu.support.BrowserTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A case in a real browser: the health bureau's reporter writes a 最佳实践 on the form, ticks its tasks, attaches a PDF
 * and submits it; the office finds it in its queue (遴选), selects it and publishes it from the case's page; the public
 * portal shows it under 典型案例. The queue and the case page at 1366 and 390 px, each meeting WCAG 2.1 AA.
 */
class CasesBrowserTest extends BrowserTest {

    @Autowired JdbcClient jdbc;

    @AfterEach
    void putTheDemoBack() {
        jdbc.sql("delete from case_study where title like '浏览器测试%'").update();
        browser.manage().window().setSize(new Dimension(1280, 900));
    }

    @Test
    void aUnitSubmitsACaseTheOfficeSelectsAndPublishesIt() throws Exception {
        signIn("reporter");
        browser.manage().window().setSize(new Dimension(1366, 900));
        browser.get(url("/cases"));
        Browser.clickToLoad(browser, browser.findElement(By.id("new-case")));
        WebElement form = browser.findElement(By.id("case-form"));
        new Select(form.findElement(By.name("kind"))).selectByValue("PRACTICE");
        form.findElement(By.name("title")).sendKeys("浏览器测试：家庭医生签约“一人一档”");
        form.findElement(By.name("body")).sendKeys("青溪区为签约居民建立电子健康档案，家庭医生团队每季度随访一次。\n重点人群签约率达到 85%，慢病规范管理率提高 12 个百分点。");
        form.findElements(By.cssSelector("#case-tasks input[type=checkbox]")).stream().limit(2).forEach(WebElement::click);
        Browser.clickToLoad(browser, browser.findElement(By.id("case-save")));
        assertThat(browser.findElement(By.id("case-state")).getText()).contains("草稿");
        String caseUrl = browser.getCurrentUrl();

        Path pdf = Files.createTempFile("case-", ".pdf");
        Files.write(pdf, "%PDF-1.4\n% 家庭医生签约台账\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        browser.findElement(By.cssSelector("#case-file-form input[type=file]")).sendKeys(pdf.toString());
        Browser.clickToLoad(browser, browser.findElement(By.cssSelector("#case-file-form button[type=submit]")));
        assertThat(browser.findElement(By.id("case-files")).getText()).contains(pdf.getFileName().toString());
        Browser.clickToLoad(browser, browser.findElement(By.id("case-submit")));
        assertThat(browser.findElement(By.id("case-state")).getText()).contains("已报送");
        assertThat(browser.findElements(By.id("case-submit"))).as("a submitted case is locked for the unit").isEmpty();

        // the office's queue
        signIn("office");
        browser.get(url("/cases/queue"));
        assertThat(browser.findElement(By.id("queue-submitted")).getText()).contains("浏览器测试：家庭医生签约");
        Accessibility.assertMeetsWcag21AA(browser, "/cases/queue at 1366 px");
        screenshotsAtBothWidths("cases-queue", null);
        browser.manage().window().setSize(new Dimension(390, 844));
        Accessibility.assertMeetsWcag21AA(browser, "/cases/queue at 390 px");
        browser.manage().window().setSize(new Dimension(1366, 900));

        // selected and published from the case's page
        browser.get(caseUrl);
        Browser.clickToLoad(browser, browser.findElement(By.cssSelector("#case-select-form button[type=submit]")));
        assertThat(browser.findElement(By.id("case-state")).getText()).contains("已入选");
        Browser.clickToLoad(browser, browser.findElement(By.cssSelector("#case-publish-form button[type=submit]")));
        assertThat(browser.findElement(By.id("case-state")).getText()).contains("已发布");
        assertThat(browser.findElement(By.id("case-history")).getText()).contains("报送", "入选", "发布");
        Accessibility.assertMeetsWcag21AA(browser, "a case at 1366 px");
        screenshotsAtBothWidths("cases-case", null);
        browser.manage().window().setSize(new Dimension(390, 844));
        Accessibility.assertMeetsWcag21AA(browser, "a case at 390 px");
        browser.manage().window().setSize(new Dimension(1366, 900));

        // the public portal: the plan's 典型案例 and the case, without its attachment
        browser.manage().deleteAllCookies();
        long id = Long.parseLong(caseUrl.substring(caseUrl.lastIndexOf('/') + 1));
        long plan = jdbc.sql("select plan_id from case_study where id = :i").param("i", id).query(Long.class).single();
        browser.get(url("/public/plans/" + plan + "/cases"));
        assertThat(browser.findElement(By.id("public-cases")).getText()).contains("浏览器测试：家庭医生签约", "县域医共体");
        browser.get(url("/public/cases/" + id));
        assertThat(browser.findElement(By.id("public-case-title")).getText()).contains("家庭医生签约");
        assertThat(browser.getPageSource()).doesNotContain("/files/");
        Accessibility.assertMeetsWcag21AA(browser, "a public case at 1366 px");
        screenshot("cases-public");
    }
}
