package cn.gongfu.robustness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gongfu.kernel.Role;
import cn.gongfu.reporting.ValidationException;
import cn.gongfu.support.Notices;
import cn.gongfu.support.SignedInAsAdmin;
import cn.gongfu.users.UserService;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.result.MockMvcResultMatchers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The ordinary bad input of issue 10 (item 10 and the Low input items), one test each, on both databases:
 * each answered 500 (or silently did something else) before. Runs as its own reporter of 区教育局 (2025Q4,
 * 2026Q1, 2026Q2), so it shares no submission with the other suites.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class BadInputContract {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String PERIOD = "2026Q1";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MessageSource messages;

    @Autowired
    UserService users;

    long plan;
    long unit;
    long submission;
    long task;

    @BeforeAll
    void reporterWithADraft() throws Exception {
        String region = jdbc.sql("select region_code from plan where id = (select min(id) from plan)").query(String.class).single();
        plan = jdbc.sql("select min(id) from plan where region_code = :r").param("r", region).query(Long.class).single();
        unit = jdbc.sql("select id from unit where region_code = :r and name = '区教育局'").param("r", region).query(Long.class).single();
        SignedInAsAdmin.signIn(users.loadUserByUsername("admin"));
        try {
            users.create("input-reporter", "输入 填报员", "input-password-1", region, List.of(Role.REPORTER), List.of(unit));
        } finally {
            SignedInAsAdmin.signOut();
        }
        JsonNode s = json(mvc.perform(post("/api/v1/submissions").with(as("input-reporter")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"plan\":" + plan + ",\"unit\":" + unit + ",\"period\":\"" + PERIOD + "\"}")).andExpect(status().isOk()));
        submission = s.get("id").asLong();
        task = form().get("tasks").get(0).get("taskId").asLong();
    }

    // ---- item 10: lengths where input enters, from the one declaration on the input record

    @Test
    void aNarrativeOverItsColumnIsA400NamingItAndNothingIsSaved() throws Exception {
        JsonNode before = taskReport();
        saveTask("x".repeat(4001), "x".repeat(4001))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("narrative"))
                .andExpect(jsonPath("$.errors[*].field").value(Matchers.contains("narrative", "problems")))
                .andExpect(jsonPath("$.detail").value(containsString("4000")));
        assertThat(taskReport()).isEqualTo(before);
        saveTask("长".repeat(4000), null).andExpect(status().isOk());
    }

    @Test
    void theReportFormKeepsATooLongNarrativeAndSaysWhy() throws Exception {
        String typed = "本季度完成了".repeat(700);   // 4,200 characters
        JsonNode before = taskReport();
        var result = mvc.perform(post("/reports/{id}/tasks/{t}", submission, task).with(as("input-reporter"))
                        .param("progress", "in_progress").param("narrative", typed).param("version", String.valueOf(taskReport().get("version").asInt())))
                .andExpect(status().is3xxRedirection())
                .andReturn();
        assertThat(locations(result.getFlashMap().get("errors"))).containsExactly("narrative");
        String page = mvc.perform(get("/reports/{id}", submission).with(as("input-reporter"))
                        .flashAttrs(result.getFlashMap())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains(typed).contains("narrative").contains("4000");
        assertThat(taskReport()).isEqualTo(before);
    }

    @Test
    void aCommentOverItsColumnIsA400NamingIt() throws Exception {
        // annual indicator values are owed in the last quarter
        long yearEnd = json(mvc.perform(post("/api/v1/submissions").with(as("input-reporter")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"plan\":" + plan + ",\"unit\":" + unit + ",\"period\":\"2025Q4\"}")).andExpect(status().isOk())).get("id").asLong();
        JsonNode entries = json(mvc.perform(get("/api/v1/submissions/{id}", yearEnd).with(as("input-reporter")))).get("indicators");
        assertThat(entries).as("indicators 区教育局 owes for 2025").isNotEmpty();
        long indicator = entries.get(0).get("indicatorId").asLong();
        mvc.perform(put("/api/v1/submissions/{id}/values/{i}", yearEnd, indicator).with(as("input-reporter"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(JSON.writeValueAsString(Map.of("value", 1, "comment", "评".repeat(2001)))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("comment"));
    }

    @Test
    void aLongReturnReasonIsStoredWholeAndItsNoticeIsCutToFit() throws Exception {
        long returned = json(mvc.perform(post("/api/v1/submissions").with(as("input-reporter")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"plan\":" + plan + ",\"unit\":" + unit + ",\"period\":\"2026Q2\"}")).andExpect(status().isOk())).get("id").asLong();
        for (String step : List.of("REQUEST_APPROVAL", "APPROVE", "SUBMIT")) act(returned, "admin", step, null).andExpect(status().isOk());
        act(returned, "office", "RETURN", "理".repeat(2001)).andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("reason"));
        String reason = "请补充佐证材料".repeat(70);   // 490 characters: 500 before, the notice's column holds 500
        act(returned, "office", "RETURN", reason).andExpect(status().isOk()).andExpect(jsonPath("$.state").value("returned"));
        assertThat(jdbc.sql("select return_reason from submission where id = :s").param("s", returned).query(String.class).single())
                .isEqualTo(reason);
        // the returned notices themselves (the office's 待审核 of the same report is another one)
        List<String> notices = Notices.texts(jdbc, messages, "n.link like :l and n.message_key = 'notice.report.returned'",
                Map.of("l", "%/reports/" + returned + "%"));
        assertThat(notices).as("the unit is told it was returned").isNotEmpty()
                .allSatisfy(notice -> assertThat(notice).hasSizeLessThanOrEqualTo(500).endsWith("…"));
    }

    @Test
    void longDisplayTokenAndSurveyNamesAre400sNamingTheField() throws Exception {
        mvc.perform(post("/api/v1/users").contentType(MediaType.APPLICATION_JSON).content(JSON.writeValueAsString(Map.of(
                        "username", "long-name", "displayName", "名".repeat(201), "password", "long-name-password-1",
                        "regionCode", "330299", "roles", List.of("LEADER")))))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("displayName"));
        mvc.perform(post("/api/v1/tokens").contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"" + "t".repeat(101) + "\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("name"));
        mvc.perform(multipart("/api/v1/surveys").file(new MockMultipartFile("file", "s.xlsx", "application/octet-stream", new byte[] {1}))
                        .param("region", "330299").param("name", "调".repeat(201)).param("fieldedOn", "2025-06-01").param("scalePoints", "5"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("name"));
        assertThat(jdbc.sql("select count(*) from app_user where username = 'long-name'").query(Long.class).single()).isZero();
    }

    // ---- item 10: NUL and other text PostgreSQL refuses, at the edge

    @Test
    void aNulInAFilterOrABodyIsA400NamingTheParameter() throws Exception {
        for (String list : List.of("/api/v1/plans", "/api/v1/tasks", "/api/v1/units", "/api/v1/indicators", "/api/v1/users", "/api/v1/audit")) {
            String param = list.endsWith("audit") ? "action" : "q";
            mvc.perform(get(list).param(param, "区\u0000局")).andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.field").value(param)).andExpect(jsonPath("$.detail").value(containsString("NUL")));
        }
        mvc.perform(get("/plans").param("q", "a\u0000")).andExpect(status().isBadRequest());
        var page = mvc.perform(get("/plans").param("<img src=x onerror=alert(1)>", "a\u0000")).andExpect(status().isBadRequest())
                .andReturn().getResponse();
        assertThat(page.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(page.getContentAsString(StandardCharsets.UTF_8)).contains("NUL").doesNotContain("\u0000");
        mvc.perform(get("/api/v1/regions").param("q", "a\uD800b")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("q"));
        JsonNode before = taskReport();
        saveTask("进展\u0000", null).andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("narrative"));
        assertThat(taskReport()).isEqualTo(before);
    }

    @Test
    void aNulInsideAnUploadedFileIsNeverA500() throws Exception {
        int status = mvc.perform(multipart("/api/v1/imports").file(new MockMultipartFile("file", "nul.txt", "text/plain",
                        ("普陀区空字符行动方案（2021—2025年）\n1.推进空\u0000字符建设。（牵头单位：区民政局）\n").getBytes(StandardCharsets.UTF_8)))
                .param("region", "330903")).andReturn().getResponse().getStatus();
        assertThat(status).as("plan document with a NUL").isLessThan(500);
        String indicator = jdbc.sql("select name from indicator where region_code = '330299' order by id fetch first 1 rows only")
                .query(String.class).single();
        status = mvc.perform(post("/api/v1/observations/import").contentType("text/csv").content(
                        ("indicator,region,period,value,comment\n" + indicator + ",330299,2019,1,来源\u0000年报\n").getBytes(StandardCharsets.UTF_8)))
                .andReturn().getResponse().getStatus();
        assertThat(status).as("feed with a NUL in a comment").isLessThan(500);

        byte[] template = mvc.perform(get("/api/v1/submissions/{id}/workbook", submission).with(as("input-reporter")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        ByteArrayOutputStream filled = new ByteArrayOutputStream();
        try (var wb = new XSSFWorkbook(new ByteArrayInputStream(template))) {
            wb.getSheet("任务进展").getRow(1).getCell(5).setCellValue("进展NULHERE顺利");
            wb.write(filled);
        }
        JsonNode before = taskReport();
        mvc.perform(multipart("/api/v1/submissions/{id}/workbook", submission).file(new MockMultipartFile("file", "t.xlsx",
                        "application/octet-stream", withNulEscape(filled.toByteArray()))).with(as("input-reporter")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].message").value(containsString("NUL")));
        assertThat(taskReport()).isEqualTo(before);
    }

    // ---- item 10: pages and endpoints that needed a parameter they were not given

    @Test
    void dashboardsWithoutAPlanAndAnExportWithoutATableAre400sNamingIt() throws Exception {
        for (String page : List.of("/dashboard/tasks", "/dashboard/units", "/dashboard/regions", "/dashboard/units/" + unit,
                "/dashboard/indicators/1")) {
            mvc.perform(get(page)).andExpect(status().isBadRequest()).andExpect(org.springframework.test.web.servlet.result
                    .MockMvcResultMatchers.content().string(containsString("plan")));
        }
        mvc.perform(get("/dashboard/export").param("plan", String.valueOf(plan))).andExpect(status().isBadRequest())
                .andExpect(MockMvcResultMatchers.content().string(containsString("table")));
    }

    @Test
    void rankingsOfAPlanWithoutACalendarAreAnswered() throws Exception {
        long bare = publishedPlanWithoutCalendar();
        mvc.perform(get("/api/v1/evaluation/plans/{id}/units", bare)).andExpect(status().isOk());
        mvc.perform(get("/dashboard/units").param("plan", String.valueOf(bare))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/evaluation/plans/{id}", bare)).andExpect(status().isOk());
    }

    // ---- Low: JSON type errors name the field

    @Test
    void jsonTypeErrorsNameTheField() throws Exception {
        int version = taskReport().get("version").asInt();
        mvc.perform(put("/api/v1/submissions/{id}/tasks/{t}", submission, task).with(as("input-reporter"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"progress\":\"in_progress\",\"percentDone\":\"abc\",\"version\":" + version + "}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("percentDone"));
        mvc.perform(put("/api/v1/submissions/{id}/tasks/{t}", submission, task).with(as("input-reporter"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"progress\":\"in_progress\",\"version\":\"x\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("version"));
        mvc.perform(post("/api/v1/submissions/accept").contentType(MediaType.APPLICATION_JSON).content("[1, \"two\"]"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("[1]"));
        mvc.perform(put("/api/v1/plans/{id}/calendar", plan).contentType(MediaType.APPLICATION_JSON).content("{\"dueDay\":5}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("cadence"));
    }

    // ---- Low: stored file names, and one 413 for every oversized upload

    @Test
    void storedFileNamesKeepOnlyTheirLastSegmentWithoutControlCharactersAndBounded() throws Exception {
        assertThat(evidenceName("C:\\Users\\张三\\Desktop\\照片.jpg")).isEqualTo("照片.jpg");
        assertThat(evidenceName("../../etc/passwd")).isEqualTo("passwd");
        assertThat(evidenceName("报告\r\n\u0007.pdf")).isEqualTo("报告.pdf");
        String longName = evidenceName("长".repeat(400) + ".pdf");
        assertThat(longName).hasSize(200).endsWith("长.pdf");
        JsonNode review = json(mvc.perform(multipart("/api/v1/imports").file(new MockMultipartFile("file", "D:\\公文\\"
                        + "方".repeat(350) + ".txt", "text/plain", ("普陀区长名行动方案（2021—2025年）\n1.推进长名建设。（牵头单位：区民政局）\n")
                        .getBytes(StandardCharsets.UTF_8))).param("region", "330903")).andExpect(status().isCreated()));
        assertThat(review.get("job").get("fileName").asString()).hasSize(200).doesNotContain("\\").endsWith(".txt");
    }

    @Test
    void everyOversizedUploadIsA413NamingTheFile() throws Exception {
        byte[] big = new byte[(20 << 20) + 1];
        mvc.perform(multipart("/api/v1/submissions/{id}/evidence", submission).file(new MockMultipartFile("file", "big.bin",
                        "application/octet-stream", big)).with(as("input-reporter")))
                .andExpect(status().isPayloadTooLarge()).andExpect(jsonPath("$.field").value("file"));
        var page = mvc.perform(multipart("/reports/{id}/evidence", submission).file(new MockMultipartFile("file", "big.bin",
                        "application/octet-stream", big)).with(as("input-reporter")))
                .andExpect(status().is3xxRedirection()).andReturn();
        assertThat(locations(page.getFlashMap().get("errors"))).containsExactly("file");
        byte[] template = new byte[(5 << 20) + 1];
        mvc.perform(multipart("/api/v1/submissions/{id}/workbook", submission).file(new MockMultipartFile("file", "t.xlsx",
                        "application/octet-stream", template)).with(as("input-reporter")))
                .andExpect(status().isPayloadTooLarge()).andExpect(jsonPath("$.field").value("file"));
        mvc.perform(multipart("/api/v1/surveys").file(new MockMultipartFile("file", "s.xlsx", "application/octet-stream", template))
                        .param("region", "330299").param("name", "过大").param("fieldedOn", "2025-06-01").param("scalePoints", "5"))
                .andExpect(status().isPayloadTooLarge()).andExpect(jsonPath("$.field").value("file"));
        mvc.perform(multipart("/imports").file(new MockMultipartFile("file", "big.txt", "text/plain", new byte[(50 << 20) + 1]))
                        .param("region", "330903").param("kind", "action_plan"))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(MockMvcResultMatchers.content().string(containsString("50 MB")));
        assertThat(jdbc.sql("select count(*) from evidence where submission_id = :s and file_name = 'big.bin'").param("s", submission)
                .query(Long.class).single()).isZero();
    }

    // ---- helpers

    /** The workbook with the marker replaced, in its XML, by {@code _x0000_}: the escape POI decodes to a NUL on reading. */
    private static byte[] withNulEscape(byte[] xlsx) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (var in = new ZipInputStream(new ByteArrayInputStream(xlsx));
             var zip = new ZipOutputStream(out)) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                byte[] content = in.readAllBytes();
                if (entry.getName().endsWith(".xml")) {
                    content = new String(content, StandardCharsets.UTF_8).replace("NULHERE", "_x0000_").getBytes(StandardCharsets.UTF_8);
                }
                zip.putNextEntry(new ZipEntry(entry.getName()));
                zip.write(content);
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private static List<String> locations(Object errors) {
        assertThat(errors).as("the form's errors").isInstanceOf(List.class);
        return ((List<?>) errors).stream().map(e -> ((ValidationException.Error) e).location()).toList();
    }

    private String evidenceName(String clientName) throws Exception {
        return json(mvc.perform(multipart("/api/v1/submissions/{id}/evidence", submission).file(new MockMultipartFile("file",
                clientName, "text/plain", "佐证".getBytes(StandardCharsets.UTF_8))).with(as("input-reporter")))
                .andExpect(status().isOk())).get("fileName").asString();
    }

    /** A plan published from an import, which no calendar has been set for. */
    private long publishedPlanWithoutCalendar() throws Exception {
        JsonNode review = json(mvc.perform(multipart("/api/v1/imports").file(new MockMultipartFile("file", "bare.txt", "text/plain",
                ("普陀区无日历行动方案（2021—2025年）\n1.推进无日历建设。（牵头单位：区民政局）\n").getBytes(StandardCharsets.UTF_8)))
                .param("region", "330903")).andExpect(status().isCreated()));
        long importId = review.get("job").get("id").asLong();
        mvc.perform(post("/api/v1/imports/{id}/units/settle", importId)).andExpect(status().isOk());
        return json(mvc.perform(post("/api/v1/imports/{id}/publish", importId)).andExpect(status().isCreated())).get("planId").asLong();
    }

    private ResultActions saveTask(String narrative, String problems) throws Exception {
        Map<String, Object> body = new HashMap<>(Map.of("progress", "in_progress", "version", taskReport().get("version").asInt()));
        if (narrative != null) body.put("narrative", narrative);
        if (problems != null) body.put("problems", problems);
        return mvc.perform(put("/api/v1/submissions/{id}/tasks/{t}", submission, task).with(as("input-reporter"))
                .contentType(MediaType.APPLICATION_JSON).content(JSON.writeValueAsString(body)));
    }

    private ResultActions act(long id, String who, String action, String reason) throws Exception {
        int version = json(mvc.perform(get("/api/v1/submissions/{id}", id).with(as(who)))).get("submission").get("version").asInt();
        Map<String, Object> body = new HashMap<>(Map.of("action", action, "version", version));
        if (reason != null) body.put("reason", reason);
        return mvc.perform(post("/api/v1/submissions/{id}/actions", id).with(as(who)).contentType(MediaType.APPLICATION_JSON)
                .content(JSON.writeValueAsString(body)));
    }

    private JsonNode form() throws Exception {
        return json(mvc.perform(get("/api/v1/submissions/{id}", submission).with(as("input-reporter"))));
    }

    private JsonNode taskReport() throws Exception {
        for (JsonNode t : form().get("tasks")) if (t.get("taskId").asLong() == task) return t;
        throw new AssertionError("task " + task + " not in the form");
    }

    private RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username).withoutPassword());
    }

    private static JsonNode json(ResultActions result) throws Exception {
        return JSON.readTree(result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }
}
