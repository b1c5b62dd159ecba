package cn.gongfu.evaluation.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongfu.evaluation.assessment.AssessmentService.ItemKind;
import cn.gongfu.support.Accessibility;
import cn.gongfu.support.Browser;
import cn.gongfu.support.BrowserTest;
import cn.gongfu.support.DemoFacts;
import cn.gongfu.support.SignedInAsAdmin;
import cn.gongfu.users.UserService;
import java.time.Clock;
import java.time.YearMonth;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The 考核 page in a real browser: the demo's reporter proposes a bonus, the office approves it from the queue and sees
 * the unit's score explained line by line (screenshots at 1366 and 390 px, axe); the reporter then sees the bonus in its
 * explanation and files an appeal from it, which the office's queue shows.
 */
class AssessmentBrowserTest extends BrowserTest {

    @Autowired JdbcClient jdbc;
    @Autowired AssessmentService assessment;
    @Autowired UserService users;
    @Autowired Clock clock;

    @AfterEach
    void putTheDemoBack() {
        long plan = DemoFacts.demoPlanId(jdbc);
        jdbc.sql("delete from assessment_appeal where plan_id = :p").param("p", plan).update();
        jdbc.sql("delete from assessment_item where plan_id = :p").param("p", plan).update();
        browser.manage().window().setSize(new Dimension(1280, 900));
    }

    @Test
    void theOfficeApprovesABonusAndTheUnitAppealsALineOfItsScore() throws Exception {
        long plan = DemoFacts.demoPlanId(jdbc);
        var years = jdbc.sql("select start_year, end_year from plan where id = :p").param("p", plan)
                .query((rs, i) -> new int[] {rs.getInt(1), rs.getInt(2)}).single();
        int year = Math.max(years[0], Math.min(years[1], YearMonth.now(clock).getYear()));
        long unit = jdbc.sql("select min(uu.unit_id) from user_unit uu join app_user a on a.id = uu.user_id where a.username = 'reporter'")
                .query(Long.class).single();
        SignedInAsAdmin.signIn(users.loadUserByUsername("reporter"));
        try {
            assessment.propose(plan, year, unit, ItemKind.BONUS, "典型案例被省级采纳", "3", "省共富办简报第12期", null);
        } finally {
            SignedInAsAdmin.signOut();
        }
        String page = "/assessment?plan=" + plan + "&year=" + year;

        signIn("office");
        browser.manage().window().setSize(new Dimension(1366, 900));
        browser.get(url(page));
        assertThat(browser.findElement(By.id("nav-assessment")).getAttribute("class")).contains("active");
        assertThat(browser.findElements(By.cssSelector("section[id^=scores-] tr[id^=score-]"))).isNotEmpty();
        WebElement approve = browser.findElement(By.cssSelector("form.queue button[value=approve]"));
        Browser.clickToLoad(browser, approve);
        assertThat(browser.getCurrentUrl()).contains("decided");
        assertThat(browser.findElements(By.cssSelector("p.notice"))).as("only what was just done is told")
                .extracting(WebElement::getText).containsExactly("已处理。");
        assertThat(browser.findElement(By.cssSelector("#items tbody tr")).getText()).contains("已认定");
        WebElement summary = browser.findElement(By.cssSelector("#explain-" + unit + " > summary"));
        Browser.click(browser, summary);
        WebElement explanation = browser.findElement(By.id("explain-" + unit));
        assertThat(explanation.getText()).contains("指标达成").contains("典型案例被省级采纳").contains("3.00");
        browser.executeScript("document.getElementById('score-" + unit + "').scrollIntoView()");
        Accessibility.assertMeetsWcag21AA(browser, "office " + page + " at 1366 px");
        screenshotsAtBothWidths("assessment", "score-" + unit);
        browser.manage().window().setSize(new Dimension(390, 844));
        Accessibility.assertMeetsWcag21AA(browser, "office " + page + " at 390 px");
        browser.manage().window().setSize(new Dimension(1366, 900));
        browser.get(url(page + "#rules"));
        screenshot("assessment-rules");

        browser.manage().deleteAllCookies();
        signIn("reporter");
        browser.get(url(page));
        assertThat(browser.findElements(By.cssSelector("tr[id^=score-]"))).as("the unit's own row only").hasSize(1);
        Browser.click(browser, browser.findElement(By.cssSelector("#explain-" + unit + " > summary")));
        WebElement form = browser.findElement(By.id("appeal-form-" + unit));
        Select line = new Select(form.findElement(By.name("line")));
        line.selectByVisibleText("典型案例被省级采纳");
        form.findElement(By.name("reason")).sendKeys("应按省级标准计 5 分");
        Browser.clickToLoad(browser, form.findElement(By.cssSelector("button[type=submit]")));
        assertThat(browser.findElement(By.cssSelector("#appeals tbody tr")).getText()).contains("典型案例被省级采纳").contains("待复核");
        Browser.click(browser, browser.findElement(By.cssSelector("#explain-" + unit + " > summary")));
        Accessibility.assertMeetsWcag21AA(browser, "reporter " + page + " at 1366 px");
        screenshotsAtBothWidths("assessment-unit", "explain-" + unit);
        browser.manage().window().setSize(new Dimension(390, 844));
        Accessibility.assertMeetsWcag21AA(browser, "reporter " + page + " at 390 px");
    }
}
