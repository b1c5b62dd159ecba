package cn.gongfu.evaluation.levels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gongfu.evaluation.EvaluationService;
import cn.gongfu.generate.DataSetGenerator;
import cn.gongfu.generate.Scale;
import cn.gongfu.indicator.IndicatorService;
import cn.gongfu.indicator.IndicatorService.IndicatorSpec;
import cn.gongfu.indicator.IndicatorService.NewObservation;
import cn.gongfu.kernel.Role;
import cn.gongfu.kernel.Scope;
import cn.gongfu.support.ReportSteps;
import cn.gongfu.support.SignedInAsAdmin;
import cn.gongfu.users.UserService;
import cn.gongfu.users.UserService.NewUser;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
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
 * Issue 16, across levels, on a generated city (8 counties of 10–19 towns, each county with its plan of ~300
 * indicators and towns reporting 50 of them): the city's own indicators of the same names receive the counties'
 * accepted values (all of them by the office's roll-up, then one report's as it is accepted, withdrawn when it is
 * reopened), with their source, never over a value the city reported itself; the city's page shows its counties
 * side by side with the totals the rules allow — a sum, a population-weighted mean, "not comparable" — each checked
 * against the database by an independent query, the race ranked by each county's realization degree, and a county's
 * page its towns.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK)
@AutoConfigureMockMvc
@Import(SignedInAsAdmin.class)
@TestPropertySource(properties = {
        "spring.datasource.url=jdbc:h2:mem:gongfu-levels-city;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;NON_KEYWORDS=YEAR,VALUE;DB_CLOSE_DELAY=-1",
        "spring.datasource.username=sa",
        "spring.datasource.password=",
        "gongfu.demo.enabled=false",
        "gongfu.admin-password=admin-test-password"})
class LevelsOnAGeneratedCityTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PROVINCE = "970000";
    private static final String POPULATION = "常住人口";

    @Autowired
    DataSetGenerator generator;
    @Autowired
    IndicatorService indicators;
    @Autowired
    EvaluationService evaluation;
    @Autowired
    UserService users;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;

    @Test
    void aCitySeesItsCountiesAndACountyItsTownsWithTheTotalsTheRulesAllow() throws Exception {
        generator.generate(Scale.CITY, 5, PROVINCE);
        String city = jdbc.sql("select code from region where level = 'city' and parent_code = :p order by code")
                .param("p", PROVINCE).query(String.class).list().get(0);
        List<String> counties = jdbc.sql("select code from region where parent_code = :c order by code").param("c", city)
                .query(String.class).list();
        assertThat(counties).hasSize(8);

        // three names every county has: a sum (套), a per-capita mean (元, weighted) and a rate (%, not comparable)
        String houses = commonName(counties, "%保障性租赁住房筹建套数", "套");
        String income = commonName(counties, "%人均可支配收入", "元");
        String rate = commonName(counties, "%城镇调查失业率", "%");
        Map<String, Long> cityIds = Scope.asSystem(() -> indicators.ensure(city, List.of(
                new IndicatorSpec(null, houses, "套", "higher", false, null, null, null),
                new IndicatorSpec(null, income, "元", "higher", false, null, null, null),
                new IndicatorSpec(null, rate, "%", "lower", false, null, null, null))));
        // each county's resident population in 2025, the weight of the per-capita mean
        Map<String, Double> population = new LinkedHashMap<>();
        List<NewObservation> weights = new ArrayList<>();
        for (int i = 0; i < counties.size(); i++) {
            String county = counties.get(i);
            long id = Scope.asSystem(() -> indicators.ensure(county, List.of(
                    new IndicatorSpec(null, POPULATION, "万人", "higher", false, null, null, null)))).get(POPULATION);
            population.put(county, 30.0 + 7 * i);
            weights.add(new NewObservation(id, county, "2025", BigDecimal.valueOf(30 + 7 * i), "approved", "test", null));
        }
        indicators.addObservations(weights);
        // the city reported one county's December value itself: the roll-up must keep it
        String kept = counties.get(0);
        indicators.addObservations(List.of(new NewObservation(cityIds.get(houses), kept, "2025-12", new BigDecimal("4242"),
                "approved", "city-statistics", null)));

        // the office rolls the city up: every accepted value of the counties' own indicators of those names flows up
        mvc.perform(post("/levels/pull").param("region", city)).andExpect(status().is3xxRedirection());
        int sources = jdbc.sql("""
                select count(*) from observation o join indicator i on i.id = o.indicator_id and i.region_code = o.region_code
                where o.region_code in (:c) and i.name in (:n) and o.state = 'approved' and o.value is not null""")
                .param("c", counties).param("n", List.of(houses, income, rate)).query(Integer.class).single();
        int copies = jdbc.sql("select count(*) from observation_roll_up where indicator_id in (:ids)")
                .param("ids", cityIds.values()).query(Integer.class).single();
        assertThat(sources).isGreaterThan(8 * 3 * 50);
        assertThat(copies).as("every source value copied once, but the one the city reported").isEqualTo(sources - 1);
        assertThat(jdbc.sql("select value from observation where indicator_id = :i and region_code = :r and period = '2025-12'")
                .param("i", cityIds.get(houses)).param("r", kept).query(BigDecimal.class).single()).isEqualByComparingTo("4242");
        assertThat(jdbc.sql("""
                select count(*) from observation_roll_up u join observation s on s.indicator_id = u.source_indicator_id
                  and s.region_code = u.region_code and s.period = u.period
                join observation c on c.indicator_id = u.indicator_id and c.region_code = u.region_code and c.period = u.period
                where u.indicator_id in (:ids) and c.value = s.value and c.reported_by = 'roll-up'""")
                .param("ids", cityIds.values()).query(Integer.class).single()).as("each copy equals its source").isEqualTo(copies);
        // a second roll-up changes nothing
        mvc.perform(post("/levels/pull").param("region", city)).andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select count(*) from observation_roll_up").query(Integer.class).single()).isEqualTo(copies);

        // the city's page: its counties side by side
        Document page = page(city, null);
        assertThat(page.select("#levels-race-table tbody tr")).hasSize(8);
        Map<String, Double> latest = latest2025(counties, houses);
        double sum = latest.values().stream().mapToDouble(Double::doubleValue).sum();
        Element housesRow = row(page, houses);
        assertThat(housesRow.attr("data-method")).isEqualTo("sum");
        assertThat(number(housesRow.selectFirst("td.total b").text())).isCloseTo(round2(sum), org.assertj.core.data.Offset.offset(0.006));
        // the county with the most houses ranks first on that row
        String best = latest.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        assertThat(housesRow.select("td.num").get(2 + counties.indexOf(best)).select(".rank").text()).contains("1");

        Map<String, Double> incomes = latest2025(counties, income);
        double weighted = 0, w = 0;
        for (String c : counties) {
            weighted += incomes.get(c) * population.get(c);
            w += population.get(c);
        }
        Element incomeRow = row(page, income);
        assertThat(incomeRow.attr("data-method")).isEqualTo("weighted");
        assertThat(number(incomeRow.selectFirst("td.total b").text())).isCloseTo(round2(weighted / w), org.assertj.core.data.Offset.offset(0.006));
        Element rateRow = row(page, rate);
        assertThat(rateRow.attr("data-method")).isEqualTo("none");
        assertThat(rateRow.selectFirst("td.total").text()).contains("不可比");
        assertThat(rateRow.select("td.num").get(2 + counties.indexOf(best)).text()).isNotBlank();

        // the race: ranked by each county's realization degree, as the evaluation states it
        List<String> byDegree = new ArrayList<>();
        Map<String, Double> degrees = new HashMap<>();
        for (String c : counties) {
            long plan = jdbc.sql("select id from plan where region_code = :r and state = 'published'").param("r", c).query(Long.class).single();
            degrees.put(c, Scope.asSystem(() -> evaluation.summary(plan)).realization().overall());
            byDegree.add(c);
        }
        byDegree.sort((a, b) -> Double.compare(degrees.get(b), degrees.get(a)));
        assertThat(page.select("#levels-race-table tbody tr").eachAttr("data-region")).isEqualTo(byDegree);
        assertThat(page.select("#levels-race-table tbody tr").first().selectFirst("td").text()).isEqualTo("1");

        // the office changes a rule: the rate becomes a population-weighted mean
        mvc.perform(post("/levels/rules").param("region", city).param("indicator", rate).param("method", "weighted")
                .param("weight", POPULATION).param("version", "0")).andExpect(status().is3xxRedirection());
        assertThat(row(page(city, null), rate).attr("data-method")).isEqualTo("weighted");
        // a form read before that change is refused, not applied
        mvc.perform(post("/levels/rules").param("region", city).param("indicator", rate).param("method", "sum")
                .param("version", "0")).andExpect(status().isConflict());

        // a rule that is not one is refused beside its field, nothing saved
        mvc.perform(post("/levels/rules").param("region", city).param("indicator", rate).param("method", "average")
                .param("version", "1")).andExpect(status().is(422));
        assertThat(jdbc.sql("select method from roll_up_rule where region_code = :r and indicator_name = :n")
                .param("r", city).param("n", rate).query(String.class).single()).isEqualTo("weighted");

        // the export holds the same total
        byte[] xlsx = mvc.perform(get("/levels/export").param("region", city).param("year", "2025")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(book.getSheetAt(0).getPhysicalNumberOfRows()).isEqualTo(9);
            var sheet = book.getSheetAt(1);
            boolean found = false;
            for (var r : sheet) {
                if (r.getCell(0).getStringCellValue().equals(houses)) {
                    assertThat(r.getCell(3).getNumericCellValue()).isCloseTo(sum, org.assertj.core.data.Offset.offset(1e-6));
                    found = true;
                }
            }
            assertThat(found).isTrue();
        }

        // a county's page: its towns side by side on the county's indicators, ranked by their mean rank
        String county = counties.get(1);
        Document towns = page(county, null);
        int townCount = jdbc.sql("select count(*) from region where parent_code = :c").param("c", county).query(Integer.class).single();
        assertThat(towns.select("#levels-race-table tbody tr")).hasSize(townCount);
        assertThat(towns.select("#levels-table tbody tr")).as("the 50 indicators the towns report").hasSize(50);
        List<Double> meanRanks = towns.select("#levels-race-table tbody tr td.mean-rank").eachText().stream().map(LevelsOnAGeneratedCityTest::number).toList();
        assertThat(meanRanks).isSorted();
        assertThat(towns.select("#levels-race-table tbody tr").first().selectFirst("td").text()).as("towns ranked by mean rank").isEqualTo("1");

        // one county reports 2025 through the workflow: its accepted value flows up at once, and goes when reopened
        Reporting d = department(counties.get(2), houses);
        RequestPostProcessor office = user(users.loadUserByUsername("admin").withoutPassword());
        long report = report(d, office, "777");
        BigDecimal copied = jdbc.sql("select value from observation where indicator_id = :i and region_code = :r and period = '2025'")
                .param("i", cityIds.get(houses)).param("r", d.region()).query(BigDecimal.class).single();
        assertThat(copied).isEqualByComparingTo("777");
        assertThat(number(row(page(city, null), houses).select("td.num").get(2 + counties.indexOf(d.region())).selectFirst("span").text()))
                .as("the year's own value comes before its months").isEqualTo(777.0);
        ReportSteps.act(mvc, office, report, "REOPEN", "口径调整");
        assertThat(jdbc.sql("select count(*) from observation where indicator_id = :i and region_code = :r and period = '2025'")
                .param("i", cityIds.get(houses)).param("r", d.region()).query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'levels.rollUp'").query(Integer.class).single())
                .as("the roll-ups and the acceptance's copy are audited").isGreaterThanOrEqualTo(3);
    }

    /** A name (like {@code pattern}) and unit every county has an indicator of. */
    private String commonName(List<String> counties, String pattern, String unit) {
        return jdbc.sql("""
                select name from indicator where region_code in (:c) and name like :p and unit = :u
                group by name having count(*) = :n order by name""")
                .param("c", counties).param("p", pattern).param("u", unit).param("n", counties.size())
                .query(String.class).list().get(0);
    }

    /** Each county's latest accepted 2025 value of its own indicator of that name, by an independent query. */
    private Map<String, Double> latest2025(List<String> counties, String name) {
        Map<String, Double> values = new LinkedHashMap<>();
        for (String c : counties) {
            values.put(c, jdbc.sql("""
                    select o.value from observation o join indicator i on i.id = o.indicator_id
                    where i.region_code = :r and o.region_code = :r and i.name = :n and o.state = 'approved'
                      and o.period like '2025%' order by case when o.period = '2025' then 0 else 1 end, o.period desc""")
                    .param("r", c).param("n", name).query(BigDecimal.class).list().get(0).doubleValue());
        }
        return values;
    }

    private Document page(String region, Integer pageNo) throws Exception {
        var request = get("/levels").param("region", region).param("year", "2025");
        if (pageNo != null) request.param("page", String.valueOf(pageNo));
        return Jsoup.parse(mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    }

    /** The row of an indicator, on whichever page of the table it is. */
    private Element row(Document page, String indicator) throws Exception {
        Element row = page.selectFirst("tr.levels-row[data-indicator=\"" + indicator + "\"]");
        if (row != null) return row;
        String region = page.selectFirst("#levels-region option[selected]").attr("value");
        for (int p = 1; p < 10; p++) {
            row = page(region, p).selectFirst("tr.levels-row[data-indicator=\"" + indicator + "\"]");
            if (row != null) return row;
        }
        throw new AssertionError("no row of " + indicator);
    }

    private static double number(String text) {
        return Double.parseDouble(text.replace(",", "").trim());
    }

    private static double round2(double v) {
        return Math.round(v * 100) / 100.0;
    }

    /** A department of the county responsible for its indicator of that name, its reporter, and a head made for it. */
    record Reporting(long planId, String region, long unitId, String reporter, long indicatorId) {}

    private Reporting department(String county, String name) {
        Reporting d = jdbc.sql("""
                select p.id, i.region_code, i.unit_id, min(us.username), i.id from indicator i
                join plan p on p.region_code = i.region_code and p.state = 'published'
                join user_unit uu on uu.unit_id = i.unit_id join app_user us on us.id = uu.user_id
                where i.region_code = :r and i.name = :n group by p.id, i.region_code, i.unit_id, i.id""")
                .param("r", county).param("n", name)
                .query((rs, n) -> new Reporting(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getLong(5))).single();
        Scope.runAsSystem(() -> users.createAllUnchecked(List.of(new NewUser("head" + d.unitId(), "负责人", d.region(),
                List.of(Role.UNIT_HEAD), List.of(d.unitId()))), "gongfu-generated"));
        return d;
    }

    /** Opens the department's 2025Q4 report, enters the indicator's 2025 value and takes the report to acceptance. */
    private long report(Reporting d, RequestPostProcessor office, String value) throws Exception {
        RequestPostProcessor reporter = user(users.loadUserByUsername(d.reporter()).withoutPassword());
        long id = ReportSteps.open(mvc, reporter, d.planId(), d.unitId(), "2025Q4");
        JsonNode form = JSON.readTree(mvc.perform(get("/api/v1/submissions/{id}", id).with(reporter)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        boolean entered = false;
        for (JsonNode owed : form.get("indicators")) {
            if (owed.get("indicatorId").asLong() != d.indicatorId() || !owed.get("period").asText().equals("2025")) continue;
            mvc.perform(put("/api/v1/submissions/{id}/values/{i}", id, d.indicatorId()).with(reporter)
                    .contentType(MediaType.APPLICATION_JSON).content(JSON.writeValueAsString(Map.of("value", value,
                            "explanation", "年度统计快报")))).andExpect(status().isOk());
            entered = true;
        }
        assertThat(entered).as("the report owes the indicator's 2025 value").isTrue();
        ReportSteps.act(mvc, user(users.loadUserByUsername("head" + d.unitId()).withoutPassword()), id, "APPROVE", null);
        ReportSteps.act(mvc, reporter, id, "SUBMIT", null);
        ReportSteps.act(mvc, office, id, "ACCEPT", null);
        return id;
    }
}
