package cn.gongfu.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gongfu.kernel.Sha256;
import cn.gongfu.security.TokenService;
import cn.gongfu.support.SignedInAsAdmin;
import cn.gongfu.users.UserService;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Importing documents of the demo district's style through the API, run on each database: upload,
 * review, unit decisions, publish, duplicates, bad files, and a new version with its differences.
 */
abstract class ImportContract {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    @Autowired
    UserService users;

    @Autowired
    TokenService tokens;

    @Test
    void aDocumentIsReviewedItsUnitsSettledAndPublishedWithItsSource() throws Exception {
        byte[] doc = sample("qingxi_work_points.txt");
        JsonNode review = json(upload("work_points.txt", doc, "work_points").andExpect(status().isCreated()));
        long id = review.get("job").get("id").asLong();
        assertThat(review.get("job").get("state").asText()).isEqualTo("review");
        Map<String, JsonNode> units = byWrittenName(review);
        assertThat(units.get("区卫健局").get("status").asText()).isEqualTo("KNOWN");
        assertThat(units.get("区卫健局").get("unitName").asText()).isEqualTo("区卫生健康局");
        assertThat(units.get("区商务局").get("status").asText()).isEqualTo("UNKNOWN");
        assertThat(review.get("problems").toString()).contains("区商务局", "区科技局", "青溪高新区管委会");

        // publishing with unknown units is refused, naming them, and stores nothing
        long plans = rows("plan");
        mvc.perform(post("/api/v1/imports/{id}/publish", id))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.problems[*]", hasItem(containsString("区商务局"))));
        assertThat(rows("plan")).isEqualTo(plans);

        long econ = unitId("区经济和信息化局");
        json(put("/api/v1/imports/{id}/units", id).contentType(MediaType.APPLICATION_JSON)
                .content("{\"writtenName\":\"区科技局\",\"unitId\":" + econ + "}"));
        json(put("/api/v1/imports/{id}/units", id).contentType(MediaType.APPLICATION_JSON)
                .content("{\"writtenName\":\"区商务局\",\"createName\":\"区商务局\",\"createKind\":\"department\"}"));
        JsonNode settled = json(post("/api/v1/imports/{id}/units/settle", id));
        assertThat(settled.get("problems")).isEmpty();
        assertThat(byWrittenName(settled).get("青溪高新区管委会").get("createKind").asText()).isEqualTo("management");
        assertThat(byWrittenName(settled).get("区科技局").get("status").asText()).isEqualTo("MAPPED");

        long planId = json(mvc.perform(post("/api/v1/imports/{id}/publish", id)).andExpect(status().isCreated()))
                .get("planId").asLong();
        JsonNode plan = json(get("/api/v1/plans/{id}", planId));
        assertThat(plan.get("title").asText()).isEqualTo("青溪区2023年推进共同富裕先行区工作要点");
        assertThat(plan.get("sourceSha256").asText()).isEqualTo(Sha256.hex(doc));
        assertThat(plan.get("taskCount").asInt()).isEqualTo(review.get("draft").get("tasks").size());
        byte[] stored = jdbc.sql("select content from plan_source where plan_id = :id").param("id", planId)
                .query(byte[].class).single();
        assertThat(stored).isEqualTo(doc);
        byte[] downloaded = mvc.perform(get("/api/v1/imports/{id}/source", id)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(downloaded).isEqualTo(doc);

        // what the office decided is learnt: the written name is now an alias; new units exist
        ok(get("/api/v1/units").param("region", "330299").param("q", "区科技局"))
                .andExpect(jsonPath("$.items[0].name").value("区经济和信息化局"));
        ok(get("/api/v1/units").param("region", "330299").param("q", "青溪高新区管委会"))
                .andExpect(jsonPath("$.items[0].kind").value("management"));
        ok(get("/api/v1/tasks").param("plan", "" + planId).param("size", "500"))
                .andExpect(jsonPath("$.items[*].leadUnits[*].name", hasItem("区卫生健康局")));

        // the upload and every unit decision are on the record, each with what it replaced
        List<String> trail = audit("import:" + id);
        assertThat(trail).anyMatch(e -> e.startsWith("import.upload: null → work_points.txt (" + doc.length + " bytes"));
        assertThat(trail).contains("import.unit-decision: null → 区科技局: map to unit " + econ,
                "import.unit-decision: null → 区商务局: create 区商务局 (department)",
                "import.unit-decision: null → 青溪高新区管委会: create 青溪高新区管委会 (management)");

        // the import is closed; the same document again is recognised
        mvc.perform(post("/api/v1/imports/{id}/publish", id)).andExpect(status().isConflict());
        upload("again.txt", doc, "work_points").andExpect(status().isConflict())
                .andExpect(jsonPath("$.planId").value(planId));
    }

    @Test
    void unreadableOrMisaddressedUploadsAreRefusedAndNothingIsStored() throws Exception {
        long jobs = rows("import_job");
        badUpload(upload("empty.txt", new byte[0], "action_plan"), "file");
        byte[] garbage = new byte[4096];
        new Random(7).nextBytes(garbage);
        badUpload(upload("garbage.docx", garbage, "action_plan"), "file");
        badUpload(upload("garbage.txt", garbage, "action_plan"), "file");
        badUpload(mvc.perform(multipart("/api/v1/imports").file(file("x.txt", sample("qingxi_actions.txt")))
                .param("region", "999999").param("kind", "action_plan")), "region");
        badUpload(mvc.perform(multipart("/api/v1/imports").file(file("x.txt", sample("qingxi_actions.txt")))
                .param("region", "330299").param("kind", "novel")), "kind");
        assertThat(rows("import_job")).isEqualTo(jobs);
    }

    @Test
    void anOversizedUploadIsRefusedWith413() throws Exception {
        byte[] big = new byte[52 * 1024 * 1024];
        Arrays.fill(big, (byte) 'a');
        String boundary = "gongfu-test-boundary";
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"region\"\r\n\r\n330299\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.txt\"\r\nContent-Type: text/plain\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        SignedInAsAdmin.signIn(users.loadUserByUsername("admin"));
        String token = tokens.create("oversized upload test", 1).secret();
        SignedInAsAdmin.signOut();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/imports"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArrays(List.of(head, big, tail))).build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("\"field\":\"file\"", "50 MB");
    }

