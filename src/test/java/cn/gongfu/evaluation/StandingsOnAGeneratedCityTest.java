package cn.gongfu.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gongfu.evaluation.method.Assessment;
import cn.gongfu.generate.DataSetGenerator;
import cn.gongfu.generate.Scale;
import cn.gongfu.kernel.Role;
import cn.gongfu.kernel.Scope;
import cn.gongfu.support.ReportSteps;
import cn.gongfu.support.SignedInAsAdmin;
import cn.gongfu.users.UserService;
import cn.gongfu.users.UserService.NewUser;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 15: on a generated city (8 counties, ~2,400 indicators, ~175,000 values, in an H2 database of its own), the
 * standings kept current by accepted and reopened reports are exactly what a full recompute gives, for every plan of
 * the city and every indicator. The stage: each of three counties has not yet reported 2025 for a department's
 * indicators (their 2025 values are removed, then the whole city is recomputed); the departments then report 2025
 * through the workflow with values that move the statuses, the office accepts, and one report is reopened.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK)
@AutoConfigureMockMvc
@Import(SignedInAsAdmin.class)
@TestPropertySource(properties = {
        "spring.datasource.url=jdbc:h2:mem:gongfu-standings-city;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;NON_KEYWORDS=YEAR,VALUE;DB_CLOSE_DELAY=-1",
        "spring.datasource.username=sa",
        "spring.datasource.password=",
        "gongfu.demo.enabled=false",
        "gongfu.admin-password=admin-test-password"})
class StandingsOnAGeneratedCityTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PROVINCE = "980000";

    @Autowired
    DataSetGenerator generator;
    @Autowired
    EvaluationService evaluation;
    @Autowired
    UserService users;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;

    /** A department of a county that owes 2025 values of indicators with targets in the county's plan. */
    record Reporting(long planId, String region, long unitId, String reporter, List<Long> indicators) {}

    @Test
    void acceptedAndReopenedReportsKeepEveryStandingEqualToAFullRecompute() throws Exception {
        generator.generate(Scale.CITY, 11, PROVINCE);
        List<Reporting> departments = threeCountiesDepartments();
        assertThat(departments).hasSize(3);
        for (Reporting d : departments) {
            jdbc.sql("delete from observation where region_code = :r and period like '2025%' and indicator_id in (:ids)")
                    .param("r", d.region()).param("ids", d.indicators()).update();
        }
        long stored = evaluation.recomputeAll();
        List<Long> plans = jdbc.sql("select id from plan where region_code like '98%' and state = 'published' order by id")
                .query(Long.class).list();
        assertThat(plans).hasSizeGreaterThanOrEqualTo(8);
        assertThat(stored).as("every indicator of every plan has a standing").isGreaterThan(2000);
        Map<Long, Map<Long, Assessment>> before = new HashMap<>();
        for (long plan : plans) before.put(plan, stored(plan));

        RequestPostProcessor office = user(users.loadUserByUsername("admin").withoutPassword());
        List<Long> reports = new ArrayList<>();
        for (Reporting d : departments) reports.add(report(d, office));
        ReportSteps.act(mvc, office, reports.get(0), "REOPEN", "口径调整");

        int moved = 0;
        for (long plan : plans) {
            Map<Long, Assessment> now = stored(plan);
            assertThat(now).as("plan %d: incremental equals full", plan).isEqualTo(Scope.asSystem(() -> evaluation.derive(plan)));
            for (var e : now.entrySet()) if (!e.getValue().equals(before.get(plan).get(e.getKey()))) moved++;
        }
        assertThat(moved).as("the accepted values moved standings (the test is not vacuous)").isGreaterThan(0);
        // the reopened report's values are no longer approved: its county's standing went back for them
        Reporting reopened = departments.get(0);
        assertThat(stored(reopened.planId())).isEqualTo(before.get(reopened.planId()));

        // a county's ~300 indicators: the overview lists them sixty a page, the pages together all of them once
        String plan = String.valueOf(reopened.planId());
        var first = org.jsoup.Jsoup.parse(overview(plan, null, office));
        assertThat(first.select("#all-indicators tbody tr")).hasSize(60);
        int indicators = Integer.parseInt(first.select("#indicators-fold .count").text().replaceAll("\\D", ""));
        assertThat(indicators).isGreaterThan(240);
        java.util.Set<String> listed = new java.util.HashSet<>();
        int pages = (indicators + 59) / 60;
        for (int p = 0; p < pages; p++) {
            var html = org.jsoup.Jsoup.parse(overview(plan, p, office));
            html.select("#all-indicators tbody tr td:nth-child(2) a").forEach(a -> assertThat(listed.add(a.attr("href"))).isTrue());
        }
        assertThat(listed).hasSize(indicators);
        // a page beyond the last shows the last
        assertThat(org.jsoup.Jsoup.parse(overview(plan, pages + 5, office)).select("#all-indicators tbody tr"))
                .hasSize(indicators - (pages - 1) * 60);
    }

    private String overview(String plan, Integer page, org.springframework.test.web.servlet.request.RequestPostProcessor who) throws Exception {
        var request = get("/dashboard").param("plan", plan);
        if (page != null) request.param("page", String.valueOf(page));
        return mvc.perform(request.with(who)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    /** The plan's standing as stored, read as the system (the test's own thread has no user). */
    private Map<Long, Assessment> stored(long plan) {
        return Scope.asSystem(() -> evaluation.stored(plan)).orElseThrow(() -> new AssertionError("plan " + plan + " has no standing"));
    }

    /** Opens the department's 2025Q4 report, enters each indicator's 2025 value, and takes it to acceptance. */
    private long report(Reporting d, RequestPostProcessor office) throws Exception {
        RequestPostProcessor reporter = user(users.loadUserByUsername(d.reporter()).withoutPassword());
        long id = ReportSteps.open(mvc, reporter, d.planId(), d.unitId(), "2025Q4");
        JsonNode form = json(mvc.perform(get("/api/v1/submissions/{id}", id).with(reporter)));
        int entered = 0;
        for (JsonNode owed : form.get("indicators")) {
            if (!d.indicators().contains(owed.get("indicatorId").asLong()) || !owed.get("period").asText().equals("2025")) continue;
            String value = nextValue(owed);
            mvc.perform(put("/api/v1/submissions/{id}/values/{i}", id, owed.get("indicatorId").asLong()).with(reporter)
                    .contentType(MediaType.APPLICATION_JSON).content(JSON.writeValueAsString(Map.of("value", value,
                            "explanation", "年度统计快报")))).andExpect(status().isOk());
            entered++;
        }
        assertThat(entered).as("the report carries the department's 2025 values").isPositive();
        RequestPostProcessor head = user(users.loadUserByUsername(head(d)).withoutPassword());
        ReportSteps.act(mvc, head, id, "APPROVE", null);
        ReportSteps.act(mvc, reporter, id, "SUBMIT", null);
        ReportSteps.act(mvc, office, id, "ACCEPT", null);
        return id;
    }

    /** A value a year on from the last one the form shows: up by half, down by half where lower is better. */
    private static String nextValue(JsonNode owed) {
        double previous = owed.get("previousValue").isNull() ? 1 : owed.get("previousValue").asDouble();
        boolean lower = "lower".equals(owed.get("polarity").asText()) && !owed.get("cumulative").asBoolean();
        return String.valueOf(Math.round((lower ? previous * 0.5 : previous * 1.5 + 1) * 100) / 100.0);
    }

    /** One department per county in three counties, with its reporter, its indicators in the plan and a head created for it. */
    private List<Reporting> threeCountiesDepartments() {
        List<Reporting> found = jdbc.sql("""
                select p.id, p.region_code, u.id, min(us.username)
                from plan p join unit u on u.region_code = p.region_code and u.kind = 'department'
                join user_unit uu on uu.unit_id = u.id join app_user us on us.id = uu.user_id
                where p.region_code like '98%' and p.state = 'published'
                  and exists (select 1 from indicator i join target t on t.indicator_id = i.id and t.plan_id = p.id
                              where i.unit_id = u.id)
                group by p.id, p.region_code, u.id order by p.id, u.id""")
                .query((rs, i) -> new Reporting(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), List.of())).list();
        List<Reporting> chosen = new ArrayList<>();
        for (Reporting r : found) {
            if (chosen.size() == 3 || chosen.stream().anyMatch(c -> c.planId() == r.planId())) continue;
            List<Long> indicators = jdbc.sql("""
                    select distinct i.id from indicator i join target t on t.indicator_id = i.id and t.plan_id = :p
                    where i.unit_id = :u order by i.id""").param("p", r.planId()).param("u", r.unitId()).query(Long.class).list();
            chosen.add(new Reporting(r.planId(), r.region(), r.unitId(), r.reporter(), indicators));
        }
        Scope.runAsSystem(() -> users.createAllUnchecked(chosen.stream().map(r -> new NewUser(head(r), "负责人", r.region(),
                List.of(Role.UNIT_HEAD), List.of(r.unitId()))).toList(), "gongfu-generated"));
        return chosen;
    }

    private static String head(Reporting r) {
        return "head" + r.unitId();
    }

    private static JsonNode json(org.springframework.test.web.servlet.ResultActions result) throws Exception {
        return JSON.readTree(result.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }
}
