package cn.gongfu.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gongfu.support.MvcContract;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.RequestBuilder;
import tools.jackson.databind.JsonNode;

/**
 * The office corrects an import's draft before publishing (issue 13, item 5), on each database: tasks, targets and
 * indicators edited, added and deleted; a re-review shows parse plus corrections; publishing stores the corrected
 * draft; a correction on an older version is refused with 409; bad input names its field and stores nothing.
 */
abstract class DraftCorrectionContract extends MvcContract {

    /** A small plan of our own: an indicator table in 万元, two tasks under a section led by the health bureau. */
    static byte[] plan(String title) {
        return (title + "（2024—2026年）\n\n一、主要目标\n\n" + title + "主要指标\n"
                + "\t序号\n\t指  标\n\t单位\n\t2024年\n\t2025年\n\t2026年\n\n"
                + "\t1\n\t夜间经济营业额\n\t万元\n\t300\n\t400\n\t500\n\n"
                + "二、重点任务\n（一）培育夜间消费。（牵头单位：区卫生健康局）\n"
                + "1.打造夜间消费街区。到2026年，夜间经济营业额达到500万元。\n\n"
                + "2.建设露营营地。到2026年，露营营地数量达到12个。\n").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void theOfficesCorrectionsAreKeptShownAgainAndPublished() throws Exception {
        JsonNode review = json(upload("corrections.txt", plan("青溪区夜间经济修正测试方案")));
        long id = review.get("job").get("id").asLong();
        assertThat(review.get("job").get("draftVersion").asInt()).isZero();
        assertThat(review.get("job").get("corrected").asBoolean()).isFalse();
        JsonNode tasks = review.get("draft").get("tasks");
        assertThat(tasks).hasSize(2);
        assertThat(tasks.get(0).get("title").asText()).contains("打造夜间消费街区");

        // task 1: another lead unit (written short, as an alias the region knows), a co-unit and a milestone
        review = json(put("/api/v1/imports/{id}/draft/tasks/0", id).param("version", "0").contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"code":"1","title":"打造夜间消费特色街区","text":"打造夜间消费特色街区。","leadUnits":["区民政局"],
                         "coUnits":["区卫健局"],"milestones":[{"from":"2025-03","to":"2025-06","text":"街区开街"}]}"""));
        // its target: 500 → 650 万元
        review = json(put("/api/v1/imports/{id}/draft/tasks/0/targets/0", id).param("version", "1").contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"indicator":"夜间经济营业额","comparator":"ge","value":650,"unit":"万元","year":2026}"""));
        // task 2 deleted, a task 3 added with a target of its own
        review = json(delete("/api/v1/imports/{id}/draft/tasks/1", id).param("version", "2"));
        String section = review.get("draft").get("sections").get(1).get("key").asText();
        review = json(post("/api/v1/imports/{id}/draft/tasks", id).param("version", "3").param("section", section)
                .contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"code":"3","title":"举办夜间文化活动","leadUnits":["区教育局"]}"""));
        review = json(post("/api/v1/imports/{id}/draft/tasks/1/targets", id).param("version", "4").contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"indicator":"夜间文化活动场次","comparator":"range","min":20,"max":30,"unit":"场","year":2025}"""));
        // the indicator renamed, its 2026 value corrected: the task's target that named it follows the new name
        review = json(put("/api/v1/imports/{id}/draft/indicators/0", id).param("version", "5").contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"name":"夜间经济营业收入","unit":"万元","polarity":"higher","domain":"消费"}"""));
        review = json(put("/api/v1/imports/{id}/draft/indicators/0/targets/2", id).param("version", "6").contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"comparator":"eq","value":520,"unit":"万元","year":2026,"text":"520"}"""));

        // a re-review reads the stored document again and shows it with the corrections
        review = json(get("/api/v1/imports/{id}", id));
        assertThat(review.get("job").get("draftVersion").asInt()).isEqualTo(7);
        assertThat(review.get("job").get("corrected").asBoolean()).isTrue();
        tasks = review.get("draft").get("tasks");
        assertThat(tasks).hasSize(2);
        assertThat(tasks.get(0).get("title").asText()).isEqualTo("打造夜间消费特色街区");
        assertThat(tasks.get(0).get("leadUnits").toString()).isEqualTo("[\"区民政局\"]");
        assertThat(tasks.get(0).get("milestones").get(0).get("from").asText()).isEqualTo("2025-03");
        assertThat(tasks.get(0).get("targets").get(0).get("indicator").asText()).isEqualTo("夜间经济营业收入");
        assertThat(tasks.get(0).get("targets").get(0).get("value").decimalValue()).isEqualByComparingTo("650");
        assertThat(tasks.get(1).get("code").asText()).isEqualTo("3");
        assertThat(tasks.get(1).get("sectionKey").asText()).isEqualTo(section);
        JsonNode indicator = review.get("draft").get("indicators").get(0);
        assertThat(indicator.get("name").asText()).isEqualTo("夜间经济营业收入");
        assertThat(indicator.get("domain").asText()).isEqualTo("消费");
        assertThat(indicator.get("targets").get(2).get("value").decimalValue()).isEqualByComparingTo("520");
        assertThat(review.get("problems")).as("every unit resolves, every target is complete").isEmpty();

        // every correction is on the record, with what it replaced
        List<String> trail = audit("import:" + id);
        assertThat(trail).anyMatch(e -> e.startsWith("import.correct.task: main/1 打造夜间消费街区")
                && e.contains("→ main/1 打造夜间消费特色街区 | lead [区民政局] | co [区卫健局] | officials [] | milestones [2025-03–2025-06 街区开街]"));
        assertThat(trail).contains("import.correct.target: task main/1 夜间经济营业额 2026 ≥ 500 万元 → task main/1 夜间经济营业额 2026 ≥ 650 万元");
        assertThat(trail).anyMatch(e -> e.startsWith("import.correct.task-delete: main/2 建设露营营地") && e.endsWith("→ null"));
        assertThat(trail).anyMatch(e -> e.startsWith("import.correct.task-add: null → main/3 举办夜间文化活动"));
        assertThat(trail).anyMatch(e -> e.startsWith("import.correct.indicator: 夜间经济营业额 | unit 万元"));

        // the review page shows the corrected draft, with the way back to the parse
        String page = page(get("/imports/{id}", id));
        assertThat(page).contains("id=\"draft-corrected\"", "打造夜间消费特色街区", "举办夜间文化活动").doesNotContain("建设露营营地");

        // publishing stores the corrected draft
        long planId = json(mvc.perform(post("/api/v1/imports/{id}/publish", id)).andExpect(status().isCreated())).get("planId").asLong();
        JsonNode published = json(get("/api/v1/tasks").param("plan", "" + planId).param("size", "50")).get("items");
        assertThat(published).hasSize(2);
        assertThat(published.get(0).get("title").asText()).isEqualTo("打造夜间消费特色街区");
        assertThat(published.get(0).get("leadUnits").get(0).get("name").asText()).isEqualTo("区民政局");
        assertThat(published.get(0).get("coUnits").get(0).get("name").asText()).isEqualTo("区卫生健康局");
        assertThat(published.get(1).get("code").asText()).isEqualTo("3");
        JsonNode target = json(get("/api/v1/tasks/{id}", published.get(0).get("id").asLong())).get("targets").get(0);
        assertThat(target.get("indicatorName").asText()).isEqualTo("夜间经济营业收入");
        assertThat(target.get("value").decimalValue()).isEqualByComparingTo("650");
        JsonNode range = json(get("/api/v1/tasks/{id}", published.get(1).get("id").asLong())).get("targets").get(0);
        assertThat(range.get("comparator").asText()).isEqualTo("range");
        assertThat(range.get("min").decimalValue()).isEqualByComparingTo("20");
    }

    @Test
    void theReviewCountsTheCorrectedDraftNotTheParse() throws Exception {
        long id = json(upload("counts.txt", plan("青溪区夜间经济计数测试方案"))).get("job").get("id").asLong();
        assertThat(counts(page(get("/imports/{id}", id)))).containsExactly("3章节", "2任务", "2目标", "0进度节点", "1指标", "1责任单位");

        // task 2 (with its target) deleted, task 1 given a milestone, an indicator added
        json(delete("/api/v1/imports/{id}/draft/tasks/1", id).param("version", "0"));
        json(put("/api/v1/imports/{id}/draft/tasks/0", id).param("version", "1").contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"code":"1","title":"打造夜间消费街区","leadUnits":["区卫生健康局"],
                         "milestones":[{"from":"2025-03","to":"2025-06","text":"街区开街"}]}"""));
        json(post("/api/v1/imports/{id}/draft/indicators", id).param("version", "2").contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"name":"夜间客流量","unit":"万人次","polarity":"higher"}"""));
        assertThat(counts(page(get("/imports/{id}", id)))).as("what would be published")
                .containsExactly("3章节", "1任务", "1目标", "1进度节点", "2指标", "1责任单位");
    }

    /** The review's counts as they read: the number, then what it counts. */
    private static List<String> counts(String page) {
        return org.jsoup.Jsoup.parse(page).select("#import-counts li").eachText();
    }

    @Test
    void aCorrectionOnAnOlderVersionIsRefusedWith409AndOverwritesNothing() throws Exception {
        long id = json(upload("stale.txt", plan("青溪区夜间经济并发测试方案"))).get("job").get("id").asLong();
        String edit = """
                {"code":"1","title":"%s","leadUnits":["区卫生健康局"]}""";
        json(put("/api/v1/imports/{id}/draft/tasks/0", id).param("version", "0").contentType(MediaType.APPLICATION_JSON)
                .content(edit.formatted("第一位办公室人员的修改")));
        // a second person, who read version 0, saves too
        mvc.perform(put("/api/v1/imports/{id}/draft/tasks/0", id).param("version", "0").contentType(MediaType.APPLICATION_JSON)
                        .content(edit.formatted("第二位办公室人员的修改")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.currentVersion").value(1))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("已被他人修改")));
        mvc.perform(delete("/api/v1/imports/{id}/draft/tasks/1", id).param("version", "0")).andExpect(status().isConflict());
        JsonNode review = json(get("/api/v1/imports/{id}", id));
        assertThat(review.get("draft").get("tasks").get(0).get("title").asText()).isEqualTo("第一位办公室人员的修改");
        assertThat(review.get("draft").get("tasks")).hasSize(2);

        // the page answers 409 too, showing what is there now
        String stale = mvc.perform(post("/imports/{id}/tasks/0", id).param("version", "0").param("code", "1").param("title", "旧页面上的修改")
                        .with(SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().isConflict()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(stale).contains("id=\"conflict\"", "第一位办公室人员的修改");
        assertThat(json(get("/api/v1/imports/{id}", id)).get("job").get("draftVersion").asInt()).isEqualTo(1);

        // back to the parse, audited
        json(post("/api/v1/imports/{id}/draft/revert", id).param("version", "1"));
        review = json(get("/api/v1/imports/{id}", id));
        assertThat(review.get("job").get("corrected").asBoolean()).isFalse();
        assertThat(review.get("draft").get("tasks").get(0).get("title").asText()).contains("打造夜间消费街区");
        assertThat(audit("import:" + id)).contains("import.correct.revert: version 1 → the parse");
    }

    @Test
    void badCorrectionsNameTheirFieldAndStoreNothing() throws Exception {
        long id = json(upload("bad.txt", plan("青溪区夜间经济错误输入测试方案"))).get("job").get("id").asLong();
        refused(put("/api/v1/imports/{id}/draft/tasks/0", id).param("version", "0").contentType(MediaType.APPLICATION_JSON)
                .content("{\"code\":\"1\",\"title\":\" \"}"), "title");
        refused(put("/api/v1/imports/{id}/draft/tasks/0", id).param("version", "0").contentType(MediaType.APPLICATION_JSON)
                .content("{\"code\":\"2\",\"title\":\"与任务2同号\"}"), "code");
        refused(put("/api/v1/imports/{id}/draft/tasks/0", id).param("version", "0").contentType(MediaType.APPLICATION_JSON)
                .content("{\"code\":\"1\",\"title\":\"节点\",\"milestones\":[{\"from\":\"2025-13\",\"to\":\"2025-06\",\"text\":\"x\"}]}"),
                "milestones[0].from");
        refused(put("/api/v1/imports/{id}/draft/tasks/0", id).param("version", "0").contentType(MediaType.APPLICATION_JSON)
                .content("{\"code\":\"1\",\"title\":\"节点\",\"milestones\":[{\"from\":\"2025-08\",\"to\":\"2025-06\",\"text\":\"x\"}]}"),
                "milestones[0].to");
        refused(put("/api/v1/imports/{id}/draft/tasks/0/targets/0", id).param("version", "0").contentType(MediaType.APPLICATION_JSON)
                .content("{\"indicator\":\"夜间经济营业额\",\"comparator\":\"range\",\"min\":1,\"year\":2026}"), "max");
        refused(put("/api/v1/imports/{id}/draft/tasks/0/targets/0", id).param("version", "0").contentType(MediaType.APPLICATION_JSON)
                .content("{\"indicator\":\"夜间经济营业额\",\"comparator\":\"ge\",\"year\":2026}"), "value");
        refused(put("/api/v1/imports/{id}/draft/tasks/0/targets/0", id).param("version", "0").contentType(MediaType.APPLICATION_JSON)
                .content("{\"indicator\":\"夜间经济营业额\",\"comparator\":\"about\",\"value\":1,\"year\":2026}"), "comparator");
        refused(put("/api/v1/imports/{id}/draft/tasks/0/targets/0", id).param("version", "0").contentType(MediaType.APPLICATION_JSON)
                .content("{\"indicator\":\"夜间经济营业额\",\"comparator\":\"ge\",\"value\":1,\"year\":1800}"), "year");
        refused(put("/api/v1/imports/{id}/draft/indicators/0", id).param("version", "0").contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"夜间经济营业额\",\"polarity\":\"upward\"}"), "polarity");
        refused(put("/api/v1/imports/{id}/draft/tasks/9", id).param("version", "0").contentType(MediaType.APPLICATION_JSON)
                .content("{\"code\":\"1\",\"title\":\"没有这项任务\"}"), "task");

        // on the page, a value that is no number is shown beside its field, as typed, with 422
        String page = mvc.perform(post("/imports/{id}/tasks/0/targets/0", id).param("version", "0").param("indicator", "夜间经济营业额")
                        .param("comparator", "ge").param("value", "六百").param("year", "2026")
                        .with(SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("id=\"error-value\"", "不是有效的值", "value=\"六百\"");
        String blank = mvc.perform(post("/imports/{id}/tasks/0", id).param("version", "0").param("code", "1").param("title", "")
                        .with(SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(blank).contains("id=\"error-title\"", "必填");

        JsonNode review = json(get("/api/v1/imports/{id}", id));
        assertThat(review.get("job").get("draftVersion").asInt()).as("nothing stored").isZero();
        assertThat(audit("import:" + id)).noneMatch(e -> e.startsWith("import.correct"));
    }

    /** A table whose 协办科室 and 推进计划 columns the reader cannot place by their words. */
    static byte[] projectTable(String title) {
        return (title + "（2024—2025年）\n\n"
                + "序号 | 工作任务 | 牵头单位 | 协办科室 | 推进计划\n"
                + "1 | 新建社区食堂10家 | 区民政局 | 养老服务科 | 2024年9月底前\n"
                + "2 | 改造老旧小区5个 | 区民政局 | 城建科 | 2024年11月底前\n").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void theOfficeReassignsWhatAColumnHoldsAndTheDocumentIsReadAgain() throws Exception {
        JsonNode review = json(upload("columns.txt", projectTable("青溪区民生实事列含义测试表")));
        long id = review.get("job").get("id").asLong();
        JsonNode table = review.get("tables").get(0);
        int line = table.get("line").asInt();
        assertThat(table.get("columns").get(3).get("header").asText()).isEqualTo("协办科室");
        assertThat(table.get("columns").get(3).get("role").asText()).isEqualTo("OTHER");
        assertThat(review.get("draft").get("tasks").get(0).get("coUnits")).isEmpty();
        assertThat(review.get("draft").get("tasks").get(0).get("milestones")).isEmpty();

        // a correction first: re-reading drops it, and a re-read made on the version before it is refused
        json(put("/api/v1/imports/{id}/draft/tasks/0", id).param("version", "0").contentType(MediaType.APPLICATION_JSON)
                .content("{\"code\":\"1\",\"title\":\"新建社区食堂\"}"));
        String choices = "{\"" + line + ":3\":\"CO_UNITS\",\"" + line + ":4\":\"DEADLINE\"}";
        mvc.perform(put("/api/v1/imports/{id}/draft/columns", id).param("version", "0").contentType(MediaType.APPLICATION_JSON)
                .content(choices)).andExpect(status().isConflict());

        review = json(put("/api/v1/imports/{id}/draft/columns", id).param("version", "1").contentType(MediaType.APPLICATION_JSON)
                .content(choices));
        assertThat(review.get("job").get("draftVersion").asInt()).isEqualTo(2);
        assertThat(review.get("job").get("corrected").asBoolean()).as("the draft starts afresh from the new reading").isFalse();
        JsonNode first = review.get("draft").get("tasks").get(0);
        assertThat(first.get("title").asText()).isEqualTo("新建社区食堂10家");
        assertThat(first.get("coUnits").toString()).isEqualTo("[\"养老服务科\"]");
        assertThat(first.get("milestones").get(0).get("to").asText()).isEqualTo("2024-09");
        assertThat(review.get("tables").get(0).get("columns").get(4).get("role").asText()).isEqualTo("DEADLINE");

        // choices that cannot apply name their field and store nothing
        refused(put("/api/v1/imports/{id}/draft/columns", id).param("version", "2").contentType(MediaType.APPLICATION_JSON)
                .content("{\"" + line + ":4\":\"YEAR\"}"), "role");
        refused(put("/api/v1/imports/{id}/draft/columns", id).param("version", "2").contentType(MediaType.APPLICATION_JSON)
                .content("{\"" + line + ":3\":\"ENGLISH\"}"), "role");
        refused(put("/api/v1/imports/{id}/draft/columns", id).param("version", "2").contentType(MediaType.APPLICATION_JSON)
                .content("{\"999:1\":\"NOTE\"}"), "column");
        assertThat(json(get("/api/v1/imports/{id}", id)).get("job").get("draftVersion").asInt()).isEqualTo(2);

        // the review page shows each column's meaning, the changed ones marked; the page's form re-reads too
        String page = page(get("/imports/{id}", id));
        assertThat(page).contains("id=\"tables\"", "name=\"role:" + line + ":3\"", "已改", "协办科室");
        String refusedPage = mvc.perform(post("/imports/{id}/columns", id).param("version", "2").param("role:" + line + ":4", "YEAR")
                        .with(SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(refusedPage).contains("id=\"columns-errors\"", "推进计划");
        mvc.perform(post("/imports/{id}/columns", id).param("version", "2").param("reset", "1")
                        .with(SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().is3xxRedirection());
        review = json(get("/api/v1/imports/{id}", id));
        assertThat(review.get("job").get("draftVersion").asInt()).isEqualTo(3);
        assertThat(review.get("draft").get("tasks").get(0).get("coUnits")).as("back to the reader's judgement").isEmpty();

        assertThat(audit("import:" + id)).contains(
                "import.columns: null → " + line + ":3=CO_UNITS\n" + line + ":4=DEADLINE\n",
                "import.columns: " + line + ":3=CO_UNITS\n" + line + ":4=DEADLINE\n → null");
    }

    private void refused(RequestBuilder request, String field) throws Exception {
        mvc.perform(request).andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value(field))
                .andExpect(jsonPath("$.detail").isNotEmpty());
    }
}
