package cn.gongfu.reporting.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gongfu.indicator.Indicator;
import cn.gongfu.indicator.StoredNumber;
import cn.gongfu.reporting.FeedException;
import cn.gongfu.reporting.ObservationRules;
import cn.gongfu.security.TokenService;
import cn.gongfu.support.DemoFacts;
import cn.gongfu.support.Notices;
import cn.gongfu.support.SignedInAsAdmin;
import cn.gongfu.users.UserService;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The machine feed ({@code POST /api/v1/observations/import}), run once per database: {@code H2FeedImportTest}
 * always (batched staging), {@code PostgresFeedImportTest} when PostgreSQL is configured (COPY staging).
 * Each test makes its own indicators in the demo district 青溪区 (330299), so tests do not see each other.
 */
abstract class FeedImportContract {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String HEADER = "indicator,region,period,value,comment\n";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MessageSource messages;

    @Autowired
    UserService users;

    @Autowired
    TokenService tokens;

    @LocalServerPort
    int port;

    String tag;
    long share;        // 普惠托位占比 …, unit %, not cumulative
    long jobs;         // 累计新增就业 …, cumulative
    String shareName;

    @BeforeEach
    void indicators() {
        tag = UUID.randomUUID().toString().substring(0, 8);
        shareName = "普惠托位占比 " + tag;
        share = indicator(shareName, "%", false);
        jobs = indicator("累计新增就业人数 " + tag, "人", true);
    }

    long indicator(String name, String unit, boolean cumulative) {
        jdbc.sql("insert into indicator (name, unit, polarity, cumulative, region_code) values (:n, :u, 'higher', :c, '330299')")
                .param("n", name).param("u", unit).param("c", cumulative).update();
        return jdbc.sql("select id from indicator where region_code = '330299' and name = :n").param("n", name).query(Long.class).single();
    }

    @Test
    void aGoodCsvIsStoredAndAReimportBumpsOnlyTheChangedValues() throws Exception {
        String csv = "\uFEFF" + HEADER
                + shareName + ",330299,2024,55.5,统计局年报\n"
                + jobs + ",330299001,2024,100,\n"
                + jobs + ",330299001,2025,120,\"含 \"\"灵活就业\"\", 见附注\"\n";
        csv(csv).andExpect(status().isOk())
                .andExpect(jsonPath("$.rows").value(3)).andExpect(jsonPath("$.inserted").value(3))
                .andExpect(jsonPath("$.updated").value(0)).andExpect(jsonPath("$.unchanged").value(0));
        assertThat(value(share, "330299", "2024")).isEqualByComparingTo("55.5");
        assertThat(value(jobs, "330299001", "2025")).isEqualByComparingTo("120");
        assertThat(jdbc.sql("select comment from observation where indicator_id = :i and period = '2025'").param("i", jobs)
                .query(String.class).single()).isEqualTo("含 \"灵活就业\", 见附注");
        assertThat(jdbc.sql("select count(*) from observation where indicator_id in (:ids) and state = 'approved' and reported_by = 'admin' and version = 0")
                .param("ids", List.of(share, jobs)).query(Long.class).single()).isEqualTo(3);

        String again = HEADER + shareName + ",330299,2024,56,统计局年报（修订）\n"
                + jobs + ",330299001,2024,100,\n"
                + jobs + ",330299001,2025,120,\"含 \"\"灵活就业\"\", 见附注\"\n";
        String body = csv(again).andExpect(status().isOk())
                .andExpect(jsonPath("$.inserted").value(0)).andExpect(jsonPath("$.updated").value(1))
                .andExpect(jsonPath("$.unchanged").value(2)).andReturn().getResponse().getContentAsString();
        assertThat(value(share, "330299", "2024")).isEqualByComparingTo("56");
        assertThat(jdbc.sql("select version from observation where indicator_id = :i").param("i", share).query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select version from observation where indicator_id = :i and period = '2024'").param("i", jobs)
                .query(Integer.class).single()).isEqualTo(0);
        // the summary event names the file's hash; the replaced value keeps its history
        String sha = JSON.readTree(body).get("sha256").asText();
        assertThat(jdbc.sql("select after_value from audit_event where action = 'observation.feed' and target = :t")
                .param("t", "feed:" + sha.substring(0, 16)).query(String.class).single())
                .contains("inserted=0", "updated=1", "unchanged=2", "sha256=" + sha);
        long obs = jdbc.sql("select id from observation where indicator_id = :i").param("i", share).query(Long.class).single();
        List<String> history = jdbc.sql("select before_value || '→' || after_value from audit_event where action = 'observation.import' and target = :t")
                .param("t", "observation:" + obs).query(String.class).list();
        // written as the form writes numbers: no trailing zeros
        assertThat(history).containsExactly("55.5→56");
    }

