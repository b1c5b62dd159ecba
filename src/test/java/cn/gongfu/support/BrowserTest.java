package cn.gongfu.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
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

    /** Saves what the browser shows as docs/screenshots/{name}.png. */
    protected void screenshot(String name) throws Exception {
        Path file = browser.getScreenshotAs(OutputType.FILE).toPath();
        Files.createDirectories(Path.of("docs", "screenshots"));
        Files.copy(file, Path.of("docs", "screenshots", name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
