package cn.gongfu.api;

import static cn.gongfu.support.DemoFacts.count;
import static cn.gongfu.support.DemoFacts.plan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.is;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gongfu.plan.DraftException;
import cn.gongfu.plan.PlanDraft;
import cn.gongfu.plan.PlanDraft.MilestoneDraft;
import cn.gongfu.plan.PlanDraft.SectionDraft;
import cn.gongfu.plan.PlanDraft.TargetDraft;
import cn.gongfu.plan.PlanDraft.TaskDraft;
import cn.gongfu.plan.PlanWriter;
import cn.gongfu.support.DemoFacts;
import cn.gongfu.unit.UnitService;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
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

    @Autowired
    PlanWriter writer;

    @Autowired
    UnitService units;

    long planId;

    @BeforeEach
    void findDemoPlan() {
        // the demo is the region's first plan; other tests may import more into the same database
        planId = DemoFacts.demoPlanId(jdbc);
    }

    @Test
    void listsTheDemoPlanWithItsTaskCount() throws Exception {
        ok(get("/api/v1/plans/{id}", planId))
                .andExpect(jsonPath("$.title").value(plan().get("title").asText()))
                .andExpect(jsonPath("$.regionCode").value("330299"))
                .andExpect(jsonPath("$.regionName").value("青溪区"))
                .andExpect(jsonPath("$.startYear").value(2021))
                .andExpect(jsonPath("$.taskCount").value(count("tasks")));
        ok(get("/api/v1/plans").param("region", "330299").param("size", "500"))
                .andExpect(jsonPath("$.items[*].id", hasItem((int) planId)))
                .andExpect(jsonPath("$.items[*].regionCode", everyItem(is("330299"))));
        // another county: only its own plans (other tests of this context may have published some there)
        long elsewhere = jdbc.sql("select count(*) from plan where region_code = '330922'").query(Long.class).single();
        ok(get("/api/v1/plans").param("region", "330922").param("size", "500")).andExpect(jsonPath("$.total").value((int) elsewhere));
        ok(get("/api/v1/plans").param("region", "330922").param("size", "500"))
                .andExpect(jsonPath("$.items[*].id", not(hasItem((int) planId))));
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
        long unitId = json(get("/api/v1/units").param("region", "330299").param("q", "区卫健局")).get("items").get(0).get("id").asLong();
        long expected = plan().get("tasks").valueStream().filter(t -> mentions(t, "区卫生健康局", "区卫健局")).count();
        assertThat(expected).isPositive();
        ok(get("/api/v1/tasks").param("plan", "" + planId).param("unit", "" + unitId).param("size", "500"))
                .andExpect(jsonPath("$.total").value((int) expected));
    }

    @Test
    void tasksFilterByTextAndRegion() throws Exception {
        String firstTitle = plan().get("tasks").get(0).get("title").asText();
        ok(get("/api/v1/tasks").param("q", firstTitle))
                .andExpect(jsonPath("$.items[*].title", hasItem(firstTitle)));
        long inRegion = jdbc.sql("select count(*) from task t join plan p on p.id = t.plan_id where p.region_code = '330299'")
                .query(Long.class).single();
        ok(get("/api/v1/tasks").param("region", "330299").param("size", "1")).andExpect(jsonPath("$.total").value((int) inRegion));
        ok(get("/api/v1/tasks").param("region", "330900")).andExpect(jsonPath("$.total").value(0));
        // LIKE wildcards in the search text match literally: no title contains an underscore.
        ok(get("/api/v1/tasks").param("plan", "" + planId).param("q", "_")).andExpect(jsonPath("$.total").value(0));
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
        long id = json(get("/api/v1/units").param("region", "330299").param("q", "区卫健局")).get("items").get(0).get("id").asLong();
        ok(get("/api/v1/units/{id}", id)).andExpect(jsonPath("$.name").value("区卫生健康局"));
        ok(get("/api/v1/units").param("region", "330299").param("kind", "town"))
                .andExpect(jsonPath("$.items[*].kind", everyItem(is("town"))));
        // the demo's units and those other tests of this context created in the district; merged units are not listed
        long units = jdbc.sql("select count(*) from unit where region_code = '330299' and merged_into is null").query(Long.class).single();
        assertThat(units).isGreaterThanOrEqualTo(DemoFacts.DEMO.get("units").size());
        ok(get("/api/v1/units").param("region", "330299").param("size", "500"))
                .andExpect(jsonPath("$.total").value((int) units));
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
                .andExpect(jsonPath("$.items[*].year", everyItem(is(year))))
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

    @Test
    void aDraftWithProblemsIsRejectedWholeNamingEachProblem() {
        long plansBefore = rows("plan");
        PlanDraft draft = new PlanDraft("错误方案", "330299", null, 2025, 2021, "action_plan",
                List.of(new SectionDraft("a", "missing", "（一）", "攻坚行动"), new SectionDraft("a", null, "（二）", "行动")),
                List.of(task("1", "a", List.of("区卫健局"), List.of()),
                        task("1", "nowhere", List.of("不存在的局"), List.of(new MilestoneDraft("2023-13", "2023-02", "x")))),
                List.of());
        assertThatThrownBy(() -> writer.create(draft))
                .isInstanceOfSatisfying(DraftException.class, e -> assertThat(e.problems()).containsExactlyInAnyOrder(
                        "endYear: 2021 is before startYear 2025",
                        "sections[0].parentKey: missing is not a section listed before it",
                        "sections[1].key: a appears twice",
                        "tasks[1] (1).code: appears twice in list main",
                        "tasks[1] (1).sectionKey: unknown section nowhere",
                        "tasks[1] (1).milestones[0]: months must be YYYY-MM with from ≤ to, got 2023-13 – 2023-02",
                        "unit: 不存在的局 is not a known unit or alias in region 330299"));
        assertThat(rows("plan")).isEqualTo(plansBefore);
    }

    /** Targets are numeric(24, 6), like reported values: one that cannot be stored exactly is a named problem, not a 500 or rounding. */
    @Test
    void aTargetThatCannotBeStoredExactlyIsAProblemOfTheDraft() {
        long plansBefore = rows("plan");
        PlanDraft draft = new PlanDraft("位数过多的方案", "330299", null, 2021, 2025, "action_plan",
                List.of(new SectionDraft("a", null, "（一）", "攻坚行动")),
                List.of(new TaskDraft("main", "1", "a", "measure", null, "任务1", null, List.of("区卫健局"), List.of(),
                        null, null, null, null, List.of(),
                        List.of(new TargetDraft("托位数", "ge", new BigDecimal("1e19"), null, null, "个", 2025, "1e19个"),
                                new TargetDraft("占比", "range", null, new BigDecimal("0.1234567"), new BigDecimal("1e-10000000"), "%",
                                        2025, "")))),
                List.of());
        assertThatThrownBy(() -> writer.create(draft))
                .isInstanceOfSatisfying(DraftException.class, e -> assertThat(e.problems()).containsExactly(
                        "tasks[0] (1).targets[0].value: 数值位数过多：小数点前最多 18 位 the value has too many digits: at most 18 before the decimal point",
                        "tasks[0] (1).targets[1].min: 小数位数过多：最多 6 位小数 the value has too many decimals: at most 6 after the decimal point, it is stored exactly or not at all",
                        "tasks[0] (1).targets[1].max: 小数位数过多：最多 6 位小数 the value has too many decimals: at most 6 after the decimal point, it is stored exactly or not at all"));
        assertThat(rows("plan")).isEqualTo(plansBefore);
    }

    @Test
    void aFailureHalfwayThroughWritingLeavesNothingBehind() {
        long plansBefore = rows("plan");
        long sectionsBefore = rows("section");
        // passes every check, then the database refuses the second task's 600-character title
        PlanDraft draft = new PlanDraft("半途失败的方案", "330299", null, 2021, 2025, "action_plan",
                List.of(new SectionDraft("a", null, "（一）", "攻坚行动")),
                List.of(task("1", "a", List.of("区卫健局"), List.of()), task("2", "a", List.of("区教育局"), List.of(), "长".repeat(600))),
                List.of());
        assertThatThrownBy(() -> writer.create(draft)).isNotInstanceOf(DraftException.class);
        assertThat(rows("plan")).isEqualTo(plansBefore);
        assertThat(rows("section")).isEqualTo(sectionsBefore);
    }

    @Test
    void aStoredDraftReadsBackThroughTheApi() throws Exception {
        PlanDraft draft = new PlanDraft("定海区测试方案（2023—2027年）", "330902", "测试", 2023, 2027, "special_plan",
                List.of(new SectionDraft("a", null, "一、", "幼有善育"), new SectionDraft("a1", "a", "——", "托育")),
                List.of(new TaskDraft("main", "7", "a1", "measure", null, "建设托育机构", "到2027年，每千人口托位数达到5.5个。",
                        List.of("区卫健局"), List.of("区教育局"), null, null, null, null,
                        List.of(new MilestoneDraft("2023-05", "2023-05", "出台方案")),
                        List.of(new TargetDraft("每千人口托位数", "range", null, new BigDecimal("5"), new BigDecimal("5.5"), "个", 2027, "5-5.5个")))),
                List.of());
        createUnitsInDinghai();
        long id = writer.create(draft);
        ok(get("/api/v1/plans/{id}", id)).andExpect(jsonPath("$.taskCount").value(1)).andExpect(jsonPath("$.kind").value("special_plan"));
        long taskId = json(get("/api/v1/tasks").param("plan", "" + id)).get("items").get(0).get("id").asLong();
        ok(get("/api/v1/tasks/{id}", taskId))
                .andExpect(jsonPath("$.leadUnits[0].name").value("区卫生健康局"))
                .andExpect(jsonPath("$.coUnits[0].name").value("区教育局"))
                .andExpect(jsonPath("$.sectionPath.length()").value(2))
                .andExpect(jsonPath("$.milestones[0].toMonth").value("2023-05"))
                .andExpect(jsonPath("$.targets[0].comparator").value("range"))
                .andExpect(jsonPath("$.targets[0].min").value(5.0))
                .andExpect(jsonPath("$.targets[0].max").value(5.5))
                .andExpect(jsonPath("$.targets[0].regionCode").value("330902"));
    }

    /** Dinghai's health and education bureaus, created once for the draft that names them. */
    private void createUnitsInDinghai() {
        if (units.resolve("330902", List.of("区卫健局")).isEmpty()) {
            units.create("330902", "区卫生健康局", "department", List.of("区卫健局"));
            units.create("330902", "区教育局", "department", List.of());
        }
    }

    private static TaskDraft task(String code, String section, List<String> lead, List<MilestoneDraft> milestones) {
        return task(code, section, lead, milestones, "任务" + code);
    }

    private static TaskDraft task(String code, String section, List<String> lead, List<MilestoneDraft> milestones, String title) {
        return new TaskDraft("main", code, section, "measure", null, title, null, lead, List.of(),
                null, null, null, null, milestones, List.of());
    }

    private long rows(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    private void badParameter(RequestBuilder request, String field) throws Exception {
        mvc.perform(request)
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.field").value(field))
                .andExpect(jsonPath("$.detail", containsString(field)));
    }

    private ResultActions ok(RequestBuilder request) throws Exception {
        return mvc.perform(request).andExpect(status().isOk());
    }

    private JsonNode json(RequestBuilder request) throws Exception {
        return JSON.readTree(ok(request).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
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
