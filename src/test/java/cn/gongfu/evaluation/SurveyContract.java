package cn.gongfu.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gongfu.plan.PlanDraft;
import cn.gongfu.plan.PlanDraft.IndicatorDraft;
import cn.gongfu.plan.PlanDraft.TargetDraft;
import cn.gongfu.plan.PlanWriter;
import cn.gongfu.users.UserService;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Four-senses waves through {@code /api/v1/surveys} and target consistency through {@code /api/v1/consistency},
 * once per database: {@code H2SurveyTest} always, {@code PostgresSurveyTest} when PostgreSQL is configured.
 * Expected numbers were worked out by hand (docs/methodology.md §four senses): index = 100·(mean−1)/(k−1),
 * CI = index ± 1.959964·SE.
 */
abstract class SurveyContract {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserService users;

    @Autowired
    PlanWriter writer;

    String tag;

    @BeforeEach
    void tag() {
        tag = UUID.randomUUID().toString().substring(0, 8);
    }

    // ---- four senses

    @Test
    void rawAnswersGiveTheIndexAndARespondentLevelInterval() throws Exception {
        byte[] xlsx = workbook(List.of("编号", "获得感", "幸福感", "安全感", "认同感"),
                List.of(List.of(1, 5, 4, 3, 4), List.of(2, 4, 4, 4, 4), List.of(3, 3, 5, 4, 2),
                        List.of(4, 4, 3, 5, 4), List.of(5, 2, 4, 4, 3)));
        JsonNode wave = json(upload(xlsx, "原始答卷 " + tag).andExpect(status().isCreated()));
        assertThat(wave.get("source").asText()).isEqualTo("answers");
        assertThat(wave.get("respondents").asInt()).isEqualTo(5);
        // means 3.6, 4.0, 4.0, 3.4 on a 5-point scale
        expect(wave.get("dimensions").get(0), "gain", 65.00, 40.02, 89.98, 5);
        expect(wave.get("dimensions").get(1), "happiness", 75.00, 59.51, 90.49, 5);
        expect(wave.get("dimensions").get(2), "security", 75.00, 59.51, 90.49, 5);
        expect(wave.get("dimensions").get(3), "identity", 60.00, 40.40, 79.60, 5);
        // each respondent's mean index (62.5, 75, 62.5, 75, 56.25 …) → the interval of their mean
        expect(wave.get("overall"), "overall", 68.75, 61.00, 76.50, 5);
        assertThat(wave.get("overallCiMethod").asText()).isEqualTo("respondent-level");

        long id = wave.get("wave").get("id").asLong();
        JsonNode again = json(mvc.perform(get("/api/v1/surveys/{id}", id)).andExpect(status().isOk()));
        expect(again.get("overall"), "overall", 68.75, 61.00, 76.50, 5);
        JsonNode list = json(mvc.perform(get("/api/v1/surveys").param("region", "330299")).andExpect(status().isOk()));
        assertThat(list.findValuesAsString("name")).contains("原始答卷 " + tag);
        assertThat(jdbc.sql("select count(*) from survey_answer where wave_id = :w").param("w", id).query(Long.class).single())
                .isEqualTo(20);
    }

    @Test
    void aSummarySheetGivesTheIndicesWithTheIndependenceCaveat() throws Exception {
        byte[] xlsx = workbook(List.of("维度", "均值", "标准差", "样本量"),
                List.of(List.of("获得感", 3.8, 0.9, 400), List.of("幸福感", 4.1, 0.7, 400),
                        List.of("安全感", 4.4, 0.6, 400), List.of("认同感", 3.6, 1.1, 400)));
        JsonNode wave = json(upload(xlsx, "汇总 " + tag).andExpect(status().isCreated()));
        assertThat(wave.get("source").asText()).isEqualTo("summary");
        expect(wave.get("dimensions").get(0), "gain", 70.00, 67.80, 72.20, 400);
        expect(wave.get("dimensions").get(1), "happiness", 77.50, 75.79, 79.21, 400);
        expect(wave.get("dimensions").get(2), "security", 85.00, 83.53, 86.47, 400);
        expect(wave.get("dimensions").get(3), "identity", 65.00, 62.31, 67.69, 400);
        expect(wave.get("overall"), "overall", 74.38, 73.34, 75.41, 400);
        assertThat(wave.get("overallCiMethod").asText()).startsWith("independent dimensions");
    }

