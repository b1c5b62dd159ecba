package cn.gongfu.bulletin;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongfu.support.Browser;
import cn.gongfu.support.BrowserTest;
import cn.gongfu.support.DemoFacts;
import cn.gongfu.support.MovableClock;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The office generates the demo plan's 2026Q2 bulletin from the archive page, sees it as it prints (an A4 sheet with the
 * red header line, the number, the title, the tables), edits its summary in the form beside it, and a phone shows the
 * sheet in its width. The PDF's first page is rendered to an image for docs/screenshots.
 */
class BulletinBrowserTest extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MovableClock clock;

    @Autowired
    BulletinService bulletins;

    @AfterEach
    void resetClock() {
        clock.reset();
        browser.manage().window().setSize(new Dimension(1280, 900));
    }

    @Test
    void theOfficeGeneratesPreviewsEditsAndDownloadsABulletin() throws Exception {
        clock.moveTo(LocalDateTime.of(2026, 7, 10, 9, 0));
        long plan = DemoFacts.demoPlanId(jdbc);
        signIn("office");
        browser.manage().window().setSize(new Dimension(1366, 900));
        browser.get(url("/bulletins"));
        new Select(browser.findElement(By.name("plan"))).selectByValue(String.valueOf(plan));
        new Select(browser.findElement(By.name("period"))).selectByValue("2026Q2");
        Browser.clickToLoad(browser, browser.findElement(By.id("generate")));
        assertThat(browser.getCurrentUrl()).matches(".*/bulletins/\\d+$");
        assertThat(browser.findElement(By.id("doc-title")).getText()).isEqualTo("关于2026年第二季度共同富裕重点任务推进情况的通报");
        assertThat(browser.findElements(By.cssSelector(".doc-table tbody tr"))).isNotEmpty();

        var summary = browser.findElement(By.name("summary"));
        summary.clear();
        summary.sendKeys("2026年第二季度，全区共同富裕重点任务总体推进有序，但部分指标进展滞后、部分单位报送不及时。");
        Browser.clickToLoad(browser, browser.findElement(By.id("save-narrative")));
        assertThat(browser.findElements(By.cssSelector(".doc-p")).stream().map(e -> e.getText()).toList())
                .contains("2026年第二季度，全区共同富裕重点任务总体推进有序，但部分指标进展滞后、部分单位报送不及时。");
        long page = (Long) browser.executeScript("return document.documentElement.scrollWidth;");
        long window = (Long) browser.executeScript("return window.innerWidth;");
        assertThat(page).isLessThanOrEqualTo(window);
        browser.manage().window().setSize(new Dimension(1366, 1500));
        screenshot("bulletin");

        browser.manage().window().setSize(new Dimension(390, 844));
        browser.navigate().refresh();
        page = (Long) browser.executeScript("return document.documentElement.scrollWidth;");
        window = (Long) browser.executeScript("return window.innerWidth;");
        assertThat(page).as("the sheet fits a phone").isLessThanOrEqualTo(window);
        assertThat(browser.findElement(By.id("doc-number")).getText()).as("a draft's number has a blank").startsWith("共富办通报〔2026〕").endsWith("号");
        screenshot("bulletin-phone");

        // the PDF's first page as an image: Chinese glyphs drawn, not boxes (look at docs/screenshots/bulletin-pdf.png)
        long id = Long.parseLong(browser.getCurrentUrl().replaceAll(".*/bulletins/(\\d+)$", "$1"));
        cn.gongfu.support.SignedInAsAdmin.signIn(users().loadUserByUsername("office"));
        byte[] pdf;
        try {
            pdf = bulletins.pdf(id);
        } finally {
            cn.gongfu.support.SignedInAsAdmin.signOut();
        }
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            BufferedImage image = new PDFRenderer(doc).renderImageWithDPI(0, 80);
            long dark = 0;
            for (int y = 0; y < image.getHeight(); y += 2) {
                for (int x = 0; x < image.getWidth(); x += 2) if ((image.getRGB(x, y) & 0xff) < 128) dark++;
            }
            assertThat(dark).as("ink on the first page").isGreaterThan(1000);
            for (Path folder : folders()) {
                Files.createDirectories(folder);
                ImageIO.write(image, "png", folder.resolve("bulletin-pdf.png").toFile());
            }
        }
    }

    /** 年度评价 (issue 16): the office generates the demo plan's annual evaluation of 2025 and reads it, on a screen and a phone. */
    @Test
    void theOfficeGeneratesAndReadsTheAnnualEvaluation() throws Exception {
        clock.moveTo(LocalDateTime.of(2026, 1, 20, 9, 0));
        long plan = DemoFacts.demoPlanId(jdbc);
        signIn("office");
        browser.manage().window().setSize(new Dimension(1366, 900));
        browser.get(url("/bulletins"));
        new Select(browser.findElement(By.name("plan"))).selectByValue(String.valueOf(plan));
        new Select(browser.findElement(By.name("period"))).selectByValue("2025");
        Browser.clickToLoad(browser, browser.findElement(By.id("generate")));
        long id = Long.parseLong(browser.getCurrentUrl().replaceAll(".*/bulletins/(\\d+)$", "$1"));
        try {
            assertThat(browser.findElement(By.id("doc-title")).getText()).isEqualTo("2025年度共同富裕重点工作评价报告");
            String text = browser.findElement(By.tagName("main")).getText();
            assertThat(text).contains("总体实现度", "指标完成情况", "重点任务完成情况", "方案总体实现度为");
            cn.gongfu.support.Accessibility.assertMeetsWcag21AA(browser, "the annual evaluation at 1366 px");
            browser.manage().window().setSize(new Dimension(1366, 1500));
            screenshot("annual-evaluation");
            browser.manage().window().setSize(new Dimension(390, 844));
            browser.navigate().refresh();
            long page = (Long) browser.executeScript("return document.documentElement.scrollWidth;");
            long window = (Long) browser.executeScript("return window.innerWidth;");
            assertThat(page).as("the report fits a phone").isLessThanOrEqualTo(window);
            screenshot("annual-evaluation-phone");
        } finally {
            jdbc.sql("delete from bulletin where id = :id").param("id", id).update();
        }
    }

    @Autowired
    cn.gongfu.users.UserService userService;

    private cn.gongfu.users.UserService users() {
        return userService;
    }

    private static List<Path> folders() {
        return System.getenv("GONGFU_UPDATE_SCREENSHOTS") == null ? List.of(Path.of("target", "screenshots"))
                : List.of(Path.of("target", "screenshots"), Path.of("docs", "screenshots"));
    }
}
