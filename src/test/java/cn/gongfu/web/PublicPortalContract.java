package cn.gongfu.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gongfu.support.DemoFacts;
import cn.gongfu.support.MvcContract;
import cn.gongfu.users.UserService;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;

/**
 * The public portal goes as deep as the office publishes (issue 14): a public plan's overview, and its tasks,
 * indicators with their trajectories, rankings and issued bulletins only where the office chose them; anything else
 * answers 404 to anyone, hostile addresses answer 400 or 404, and nothing on it links into the signed-in system.
 * Run on each database; the demo plan's publicity is put back after each test.
 */
abstract class PublicPortalContract extends MvcContract {

    @Autowired
    UserService users;

    long plan;
    String sectionsBefore;

    @BeforeEach
    void demoPlan() {
        plan = DemoFacts.demoPlanId(jdbc);
        sectionsBefore = jdbc.sql("select public_sections from plan where id = :p").param("p", plan).query(String.class).optional().orElse(null);
    }

    @AfterEach
    void putBackThePublicity() {
        jdbc.sql("update plan set public_since = coalesce(public_since, current_timestamp), public_sections = :s where id = :p")
                .param("s", sectionsBefore).param("p", plan).update();
    }

    @Test
    void theDemoPlanIsPublicWithEverySection() {
        assertThat(sectionsBefore).isEqualTo("tasks,indicators,rankings,bulletins,cases");
    }

    @Test
    void eachSectionShowsWhatThePlanHolds() throws Exception {
        String title = jdbc.sql("select title from plan where id = :p").param("p", plan).query(String.class).single();
        Document index = html(get("/public"));
        assertThat(index.select("#public-plans a[href=/public/plans/" + plan + "]").text()).isEqualTo(title);
        assertThat(index.select("#public-plans .big-number").text()).as("the degree on the card").endsWith("%");

        Document overview = html(get("/public/plans/{id}", plan));
        assertThat(overview.select("#public-tabs a").eachText()).containsExactly("总体进展", "任务清单", "指标与走势", "单位排名", "工作通报", "典型案例");
        assertThat(overview.select("#coverage").text()).startsWith("基于");

        // every task of the plan, under its chapter, each with its status
        long tasks = count("select count(*) from task where plan_id = :p");
        Document list = html(get("/public/plans/{id}/tasks", plan));
        assertThat(list.select(".public-tasks li")).hasSize((int) tasks);
        assertThat(list.select(".public-tasks li .status")).hasSize((int) tasks);
        // each task with its lead units in words
        long led = count("select count(distinct t.id) from task t join task_unit tu on tu.task_id = t.id and tu.role = 'lead' where t.plan_id = :p");
        assertThat(list.select(".public-tasks .lead-units").eachText()).hasSize((int) led)
                .allSatisfy(line -> assertThat(line).startsWith("牵头单位：").doesNotContain("th:", "${"));
        assertThat(list.select(".public-tasks li").text()).doesNotContain("th:", "#{");
        assertThat(list.select("#public-task-count").text()).isEqualTo("共 " + tasks + " 项任务，列出 " + tasks + " 项");
        // searching by the text of one task finds it
        String aTitle = jdbc.sql("select title from task where plan_id = :p order by position fetch first 1 rows only")
                .param("p", plan).query(String.class).single();
        Document found = html(get("/public/plans/{id}/tasks", plan).param("q", aTitle));
        assertThat(found.select(".public-task-title").eachText()).anySatisfy(t -> assertThat(t).contains(aTitle));
        assertThat(found.select(".public-tasks li").size()).isLessThan((int) tasks);
        // a status filter keeps only that status
        Document notStarted = html(get("/public/plans/{id}/tasks", plan).param("status", "NOT_STARTED"));
        assertThat(notStarted.select(".public-tasks li .status").eachText()).allMatch("未开始"::equals);

        long taskId = jdbc.sql("select id from task where plan_id = :p order by position fetch first 1 rows only")
                .param("p", plan).query(Long.class).single();
        Document task = html(get("/public/plans/{id}/tasks/{t}", plan, taskId));
        assertThat(task.select("#public-task-title").text()).contains(aTitle);
        assertThat(task.select("#public-milestones tbody tr, p.muted").size()).isPositive();

        // every indicator of the plan, by domain; one has its trajectory as a chart and as a table
        Document indicators = html(get("/public/plans/{id}/indicators", plan));
        long indicatorCount = count("select count(distinct indicator_id) from target where plan_id = :p");
        assertThat(indicators.select(".public-indicators li")).hasSize((int) indicatorCount);
        long withValues = jdbc.sql("""
                select min(t.indicator_id) from target t where t.plan_id = :p
                and exists (select 1 from observation o where o.indicator_id = t.indicator_id and o.state = 'approved'
                            and o.region_code = (select region_code from plan where id = :p))""").param("p", plan).query(Long.class).single();
        Document indicator = html(get("/public/plans/{id}/indicators/{i}", plan, withValues));
        assertThat(indicator.select("#trajectory-chart").attr("data-chart")).contains("series");
        assertThat(indicator.select("#trajectory-chart").attr("aria-label")).isNotBlank();
        long years = count("select count(distinct substring(o.period, 1, 4)) from observation o where o.state = 'approved'"
                + " and o.indicator_id = " + withValues + " and o.region_code = (select region_code from plan where id = :p)");
        assertThat(indicator.select("#public-trajectory tbody tr").size()).isGreaterThanOrEqualTo((int) years);

        // a ranking the office publishes shows with its score's parts in words, never the stored codes
        if (count("select count(*) from ranking_snapshot where period = '2024' and region_code = (select region_code from plan where id = :p)") == 0) {
            form(post("/dashboard/units/publish").param("plan", "" + plan).param("period", "2024").with(as("office")))
                    .andExpect(status().is3xxRedirection());
        }
        Document rankings = html(get("/public/plans/{id}/rankings", plan));
        assertThat(rankings.select("h1").text()).isEqualTo(title);
        assertThat(rankings.select("#public-rankings").text()).contains("2024", "指标达成").doesNotContain("INDICATOR_ACHIEVEMENT", "=");
        assertThat(html(get("/public/plans/{id}/bulletins", plan)).select("h1").text()).isEqualTo(title);
    }