    @Test
    void badSheetsAreRejectedNamingEveryCellAndNothingIsStored() throws Exception {
        byte[] answers = workbook(List.of("获得感", "幸福感", "安全感", "认同感"),
                List.of(List.of(5, 4, 3, 4), List.of(6, 4, 4, 4), List.of(3, "很好", 4, 2)));
        JsonNode problem = json(upload(answers, "坏答卷 " + tag).andExpect(status().isUnprocessableContent()));
        assertThat(problem.get("errors")).hasSize(2);
        assertThat(problem.get("errors").get(0).get("location").asText()).isEqualTo("工作表 问卷，第3行，获得感列");
        assertThat(problem.get("errors").get(0).get("message").asText()).contains("“6”", "1到5");
        assertThat(problem.get("errors").get(1).get("location").asText()).isEqualTo("工作表 问卷，第4行，幸福感列");

        byte[] summary = workbook(List.of("维度", "均值", "标准差", "样本量"),
                List.of(List.of("获得感", 6, 0.9, 400), List.of("幸福感", 4.1, 0.7, "约三百"),
                        List.of("安全感", 4.4, -1, 400), List.of("认同感", 3.6, 1.1, 400)));
        problem = json(upload(summary, "坏汇总 " + tag).andExpect(status().isUnprocessableContent()));
        assertThat(problem.get("errors").findValuesAsString("location"))
                .containsExactly("工作表 问卷，第2行，均值列", "工作表 问卷，第3行，样本量列", "工作表 问卷，第4行，标准差列");
        assertThat(problem.get("errors").get(1).get("message").asText()).contains("约三百");
        assertThat(jdbc.sql("select count(*) from survey_wave where name like :n").param("n", "坏%" + tag)
                .query(Long.class).single()).isZero();
    }

    /** NaN, Infinity and statistics no column can hold are cell errors, not a 500 (issue 10, item 10), and nothing is stored. */
    @Test
    void notANumberInfinityAndUnstorableStatisticsAreCellErrors() throws Exception {
        byte[] summary = workbook(List.of("维度", "均值", "标准差", "样本量"),
                List.of(List.of("获得感", "NaN", 0.9, 400), List.of("幸福感", 4.1, "Infinity", 400),
                        List.of("安全感", 4.4, 0.6, "1e400"), List.of("认同感", 3.6, 1e6, 1e12)));
        var response = upload(summary, "非数 " + tag).andExpect(status().isUnprocessableContent()).andReturn().getResponse();
        JsonNode problem = JSON.readTree(response.getContentAsString(StandardCharsets.UTF_8));
        assertThat(problem.get("errors").findValuesAsString("location")).containsExactly("工作表 问卷，第2行，均值列",
                "工作表 问卷，第3行，标准差列", "工作表 问卷，第4行，样本量列", "工作表 问卷，第5行，标准差列", "工作表 问卷，第5行，样本量列");
        assertThat(problem.get("errors").get(0).get("message").asText()).contains("NaN", "not a finite number");
        assertThat(response.getContentAsByteArray().length).isLessThan(2048);
        assertThat(jdbc.sql("select count(*) from survey_wave where name like :n").param("n", "非数%" + tag)
                .query(Long.class).single()).isZero();
    }

    @Test
    void aReporterCannotImportAndBadParametersAreNamed() throws Exception {
        byte[] xlsx = workbook(List.of("获得感", "幸福感", "安全感", "认同感"), List.of(List.of(5, 4, 3, 4), List.of(4, 4, 4, 4)));
        mvc.perform(request(xlsx, "填报员 " + tag).with(user(users.loadUserByUsername("reporter").withoutPassword())))
                .andExpect(status().isForbidden());
        mvc.perform(request(xlsx, "量表 " + tag, "2", "2025-06-30")).andExpect(status().isBadRequest());
        mvc.perform(request(xlsx, "日期 " + tag, "5", "2025-13-01")).andExpect(status().isBadRequest());
        mvc.perform(request("not a workbook".getBytes(), "文件 " + tag)).andExpect(status().isBadRequest());
        assertThat(jdbc.sql("select count(*) from survey_wave where name like :n").param("n", "%" + tag)
                .query(Long.class).single()).isZero();
    }

    // ---- target consistency

