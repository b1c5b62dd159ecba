package cn.gongfu.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
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
}