    @Test
    void theOfficeChoosesHowDeepThePortalGoes() throws Exception {
        form(post("/plans/{id}/public", plan).param("public", "true").param("sections", "indicators").with(as("office")))
                .andExpect(status().is3xxRedirection());
        assertThat(audit("plan:" + plan)).last().isEqualTo("plan.public-sections: tasks,indicators,rankings,bulletins,cases → indicators");
        Document overview = html(get("/public/plans/{id}", plan));
        assertThat(overview.select("#public-tabs a").eachText()).containsExactly("总体进展", "指标与走势");
        for (String gone : List.of("/tasks", "/rankings", "/bulletins", "/cases")) {
            mvc.perform(get("/public/plans/" + plan + gone)).andExpect(status().isNotFound());
        }
        long taskId = jdbc.sql("select min(id) from task where plan_id = :p").param("p", plan).query(Long.class).single();
        mvc.perform(get("/public/plans/{id}/tasks/{t}", plan, taskId)).andExpect(status().isNotFound());
        mvc.perform(get("/public/plans/{id}/indicators", plan)).andExpect(status().isOk());

        // the plan page's form shows what is chosen; an unknown section is refused, naming the field
        Document planPage = html(get("/plans/{id}", plan).with(as("office")));
        assertThat(planPage.select("#public-depth input[checked]").eachAttr("value")).containsExactly("indicators");
        String refused = form(post("/plans/{id}/public", plan).param("public", "true").param("sections", "everything").with(as("office")))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused).contains("sections");
        mvc.perform(post("/plans/{id}/public", plan).param("public", "true").param("sections", "tasks").with(as("reporter")))
                .andExpect(status().isForbidden());

