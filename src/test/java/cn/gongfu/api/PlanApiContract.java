package cn.gongfu.api;

import static cn.gongfu.support.DemoFacts.count;
import static cn.gongfu.support.DemoFacts.plan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The read API over the demo district, run once per database: {@code H2PlanApiTest} always,
 * {@code PostgresPlanApiTest} when PostgreSQL is configured. Expectations come from the demo document.
 */
abstract class PlanApiContract {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    long planId;

    @BeforeEach
    void findDemoPlan() throws Exception {
        planId = json(get("/api/v1/plans").param("q", "青溪区")).get("items").get(0).get("id").asLong();
    }

    @Test
    void listsTheDemoPlanWithItsTaskCount() throws Exception {
        ok(get("/api/v1/plans/{id}", planId))
                .andExpect(jsonPath("$.title").value(plan().get("title").asText()))
                .andExpect(jsonPath("$.regionCode").value("330299"))
                .andExpect(jsonPath("$.regionName").value("青溪区"))
                .andExpect(jsonPath("$.startYear").value(2021))
                .andExpect(jsonPath("$.taskCount").value(count("tasks")));
        ok(get("/api/v1/plans").param("region", "330299")).andExpect(jsonPath("$.total").value(1));
        ok(get("/api/v1/plans").param("region", "330213")).andExpect(jsonPath("$.total").value(0));
    }

    @Test
    void sectionsFormTheDocumentsTree() throws Exception {
        JsonNode all = json(get("/api/v1/sections").param("plan", "" + planId).param("size", "500"));
        assertThat(all.get("total").asInt()).isEqualTo(count("sections"));
        long roots = plan().get("sections").valueStream().filter(s -> s.get("parentKey").isNull()).count();
        JsonNode top = json(get("/api/v1/sections").param("plan", "" + planId).param("topLevel", "true"));
        assertThat(top.get("total").asLong()).isEqualTo(roots);
        assertThat(top.get("items").get(0).get("label").asText()).isEqualTo("（一）");

        long firstRoot = top.get("items").get(0).get("id").asLong();
        JsonNode children = json(get("/api/v1/sections").param("parent", "" + firstRoot));
        assertThat(children.get("items").valueStream().map(s -> s.get("parentId").asLong()))
                .isNotEmpty().allMatch(p -> p == firstRoot);
        ok(get("/api/v1/sections/{id}", firstRoot)).andExpect(jsonPath("$.title").value(plan().get("sections").get(0).get("title").asText()));
    }

    @Test
    void aSectionFilterIncludesTheTasksOfItsSubsections() throws Exception {
        JsonNode top = json(get("/api/v1/sections").param("plan", "" + planId).param("topLevel", "true"));
        long firstRoot = top.get("items").get(0).get("id").asLong();
        String rootKey = plan().get("sections").get(0).get("key").asText();
        Set<String> keys = new HashSet<>(List.of(rootKey));
        plan().get("sections").valueStream().filter(s -> rootKey.equals(s.get("parentKey").asText(null)))
                .forEach(s -> keys.add(s.get("key").asText()));
        long expected = plan().get("tasks").valueStream().filter(t -> keys.contains(t.get("sectionKey").asText())).count();
        ok(get("/api/v1/tasks").param("section", "" + firstRoot).param("size", "500"))
                .andExpect(jsonPath("$.total").value((int) expected));
        ok(get("/api/v1/tasks").param("section", "999999")).andExpect(jsonPath("$.total").value(0));
    }

    @Test
    void tasksPageInDocumentOrderWithoutOverlap() throws Exception {
        int total = count("tasks");
        Set<Long> seen = new HashSet<>();
        int pages = (total + 9) / 10;
        for (int p = 0; p < pages; p++) {
            JsonNode page = json(get("/api/v1/tasks").param("plan", "" + planId).param("page", "" + p).param("size", "10"));
            assertThat(page.get("total").asInt()).isEqualTo(total);
            page.get("items").forEach(t -> assertThat(seen.add(t.get("id").asLong())).as("task listed twice").isTrue());
        }
        assertThat(seen).hasSize(total);
        ok(get("/api/v1/tasks").param("plan", "" + planId).param("size", "1"))
                .andExpect(jsonPath("$.items[0].code").value(plan().get("tasks").get(0).get("code").asText()))
                .andExpect(jsonPath("$.items[0].leadUnits[0].name").exists());
    }