    @Test
    void replacingAValueAUnitReportedTellsTheUnit() throws Exception {
        long plan = DemoFacts.demoPlanId(jdbc);
        long unit = jdbc.sql("select uu.unit_id from user_unit uu join app_user u on u.id = uu.user_id where u.username = 'reporter'")
                .query(Long.class).single();
        jdbc.sql("""
                insert into submission (plan_id, unit_id, period, state, due_on) values (:p, :u, '2012Q4', 'accepted', date '2013-01-05')""")
                .param("p", plan).param("u", unit).update();
        long submission = jdbc.sql("select id from submission where plan_id = :p and unit_id = :u and period = '2012Q4'")
                .param("p", plan).param("u", unit).query(Long.class).single();
        jdbc.sql("""
                insert into observation (indicator_id, region_code, period, value, state, submission_id)
                values (:i, '330299', '2012', 40, 'approved', :s)""").param("i", share).param("s", submission).update();

        csv(HEADER + shareName + ",330299,2012,45,统计局年报\n").andExpect(status().isOk()).andExpect(jsonPath("$.updated").value(1));
        List<String> notices = Notices.texts(jdbc, messages, "u.username = 'reporter' and n.link = :link",
                Map.of("link", "/reports/" + submission));
        assertThat(notices).hasSize(1);
        assertThat(notices.get(0)).contains("2012Q4", "1 个指标值", "替换");
        // the notice leads to the report, whose history shows the replaced value, old → new
        mvc.perform(get("/reports/{id}", submission)).andExpect(status().isOk())
                .andExpect(content().string(containsString("40 → 45")));
        // a value nobody reported through a submission tells no one
        Notices.awaitDelivered(jdbc);
        long before = jdbc.sql("select count(*) from notification").query(Long.class).single();
        csv(HEADER + shareName + ",330299,2013,46,\n").andExpect(status().isOk());
        csv(HEADER + shareName + ",330299,2013,47,\n").andExpect(status().isOk()).andExpect(jsonPath("$.updated").value(1));
        Notices.awaitDelivered(jdbc);
        assertThat(jdbc.sql("select count(*) from notification").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void aGoodJsonIsStored() throws Exception {
        String json = """
                [{"indicator": %d, "region": "330299", "period": "2024Q1", "value": 61.25, "comment": "季报"},
                 {"indicator": "%s", "region": "330299", "period": 2023, "value": "60"},
                 {"indicator": %d, "region": "330299002", "period": "2024-03", "value": 7, "comment": null}]
                """.formatted(share, shareName, jobs);
        mvc.perform(post("/api/v1/observations/import").contentType("application/json").content(json))
                .andExpect(status().isOk()).andExpect(jsonPath("$.rows").value(3)).andExpect(jsonPath("$.inserted").value(3));
        assertThat(value(share, "330299", "2024Q1")).isEqualByComparingTo("61.25");
        assertThat(value(share, "330299", "2023")).isEqualByComparingTo("60");
        assertThat(value(jobs, "330299002", "2024-03")).isEqualByComparingTo("7");
    }

    @Test
    void oneBadRowAmongGoodOnesStoresNothingAndNamesTheRow() throws Exception {
        String csv = HEADER
                + share + ",330299,2021,50,\n"
                + share + ",330299,2022,五十,\n"          // line 3: not a number
                + share + ",330299,2023,52,\n";
        csv(csv).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("https://gongfu.example/problems/invalid-feed"))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.errors[0].row").value(3))
                .andExpect(jsonPath("$.errors[0].field").value("value"))
                .andExpect(jsonPath("$.errors[0].message", containsString("'五十' is not a number")));
        assertThat(stored(share)).isZero();
    }

    /**
     * A feed's numbers are bounded before they are parsed or scaled (issue 10, High 1 and Low): huge exponents, 19+
     * digits, more than 6 decimals (refused, no longer rounded), NaN, Infinity and overlong text are row errors on
     * the value with a short message naming the limit, in CSV and JSON alike, and nothing is stored.
     */
    @Test
    @Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void hugeLongAndInexactNumbersAreRowErrorsNamingTheLimit() throws Exception {
        List<String> bad = List.of("1e10000000", "-1e10000000", "1e-10000000", "12345678901234567890", "1.1234567", "NaN",
                "Infinity", "9".repeat(5000));
        for (String value : bad) {
            String label = StoredNumber.echo(value);
            for (ResultActions result : List.of(csv(HEADER + jobs + ",330299,2024," + value + ",\n"),
                    json("[{\"indicator\": " + jobs + ", \"region\": \"330299\", \"period\": \"2024\", \"value\": \"" + value + "\"}]"))) {
                var response = result.andExpect(status().isUnprocessableContent())
                        .andExpect(jsonPath("$.total").value(1))
                        .andExpect(jsonPath("$.errors[0].field").value("value"))
                        .andReturn().getResponse();
                assertThat(response.getContentAsString(StandardCharsets.UTF_8)).as(label)
                        .containsAnyOf("小数点前最多 18 位", "最多 6 位小数", "不是数字", "最多 40 个字符");
                assertThat(response.getContentAsByteArray().length).as(label).isLessThan(1024);
            }
        }
        // a JSON number, not a string, is bounded the same way
        json("[{\"indicator\": " + jobs + ", \"region\": \"330299\", \"period\": \"2024\", \"value\": 1e10000000}]")
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("value"))
                .andExpect(jsonPath("$.errors[0].message", containsString("18")));
        assertThat(stored(jobs)).isZero();
        // trailing zeros beyond the sixth decimal lose nothing: stored exactly
        csv(HEADER + jobs + ",330299,2024,1.50000000,\n").andExpect(status().isOk());
        assertThat(value(jobs, "330299", "2024")).isEqualByComparingTo("1.5");
    }