        // overview only: no section beyond it; withdrawn: nothing at all
        form(post("/plans/{id}/public", plan).param("public", "true").with(as("office"))).andExpect(status().is3xxRedirection());
        // no sections sent: the depth stays
        mvc.perform(get("/public/plans/{id}/indicators", plan)).andExpect(status().isOk());
        form(post("/plans/{id}/public", plan).param("public", "true").param("sections", "").with(as("office")))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/public/plans/{id}/indicators", plan)).andExpect(status().isNotFound());
        assertThat(html(get("/public/plans/{id}", plan)).select("#lagging a")).as("no link to an indicator not published").isEmpty();
        form(post("/plans/{id}/public", plan).param("public", "false").with(as("office"))).andExpect(status().is3xxRedirection());
        mvc.perform(get("/public/plans/{id}", plan)).andExpect(status().isNotFound());
        assertThat(html(get("/public")).select("#public-plans a[href=/public/plans/" + plan + "]")).isEmpty();
    }

    @Test
    void onlyIssuedBulletinsOfAPlanThatPublishesThemAreShown() throws Exception {
        JsonNode b = json(mvc.perform(post("/api/v1/bulletins").with(as("office")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"plan\": " + plan + ", \"period\": \"2025Q3\"}")).andExpect(status().isCreated()));
        long id = b.get("id").asLong();
        try {
            mvc.perform(get("/public/bulletins/{id}", id)).andExpect(status().isNotFound());
            assertThat(html(get("/public/plans/{id}/bulletins", plan)).select("#public-bulletins a[href=/public/bulletins/" + id + "]")).isEmpty();

            mvc.perform(post("/api/v1/bulletins/{id}/issue", id).with(as("office")).contentType(MediaType.APPLICATION_JSON)
                    .content("{\"version\": " + b.get("version").asInt() + "}")).andExpect(status().isOk());
            assertThat(html(get("/public/plans/{id}/bulletins", plan)).select("#public-bulletins a[href=/public/bulletins/" + id + "]").text())
                    .isEqualTo(b.get("title").asString());
            Document sheet = html(get("/public/bulletins/{id}", id));
            assertThat(sheet.select("#doc-title").text()).isEqualTo(b.get("title").asString());
            assertThat(sheet.select("#doc-number").text()).startsWith("共富办通报〔");
            byte[] pdf = mvc.perform(get("/public/bulletins/{id}/pdf", id)).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
            assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");

            form(post("/plans/{id}/public", plan).param("public", "true").param("sections", "tasks").with(as("office")))
                    .andExpect(status().is3xxRedirection());
            mvc.perform(get("/public/bulletins/{id}", id)).andExpect(status().isNotFound());
            mvc.perform(get("/public/bulletins/{id}/pdf", id)).andExpect(status().isNotFound());
        } finally {
            jdbc.sql("delete from bulletin where id = :id").param("id", id).update();
        }
    }

    @Test
    void aPlanNotMadePublicIsAbsentFromEveryPage() throws Exception {
        String region = jdbc.sql("select region_code from plan where id = :p").param("p", plan).query(String.class).single();
        jdbc.sql("""
                insert into plan (title, region_code, start_year, end_year, kind, state, public_sections)
                values ('门户测试方案（未公开）', :r, 2025, 2027, 'action_plan', 'published', 'tasks,indicators,rankings,bulletins')""")
                .param("r", region).update();
        long hidden = jdbc.sql("select id from plan where title = '门户测试方案（未公开）'").query(Long.class).single();
        try {
            for (String page : List.of("", "/tasks", "/indicators", "/rankings", "/bulletins")) {
                mvc.perform(get("/public/plans/" + hidden + page)).andExpect(status().isNotFound());
            }
            // a task or an indicator of the public plan asked for under the hidden one is absent too
            long taskId = jdbc.sql("select min(id) from task where plan_id = :p").param("p", plan).query(Long.class).single();
            mvc.perform(get("/public/plans/{id}/tasks/{t}", hidden, taskId)).andExpect(status().isNotFound());
        } finally {
            jdbc.sql("delete from plan where id = :p").param("p", hidden).update();
        }
    }

    @Test
    void hostileAddressesAnswerFourHundredOrFourHundredFour() throws Exception {
        mvc.perform(get("/public/plans/abc")).andExpect(status().isBadRequest());
        mvc.perform(get("/public/plans/99999999999")).andExpect(status().isNotFound());
        mvc.perform(get("/public/plans/-1/tasks")).andExpect(status().isNotFound());
        mvc.perform(get("/public/bulletins/0")).andExpect(status().isNotFound());
        mvc.perform(get("/public/plans/{id}/indicators/{i}", plan, Long.MAX_VALUE)).andExpect(status().isNotFound());
        long otherTask = count("select coalesce(max(id), 0) + 1000 from task");
        mvc.perform(get("/public/plans/{id}/tasks/{t}", plan, otherTask)).andExpect(status().isNotFound());
        String script = mvc.perform(get("/public/plans/{id}/tasks", plan).param("status", "<script>alert(1)</script>"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(script).contains("status").doesNotContain("<script>alert(1)</script>");
        for (String q : List.of("'; drop table plan; --", "x".repeat(5000), "\u0000\uD83D\uDE00", "%_%")) {
            var response = mvc.perform(get("/public/plans/{id}/tasks", plan).param("q", q)).andReturn().getResponse();
            String what = q.length() > 20 ? "long text" : q;
            assertThat(response.getStatus()).as(what).isIn(200, 400);
            if (response.getStatus() == 200) {
                assertThat(Jsoup.parse(response.getContentAsString(StandardCharsets.UTF_8)).select(".public-tasks li").size()).as(what)
                        .isLessThanOrEqualTo((int) count("select count(*) from task where plan_id = :p"));
            }
        }
        // the text is searched for as text: quotes and wildcards find nothing rather than everything
        assertThat(html(get("/public/plans/{id}/tasks", plan).param("q", "%_%")).select(".public-tasks li")).isEmpty();
        assertThat(count("select count(*) from plan where id = :p")).isOne();
    }

    @Test
    void nothingOnThePortalLinksIntoTheSignedInSystem() throws Exception {
        long taskId = jdbc.sql("select min(id) from task where plan_id = :p").param("p", plan).query(Long.class).single();
        long indicator = jdbc.sql("select min(indicator_id) from target where plan_id = :p").param("p", plan).query(Long.class).single();
        for (String page : List.of("/public", "/public/plans/" + plan, "/public/plans/" + plan + "/tasks",
                "/public/plans/" + plan + "/tasks/" + taskId, "/public/plans/" + plan + "/indicators",
                "/public/plans/" + plan + "/indicators/" + indicator, "/public/plans/" + plan + "/rankings",
                "/public/plans/" + plan + "/bulletins")) {
            List<String> links = html(get(page)).select("main a[href]").eachAttr("href");
            assertThat(links).as(page).isNotEmpty().allMatch(href -> href.startsWith("/public"), "a link of the portal");
        }
    }

    private Document html(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
        return Jsoup.parse(page(request));
    }

    private long count(String sql) {
        return jdbc.sql(sql).param("p", plan).query(Long.class).single();
    }

    private RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username).withoutPassword());
    }
}
