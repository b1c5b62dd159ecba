package cn.gongfu.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongfu.evaluation.survey.FourSensesService;
import cn.gongfu.plan.PlanDraft;
import cn.gongfu.plan.PlanDraft.IndicatorDraft;
import cn.gongfu.plan.PlanDraft.TargetDraft;
import cn.gongfu.plan.PlanWriter;
import cn.gongfu.support.Browser;
import cn.gongfu.support.BrowserTest;
import cn.gongfu.support.SignedInAsAdmin;
import cn.gongfu.users.UserService;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The office opens the four-senses page and the consistency page: what is drawn (the chart's svg, the
 * table rows) and a bad upload explained on the page. Screenshots go to docs/screenshots/.
 */
class EvaluationBrowserTest extends BrowserTest {

    @Autowired
    FourSensesService senses;

    @Autowired
    PlanWriter writer;

    @Autowired
    UserService users;

    @Test
    void officeSeesTheIndexOverWavesAndABadFileExplained() throws Exception {
        SignedInAsAdmin.signIn(users.loadUserByUsername("admin"));
        try {
            Random random = new Random(7);
            for (int q = 1; q <= 3; q++) {
                String wave = "2025年第" + q + "季度";
                if (senses.indices("330299").stream().anyMatch(w -> w.wave().name().equals(wave))) continue;
                senses.importWave("330299", "2025年第" + q + "季度", LocalDate.of(2025, q * 3, 28), 5, answers(random, 60, q));
            }
        } finally {
            SignedInAsAdmin.signOut();
        }
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        Browser.signIn(browser, port, "office");
        browser.get(url("/surveys?region=330299"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("四感指数");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#surveys-chart svg path")));
        assertThat(browser.findElements(By.cssSelector("#waves-table tbody tr")).size()).isGreaterThanOrEqualTo(3);
        assertThat(browser.findElement(By.id("waves-table")).getText()).contains("2025年第1季度", "获得感", "n=60");
        assertThat(browser.findElement(By.id("surveys-chart")).getText()).contains("认同感");
        screenshot("surveys");

        // a bad file comes back to the form with every wrong cell named
        Path bad = Files.createTempFile("bad-wave-", ".xlsx");
        Files.write(bad, sheet(List.of("获得感", "幸福感", "安全感", "认同感"), List.of(List.of(6, 4, 3, 4), List.of(4, 4, 4, 9))));
        browser.findElement(By.cssSelector("#survey-form input[type=file]")).sendKeys(bad.toString());
        browser.findElement(By.cssSelector("#survey-form input[name=name]")).sendKeys("坏文件");
        Browser.clickToLoad(browser, browser.findElement(By.cssSelector("#survey-form button[type=submit]")));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("errors")));
        assertThat(browser.findElement(By.id("errors")).getText()).contains("第2行，获得感列", "第3行，认同感列", "未保存");
    }

    @Test
    void officeSeesConflictsWithTheCityGroupedByKind() throws Exception {
        String name = "城镇居民人均可支配收入（浏览器测试）";
        SignedInAsAdmin.signIn(users.loadUserByUsername("admin"));
        try {
            writer.create(new PlanDraft("宁波市高质量发展建设共同富裕先行市行动计划（测试）", "330200", "宁波市", 2021, 2025,
                    "action_plan", List.of(), List.of(), List.of(indicator(name, target(name, "8", 2025, "年均增长8%")))));
            writer.create(new PlanDraft("青溪区共同富裕2025年工作要点（测试）", "330299", "青溪区", 2025, 2025,
                    "work_points", List.of(), List.of(), List.of(indicator(name,
                    target(name, "7.5", 2024, "增长7.5%"), target(name, "7", 2025, "增长7%")))));
        } finally {
            SignedInAsAdmin.signOut();
        }
        Browser.signIn(browser, port, "office");
        browser.get(url("/consistency"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("目标一致性检查");
        String conflicts = browser.findElement(By.id("kind-conflict")).getText();
        assertThat(conflicts).contains(name, "≥ 8", "≥ 7", "宁波市高质量发展建设共同富裕先行市行动计划（测试）", "青溪区共同富裕2025年工作要点（测试）");
        assertThat(browser.findElements(By.cssSelector("#kind-target_worsens tr.finding"))).isNotEmpty();
        // the district's own plan is linked; the city's plan lies outside the office's scope and is named only
        assertThat(browser.findElements(By.linkText("青溪区共同富裕2025年工作要点（测试）"))).isNotEmpty();
        assertThat(browser.findElements(By.linkText("宁波市高质量发展建设共同富裕先行市行动计划（测试）"))).isEmpty();
        screenshot("consistency");
    }

    static IndicatorDraft indicator(String name, TargetDraft... targets) {
        return new IndicatorDraft(null, "收入分配", name, "%", "higher", false, null, null, List.of(targets));
    }

    static TargetDraft target(String indicator, String value, int year, String text) {
        return new TargetDraft(indicator, "ge", new BigDecimal(value), null, null, "%", year, text);
    }


    /** n respondents whose answers drift upwards wave by wave. */
    static byte[] answers(Random random, int n, int wave) throws Exception {
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<Object> row = new ArrayList<>();
            for (int d = 0; d < 4; d++) row.add(Math.max(1, Math.min(5, 3 + (wave + d) / 3 + random.nextInt(3) - 1)));
            rows.add(row);
        }
        return sheet(List.of("获得感", "幸福感", "安全感", "认同感"), rows);
    }

    static byte[] sheet(List<String> header, List<List<Object>> rows) throws Exception {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("问卷");
            Row h = sheet.createRow(0);
            for (int c = 0; c < header.size(); c++) h.createCell(c).setCellValue(header.get(c));
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 1);
                for (int c = 0; c < rows.get(r).size(); c++) row.createCell(c).setCellValue(((Number) rows.get(r).get(c)).doubleValue());
            }
            book.write(out);
            return out.toByteArray();
        }
    }
}
