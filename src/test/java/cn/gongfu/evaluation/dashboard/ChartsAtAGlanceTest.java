package cn.gongfu.evaluation.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gongfu.evaluation.method.Status;
import cn.gongfu.support.DemoFacts;
import cn.gongfu.support.H2Test;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 14, charts that read at a glance: the gauge's number stands clear of its tick labels, the donut's labels wrap
 * instead of being cut, and the Gantt has a legend of its statuses and a height that fits a screen (scrolling inside
 * the chart when the plan has more rows); the regions are one small chart an indicator, each on an axis of its own
 * unit, and the Gantt's rows come under the plan's actions in plan order.
 */
@H2Test
class ChartsAtAGlanceTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    @SuppressWarnings("unchecked")
    void theGaugeAndTheDonutKeepTheirWordsApart() {
        Map<String, Object> gauge = (Map<String, Object>) ((List<Object>) DashboardCharts.gauge(0.823, "实现度").get("series")).get(0);
        assertThat(((Map<String, Object>) gauge.get("detail")).get("offsetCenter")).isEqualTo(List.of(0, "0%"));
        assertThat(((Map<String, Object>) gauge.get("axisLabel")).get("distance")).isEqualTo(20);
        Map<String, Object> pie = (Map<String, Object>) ((List<Object>) DashboardCharts.distribution(
                Map.of(Status.ON_TRACK, 3L, Status.NO_DATA, 0L), Status::name).get("series")).get(0);
        assertThat(((Map<String, Object>) pie.get("label")).get("overflow")).isEqualTo("break");
        assertThat((List<Object>) pie.get("data")).as("a status with none is no slice").hasSize(1);
    }

    @Test
    void theGanttFitsAScreenAndSaysWhatItsColoursMean() throws Exception {
        assertThat(DashboardCharts.ganttHeight(3)).isEqualTo(240);
        assertThat(DashboardCharts.ganttHeight(400)).as("a screen, not 11,978 px").isEqualTo(DashboardCharts.ganttHeight(DashboardCharts.GANTT_ROWS))
                .isLessThanOrEqualTo(720);
        long plan = DemoFacts.demoPlanId(jdbc);
        String page = mvc.perform(get("/dashboard/tasks").param("plan", "" + plan)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        Matcher height = Pattern.compile("id=\"gantt-chart\" class=\"chart\" style=\"height:(\\d+)px\"").matcher(page);
        assertThat(height.find()).isTrue();
        assertThat(Integer.parseInt(height.group(1))).isLessThanOrEqualTo(720);
        int rows = jdbc.sql("select count(*) from milestone m join task t on t.id = m.task_id where t.plan_id = :p")
                .param("p", plan).query(Integer.class).single();
        String chart = page.substring(page.indexOf("id=\"gantt-chart\""));
        assertThat(chart).contains("&quot;legend&quot;", "进度正常");
        if (rows > DashboardCharts.GANTT_ROWS) assertThat(chart).contains("&quot;dataZoom&quot;");
    }

    private Document page(String path, long plan) throws Exception {
        return Jsoup.parse(mvc.perform(get(path).param("plan", "" + plan)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void theRegionsAreOneChartAnIndicatorOnAnAxisOfItsOwnUnit() throws Exception {
        long plan = DemoFacts.demoPlanId(jdbc);
        Map<String, String> units = new HashMap<>();
        jdbc.sql("""
                select distinct i.name, i.unit from indicator i join observation o on o.indicator_id = i.id
                where o.state = 'approved' and o.region_code <> :r
                  and exists (select 1 from target t where t.indicator_id = i.id and t.plan_id = :p)""")
                .param("r", DemoFacts.DEMO_REGION).param("p", plan).query().listOfRows()
                .forEach(r -> units.put((String) r.get("name"), (String) r.get("unit")));
        assertThat(new java.util.HashSet<>(units.values())).as("the demo compares 元, % and more").hasSizeGreaterThan(1);
        List<Element> charts = page("/dashboard/regions", plan).select(".region-chart");
        assertThat(charts.stream().map(c -> c.attr("data-indicator")).toList()).containsExactlyInAnyOrderElementsOf(units.keySet());
        for (Element chart : charts) {
            String name = chart.attr("data-indicator");
            JsonNode option = JSON.readTree(chart.attr("data-chart"));
            assertThat(option.get("yAxis").isObject()).as("one value axis: " + name).isTrue();
            assertThat(option.get("yAxis").get("name").asText()).isEqualTo(Objects.toString(units.get(name), ""));
            option.get("series").forEach(series -> assertThat(series.has("yAxisIndex")).isFalse());
            String caption = chart.parent().selectFirst("figcaption").text();
            assertThat(caption).contains(name);
            if (units.get(name) != null) assertThat(caption).contains(units.get(name));
            assertThat(chart.attr("role")).isEqualTo("img");
            assertThat(chart.attr("aria-label")).startsWith(name);
        }
        // in English the unit stands in brackets after the name, and the summary names every region
        Document english = Jsoup.parse(mvc.perform(get("/dashboard/regions").param("plan", "" + plan).param("lang", "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        Element income = english.select(".region-chart").stream().filter(c -> "元".equals(units.get(c.attr("data-indicator"))))
                .findFirst().orElseThrow();
        assertThat(income.parent().selectFirst("figcaption").text()).endsWith(" (元)");
        assertThat(income.attr("aria-label")).contains("(元): ", "青溪街道", "; ");
    }

    @Test
    void theGanttsRowsComeUnderThePlansActionsInPlanOrder() throws Exception {
        long plan = DemoFacts.demoPlanId(jdbc);
        Element gantt = page("/dashboard/tasks", plan).getElementById("gantt-chart");
        int milestones = jdbc.sql("select count(*) from milestone m join task t on t.id = m.task_id where t.plan_id = :p")
                .param("p", plan).query(Integer.class).single();
        assertThat(gantt.attr("role")).isEqualTo("img");
        assertThat(gantt.attr("aria-label")).as("the chart in words").contains(milestones + " 个进度节点", "组").doesNotContain("{");
        List<String> rows = new ArrayList<>();
        JSON.readTree(gantt.attr("data-chart")).get("baseOption").get("yAxis").get("data").forEach(r -> rows.add(r.asText()));
        // each task's action (its top-level section), walked up the section tree here
        Map<Long, Map<String, Object>> sections = new HashMap<>();
        jdbc.sql("select id, parent_id, label, title, position from section where plan_id = :p").param("p", plan).query().listOfRows()
                .forEach(r -> sections.put(((Number) r.get("id")).longValue(), r));
        // by the row a milestone has on the chart: its task's code and its text, shortened as the chart does
        Map<String, Map<String, Object>> actionOfRow = new HashMap<>();
        jdbc.sql("select t.code, t.section_id, m.text from task t join milestone m on m.task_id = t.id"
                + " where t.plan_id = :p and t.section_id is not null").param("p", plan).query().listOfRows().forEach(t -> {
                    Map<String, Object> s = sections.get(((Number) t.get("section_id")).longValue());
                    while (s.get("parent_id") != null) s = sections.get(((Number) s.get("parent_id")).longValue());
                    String text = (String) t.get("text");
                    actionOfRow.put(t.get("code") + " " + (text.length() <= 16 ? text : text.substring(0, 16) + "\u2026"), s);
                });
        TreeMap<Integer, String> inPlanOrder = new TreeMap<>();
        actionOfRow.values().forEach(s -> inPlanOrder.put(((Number) s.get("position")).intValue(),
                DashboardCharts.groupRow(Objects.toString(s.get("label"), "") + s.get("title"))));
        assertThat(rows.stream().filter(r -> r.startsWith("{group|")).toList()).as("the actions, in the plan's order")
                .containsExactlyElementsOf(inPlanOrder.values());
        String group = null;
        for (String row : rows) {
            if (row.startsWith("{group|")) {
                group = row;
                continue;
            }
            Map<String, Object> action = actionOfRow.get(row);
            assertThat(action).as(row).isNotNull();
            assertThat(group).as(row + " under its action").isEqualTo(
                    DashboardCharts.groupRow(Objects.toString(action.get("label"), "") + action.get("title")));
        }
    }

    /** The regions table shows each region's latest accepted value of each indicator, chosen in the database. */
    @Test
    void theRegionsTableShowsEachRegionsLatestValue() throws Exception {
        long plan = DemoFacts.demoPlanId(jdbc);
        var row = jdbc.sql("""
                select r.name as region, i.name as indicator, o.value from observation o join indicator i on i.id = o.indicator_id
                join region r on r.code = o.region_code
                where o.state = 'approved' and o.value is not null and o.region_code <> :r
                  and exists (select 1 from target t where t.indicator_id = i.id and t.plan_id = :p)
                  and o.period = (select max(x.period) from observation x where x.indicator_id = o.indicator_id
                                  and x.region_code = o.region_code and x.state = 'approved' and x.value is not null)
                order by i.name, r.name fetch first 1 rows only""")
                .param("r", DemoFacts.DEMO_REGION).param("p", plan).query().singleRow();
        Document page = page("/dashboard/regions", plan);
        List<String> headers = page.select("#regions-table thead th").eachText();
        int column = -1;
        for (int c = 0; c < headers.size(); c++) if (headers.get(c).startsWith((String) row.get("indicator"))) column = c;
        assertThat(column).as("a column for " + row.get("indicator")).isPositive();
        Element tr = page.select("#regions-table tbody tr").stream()
                .filter(r -> r.child(0).text().equals(row.get("region"))).findFirst().orElseThrow();
        assertThat(Double.parseDouble(tr.child(column).text().replace(",", "")))
                .isEqualTo(((Number) row.get("value")).doubleValue());
    }
}