    @Test
    void aNewVersionOfAPlanShowsWhatChangedAndIsImportedBesideTheOld() throws Exception {
        String original = new String(sample("qingxi_services_plan.txt"), StandardCharsets.UTF_8);
        long oldPlan = importAndPublish("services.txt", original.getBytes(StandardCharsets.UTF_8));
        JsonNode oldTask = json(get("/api/v1/tasks").param("plan", "" + oldPlan).param("size", "500")).get("items").get(0);
        JsonNode oldTargets = json(get("/api/v1/tasks/{id}", oldTask.get("id").asLong())).get("targets");
        assertThat(oldTargets).isNotEmpty();
        String raw = oldTargets.get(0).get("rawText").asText();
        String changedRaw = raw.replaceFirst("\\d+(\\.\\d+)?", "999");
        assertThat(original).contains(raw);

        String revised = original.replace(raw, changedRaw);
        JsonNode review = json(upload("services-v2.txt", revised.getBytes(StandardCharsets.UTF_8), "special_plan")
                .andExpect(status().isCreated()));
        assertThat(review.get("previousPlan").get("id").asLong()).as("recognised by its title").isEqualTo(oldPlan);
        JsonNode diff = review.get("diff");
        assertThat(diff.get("targets").toString()).contains("CHANGED", "999");
        assertThat(diff.get("tasks").toString()).contains(oldTask.get("code").asText());

        long id = review.get("job").get("id").asLong();
        String reviewPage = page(get("/imports/{id}", id));
        assertThat(reviewPage).as("the review page renders the diff and goes on to the tasks after it")
                .contains("id=\"diff\"", "change-changed", "999", "id=\"tasks\"");
        json(post("/api/v1/imports/{id}/units/settle", id));
        long newPlan = json(mvc.perform(post("/api/v1/imports/{id}/publish", id)).andExpect(status().isCreated()))
                .get("planId").asLong();
        ok(get("/api/v1/plans/{id}", newPlan)).andExpect(jsonPath("$.previousPlanId").value((int) oldPlan));
        ok(get("/api/v1/plans/{id}", oldPlan)).andExpect(jsonPath("$.state").value("published"));
    }