    @Test
    void conflictingFallingAndWorseningTargetsAreFoundWithBothSources() throws Exception {
        String income = "居民人均可支配收入增速 " + tag, places = "累计新增普惠托位 " + tag;
        long city = writer.create(new PlanDraft("宁波市共富行动 " + tag, "330200", "宁波市", 2021, 2025, "action_plan",
                List.of(), List.of(), List.of(indicator(income, "higher", false,
                target(income, "ge", "7", 2025, "居民收入年均增长7%以上")))));
        long district = writer.create(new PlanDraft("奉化区共富方案 " + tag, "330213", "奉化区", 2023, 2025, "work_points",
                List.of(), List.of(), List.of(
                        indicator(income, "higher", false, target(income, "ge", "6.5", 2024, "6.5%以上"),
                                target(income, "ge", "6", 2025, "6%以上")),
                        indicator(places, "higher", true, target(places, "eq", "1000", 2024, "累计1000个"),
                                target(places, "eq", "900", 2025, "累计900个")))));

        JsonNode report = json(mvc.perform(get("/api/v1/consistency").param("region", "330213")).andExpect(status().isOk()));
        List<JsonNode> mine = new ArrayList<>();
        report.get("findings").forEach(f -> { if (f.get("indicator").asText().endsWith(tag)) mine.add(f); });
        assertThat(mine).extracting(f -> f.get("kind").asText())
                .containsExactlyInAnyOrder("conflict", "cumulative_falls", "target_worsens");

        JsonNode conflict = find(mine, "conflict");
        assertThat(conflict.get("indicator").asText()).isEqualTo(income);
        assertThat(List.of(conflict.get("first").get("planId").asLong(), conflict.get("second").get("planId").asLong()))
                .containsExactlyInAnyOrder(city, district);
        assertThat(conflict.get("message").asText()).contains("宁波市共富行动 " + tag, "奉化区共富方案 " + tag, "2025");
        assertThat(List.of(conflict.get("first").get("rawText").asText(), conflict.get("second").get("rawText").asText()))
                .containsExactlyInAnyOrder("居民收入年均增长7%以上", "6%以上");

        JsonNode worsens = find(mine, "target_worsens");
        assertThat(worsens.get("first").get("target").asText()).isEqualTo("≥ 6.5");
        assertThat(worsens.get("second").get("target").asText()).isEqualTo("≥ 6");
        assertThat(worsens.get("message").asText()).contains("2024", "2025", "奉化区共富方案 " + tag);

        JsonNode falls = find(mine, "cumulative_falls");
        assertThat(falls.get("indicator").asText()).isEqualTo(places);
        assertThat(falls.get("first").get("planId").asLong()).isEqualTo(district);
        assertThat(falls.get("second").get("year").asInt()).isEqualTo(2025);

        // the city sees only its own targets: the district's quarrel with it is the district's report
        JsonNode cityReport = json(mvc.perform(get("/api/v1/consistency").param("region", "330200")).andExpect(status().isOk()));
        cityReport.get("findings").forEach(f -> assertThat(f.get("indicator").asText()).doesNotEndWith(tag));
        // plans of the demo district stay as the other tests expect them; its office may not look elsewhere
        mvc.perform(get("/api/v1/consistency").param("region", "330213")
                .with(user(users.loadUserByUsername("office").withoutPassword()))).andExpect(status().isBadRequest());
    }

    // ---- helpers

    static IndicatorDraft indicator(String name, String polarity, boolean cumulative, TargetDraft... targets) {
        return new IndicatorDraft(null, "收入分配", name, cumulative ? "个" : "%", polarity, cumulative, null, null, List.of(targets));
    }

    static TargetDraft target(String indicator, String comparator, String value, int year, String text) {
        return new TargetDraft(indicator, comparator, new BigDecimal(value), null, null, null, year, text);
    }

    static JsonNode find(List<JsonNode> findings, String kind) {
        return findings.stream().filter(f -> f.get("kind").asText().equals(kind)).findFirst().orElseThrow();
    }

    static void expect(JsonNode score, String dimension, double index, double low, double high, int n) {
        assertThat(score.get("dimension").asText()).isEqualTo(dimension);
        assertThat(score.get("index").asDouble()).as(dimension + " index").isCloseTo(index, Offset.offset(0.005));
        assertThat(score.get("low").asDouble()).as(dimension + " low").isCloseTo(low, Offset.offset(0.005));
        assertThat(score.get("high").asDouble()).as(dimension + " high").isCloseTo(high, Offset.offset(0.005));
        assertThat(score.get("n").asInt()).isEqualTo(n);
    }

    MockMultipartHttpServletRequestBuilder request(byte[] xlsx, String name) {
        return request(xlsx, name, "5", "2025-06-30");
    }

    MockMultipartHttpServletRequestBuilder request(byte[] xlsx, String name, String scalePoints, String fieldedOn) {
        return (MockMultipartHttpServletRequestBuilder) multipart("/api/v1/surveys")
                .file(new MockMultipartFile("file", "wave.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx))
                .param("region", "330299").param("name", name).param("fieldedOn", fieldedOn).param("scalePoints", scalePoints);
    }

    ResultActions upload(byte[] xlsx, String name) throws Exception {
        return mvc.perform(request(xlsx, name));
    }

    static JsonNode json(ResultActions result) throws Exception {
        return JSON.readTree(result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    /** One sheet called 问卷: a header row, then the rows (numbers stay numeric cells, text stays text). */
    static byte[] workbook(List<String> header, List<List<Object>> rows) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("问卷");
            Row h = sheet.createRow(0);
            for (int c = 0; c < header.size(); c++) h.createCell(c).setCellValue(header.get(c));
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 1);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    Object v = rows.get(r).get(c);
                    if (v instanceof Number n) row.createCell(c).setCellValue(n.doubleValue());
                    else row.createCell(c).setCellValue(String.valueOf(v));
                }
            }
            book.write(out);
            return out.toByteArray();
        }
    }
}
