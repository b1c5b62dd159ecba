package cn.gongfu.web;

import static cn.gongfu.support.DemoFacts.plan;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gongfu.support.Browser;
import cn.gongfu.support.BrowserTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

/** A reader walks the demo plan in a real headless chromium: list, tree, section, task, language, chart. */
class PlanBrowserTest extends BrowserTest {

    @Test
    void readerOpensTheTreeASectionATaskAndSwitchesToEnglish() {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
        Browser.signIn(browser, port, "office");
        browser.get("http://localhost:" + port + "/plans");

        // The plan list, in Chinese (the start page is the workbench: WorkbenchBrowserTest).
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("规划方案");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("zh-CN");
        browser.findElement(By.linkText(plan().get("title").asText())).click();

        // The plan shows its top-level sections closed; opening the first loads its themes and tasks.
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("plan-tree")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(plan().get("title").asText());
        List<WebElement> sections = browser.findElements(By.cssSelector("#plan-tree > details.section"));
        long roots = plan().get("sections").valueStream().filter(s -> s.get("parentKey").isNull()).count();
        assertThat(sections).hasSize((int) roots);
        WebElement first = sections.get(0);
        JsonNode firstSection = plan().get("sections").get(0);
        assertThat(first.findElement(By.cssSelector("summary .heading")).getText())
                .isEqualTo(firstSection.get("label").asText() + firstSection.get("title").asText());
        assertThat(first.findElements(By.cssSelector(".task-row"))).isEmpty();
        first.findElement(By.tagName("summary")).click();
        wait.until(d -> !first.findElements(By.cssSelector(".section-body details.section")).isEmpty());

        // Open the first theme inside it, then its first task.
        WebElement theme = first.findElement(By.cssSelector(".section-body details.section"));
        theme.findElement(By.tagName("summary")).click();
        wait.until(d -> !theme.findElements(By.cssSelector(".task-row a.task-title")).isEmpty());
        JsonNode firstTask = plan().get("tasks").get(0);
        WebElement taskLink = theme.findElement(By.cssSelector(".task-row a.task-title"));
        assertThat(taskLink.getText()).isEqualTo(firstTask.get("title").asText());
        taskLink.click();

        // The task page: code, title, lead unit, targets, in Chinese.
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("task-title")));
        assertThat(browser.findElement(By.id("task-title")).getText())
                .isEqualTo(firstTask.get("code").asText() + " " + firstTask.get("title").asText());
        assertThat(browser.findElement(By.id("lead-units")).getText()).isNotBlank();
        assertThat(browser.findElement(By.cssSelector("#targets h2")).getText()).isEqualTo("目标");
        String firstIndicator = firstTask.get("targets").get(0).get("indicator").asText();
        assertThat(browser.findElement(By.cssSelector("#targets table")).getText()).contains(firstIndicator);

        // Switch to English: the same task, English chrome, and the choice sticks on the next page.
        browser.findElement(By.id("lang-switch")).click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#targets h2"), "Targets"));
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
        assertThat(browser.findElement(By.cssSelector("header nav")).getText()).contains("Plans", "Units", "Indicators");
        assertThat(browser.findElement(By.id("task-title")).getText()).contains(firstTask.get("title").asText());
        browser.findElement(By.linkText(firstIndicator)).click();

        // The indicator page draws its chart (ECharts renders SVG) and lists the targets by year.
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#indicator-chart svg")));
        assertThat(browser.findElement(By.id("indicator-name")).getText()).isEqualTo(firstIndicator);
        assertThat(browser.findElements(By.cssSelector("#indicator-chart svg path"))).isNotEmpty();
        assertThat(browser.findElement(By.cssSelector("#targets-table")).getText()).contains("2025");
        assertThat(browser.findElement(By.tagName("h2")).getText()).isEqualTo("Targets and actuals");

        // And back to Chinese.
        browser.findElement(By.id("lang-switch")).click();
        wait.until(ExpectedConditions.textToBe(By.tagName("h2"), "目标与实际"));
    }
}
