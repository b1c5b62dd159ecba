package cn.gongfu.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A browser test against the running application on H2: one chromium per test class (skipped, saying
 * so, where chromium is absent), the server's port, and screenshots kept in docs/screenshots.
 */
@H2Test
public abstract class BrowserTest {

    protected static ChromeDriver browser;

    @LocalServerPort
    protected int port;

    @BeforeAll
    static void startBrowser() throws Exception {
        browser = Browser.start();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) browser.quit();
        browser = null;
    }

    protected String url(String path) {
        return "http://localhost:" + port + path;
    }

    protected void signIn(String username) {
        Browser.signIn(browser, port, username);
    }

    /**
     * Saves what the browser shows as target/screenshots/{name}.png, and refreshes the committed copy in
     * docs/screenshots when GONGFU_UPDATE_SCREENSHOTS is set (so an ordinary test run leaves the tree clean).
     */
    protected void screenshot(String name) throws Exception {
        Path file = browser.getScreenshotAs(OutputType.FILE).toPath();
        List<Path> folders = System.getenv("GONGFU_UPDATE_SCREENSHOTS") == null
                ? List.of(Path.of("target", "screenshots"))
                : List.of(Path.of("target", "screenshots"), Path.of("docs", "screenshots"));
        for (Path folder : folders) {
            Files.createDirectories(folder);
            Files.copy(file, folder.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * Uploads a plan document of 青溪区 as an action plan through the import form (signed in as an office) and waits
     * for its review page.
     */
    protected void uploadForReview(String prefix, String text) throws Exception {
        Path file = Files.createTempFile(prefix, ".txt");
        Files.writeString(file, text, java.nio.charset.StandardCharsets.UTF_8);
        browser.get(url("/imports"));
        browser.findElement(By.cssSelector("#upload-form input[type=file]")).sendKeys(file.toString());
        new Select(browser.findElement(By.cssSelector("#upload-form select[name=region]"))).selectByValue("330299");
        new Select(browser.findElement(By.cssSelector("#upload-form select[name=kind]"))).selectByValue("action_plan");
        browser.findElement(By.cssSelector("#upload-form button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.urlMatches("/imports/\\d+$"));
    }

    /**
     * Screenshots {name} at 1366 px and {name}-phone at 390 px (after scrolling the element {@code phoneScrollTo} into
     * view, where given), checking that the phone needs no sideways scrolling; the window is 1366 px again after.
     */
    protected void screenshotsAtBothWidths(String name, String phoneScrollTo) throws Exception {
        screenshot(name);
        browser.manage().window().setSize(new Dimension(390, 844));
        assertPhoneFits();
        if (phoneScrollTo != null) browser.executeScript("document.getElementById(arguments[0]).scrollIntoView()", phoneScrollTo);
        screenshot(name + "-phone");
        browser.manage().window().setSize(new Dimension(1366, 900));
    }

    /** ECharts draws after the page loads (and again after a resize): waits for each shown chart's svg. */
    protected void chartsDrawn() {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        for (org.openqa.selenium.WebElement chart : browser.findElements(By.cssSelector(".chart[data-chart]"))) {
            if (chart.isDisplayed()) wait.until(d -> !chart.findElements(By.cssSelector("svg path")).isEmpty());
        }
    }

    protected void assertPhoneFits() {
        Number page = (Number) browser.executeScript("return document.documentElement.scrollWidth");
        Number view = (Number) browser.executeScript("return window.innerWidth");
        assertThat(page.intValue()).as("no sideways scrolling on a phone").isLessThanOrEqualTo(view.intValue());
    }
}