    @Test
    void tasksFilterByUnitMatchingLeadAndCoUnits() throws Exception {
        long unitId = json(get("/api/v1/units").param("q", "区卫健局")).get("items").get(0).get("id").asLong();
        long expected = plan().get("tasks").valueStream().filter(t -> mentions(t, "区卫生健康局", "区卫健局")).count();
        assertThat(expected).isPositive();
        ok(get("/api/v1/tasks").param("unit", "" + unitId).param("size", "500"))
                .andExpect(jsonPath("$.total").value((int) expected));
    }

    @Test
    void tasksFilterByTextAndRegion() throws Exception {
        String firstTitle = plan().get("tasks").get(0).get("title").asText();
        ok(get("/api/v1/tasks").param("q", firstTitle))
                .andExpect(jsonPath("$.items[*].title", hasItem(firstTitle)));
        ok(get("/api/v1/tasks").param("region", "330299").param("size", "1")).andExpect(jsonPath("$.total").value(count("tasks")));
        ok(get("/api/v1/tasks").param("region", "330900")).andExpect(jsonPath("$.total").value(0));
        // LIKE wildcards in the search text match literally: no title contains an underscore.
        ok(get("/api/v1/tasks").param("q", "_")).andExpect(jsonPath("$.total").value(0));
    }

    @Test
    void aTaskShowsUnitsMilestonesAndTargets() throws Exception {
        JsonNode withMilestones = plan().get("tasks").valueStream()
                .filter(t -> t.get("milestones").size() > 0 && t.get("targets").size() > 0).findFirst().orElseThrow();
        JsonNode found = json(get("/api/v1/tasks").param("plan", "" + planId)
                .param("q", withMilestones.get("title").asText()));
        long taskId = found.get("items").get(0).get("id").asLong();
        ok(get("/api/v1/tasks/{id}", taskId))
                .andExpect(jsonPath("$.code").value(withMilestones.get("code").asText()))
                .andExpect(jsonPath("$.milestones.length()").value(withMilestones.get("milestones").size()))
                .andExpect(jsonPath("$.milestones[0].fromMonth").value(withMilestones.get("milestones").get(0).get("from").asText()))
                .andExpect(jsonPath("$.targets.length()").value(withMilestones.get("targets").size()))
                .andExpect(jsonPath("$.targets[0].indicatorName").value(withMilestones.get("targets").get(0).get("indicator").asText()))
                .andExpect(jsonPath("$.sectionPath[0].label").value(rootOf(withMilestones.get("sectionKey").asText()).get("label").asText()))
                .andExpect(jsonPath("$.leadUnits.length()").value(withMilestones.get("leadUnits").size()));
    }

