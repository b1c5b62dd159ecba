package cn.gongfu.security;

import static cn.gongfu.support.DemoFacts.DEMO;
import static cn.gongfu.support.DemoFacts.plan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.anonymous;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import cn.gongfu.evaluation.ranking.RankingService;
import cn.gongfu.indicator.IndicatorService;
import cn.gongfu.indicator.IndicatorService.NewObservation;
import cn.gongfu.indicator.IndicatorService.NewTarget;
import cn.gongfu.kernel.Role;
import cn.gongfu.support.DemoFacts;
import cn.gongfu.support.SignedInAsAdmin;
import cn.gongfu.unit.UnitService;
import cn.gongfu.users.UserService;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The data-scope matrix: for each principal and each evaluation read and dashboard (API JSON, pages and
 * their Excel exports), exactly which tasks, units, indicators and regions appear. The rule it checks is
 * the table "Exactly what each role sees" in docs/security.md. {@link AuthorizationMatrixTest} checks who
 * may open a route at all; this checks what the rows behind an open route are.
 *
 * <p>Data: the demo district 青溪区 (its plan, from {@code demo/qingxi-plan.json}), plus what {@link #data}
 * adds once: an office of 奉化区, a reporter of 区教育局, a value of a 青溪 indicator reported for 奉化区,
 * a published 青溪 ranking and a published 奉化 ranking.
 */
abstract class ReadScopeMatrixContract {

    static final String QINGXI = "330299";
    static final String FENGHUA = "330213";
    static final String SONGYUAN_TOWN = "330299101";
    static final String HEALTH = "区卫生健康局";
    static final String EDUCATION = "区教育局";
    static final String INCOME = "居民人均可支配收入";
    static final String PUBLISHED_PERIOD = "2023Q2";
    private static final String PASSWORD = "qingxi-scope-matrix-7";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The principals: the demo users, and two more made here. */
    enum Who {
        ADMIN("admin"), OFFICE("office"), OTHER_OFFICE("scope-fenghua-office"), LEADER("leader"),
        REPORTER("reporter"), HEAD("head"), OTHER_REPORTER("scope-education-reporter"), PUBLIC(null);

        final String username;

        Who(String username) {
            this.username = username;
        }

        /** Sees the 青溪 plan at all. */
        boolean seesQingxi() {
            return this != OTHER_OFFICE && this != PUBLIC;
        }

        /** The units whose tasks it sees; null for every unit. */
        String unit() {
            return switch (this) {
                case REPORTER, HEAD -> HEALTH;
                case OTHER_REPORTER -> EDUCATION;
                default -> null;
            };
        }
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    UserService users;

    @Autowired
    UnitService units;

    @Autowired
    IndicatorService indicators;

    @Autowired
    RankingService rankings;

    @Autowired
    JdbcClient jdbc;

    long planId;
    long health;
    long education;
    long income;

    @BeforeEach
    void data() {
        planId = DemoFacts.demoPlanId(jdbc);
        health = unitId(HEALTH);
        education = unitId(EDUCATION);
        income = jdbc.sql("select id from indicator where region_code = :r and name = :n").param("r", QINGXI).param("n", INCOME)
                .query(Long.class).single();
        SignedInAsAdmin.signIn(users.loadUserByUsername("admin"));
        try {
            if (!exists("select count(*) from app_user where username = :v", Who.OTHER_OFFICE.username)) {
                users.create(Who.OTHER_OFFICE.username, "奉化共富办", PASSWORD, FENGHUA, List.of(Role.OFFICE), List.of());
                users.create(Who.OTHER_REPORTER.username, "教育局 填报", PASSWORD, QINGXI, List.of(Role.REPORTER), List.of(education));
            }
            // a value and a target of a 青溪 indicator for a region outside 青溪 (as an administrator may store them)
            // this suite's own value (other suites import plans with base-year values into 奉化 too)
            if (!exists("select count(*) from observation where region_code = :v and indicator_id = " + income + " and period = '2024'", FENGHUA)) {
                indicators.addObservations(List.of(new NewObservation(income, FENGHUA, "2024", new BigDecimal("12345.6"),
                        "approved", "admin", null)));
                indicators.addTargets(List.of(new NewTarget(income, FENGHUA, 2030, "ge", new BigDecimal("99999"), null, null,
                        "元", "奉化区的目标", null, null)));
            }
            if (!exists("select count(*) from ranking_snapshot where period = :v", PUBLISHED_PERIOD)) {
                rankings.publish(planId, PUBLISHED_PERIOD);
                long fenghuaUnit = units.create(FENGHUA, "奉化区卫生健康局", "department", List.of());
                jdbc.sql("""
                        insert into ranking_snapshot (region_code, peer_group, period, method, published_by)
                        values (:r, 'department', :p, 'as published', 'fenghua')""").param("r", FENGHUA).param("p", PUBLISHED_PERIOD).update();
                jdbc.sql("""
                        insert into ranking_entry (snapshot_id, unit_id, unit_name, rank, score, components)
                        select id, :u, '奉化区卫生健康局', 1, 90, '{}' from ranking_snapshot where region_code = :r""")
                        .param("u", fenghuaUnit).param("r", FENGHUA).update();
            }
        } finally {
            SignedInAsAdmin.signOut();
        }
    }

    // ---- plans and sections: their task counts

    @Test
    void planAndSectionTaskCountsCountOnlyTheTasksTheCallerSees() throws Exception {
        Map<Who, String> wrong = new EnumMap<>(Who.class);
        for (Who who : Who.values()) {
            MockHttpServletResponse plan = call(get("/api/v1/plans/{id}", planId), who);
            if (!who.seesQingxi()) {
                expectStatus(wrong, who, plan, who == Who.PUBLIC ? 401 : 404);
                continue;
            }
            int expected = taskTitles(who.unit()).size();
            int count = JSON.readTree(plan.getContentAsString(StandardCharsets.UTF_8)).get("taskCount").asInt();
            if (count != expected) note(wrong, who, "plan taskCount " + count + " instead of " + expected);
            int inSections = 0;
            for (JsonNode section : JSON.readTree(call(get("/api/v1/sections").param("plan", "" + planId).param("size", "500"), who)
                    .getContentAsString(StandardCharsets.UTF_8)).get("items")) {
                inSections += section.get("taskCount").asInt();
            }
            if (inSections != expected) note(wrong, who, "sections' taskCount " + inSections + " instead of " + expected);
        }
        assertThat(wrong).isEmpty();
    }

    // ---- the evaluation API

    @Test
    void theEvaluationListsEveryIndicatorButOnlyTheTasksOfTheCallersUnits() throws Exception {
        Map<Who, String> wrong = new EnumMap<>(Who.class);
        for (Who who : Who.values()) {
            MockHttpServletResponse r = call(get("/api/v1/evaluation/plans/{id}", planId), who);
            if (!who.seesQingxi()) {
                expectStatus(wrong, who, r, who == Who.PUBLIC ? 401 : 404);
                continue;
            }
            JsonNode eval = JSON.readTree(r.getContentAsString(StandardCharsets.UTF_8));
            Set<String> tasks = new TreeSet<>();
            eval.get("tasks").forEach(t -> tasks.add(t.get("title").asText()));
            if (!tasks.equals(taskTitles(who.unit()))) note(wrong, who, "tasks " + tasks);
            // indicators are region-wide, as the indicator list shows them to every role, and so is the realization degree
            Set<String> shown = new TreeSet<>();
            eval.get("indicators").forEach(i -> shown.add(i.get("indicator").get("name").asText()));
            if (!shown.equals(indicatorNames())) note(wrong, who, "indicators " + shown);
            if (eval.get("realization").isNull()) note(wrong, who, "no realization degree");
            // the overview and the indicator export: every indicator, no task
            Set<String> exported = new TreeSet<>(column(call(get("/dashboard/export").param("plan", "" + planId)
                    .param("table", "indicators"), who), 1));
            if (!exported.equals(indicatorNames())) note(wrong, who, "indicator export " + exported);
            String overview = call(get("/dashboard").param("plan", "" + planId), who).getContentAsString(StandardCharsets.UTF_8);
            if (!present(overview, allTaskTitles()).isEmpty()) note(wrong, who, "tasks on the overview");
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void aRegionOutsideTheCallersScopeIsAbsentOnTheEvaluationAndTheIndicatorDashboard() throws Exception {
        Map<Who, String> wrong = new EnumMap<>(Who.class);
        for (Who who : Who.values()) {
            int expected = who == Who.PUBLIC ? 401 : who == Who.ADMIN ? 200 : 404;
            MockHttpServletResponse api = call(get("/api/v1/evaluation/plans/{id}", planId).param("region", FENGHUA), who);
            expectStatus(wrong, who, api, expected);
            if (who == Who.ADMIN) assertThat(api.getContentAsString(StandardCharsets.UTF_8)).contains("12345.6");
            MockHttpServletResponse page = call(get("/dashboard/indicators/{id}", income).param("plan", "" + planId)
                    .param("region", FENGHUA), who);
            expectStatus(wrong, who, page, who == Who.PUBLIC ? 302 : expected);
            // a town of 青溪 is within every 青溪 role's scope
            MockHttpServletResponse town = call(get("/api/v1/evaluation/plans/{id}", planId).param("region", SONGYUAN_TOWN), who);
            expectStatus(wrong, who, town, who.seesQingxi() ? 200 : who == Who.PUBLIC ? 401 : 404);
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void theLiveRankingShowsReportersOnlyTheirOwnUnitsRowWithItsRankAmongAll() throws Exception {
        Map<Long, JsonNode> everyRow = new HashMap<>();
        JSON.readTree(call(get("/api/v1/evaluation/plans/{id}/units", planId), Who.OFFICE).getContentAsString(StandardCharsets.UTF_8))
                .forEach(r -> everyRow.put(r.get("unitId").asLong(), r));
        assertThat(everyRow.keySet()).hasSize(unitNamesOfThePlan().size());
        Map<Who, String> wrong = new EnumMap<>(Who.class);
        for (Who who : Who.values()) {
            MockHttpServletResponse r = call(get("/api/v1/evaluation/plans/{id}/units", planId), who);
            if (!who.seesQingxi()) {
                expectStatus(wrong, who, r, who == Who.PUBLIC ? 401 : 404);
                continue;
            }
            Set<String> names = new TreeSet<>();
            for (JsonNode row : JSON.readTree(r.getContentAsString(StandardCharsets.UTF_8))) {
                names.add(row.get("unitName").asText());
                // the rank is the unit's place among every unit, whoever asks
                if (!row.get("result").equals(everyRow.get(row.get("unitId").asLong()).get("result"))) note(wrong, who, "result of " + row);
            }
            if (!names.equals(unitsSeenBy(who))) note(wrong, who, "units " + names);

            MockHttpServletResponse page = call(get("/dashboard/units").param("plan", "" + planId), who);
            Set<Long> linked = new TreeSet<>();
            Matcher m = Pattern.compile("/dashboard/units/(\\d+)\\?plan=").matcher(page.getContentAsString(StandardCharsets.UTF_8));
            while (m.find()) linked.add(Long.parseLong(m.group(1)));
            Set<Long> expectedIds = who.unit() == null ? everyRow.keySet() : Set.of(unitId(who.unit()));
            if (!linked.equals(new TreeSet<>(expectedIds))) note(wrong, who, "ranking page links " + linked);

            Set<String> exported = new TreeSet<>(column(call(get("/dashboard/export").param("plan", "" + planId)
                    .param("table", "units"), who), 2));
            if (!exported.equals(unitsSeenBy(who))) note(wrong, who, "ranking export " + exported);
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void theUnitDrillDownOfAnotherUnitIsAbsentAndShowsOnlyWhatTheUnitLeads() throws Exception {
        Map<Who, String> wrong = new EnumMap<>(Who.class);
        for (Who who : Who.values()) {
            for (String unit : List.of(HEALTH, EDUCATION)) {
                MockHttpServletResponse r = call(get("/dashboard/units/{u}", unitId(unit)).param("plan", "" + planId), who);
                boolean visible = who.seesQingxi() && (who.unit() == null || who.unit().equals(unit));
                expectStatus(wrong, who, r, visible ? 200 : who == Who.PUBLIC ? 302 : 404);
                if (!visible) continue;
                String html = r.getContentAsString(StandardCharsets.UTF_8);
                Set<String> led = ledTitles(unit);
                Set<String> shown = present(html, allTaskTitles());
                if (!shown.equals(led)) note(wrong, who, unit + " drill-down shows " + shown);
            }
        }
        assertThat(wrong).isEmpty();
    }

    // ---- the task dashboard and its export

    @Test
    void theTaskDashboardAndItsExportShowOnlyTheTasksAndMilestonesOfTheCallersUnits() throws Exception {
        Map<Who, String> wrong = new EnumMap<>(Who.class);
        for (Who who : Who.values()) {
            MockHttpServletResponse r = call(get("/dashboard/tasks").param("plan", "" + planId), who);
            if (!who.seesQingxi()) {
                expectStatus(wrong, who, r, who == Who.PUBLIC ? 302 : 404);
                continue;
            }
            String html = r.getContentAsString(StandardCharsets.UTF_8);
            Set<String> expected = taskTitles(who.unit());
            Set<String> shown = present(html, allTaskTitles());
            if (!shown.equals(expected)) note(wrong, who, "task titles " + shown);
            Set<String> hiddenMilestones = new TreeSet<>(milestoneTexts(null));
            hiddenMilestones.removeAll(milestoneTexts(who.unit()));
            Set<String> leaked = present(html, hiddenMilestones);
            if (!leaked.isEmpty()) note(wrong, who, "milestones of others " + leaked);
            if (present(html, milestoneTexts(who.unit())).size() != milestoneTexts(who.unit()).size()) note(wrong, who, "own milestones missing");

            Set<String> exported = new TreeSet<>(column(call(get("/dashboard/export").param("plan", "" + planId)
                    .param("table", "tasks"), who), 1));
            if (!exported.equals(expected)) note(wrong, who, "task export " + exported);
        }
        assertThat(wrong).isEmpty();
    }

    // ---- regions: the regions dashboard and an indicator's page

    @Test
    void theRegionsDashboardAndTheIndicatorPageShowOnlyRegionsInTheCallersScope() throws Exception {
        Map<Who, String> wrong = new EnumMap<>(Who.class);
        for (Who who : Who.values()) {
            MockHttpServletResponse regions = call(get("/dashboard/regions").param("plan", "" + planId), who);
            MockHttpServletResponse indicator = call(get("/indicators/{id}", income), who);
            if (!who.seesQingxi()) {
                expectStatus(wrong, who, regions, who == Who.PUBLIC ? 302 : 404);
                expectStatus(wrong, who, indicator, who == Who.PUBLIC ? 302 : 404);
                continue;
            }
            for (MockHttpServletResponse r : List.of(regions, indicator)) {
                String html = r.getContentAsString(StandardCharsets.UTF_8);
                // the demo's towns are in every 青溪 role's scope; 奉化区 only in the administrator's
                if (!html.contains("青溪街道") || !html.contains("松原镇")) note(wrong, who, "towns missing");
                if (html.contains("奉化区") != (who == Who.ADMIN)) note(wrong, who, "奉化区 shown: " + html.contains("奉化区"));
            }
            JsonNode targets = JSON.readTree(call(get("/api/v1/targets").param("indicator", "" + income).param("size", "200"), who)
                    .getContentAsString(StandardCharsets.UTF_8));
            Set<String> targetRegions = new TreeSet<>();
            targets.get("items").forEach(t -> targetRegions.add(t.get("regionCode").asText()));
            if (targetRegions.contains(FENGHUA) != (who == Who.ADMIN)) note(wrong, who, "target regions " + targetRegions);
        }
        assertThat(wrong).isEmpty();
    }

    // ---- published rankings and the public view

    @Test
    void publishedRankingsShowEveryUnitToEveryoneWhoseRegionTheyAreAndToThePublic() throws Exception {
        Map<Who, String> wrong = new EnumMap<>(Who.class);
        for (Who who : Who.values()) {
            MockHttpServletResponse r = call(get("/api/v1/evaluation/rankings"), who);
            if (who == Who.PUBLIC) {
                expectStatus(wrong, who, r, 401);
                continue;
            }
            Set<String> regions = new TreeSet<>();
            Set<String> qingxiUnits = new TreeSet<>();
            for (JsonNode s : JSON.readTree(r.getContentAsString(StandardCharsets.UTF_8))) {
                regions.add(s.get("regionCode").asText());
                if (s.get("regionCode").asText().equals(QINGXI) && s.get("period").asText().equals(PUBLISHED_PERIOD)) {
                    s.get("entries").forEach(e -> qingxiUnits.add(e.get("unitName").asText()));
                }
            }
            Set<String> expected = who == Who.ADMIN ? Set.of(QINGXI, FENGHUA) : who == Who.OTHER_OFFICE ? Set.of(FENGHUA) : Set.of(QINGXI);
            if (!regions.equals(expected)) note(wrong, who, "snapshot regions " + regions);
            // a published ranking names every unit, reporters' included: it is public
            if (who.seesQingxi() && !qingxiUnits.equals(unitNamesOfThePlan())) note(wrong, who, "published units " + qingxiUnits);
        }
        // the public portal: the public plan's published ranking, no task on it
        String publicPage = call(get("/public/plans/{id}/rankings", planId), Who.PUBLIC)
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(publicPage).contains(PUBLISHED_PERIOD, HEALTH, EDUCATION).doesNotContain("奉化区卫生健康局");
        assertThat(present(publicPage, allTaskTitles())).isEmpty();
        assertThat(wrong).isEmpty();
    }

    // ---- helpers

    private MockHttpServletResponse call(MockHttpServletRequestBuilder request, Who who) throws Exception {
        return mvc.perform(request.with(as(who))).andReturn().getResponse();
    }

    private RequestPostProcessor as(Who who) {
        return who == Who.PUBLIC ? anonymous() : user(users.loadUserByUsername(who.username).withoutPassword());
    }

    private static void expectStatus(Map<Who, String> wrong, Who who, MockHttpServletResponse r, int status) {
        if (r.getStatus() != status) note(wrong, who, "status " + r.getStatus() + " instead of " + status);
    }

    /** Collects every difference of a principal, so one run shows the whole matrix. */
    private static void note(Map<Who, String> wrong, Who who, String difference) {
        wrong.merge(who, difference, (a, b) -> a + "; " + b);
    }

    private boolean exists(String countSql, String value) {
        return jdbc.sql(countSql).param("v", value).query(Long.class).single() > 0;
    }

    private long unitId(String name) {
        return jdbc.sql("select id from unit where region_code = :r and name = :n").param("r", QINGXI).param("n", name)
                .query(Long.class).single();
    }

    /** The demo's unit names as written in the document (aliases included) mapped to the units' names. */
    private static Map<String, String> canonicalNames() {
        Map<String, String> names = new HashMap<>();
        DEMO.get("units").forEach(u -> {
            String name = u.get("name").asText();
            names.put(name, name);
            u.get("aliases").forEach(a -> names.put(a.asText(), name));
        });
        return names;
    }

    private static Set<String> unitsOf(JsonNode task, boolean leadOnly) {
        Set<String> names = new LinkedHashSet<>();
        List<JsonNode> lists = leadOnly ? List.of(task.get("leadUnits")) : List.of(task.get("leadUnits"), task.get("coUnits"));
        for (JsonNode list : lists) list.forEach(n -> names.add(canonicalNames().getOrDefault(n.asText(), n.asText())));
        return names;
    }

    private static Set<String> allTaskTitles() {
        return taskTitles(null);
    }

    /** Titles of the tasks whose lead or co-units include {@code unit} (every task when null). */
    private static Set<String> taskTitles(String unit) {
        Set<String> titles = new TreeSet<>();
        plan().get("tasks").forEach(t -> {
            if (unit == null || unitsOf(t, false).contains(unit)) titles.add(t.get("title").asText());
        });
        return titles;
    }

    private static Set<String> ledTitles(String unit) {
        Set<String> titles = new TreeSet<>();
        plan().get("tasks").forEach(t -> {
            if (unitsOf(t, true).contains(unit)) titles.add(t.get("title").asText());
        });
        return titles;
    }

    private static Set<String> milestoneTexts(String unit) {
        Set<String> texts = new TreeSet<>();
        plan().get("tasks").forEach(t -> {
            if ((unit == null || unitsOf(t, false).contains(unit)) && t.has("milestones")) {
                t.get("milestones").forEach(m -> texts.add(m.get("text").asText()));
            }
        });
        return texts;
    }

    /** Every indicator the plan sets a target for: in its indicator table and in its tasks' texts. */
    private static Set<String> indicatorNames() {
        Set<String> names = new TreeSet<>();
        plan().get("indicators").forEach(i -> names.add(i.get("name").asText()));
        plan().get("tasks").forEach(t -> t.get("targets").forEach(x -> names.add(x.get("indicator").asText())));
        return names;
    }

    /** Every unit named by a task of the plan. */
    private static Set<String> unitNamesOfThePlan() {
        Set<String> names = new TreeSet<>();
        plan().get("tasks").forEach(t -> names.addAll(unitsOf(t, false)));
        return names;
    }

    private Set<String> unitsSeenBy(Who who) {
        return who.unit() == null ? unitNamesOfThePlan() : Set.of(who.unit());
    }

    /** Which of these texts the page shows (as Thymeleaf escapes them). */
    private static Set<String> present(String html, Set<String> texts) {
        Set<String> found = new TreeSet<>();
        for (String t : texts) {
            if (html.contains(HtmlUtils.htmlEscape(t, "UTF-8")) || html.contains(t)) found.add(t);
        }
        return found;
    }

    /** A column of an exported sheet, below its header. */
    private static List<String> column(MockHttpServletResponse r, int column) throws Exception {
        assertThat(r.getStatus()).isEqualTo(200);
        List<String> values = new ArrayList<>();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(r.getContentAsByteArray()))) {
            for (Row row : book.getSheetAt(0)) {
                if (row.getRowNum() == 0 || row.getCell(column) == null) continue;
                values.add(row.getCell(column).getStringCellValue());
            }
        }
        return values;
    }
}