    @Test
    void everyRuleIsARowErrorAndNothingIsStored() throws Exception {
        jdbc.sql("insert into observation (indicator_id, region_code, period, value, state) values (:i, '330299', '2023', 500, 'approved')")
                .param("i", jobs).update();
        String csv = HEADER
                + "no such indicator " + tag + ",330299,2024,1,\n"    // 2 unknown indicator
                + share + ",999999,2024,1,\n"                         // 3 unknown region
                + share + ",330299,2024-13,1,\n"                      // 4 malformed period
                + share + ",330299,2024,150,\n"                       // 5 percent above 100
                + jobs + ",330299,2024,400,\n"                        // 6 cumulative falls below the stored 500
                + share + ",330299,2025Q1,40,\n"                      // 7
                + share + ",330299,2025Q1,41,\n"                      // 8 duplicate of row 7
                + share + ",330299,2025Q2,90,\n"                      // 9 jump of 125% against 2025Q1, no explanation
                + share + ",330299,2026\n"                            // 10 a field missing
                + jobs + ",330299,2022,-1,\n";                        // 11 negative
        JsonNode problem = JSON.readTree(csv(csv).andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString());
        List<String> errors = problem.get("errors").valueStream()
                .map(e -> e.get("row").asLong() + " " + e.get("field").asText()).toList();
        assertThat(errors).contains("2 indicator", "3 region", "4 period", "5 value", "6 value", "8 indicator", "9 explanation",
                "10 row", "11 value");
        assertThat(problem.get("errors").toString()).contains("百分比应在0到100之间", "累计指标不能下降", "与第 7 行重复", "超过 50%");
        assertThat(stored(share)).isZero();
        assertThat(stored(jobs)).isEqualTo(1);
    }

    @Test
    void aTokenActingForTheOfficeImportsWithoutSessionOrCsrf() throws Exception {
        SignedInAsAdmin.signIn(users.loadUserByUsername("office"));
        String secret;
        try {
            secret = tokens.create("统计局数据对接 " + tag, 30).secret();
        } finally {
            SignedInAsAdmin.signOut();
        }
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/observations/import"))
                .header("Authorization", "Bearer " + secret).header("Content-Type", "text/csv; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(HEADER + share + ",330299003,2024,33.3,\n", StandardCharsets.UTF_8))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(jdbc.sql("select reported_by from observation where indicator_id = :i").param("i", share)
                .query(String.class).single()).isEqualTo("office");
    }

    @Test
    void aReporterIsRefused() throws Exception {
        mvc.perform(post("/api/v1/observations/import").with(user(users.loadUserByUsername("reporter").withoutPassword()))
                        .contentType("text/csv").content(HEADER + share + ",330299,2024,1,\n"))
                .andExpect(status().isForbidden());
        assertThat(stored(share)).isZero();
    }