    @Test
    void theImportFormOffersTheOfficeOnlyItsOwnRegionsAndRefusesAnotherInItsLanguage() throws Exception {
        var office = SecurityMockMvcRequestPostProcessors.user(users.loadUserByUsername("office"));
        String form = page(get("/imports").with(office));
        assertThat(form).contains("value=\"330299\"").doesNotContain("value=\"330213\"", "value=\"330200\"");
        long jobs = jdbc.sql("select count(*) from import_job").query(Long.class).single();
        var refused = mvc.perform(multipart("/imports").file(file("x.txt", sample("qingxi_actions.txt"))).param("region", "330213")
                .param("kind", "action_plan").with(office).with(SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused).contains("只能导入本级及所辖地区的方案");
        assertThat(jdbc.sql("select count(*) from import_job").query(Long.class).single()).as("nothing stored").isEqualTo(jobs);
    }

    @Test
    void aDiscardedImportCanBeUploadedAgain() throws Exception {
        byte[] doc = (new String(sample("qingxi_actions.txt"), StandardCharsets.UTF_8) + "\n（讨论稿）\n")
                .getBytes(StandardCharsets.UTF_8);
        long id = json(upload("actions.txt", doc, "implementation").andExpect(status().isCreated())).get("job").get("id").asLong();
        upload("actions.txt", doc, "implementation").andExpect(status().isConflict()).andExpect(jsonPath("$.importId").value((int) id));
        json(put("/api/v1/imports/{id}/details", id).contentType(MediaType.APPLICATION_JSON)
                .content("{\"title\":\"讨论稿\",\"startYear\":2026,\"endYear\":2030}"));
        assertThat(audit("import:" + id)).contains("import.details: title=null, years=null–null → title=讨论稿, years=2026–2030");
        mvc.perform(post("/api/v1/imports/{id}/discard", id)).andExpect(status().isNoContent());
        mvc.perform(post("/api/v1/imports/{id}/discard", id)).andExpect(status().isConflict());
        assertThat(audit("import:" + id)).contains("import.discard: review → discarded");
        upload("actions.txt", doc, "implementation").andExpect(status().isCreated());
    }

    /**
     * A target keeps the unit its text gives: where the indicator table keeps 夜间经济营业额 in 万元 and a task sets it
     * in 亿元, the review warns in both languages, publishing still works, and the stored target says 亿元.
     */
    @Test
    void aTargetInAnotherUnitThanItsIndicatorIsAWarningThatDoesNotBlockPublishing() throws Exception {
        byte[] doc = nightEconomyPlan("青溪区夜间经济提升行动方案", "5亿元");
        JsonNode review = json(upload("night.txt", doc, "action_plan").andExpect(status().isCreated()));
        long id = review.get("job").get("id").asLong();
        assertThat(review.get("problems")).isEmpty();
        JsonNode mismatches = review.get("unitMismatches");
        assertThat(mismatches).hasSize(1);
        assertThat(mismatches.get(0).get("indicator").asText()).isEqualTo("夜间经济营业额");
        assertThat(mismatches.get(0).get("targetUnit").asText()).isEqualTo("亿元");
        assertThat(mismatches.get(0).get("indicatorUnit").asText()).isEqualTo("万元");
        assertThat(mismatches.get(0).get("code").asText()).isEqualTo("1");

        String chinese = page(get("/imports/{id}", id));
        assertThat(chinese).contains("unit-mismatch", "任务 main/1 的目标“夜间经济营业额”以亿元计，而该指标以万元计");
        String english = page(get("/imports/{id}", id).param("lang", "en"));
        assertThat(english).contains("Task main/1 sets &quot;夜间经济营业额&quot; in 亿元, but the indicator is kept in 万元");

        long planId = json(mvc.perform(post("/api/v1/imports/{id}/publish", id)).andExpect(status().isCreated()))
                .get("planId").asLong();
        JsonNode task = json(get("/api/v1/tasks").param("plan", "" + planId).param("q", "夜间消费")).get("items").get(0);
        JsonNode target = json(get("/api/v1/tasks/{id}", task.get("id").asLong())).get("targets").get(0);
        assertThat(target.get("unit").asText()).isEqualTo("亿元");
        assertThat(target.get("indicatorUnit").asText()).isEqualTo("万元");
        assertThat(target.get("value").decimalValue()).isEqualByComparingTo("5");

        // the indicator now exists in 万元: a later document without a table is held against it
        String later = "青溪区夜间经济巩固方案（2027—2028年）\n一、重点任务\n（一）巩固夜间消费。（牵头单位：区卫生健康局）\n"
                + "1.巩固夜间消费街区。到2028年，夜间经济营业额达到6亿元。\n";
        JsonNode next = json(upload("night-later.txt", later.getBytes(StandardCharsets.UTF_8), "action_plan")
                .andExpect(status().isCreated()));
        assertThat(next.get("indicators").get("夜间经济营业额").asLong()).isEqualTo(target.get("indicatorId").asLong());
        assertThat(next.get("unitMismatches").toString()).contains("\"targetUnit\":\"亿元\"", "\"indicatorUnit\":\"万元\"");
    }

    /**
     * An indicator table copied from a web page (cells between bars): its first year column, before the plan starts,
     * is where the plan starts from. It is stored as that year's observation, where evaluation looks for a baseline,
     * and never as a target.
     */
    @Test
    void theBaseYearOfAnIndicatorTableBecomesAnObservationNotATarget() throws Exception {
        String name = "青溪区示范托位数" + System.nanoTime();
        byte[] doc = ("青溪区托育服务提升方案（2025—2027年）\n\n一、主要指标\n\n"
                + "序号 | 指标 | 单位 | 2024年 | 2025年 | 2027年 |\n"
                + "1 | " + name + " | 个 | 1200 | 1500 | ≥2000 |\n\n"
                + "二、重点任务\n（一）扩大普惠托育。（牵头单位：区卫生健康局）\n"
                + "1.新建普惠托育机构。到2027年，普惠托育机构达到20家。\n").getBytes(StandardCharsets.UTF_8);
        long planId = importAndPublish("nursery.txt", doc);
        long indicatorId = jdbc.sql("select id from indicator where region_code = '330299' and name = :n").param("n", name)
                .query(Long.class).single();
        List<String> targets = jdbc.sql("select year || ':' || comparator from target where plan_id = :p and indicator_id = :i order by year")
                .param("p", planId).param("i", indicatorId).query(String.class).list();
        assertThat(targets).containsExactly("2025:eq", "2027:ge");
        List<Map<String, Object>> observed = jdbc.sql("select period, value, state from observation where indicator_id = :i")
                .param("i", indicatorId).query().listOfRows();
        assertThat(observed).hasSize(1);
        assertThat(observed.get(0).get("period")).isEqualTo("2024");
        assertThat(new java.math.BigDecimal(observed.get(0).get("value").toString())).isEqualByComparingTo("1200");
        assertThat(observed.get(0).get("state")).isEqualTo("approved");
    }

    @Test
    void aTargetInItsIndicatorsUnitIsNoFinding() throws Exception {
        JsonNode review = json(upload("night-same.txt", nightEconomyPlan("青溪区夜间经济消费行动方案", "500万元"), "action_plan")
                .andExpect(status().isCreated()));
        assertThat(review.get("unitMismatches")).isEmpty();
        assertThat(review.get("draft").get("tasks").get(0).get("targets").get(0).get("unit").asText()).isEqualTo("万元");
        assertThat(page(get("/imports/{id}", review.get("job").get("id").asLong()))).doesNotContain("unit-mismatch");
    }

    /**
     * A web page of our own (青溪区) with its site furniture: the 文号, 索引号 and 发文日期 the parser keeps are shown on the
     * review page, stored on the plan and shown on the plan's page, in both languages.
     */
    @Test
    void theDocumentsNumberIndexAndDateAreKeptOnThePlan() throws Exception {
        byte[] doc = sample("qingxi_web_notice.txt");
        long id = json(upload("web-notice.txt", doc, "work_points").andExpect(status().isCreated())).get("job").get("id").asLong();
        assertThat(page(get("/imports/{id}", id))).contains("文号：青政办发〔2025〕6号", "索引号：113302990001/2025-00042",
                "发文日期：2025-03-10").doesNotContain("浏览次数");
        assertThat(page(get("/imports/{id}", id).param("lang", "en"))).contains("Document no. 青政办发〔2025〕6号",
                "Index no. 113302990001/2025-00042", "Issued 2025-03-10");

        json(post("/api/v1/imports/{id}/units/settle", id));
        long planId = json(mvc.perform(post("/api/v1/imports/{id}/publish", id)).andExpect(status().isCreated())).get("planId").asLong();
        Map<String, Object> row = jdbc.sql("select doc_number, index_number, issued_on from plan where id = :id").param("id", planId)
                .query().singleRow();
        assertThat(row.get("doc_number")).isEqualTo("青政办发〔2025〕6号");
        assertThat(row.get("index_number")).isEqualTo("113302990001/2025-00042");
        assertThat(String.valueOf(row.get("issued_on"))).isEqualTo("2025-03-10");
        JsonNode plan = json(get("/api/v1/plans/{id}", planId));
        assertThat(plan.get("title").asText()).isEqualTo("2025年政府工作报告重点工作责任分解");
        assertThat(plan.get("docNumber").asText()).isEqualTo("青政办发〔2025〕6号");
        assertThat(page(get("/plans/{id}", planId))).contains("文号：青政办发〔2025〕6号", "发文日期：2025-03-10");
        assertThat(page(get("/plans/{id}", planId).param("lang", "en"))).contains("Document no. 青政办发〔2025〕6号");
    }

    /** A small plan of our own: an indicator table with a unit column (万元) and a task that sets the same indicator. */
    private static byte[] nightEconomyPlan(String title, String taskTarget) {
        String tableRow = "\t1\n\t夜间经济营业额\n\t万元\n\t300\n\t400\n\t500\n";
        return (title + "（2024—2026年）\n\n一、主要目标\n\n青溪区夜间经济主要指标\n"
                + "\t序号\n\t指  标\n\t单位\n\t2024年\n\t2025年\n\t2026年\n\n" + tableRow + "\n"
                + "二、重点任务\n（一）培育夜间消费。（牵头单位：区卫生健康局）\n"
                + "1.打造夜间消费街区。到2026年，夜间经济营业额达到" + taskTarget + "。\n\n"
                + "2.建设露营营地。到2026年，露营营地数量达到12个。\n").getBytes(StandardCharsets.UTF_8);
    }

    private String page(RequestBuilder request) throws Exception {
        return ok(request).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private long importAndPublish(String name, byte[] doc) throws Exception {
        long id = json(upload(name, doc, "special_plan").andExpect(status().isCreated())).get("job").get("id").asLong();
        json(post("/api/v1/imports/{id}/units/settle", id));
        return json(mvc.perform(post("/api/v1/imports/{id}/publish", id)).andExpect(status().isCreated())).get("planId").asLong();
    }

    private ResultActions upload(String name, byte[] content, String kind) throws Exception {
        return mvc.perform(multipart("/api/v1/imports").file(file(name, content)).param("region", "330299").param("kind", kind));
    }

    private static MockMultipartFile file(String name, byte[] content) {
        return new MockMultipartFile("file", name, "application/octet-stream", content);
    }

    private void badUpload(ResultActions result, String field) throws Exception {
        result.andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value(field))
                .andExpect(jsonPath("$.detail").isNotEmpty());
    }

    private long unitId(String name) {
        return jdbc.sql("select id from unit where region_code = '330299' and name = :name").param("name", name)
                .query(Long.class).single();
    }

    /** The audit trail of a target, oldest first, as "action: before → after". */
    private List<String> audit(String target) {
        return jdbc.sql("select action, before_value, after_value from audit_event where target = :t order by id").param("t", target)
                .query((rs, i) -> rs.getString(1) + ": " + rs.getString(2) + " → " + rs.getString(3)).list();
    }

    private long rows(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    private static Map<String, JsonNode> byWrittenName(JsonNode review) {
        Map<String, JsonNode> m = new HashMap<>();
        review.get("units").forEach(u -> m.put(u.get("writtenName").asText(), u));
        return m;
    }

    private static byte[] sample(String name) throws IOException {
        return new ClassPathResource("ingest/" + name).getContentAsByteArray();
    }

    private ResultActions ok(RequestBuilder request) throws Exception {
        return mvc.perform(request).andExpect(status().isOk());
    }

    private JsonNode json(RequestBuilder request) throws Exception {
        return json(ok(request));
    }

    private static JsonNode json(ResultActions result) throws Exception {
        return JSON.readTree(result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }
}
