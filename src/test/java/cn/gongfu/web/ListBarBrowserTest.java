package cn.gongfu.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongfu.support.BrowserTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 14: the lists' one search form and toolbar in the browser: the unit list and the indicator list searched as
 * the office would (kind, domain), the count and 导出 Excel beside the list, at 1366 px and on a 390-px phone without
 * sideways scrolling. Screenshots: docs/screenshots/list-units*.png and list-indicators*.png.
 */
class ListBarBrowserTest extends BrowserTest {

    @Test
    void theUnitAndIndicatorListsAreSearchedCountedAndExportedOnBothWidths() throws Exception {
        browser.manage().window().setSize(new Dimension(1366, 900));
        signIn("office");

        browser.get(url("/units"));
        String everyUnit = browser.findElement(By.id("units-count")).getText();
        new Select(browser.findElement(By.cssSelector("#units-filter select[name=kind]"))).selectByValue("department");
        browser.findElement(By.cssSelector("#units-filter button[type=submit]")).click();
        // the filter is a GET form: wait for the new page, not the old one still on screen
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.urlContains("kind=department"));
        String departments = browser.findElement(By.id("units-count")).getText();
        assertThat(departments).matches(".*\\d+.*").isNotEqualTo(everyUnit);
        assertThat(browser.findElement(By.id("units-export")).getAttribute("href")).endsWith("/units.xlsx?kind=department");
        assertThat(browser.findElement(By.id("units-export")).isDisplayed()).isTrue();
        assertThat(browser.findElements(By.cssSelector("#unit-list tbody tr"))).isNotEmpty();
        screenshotsAtBothWidths("list-units", null);

        browser.get(url("/indicators"));
        Select domain = new Select(browser.findElement(By.cssSelector("#indicators-filter select[name=domain]")));
        String chosen = domain.getOptions().get(1).getAttribute("value");
        domain.selectByValue(chosen);
        browser.findElement(By.cssSelector("#indicators-filter button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.urlContains("domain="));
        assertThat(browser.findElement(By.id("indicators-count")).getText()).matches(".*\\d+.*");
        assertThat(browser.findElements(By.cssSelector("#indicator-list tbody tr td:first-child")))
                .isNotEmpty().allSatisfy(td -> assertThat(td.getText()).isEqualTo(chosen));
        assertThat(browser.findElement(By.id("indicators-export")).getAttribute("href")).contains("/indicators.xlsx?domain=");
        screenshotsAtBothWidths("list-indicators", null);

        // on a phone the export button is on screen, not beyond the right edge
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.get(url("/units"));
        assertPhoneFits();
        Number right = (Number) browser.executeScript("return document.getElementById('units-export').getBoundingClientRect().right");
        assertThat(right.doubleValue()).isLessThanOrEqualTo(390);
        browser.manage().window().setSize(new Dimension(1366, 900));
    }
}