    @Test
    void unitsAreFoundByAliasAndCarryTheirAliases() throws Exception {
        ok(get("/api/v1/units").param("q", "区资规分局"))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].name").value("区自然资源和规划分局"))
                .andExpect(jsonPath("$.items[0].aliases", hasItem("区资规分局")));
        long id = json(get("/api/v1/units").param("q", "区卫健局")).get("items").get(0).get("id").asLong();
        ok(get("/api/v1/units/{id}", id)).andExpect(jsonPath("$.name").value("区卫生健康局"));
        ok(get("/api/v1/units").param("region", "330299").param("kind", "town"))
                .andExpect(jsonPath("$.items[*].kind", everyItem(is("town"))));
        ok(get("/api/v1/units").param("size", "500")).andExpect(jsonPath("$.total").value(cn.gongfu.support.DemoFacts.DEMO.get("units").size()));
    }

    @Test
    void regionsFollowGbT2260() throws Exception {
        ok(get("/api/v1/regions/{code}", "330213")).andExpect(jsonPath("$.name").value("奉化区"))
                .andExpect(jsonPath("$.parentCode").value("330200"));
        ok(get("/api/v1/regions").param("parent", "330213").param("size", "100"))
                .andExpect(jsonPath("$.items[*].name", hasItem("溪口镇")))
                .andExpect(jsonPath("$.items[*].level", everyItem(is("town"))));
        ok(get("/api/v1/regions").param("q", "舟山")).andExpect(jsonPath("$.items[0].code").value("330900"));
        ok(get("/api/v1/regions").param("level", "province")).andExpect(jsonPath("$.items[0].code").value("330000"));
    }

    @Test
    void indicatorsAndTheirYearlyTargets() throws Exception {
        JsonNode first = plan().get("indicators").get(0);
        JsonNode page = json(get("/api/v1/indicators").param("q", first.get("name").asText()));
        long id = page.get("items").get(0).get("id").asLong();
        ok(get("/api/v1/indicators/{id}", id))
                .andExpect(jsonPath("$.domain").value(first.get("domain").asText()))
                .andExpect(jsonPath("$.polarity").value(first.get("polarity").asText()));
        // the indicator table's yearly targets plus those the measures' own texts set for it
        long fromTasks = plan().get("tasks").valueStream().flatMap(t -> t.get("targets").valueStream())
                .filter(t -> t.get("indicator").asText().equals(first.get("name").asText())).count();
        ok(get("/api/v1/targets").param("indicator", "" + id).param("plan", "" + planId).param("size", "100"))
                .andExpect(jsonPath("$.total").value((int) (first.get("targets").size() + fromTasks)));
        int year = first.get("targets").get(0).get("year").asInt();
        ok(get("/api/v1/targets").param("indicator", "" + id).param("year", "" + year))
                .andExpect(jsonPath("$.items[0].year").value(year));
        String domain = first.get("domain").asText();
        long inDomain = plan().get("indicators").valueStream().filter(i -> domain.equals(i.get("domain").asText())).count();
        ok(get("/api/v1/indicators").param("domain", domain).param("plan", "" + planId))
                .andExpect(jsonPath("$.total").value((int) inDomain));
    }

    @Test
    void unknownIdsAreProblemJson404() throws Exception {
        for (String path : List.of("/api/v1/plans/987654", "/api/v1/tasks/987654", "/api/v1/units/987654",
                "/api/v1/indicators/987654", "/api/v1/sections/987654", "/api/v1/regions/999999")) {
            mvc.perform(get(path))
                    .andExpect(status().isNotFound())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.status").value(404))
                    .andExpect(jsonPath("$.detail", containsString("not found")));
        }
    }

    @Test
    void malformedParametersAre400NamingTheField() throws Exception {
        badParameter(get("/api/v1/tasks/abc"), "id");
        badParameter(get("/api/v1/tasks").param("plan", "abc"), "plan");
        badParameter(get("/api/v1/tasks").param("size", "0"), "size");
        badParameter(get("/api/v1/tasks").param("page", "-1"), "page");
        badParameter(get("/api/v1/targets").param("year", "2025.5"), "year");
        badParameter(get("/api/v1/targets").param("comparator", "about"), "comparator");
        badParameter(get("/api/v1/sections").param("topLevel", "maybe"), "topLevel");
        badParameter(get("/api/v1/units").param("kind", "ministry"), "kind");
        badParameter(get("/api/v1/plans").param("state", "archived"), "state");
    }

    @Test
    void openApiDescribesTheApi() throws Exception {
        ok(get("/v3/api-docs"))
                .andExpect(jsonPath("$.paths['/api/v1/tasks']").exists())
                .andExpect(jsonPath("$.paths['/api/v1/plans/{id}']").exists());
        mvc.perform(get("/swagger-ui/index.html")).andExpect(status().isOk());
    }

    private void badParameter(org.springframework.test.web.servlet.RequestBuilder request, String field) throws Exception {
        mvc.perform(request)
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.field").value(field))
                .andExpect(jsonPath("$.detail", containsString(field)));
    }

    private ResultActions ok(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
        return mvc.perform(request).andExpect(status().isOk());
    }

    private JsonNode json(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
        return JSON.readTree(ok(request).andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static boolean mentions(JsonNode task, String... names) {
        Set<String> wanted = Set.of(names);
        return task.get("leadUnits").valueStream().anyMatch(u -> wanted.contains(u.asText()))
                || task.get("coUnits").valueStream().anyMatch(u -> wanted.contains(u.asText()));
    }

    private static JsonNode rootOf(String sectionKey) {
        JsonNode section = plan().get("sections").valueStream()
                .filter(s -> s.get("key").asText().equals(sectionKey)).findFirst().orElseThrow();
        return section.get("parentKey").isNull() ? section : rootOf(section.get("parentKey").asText());
    }
}
