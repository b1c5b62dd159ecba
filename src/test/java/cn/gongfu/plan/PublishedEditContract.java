package cn.gongfu.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gongfu.users.UserService;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A published plan stays editable by the office (issue 13, item 5), on each database: plan, task, target and indicator
 * edits, each versioned and audited and shown in the page's history; an edit on an older version is refused with 409;
 * accepted values stay as they are (an indicator's unit cannot change under them); bad input names its field.
 */
abstract class PublishedEditContract {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserService users;

    private long publish(String title) throws Exception {
        String text = title + "（2024—2026年）\n\n一、重点任务\n（一）培育夜间消费。（牵头单位：区卫生健康局）\n"
                + "1.打造夜间消费街区。到2026年，" + title + "夜间营业额达到500万元。\n\n"
                + "2.建设露营营地。到2026年，露营营地数量达到12个。\n";
        JsonNode review = json(mvc.perform(multipart("/api/v1/imports")
                        .file(new MockMultipartFile("file", "edit.txt", "text/plain", text.getBytes(StandardCharsets.UTF_8)))
                        .param("region", "330299").param("kind", "action_plan")).andExpect(status().isCreated()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8));
        long id = review.get("job").get("id").asLong();
        return json(mvc.perform(post("/api/v1/imports/{id}/publish", id)).andExpect(status().isCreated()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8)).get("planId").asLong();
    }

    @Test
    void aPublishedTaskAndItsTargetAreEditedVersionedAndAudited() throws Exception {
        long planId = publish("青溪区发布后修改测试方案");
        JsonNode task = json(page(get("/api/v1/tasks").param("plan", "" + planId))).get("items").get(0);
        long taskId = task.get("id").asLong();
        assertThat(page(get("/tasks/{id}/edit", taskId))).contains("第 0 版", "发布以来尚无修改", "打造夜间消费街区");

        mvc.perform(post("/tasks/{id}/edit", taskId).with(csrf()).param("version", "0").param("code", "1")
                        .param("title", "打造夜间消费特色街区").param("leadUnits", "区民政局").param("coUnits", "区卫健局"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/tasks/" + taskId + "/edit#history"));
        JsonNode after = json(page(get("/api/v1/tasks/{id}", taskId)));
        assertThat(after.get("title").asText()).isEqualTo("打造夜间消费特色街区");
        assertThat(after.get("leadUnits").get(0).get("name").asText()).isEqualTo("区民政局");
        assertThat(after.get("coUnits").get(0).get("name").asText()).as("the alias resolves").isEqualTo("区卫生健康局");
        String edit = page(get("/tasks/{id}/edit", taskId));
        assertThat(edit).contains("第 1 版", "修改任务", "打造夜间消费特色街区 | lead [区民政局] | co [区卫生健康局]");

        // someone who read version 0 saves: refused, nothing overwritten, the page shows what is there now
        String stale = mvc.perform(post("/tasks/{id}/edit", taskId).with(csrf()).param("version", "0").param("code", "1")
                        .param("title", "旧页面上的标题").param("leadUnits", "区卫生健康局"))
                .andExpect(status().isConflict()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(stale).contains("id=\"conflict\"", "打造夜间消费特色街区");
        assertThat(json(page(get("/api/v1/tasks/{id}", taskId))).get("title").asText()).isEqualTo("打造夜间消费特色街区");

        // an unknown unit and a taken code are named beside their fields; nothing is stored
        String refused = mvc.perform(post("/tasks/{id}/edit", taskId).with(csrf()).param("version", "1").param("code", "2")
                        .param("title", "x").param("leadUnits", "区不存在局"))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused).contains("id=\"error-leadUnits\"", "区不存在局", "id=\"error-code\"");

        // its target: 500 → 700, versioned and in the task's history
        JsonNode target = after.get("targets").get(0);
        long targetId = target.get("id").asLong();
        mvc.perform(post("/tasks/{id}/targets/{t}", taskId, targetId).with(csrf()).param("version", "0").param("comparator", "ge")
                .param("value", "700").param("unit", "万元").param("year", "2026")).andExpect(status().is3xxRedirection());
        JsonNode changed = json(page(get("/api/v1/tasks/{id}", taskId))).get("targets").get(0);
        assertThat(changed.get("value").decimalValue()).isEqualByComparingTo("700");
        mvc.perform(post("/tasks/{id}/targets/{t}", taskId, targetId).with(csrf()).param("version", "0").param("comparator", "ge")
                .param("value", "800").param("year", "2026")).andExpect(status().isConflict());
        String range = mvc.perform(post("/tasks/{id}/targets/{t}", taskId, targetId).with(csrf()).param("version", "1")
                        .param("comparator", "range").param("min", "1").param("year", "2026"))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(range).contains("id=\"error-max\"", "区间目标需要下限和上限");
        assertThat(audit("target:" + targetId)).containsExactly("target.edit: v0 青溪区发布后修改测试方案夜间营业额 2026 ≥ 500 万元 → v1 青溪区发布后修改测试方案夜间营业额 2026 ≥ 700 万元");
        assertThat(page(get("/tasks/{id}/edit", taskId))).contains("修改目标", "≥ 700");

        // a reporter may not edit
        mvc.perform(get("/tasks/{id}/edit", taskId).with(user(users.loadUserByUsername("reporter")))).andExpect(status().is4xxClientError());
    }

    @Test
    void thePlanAndAnIndicatorAreEditedButAcceptedValuesStayLocked() throws Exception {
        long planId = publish("青溪区指标修改测试方案");
        mvc.perform(post("/plans/{id}/edit", planId).with(csrf()).param("version", "0").param("title", "青溪区指标修改测试方案（修订）")
                .param("issuer", "青溪区共富办").param("startYear", "2024").param("endYear", "2027")).andExpect(status().is3xxRedirection());
        JsonNode plan = json(page(get("/api/v1/plans/{id}", planId)));
        assertThat(plan.get("title").asText()).isEqualTo("青溪区指标修改测试方案（修订）");
        assertThat(plan.get("endYear").asInt()).isEqualTo(2027);
        mvc.perform(post("/plans/{id}/edit", planId).with(csrf()).param("version", "0").param("title", "旧")
                .param("startYear", "2024").param("endYear", "2026")).andExpect(status().isConflict());
        String backwards = mvc.perform(post("/plans/{id}/edit", planId).with(csrf()).param("version", "1").param("title", "x")
                        .param("startYear", "2026").param("endYear", "2024"))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(backwards).contains("id=\"error-endYear\"");
        assertThat(page(get("/plans/{id}/edit", planId))).contains("第 1 版", "修改方案", "青溪区指标修改测试方案（修订） | issuer 青溪区共富办 | 2024–2027");

        long taskId = json(page(get("/api/v1/tasks").param("plan", "" + planId))).get("items").get(0).get("id").asLong();
        long indicatorId = json(page(get("/api/v1/tasks/{id}", taskId))).get("targets").get(0).get("indicatorId").asLong();
        jdbc.sql("insert into observation (indicator_id, region_code, period, value, state) values (:i, '330299', '2024', 320, 'approved')")
                .param("i", indicatorId).update();
        String locked = mvc.perform(post("/indicators/{id}/edit", indicatorId).with(csrf()).param("version", "0")
                        .param("name", "青溪区指标修改测试方案夜间营业额").param("unit", "亿元").param("polarity", "higher"))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(locked).contains("id=\"error-unit\"", "计量单位不能修改");
        mvc.perform(post("/indicators/{id}/edit", indicatorId).with(csrf()).param("version", "0").param("name", "夜间经济营业额（测试）")
                .param("unit", "万元").param("polarity", "higher").param("domain", "消费")).andExpect(status().is3xxRedirection());
        JsonNode indicator = json(page(get("/api/v1/indicators/{id}", indicatorId)));
        assertThat(indicator.get("name").asText()).isEqualTo("夜间经济营业额（测试）");
        assertThat(indicator.get("domain").asText()).isEqualTo("消费");
        assertThat(jdbc.sql("select value from observation where indicator_id = :i").param("i", indicatorId).query(java.math.BigDecimal.class).single())
                .as("the accepted value is as it was").isEqualByComparingTo("320");
        assertThat(page(get("/indicators/{id}/edit", indicatorId))).contains("第 1 版", "修改指标");
        mvc.perform(post("/indicators/{id}/edit", indicatorId).with(csrf()).param("version", "0").param("name", "x")
                .param("polarity", "higher")).andExpect(status().isConflict());
    }

    private List<String> audit(String target) {
        return jdbc.sql("select action, before_value, after_value from audit_event where target = :t order by id").param("t", target)
                .query((rs, i) -> rs.getString(1) + ": " + rs.getString(2) + " → " + rs.getString(3)).list();
    }

    private String page(RequestBuilder request) throws Exception {
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private static JsonNode json(String body) {
        return JSON.readTree(body);
    }
}
