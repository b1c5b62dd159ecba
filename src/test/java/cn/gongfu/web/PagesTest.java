package cn.gongfu.web;

import static cn.gongfu.support.DemoFacts.plan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gongfu.support.DemoFacts;
import cn.gongfu.support.H2Test;
import jakarta.servlet.http.Cookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Every page renders in both languages with what a reader expects on it; bad addresses get calm error pages. */
@H2Test
class PagesTest {

    @LocalServerPort
    int port;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyPageRendersInChineseAndEnglish() throws Exception {
        long planId = DemoFacts.demoPlanId(jdbc);
        long taskId = id("select min(id) from task where plan_id = " + planId);
        long unitId = id("select id from unit where name = '区卫生健康局' and region_code = '330299'");
        long indicatorId = id("select min(id) from indicator where region_code = '330299'");
        long sectionId = id("select min(id) from section where plan_id = " + planId);
        String planTitle = plan().get("title").asText();

        assertThat(page("/plans", "zh-CN")).contains("规划方案", planTitle);
        assertThat(page("/plans", "en")).contains("Plans", planTitle, "Action plan");
        // a search finds tasks by their text, not only plans by their title
        assertThat(page("/plans?q=托育", "zh-CN")).contains("id=\"task-hits\"", "含“托育”的任务", "构建托幼一体化服务体系");
        assertThat(page("/plans/" + planId, "zh-CN")).contains(planTitle, "任务树", "展开全部", "hx-get=\"/plans/" + planId + "/sections/");
        assertThat(page("/plans/" + planId + "?expand=all", "zh-CN")).contains(plan().get("tasks").get(0).get("title").asText());
        assertThat(page("/plans/" + planId + "/sections/" + sectionId, "zh-CN")).contains("task-row").doesNotContain("<html");
        assertThat(page("/tasks/" + taskId, "zh-CN")).contains("牵头单位", "目标", "进度节点");
        assertThat(page("/tasks/" + taskId, "en")).contains("Lead units", "Targets", "Milestones");
        assertThat(page("/units", "zh-CN")).contains("区卫生健康局", "区卫健局");
        assertThat(page("/units/" + unitId, "zh-CN")).contains("区卫生健康局", "承担任务");
        assertThat(page("/units/" + unitId, "en")).contains("Tasks", "Department");
        assertThat(page("/indicators", "zh-CN")).contains("领域", plan().get("indicators").get(0).get("name").asText());
        assertThat(page("/indicators/" + indicatorId, "zh-CN")).contains("data-chart=", "分年度目标");
        assertThat(page("/indicators/" + indicatorId, "en")).contains("Targets by year", "Higher is better");
    }

    @Test
    void searchesFilterTheLists() throws Exception {
        assertThat(page("/units?q=区资规分局", "zh-CN")).contains("区自然资源和规划分局").doesNotContain("区卫生健康局");
        String domain = plan().get("indicators").get(0).get("domain").asText();
        String otherDomainIndicator = plan().get("indicators").valueStream()
                .filter(i -> !i.get("domain").asText().equals(domain)).findFirst().orElseThrow().get("name").asText();
        assertThat(page("/indicators?domain=" + domain, "zh-CN")).doesNotContain(otherDomainIndicator);
        assertThat(page("/plans?q=没有这个方案", "zh-CN")).contains("暂无数据");
    }

    @Test
    void unknownAndMalformedAddressesGetErrorPagesNotTraces() throws Exception {
        String missing = mvc.perform(get("/tasks/987654")).andExpect(status().isNotFound())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(missing).contains("没有找到您要的内容").doesNotContain("Exception");
        String malformed = mvc.perform(get("/plans/abc")).andExpect(status().isBadRequest())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(malformed).contains("请求参数有误").doesNotContain("Exception");
        mvc.perform(get("/plans/1/sections/987654")).andExpect(status().isNotFound());
    }

    /** The error page's own address, visited from outside, is an unknown address (it answered 500 "status 999"). */
    @Test
    void theErrorAddressVisitedDirectlyIsNotFound() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        for (String accept : List.of("text/html", "application/json")) {
            HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/error"))
                    .header("Accept", accept).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(accept).isEqualTo(404);
            assertThat(answer.body()).as(accept).doesNotContain("999", "Exception");
        }
    }

    private String page(String path, String lang) throws Exception {
        return mvc.perform(get(path).cookie(new Cookie("gongfu-lang", lang)))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private long id(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
