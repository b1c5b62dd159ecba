package cn.gongfu.evaluation.levels;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongfu.support.Accessibility;
import cn.gongfu.support.Browser;
import cn.gongfu.support.BrowserTest;
import cn.gongfu.support.DemoFacts;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 16, 分级晾晒 as the office and a leader of the demo district see it in chromium: the district's towns in the
 * race and side by side on the indicators they report, at 1366 and 390 px, WCAG 2.1 AA; the office changes an
 * indicator's roll-up rule and rolls the district up; the leader reads the same page without the office's forms.
 */
class LevelsBrowserTest extends BrowserTest {

    private WebDriverWait waitFor() {
        return new WebDriverWait(browser, Duration.ofSeconds(15));
    }

    @Test
    void theOfficeComparesItsTownsSetsARuleAndRollsUp() throws Exception {
        browser.manage().window().setSize(new Dimension(1366, 900));
        signIn("office");
        browser.get(url("/dashboard"));
        Browser.clickToLoad(browser, browser.findElement(By.id("tab-levels")));
        waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("levels-race-table")));
        assertThat(browser.getCurrentUrl()).contains("region=" + DemoFacts.DEMO_REGION);
        List<WebElement> race = browser.findElements(By.cssSelector("#levels-race-table tbody tr"));
        assertThat(race).as("the district's towns and streets race").hasSizeGreaterThanOrEqualTo(2);
        List<WebElement> rows = browser.findElements(By.cssSelector("#levels-table tbody tr"));
        assertThat(rows).as("the indicators the towns report").isNotEmpty();
        int towns = browser.findElements(By.cssSelector("#levels-table thead th")).size() - 4;
        assertThat(towns).isEqualTo(race.size());
        screenshot("levels-office-1366");
        Accessibility.assertMeetsWcag21AA(browser, "/levels as the office at 1366 px");
        Long wide = (Long) browser.executeScript("return document.documentElement.scrollWidth - window.innerWidth");
        assertThat(wide).as("at 1366 px the wide table scrolls inside itself, not the page").isLessThanOrEqualTo(0L);
        browser.executeScript("document.getElementById('levels-indicators').scrollIntoView()");
        screenshot("levels-office-table-1366");

        // the first row's rule changed to "not comparable": saved, said so, and the row shows no total
        WebElement first = rows.get(0);
        String indicator = first.getAttribute("data-indicator");
        Browser.click(browser, first.findElement(By.cssSelector(".rule-edit summary")));
        new Select(first.findElement(By.cssSelector(".rule-form select[name=method]"))).selectByValue("none");
        Browser.clickToLoad(browser, first.findElement(By.cssSelector(".rule-form button[type=submit]")));
        assertThat(browser.findElement(By.id("levels-saved")).getText()).contains(indicator);
        WebElement changed = browser.findElement(By.cssSelector("tr.levels-row[data-indicator=\"" + indicator + "\"]"));
        assertThat(changed.getAttribute("data-method")).isEqualTo("none");
        assertThat(changed.findElement(By.cssSelector("td.total")).getText()).contains("不可比");

        Browser.clickToLoad(browser, browser.findElement(By.id("levels-pull")));
        assertThat(browser.findElement(By.id("levels-pulled")).getText()).contains("已汇总");

        browser.manage().window().setSize(new Dimension(390, 844));
        browser.navigate().refresh();
        waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("levels-race-table")));
        screenshot("levels-office-390");
        Accessibility.assertMeetsWcag21AA(browser, "/levels as the office at 390 px");
        Long overflow = (Long) browser.executeScript("return document.documentElement.scrollWidth - window.innerWidth");
        assertThat(overflow).as("the page itself does not scroll sideways on a phone (the wide table does, inside)").isLessThanOrEqualTo(0L);
        browser.manage().window().setSize(new Dimension(1366, 900));
    }

    @Test
    void aLeaderReadsThePageWithoutTheOfficesForms() throws Exception {
        browser.manage().window().setSize(new Dimension(390, 844));
        signIn("leader");
        browser.get(url("/levels"));
        waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("levels-race-table")));
        assertThat(browser.findElements(By.cssSelector(".rule-edit"))).isEmpty();
        assertThat(browser.findElements(By.id("levels-pull"))).isEmpty();
        screenshot("levels-leader-390");
        Accessibility.assertMeetsWcag21AA(browser, "/levels as a leader at 390 px");
        browser.manage().window().setSize(new Dimension(1366, 900));
    }
}
