package cn.gongfu.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongfu.support.BrowserTest;
import cn.gongfu.support.DemoFacts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 14, charts that read at a glance, as chromium draws them: the regions as small multiples (one chart an
 * indicator, so 元 and % never share an axis), the Gantt grouped by the plan's actions in plan order, and an overview
 * that is a summary on a phone. The charts' options are read back from ECharts itself.
 */
class ChartsBrowserTest extends BrowserTest {

    /**
     * The overview at 390 px was 15,413 px long when issue 14 was filed, still 13,809 px (the leader, on the demo)
     * before the phone summary, about 1,700 px after.
     */
    static final int PHONE_OVERVIEW_MAX_HEIGHT = 4000;

    @Autowired
    JdbcClient jdbc;

    private WebDriverWait waitFor() {
        return new WebDriverWait(browser, Duration.ofSeconds(15));
    }

    private void drawn(String cssOfChart) {
        waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(cssOfChart + " svg path")));
    }

    /** The option ECharts holds for the chart drawn in the element, as Java maps and lists. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> option(WebElement chart) {
        return (Map<String, Object>) browser.executeScript(
                "return JSON.parse(JSON.stringify(echarts.getInstanceByDom(arguments[0]).getOption()))", chart);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object o) {
        return o instanceof List<?> l ? (List<Map<String, Object>>) l : List.of((Map<String, Object>) o);
    }

    @Test
    @SuppressWarnings("unchecked")
    void regionsAreSmallMultiplesWithOneUnitAnAxis() throws Exception {
        long plan = DemoFacts.demoPlanId(jdbc);
        signIn("leader");
        browser.manage().window().setSize(new Dimension(1366, 900));
        browser.get(url("/dashboard/regions?plan=" + plan));
        drawn(".region-chart");
        List<WebElement> charts = browser.findElements(By.cssSelector(".region-chart"));
        // the indicators some town reports, with their units, straight from the database
        List<Map<String, Object>> compared = jdbc.sql("""
                select distinct i.name, i.unit from indicator i join observation o on o.indicator_id = i.id
                where o.state = 'approved' and o.region_code <> :r
                  and exists (select 1 from target t where t.indicator_id = i.id and t.plan_id = :p)""")
                .param("r", DemoFacts.DEMO_REGION).param("p", plan).query().listOfRows();
        assertThat(compared).as("the demo compares indicators across towns").hasSizeGreaterThan(1);
        assertThat(compared.stream().map(r -> r.get("unit")).filter(Objects::nonNull).distinct().count())
                .as("the demo mixes units, the case issue 14 saw").isGreaterThan(1);
        assertThat(charts).as("one small chart an indicator").hasSize(compared.size());
        for (WebElement chart : charts) {
            waitFor().until(d -> !chart.findElements(By.cssSelector("svg path")).isEmpty());
            Map<String, Object> option = option(chart);
            List<Map<String, Object>> yAxes = list(option.get("yAxis"));
            List<Map<String, Object>> series = list(option.get("series"));
            assertThat(yAxes).hasSize(1);
            // every series on the one value axis measures the same unit, the one the axis names
            assertThat(series.stream().map(s -> s.get("yAxisIndex") == null ? 0 : ((Number) s.get("yAxisIndex")).intValue()).distinct())
                    .containsOnly(0);
            String name = chart.getAttribute("data-indicator");
            Object unit = compared.stream().filter(r -> r.get("name").equals(name)).findFirst().orElseThrow().get("unit");
            assertThat(Objects.toString(yAxes.get(0).get("name"), "")).as(name).isEqualTo(unit == null ? "" : unit);
            String caption = chart.findElement(By.xpath("./preceding-sibling::figcaption")).getText();
            assertThat(caption).as("labelled with its indicator and unit").contains(name);
            if (unit != null) assertThat(caption).contains(unit.toString());
            assertThat(chart.getAttribute("aria-label")).contains(name);
            // the bars are drawn: a town's value is not flattened by another unit's scale
            List<Object> data = (List<Object>) series.get(0).get("data");
            assertThat(data).isNotEmpty();
        }
        assertThat(browser.findElement(By.id("regions-table")).getText()).contains("青溪街道", "松原镇");
        screenshot("charts-regions");
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.navigate().refresh();
        drawn(".region-chart");
        assertPhoneFits();
        List<WebElement> phoneCharts = browser.findElements(By.cssSelector(".region-chart"));
        if (phoneCharts.size() > 1) {
            assertThat(phoneCharts.get(1).getLocation().getY()).as("stacked on a phone")
                    .isGreaterThanOrEqualTo(phoneCharts.get(0).getLocation().getY() + phoneCharts.get(0).getSize().getHeight());
        }
        screenshot("charts-regions-phone");
        browser.manage().window().setSize(new Dimension(1366, 900));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theGanttIsGroupedByTheActionsInPlanOrder() throws Exception {
        long plan = DemoFacts.demoPlanId(jdbc);
        signIn("leader");
        browser.manage().window().setSize(new Dimension(1366, 900));
        browser.get(url("/dashboard/tasks?plan=" + plan));
        drawn("#gantt-chart");
        WebElement gantt = browser.findElement(By.id("gantt-chart"));
        Map<String, Object> option = option(gantt);
        List<String> rows = (List<String>) list(option.get("yAxis")).get(0).get("data");
        List<String> groups = new ArrayList<>();
        for (String row : rows) if (row.startsWith("{group|")) groups.add(row.substring(7, row.length() - 1));
        // the top-level sections (the actions) of the tasks with milestones, in the plan's order, walked up in Java
        Map<Long, Map<String, Object>> sections = new java.util.HashMap<>();
        jdbc.sql("select id, parent_id, label, title, position from section where plan_id = :p").param("p", plan).query().listOfRows()
                .forEach(r -> sections.put(((Number) r.get("id")).longValue(), r));
        java.util.TreeMap<Integer, String> roots = new java.util.TreeMap<>();
        for (Long sectionId : jdbc.sql("select distinct t.section_id from task t join milestone m on m.task_id = t.id where t.plan_id = :p"
                + " and t.section_id is not null").param("p", plan).query(Long.class).list()) {
            Map<String, Object> s = sections.get(sectionId);
            while (s.get("parent_id") != null) s = sections.get(((Number) s.get("parent_id")).longValue());
            roots.put(((Number) s.get("position")).intValue(), Objects.toString(s.get("label"), "") + s.get("title"));
        }
        List<String> expected = new ArrayList<>(roots.values());
        assertThat(expected).as("the demo's milestones lie in several actions").hasSizeGreaterThan(1);
        assertThat(groups.stream().map(g -> g.replace("…", "")).toList()).hasSameSizeAs(expected);
        for (int k = 0; k < expected.size(); k++) {
            assertThat(expected.get(k)).as("group %d in plan order", k).startsWith(groups.get(k).replace("…", ""));
        }
        assertThat(rows.get(0)).as("a group's label comes before its rows").startsWith("{group|");
        // every milestone is still a row, under its group
        int milestones = jdbc.sql("select count(*) from milestone m join task t on t.id = m.task_id where t.plan_id = :p")
                .param("p", plan).query(Integer.class).single();
        assertThat(rows).hasSize(milestones + groups.size());
        assertThat(new LinkedHashSet<>(groups)).hasSameSizeAs(groups);
        assertThat(gantt.getAttribute("aria-label")).isNotBlank();
        screenshot("charts-gantt-grouped");
        // on a phone the labels give the bars room
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.navigate().refresh();
        drawn("#gantt-chart");
        assertPhoneFits();
        Map<String, Object> narrow = option(browser.findElement(By.id("gantt-chart")));
        assertThat(((Number) list(narrow.get("grid")).get(0).get("left")).intValue()).isLessThan(150);
        browser.executeScript("document.getElementById('gantt-chart').scrollIntoView()");
        screenshot("charts-gantt-grouped-phone");
        browser.manage().window().setSize(new Dimension(1366, 900));
    }

    @Test
    void theOverviewIsASummaryOnAPhone() throws Exception {
        long plan = DemoFacts.demoPlanId(jdbc);
        signIn("leader");
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.get(url("/dashboard?plan=" + plan));
        drawn("#gauge-chart");
        long height = ((Number) browser.executeScript("return document.documentElement.scrollHeight")).longValue();
        System.out.println("overview at 390 px: " + height + " px");
        assertPhoneFits();
        assertThat(height).as("the overview on a phone is a summary").isLessThan(PHONE_OVERVIEW_MAX_HEIGHT);
        // the summary: degree and coverage, the status counts, the worst five, links to the details
        assertThat(browser.findElement(By.id("coverage")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.id("coverage")).getText()).startsWith("基于 51 项指标中的");
        assertThat(browser.findElements(By.cssSelector("#status-counts li"))).isNotEmpty();
        int worst = browser.findElements(By.cssSelector("#lagging tbody tr")).stream().filter(WebElement::isDisplayed).toList().size();
        assertThat(worst).isBetween(1, 5);
        assertThat(browser.findElement(By.id("all-indicators")).isDisplayed()).as("the long table is folded").isFalse();
        WebElement fold = browser.findElement(By.cssSelector("#indicators-fold > summary"));
        assertThat(fold.getText()).contains("全部指标");
        for (String id : List.of("tab-tasks", "tab-units", "tab-regions")) {
            assertThat(browser.findElement(By.id(id)).isDisplayed()).as(id).isTrue();
        }
        screenshot("charts-overview-phone");
        // the whole summary in one picture: a phone's width, the page's height
        browser.manage().window().setSize(new Dimension(390, (int) height + 140));
        screenshot("charts-overview-phone-whole");
        browser.manage().window().setSize(new Dimension(390, 844));
        // opened, the table is all there
        fold.click();
        assertThat(browser.findElement(By.id("all-indicators")).isDisplayed()).isTrue();
        assertPhoneFits();

        // on a screen nothing is folded
        browser.manage().window().setSize(new Dimension(1366, 900));
        browser.get(url("/dashboard?plan=" + plan));
        drawn("#gauge-chart");
        assertThat(browser.findElement(By.id("all-indicators")).isDisplayed()).isTrue();
        assertThat(browser.findElements(By.cssSelector("#lagging tbody tr")).stream().filter(WebElement::isDisplayed).count())
                .isGreaterThan(worst - 1L);
    }
}
