package cn.gongfu.evaluation.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gongfu.evaluation.method.Status;
import cn.gongfu.support.DemoFacts;
import cn.gongfu.support.H2Test;
import java.nio.charset.StandardCharsets;
import java.util.List;
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
 * the chart when the plan has more rows).
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
}