    @Test
    void aRegionOutsideTheCallersScopeIsARowError() throws Exception {
        mvc.perform(post("/api/v1/observations/import").with(user(users.loadUserByUsername("office").withoutPassword()))
                        .contentType("text/csv").content(HEADER + share + ",330299,2024,10,\n" + share + ",330213,2024,11,\n"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.errors[0].row").value(3))
                .andExpect(jsonPath("$.errors[0].field").value("region"));
        assertThat(stored(share)).isZero();
    }

    /**
     * Indicators are resolved as the rows stream (FeedKeys), within the caller's scope: an indicator of a region
     * outside it is unknown whether given by id or by name, and one of the caller's indicators named in a town by
     * id resolves (the town's rows of a county indicator, as bureaus send them).
     */
    @Test
    void anIndicatorOutsideTheCallersScopeIsUnknownByIdAndByName() throws Exception {
        String outside = jdbc.sql("select code from region where code not like '330299%' order by code fetch first 1 rows only")
                .query(String.class).single();
        String foreignName = "外区指标 " + tag;
        jdbc.sql("insert into indicator (name, unit, polarity, cumulative, region_code) values (:n, '个', 'higher', false, :r)")
                .param("n", foreignName).param("r", outside).update();
        long foreign = jdbc.sql("select id from indicator where name = :n").param("n", foreignName).query(Long.class).single();
        String csv = HEADER
                + foreign + ",330299,2024,1,\n"               // 2 by id, outside the scope
                + foreignName + ",330299,2024,1,\n"           // 3 by name: not among 330299's indicators
                + share + ",330299001,2024,10,\n"             // 4 the district's indicator, by id, in a town
                + shareName + ",330299,2024,11,\n"            // 5 by name in its own region
                + shareName + ",330299001,2024,12,\n";        // 6 by name in a town that has no such indicator
        JsonNode problem = JSON.readTree(mvc.perform(post("/api/v1/observations/import")
                        .with(user(users.loadUserByUsername("office").withoutPassword()))
                        .contentType("text/csv; charset=utf-8").content(csv.getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString());
        List<String> errors = problem.get("errors").valueStream()
                .map(e -> e.get("row").asLong() + " " + e.get("field").asText()).toList();
        assertThat(errors).containsExactly("2 indicator", "3 indicator", "6 indicator");
        assertThat(problem.get("errors").get(0).toString()).contains(String.valueOf(foreign));
        assertThat(problem.get("errors").get(1).toString()).contains(foreignName);
        assertThat(stored(share)).isZero();
        assertThat(stored(foreign)).isZero();
    }

    /**
     * A feed of more distinct unknown ids than FeedKeys looks up one by one still finds every one of them (past the
     * bound it loads everything in scope at once), and a known indicator after the bound still resolves.
     */
    @Test
    void manyUnknownIdsAreEachFoundPastTheLookupBound() throws Exception {
        int unknown = FeedKeys.MAX_QUERIES + 100;
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 0; i < unknown; i++) csv.append(9_000_000_000L + i).append(",330299,2024,1,\n");
        csv.append(share).append(",330299,2024,50,\n").append(shareName).append(",330299,2023,49,\n");
        csv(csv.toString()).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.total").value(unknown))
                .andExpect(jsonPath("$.errors[0].field").value("indicator"))
                .andExpect(jsonPath("$.errors[0].message", containsString("9000000000")));
        assertThat(stored(share)).isZero();
    }

    @Test
    void aMalformedHeaderOrBodyIsRefused() throws Exception {
        csv("indicator,region,period\n1,330299,2024\n").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("header"));
        mvc.perform(post("/api/v1/observations/import").contentType("application/json").content("{\"indicator\": 1}"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("body"));
        mvc.perform(post("/api/v1/observations/import").contentType("application/json").content("[{\"indicator\": " + share + ", \"region\""))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("body"));
        mvc.perform(post("/api/v1/observations/import").contentType("text/plain").content("x"))
                .andExpect(status().isUnsupportedMediaType());
    }

    @Autowired
    FeedImportService feeds;

    /** The rules written once in Java (ObservationRules) and once in SQL (FeedSql) agree, case by case. */
    @Test
    void theFeedsSqlRulesAgreeWithObservationRules() throws Exception {
        record Case(String unit, String name, boolean cumulative, String polarity, String previous, String value, String explanation) {}
        List<Case> cases = List.of(
                new Case("%", "占比", false, "higher", null, "100", null),
                new Case("%", "占比", false, "higher", null, "100.000001", null),
                new Case("%", "占比", false, "higher", null, "-0.5", null),
                new Case("%", "人均收入增长", false, "higher", null, "-3", null),
                new Case("%", "增速", false, "higher", null, "130", null),
                new Case("‰", "死亡率", false, "lower", null, "1000.5", null),
                new Case("‰", "人口变化", false, "lower", null, "-2", null),
                new Case("元", "收入", false, "higher", null, "-1", null),
                new Case("元", "收入", false, "higher", "100", "150", null),
                new Case("元", "收入", false, "higher", "100", "150.005", null),
                new Case("元", "收入", false, "higher", "100", "150.006", null),
                new Case("元", "收入", false, "higher", "100", "151", null),
                new Case("元", "收入", false, "higher", "100", "151", "口径调整"),
                new Case("元", "收入", false, "higher", "-40", "-70", null),
                new Case("元", "收入", false, "higher", "0", "70", null),
                new Case("人", "累计就业", true, "higher", "100", "99", null),
                new Case("人", "累计就业", true, "higher", "100", "40", null),
                new Case("人", "累计就业", true, "higher", "100", "100", null),
                new Case(null, "定性", false, "qualitative", null, null, null),
                new Case(null, "数量", false, "higher", null, null, null),
                new Case("个", "数量", false, "milestone", "3", null, null),
                new Case("元", "收入", false, "higher", "100", "1e19", "口径调整"),
                new Case("元", "收入", false, "higher", "100", "-1e10000000", null),
                new Case("%", "占比", false, "higher", null, "50.0000001", null),
                new Case("%", "占比", false, "higher", null, "50.1000000", null));
        List<String> disagreements = new ArrayList<>();
        SignedInAsAdmin.signIn(users.loadUserByUsername("admin"));
        try {
            for (Case c : cases) {
                String name = c.name() + " " + UUID.randomUUID().toString().substring(0, 8);
                jdbc.sql("insert into indicator (name, unit, polarity, cumulative, region_code) values (:n, :u, :p, :c, '330299')")
                        .param("n", name).param("u", c.unit()).param("p", c.polarity()).param("c", c.cumulative()).update();
                long id = jdbc.sql("select id from indicator where name = :n").param("n", name).query(Long.class).single();
                BigDecimal previous = c.previous() == null ? null : new BigDecimal(c.previous());
                if (previous != null) {
                    jdbc.sql("insert into observation (indicator_id, region_code, period, value, state) values (:i, '330299', '2023', :v, 'approved')")
                            .param("i", id).param("v", previous).update();
                }
                BigDecimal value = c.value() == null ? null : new BigDecimal(c.value());
                var indicator = new Indicator(id, null, name, c.unit(), c.polarity(), c.cumulative(),
                        null, null, null, null, "330299", null);
                List<String> java = ObservationRules.check(indicator, value, previous, c.explanation()).stream()
                        .map(v -> v.field() + ": " + v.message()).sorted().toList();
                String csv = "indicator,region,period,value,explanation\n" + id + ",330299,2024," + (c.value() == null ? "" : c.value())
                        + "," + (c.explanation() == null ? "" : c.explanation()) + "\n";
                List<String> sql;
                try {
                    feeds.importObservations(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), FeedImportService.Format.CSV);
                    sql = List.of();
                } catch (FeedException e) {
                    sql = e.errors().stream().map(v -> v.field() + ": " + v.message()).sorted().toList();
                }
                if (!java.equals(sql)) disagreements.add(c + "\n  java " + java + "\n  sql  " + sql);
            }
        } finally {
            SignedInAsAdmin.signOut();
        }
        assertThat(disagreements).isEmpty();
    }

    private ResultActions json(String body) throws Exception {
        return mvc.perform(post("/api/v1/observations/import").contentType("application/json").content(body.getBytes(StandardCharsets.UTF_8)));
    }

    private ResultActions csv(String body) throws Exception {
        return mvc.perform(post("/api/v1/observations/import").contentType("text/csv; charset=utf-8")
                .content(body.getBytes(StandardCharsets.UTF_8)));
    }

    private BigDecimal value(long indicator, String region, String period) {
        return jdbc.sql("select value from observation where indicator_id = :i and region_code = :r and period = :p")
                .param("i", indicator).param("r", region).param("p", period).query(BigDecimal.class).single();
    }

    private long stored(long indicator) {
        return jdbc.sql("select count(*) from observation where indicator_id = :i").param("i", indicator).query(Long.class).single();
    }
}
