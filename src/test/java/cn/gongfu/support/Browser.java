package cn.gongfu.support;

import cn.gongfu.demo.DemoDataLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless chromium through its own chromedriver, never a downloaded browser
 * ({@code GONGFU_CHROMIUM} / {@code GONGFU_CHROMEDRIVER} point elsewhere). Where chromium is
 * absent the calling test is skipped with a message, unless {@code GONGFU_REQUIRE_BROWSER} is set (CI),
 * in which case its absence is a failure.
 */
public final class Browser {

    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("GONGFU_CHROMIUM", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getenv().getOrDefault("GONGFU_CHROMEDRIVER", "/usr/bin/chromedriver"));

    private Browser() {}

    /** Signs in through the login page as a demo user, with a fresh session and Chinese as the language. */
    public static void signIn(ChromeDriver browser, int port, String username) {
        signIn(browser, port, username, DemoDataLoader.DEMO_PASSWORD);
    }

    /** Signs in through the login page with the given password, with a fresh session and Chinese as the language. */
    public static void signIn(ChromeDriver browser, int port, String username, String password) {
        browser.manage().deleteAllCookies();
        browser.get("http://localhost:" + port + "/login");
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("login-submit")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> !d.getCurrentUrl().contains("/login"));
    }

    /** Clicks an element after scrolling it to the middle of the window, clear of the sticky header. */
    public static void click(ChromeDriver browser, WebElement element) {
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        element.click();
    }

    /**
     * Clicks a link or a form's button and waits until the browser has left the page it was on:
     * reading the next page too early finds the old page's elements, which then go stale.
     */
    public static void clickToLoad(ChromeDriver browser, WebElement button) {
        WebElement page = browser.findElement(By.tagName("html"));
        click(browser, button);
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.stalenessOf(page));
    }

    public static ChromeDriver start() throws IOException {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present && System.getenv("GONGFU_REQUIRE_BROWSER") != null) {
            throw new IllegalStateException("GONGFU_REQUIRE_BROWSER is set but " + CHROMIUM + " or " + CHROMEDRIVER + " is missing");
        }
        Assumptions.assumeTrue(present, "chromium or chromedriver not installed (apt-get install chromium chromium-driver): browser test skipped");
        Path profile = Files.createTempDirectory("gongfu-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,900", "--lang=zh-CN",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return driver;
    }
}
