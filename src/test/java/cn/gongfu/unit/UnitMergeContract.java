package cn.gongfu.unit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gongfu.demo.DemoDataLoader;
import cn.gongfu.kernel.Role;
import cn.gongfu.users.UserService;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Units (issue 13, item 3), on each database: names written short are suggested as the existing unit so settling an
 * import creates no duplicate; two units that are one are merged, aliases, tasks and users moving to the survivor
 * and the merged unit's history kept.
 */
abstract class UnitMergeContract {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserService users;

    private JsonNode upload(String title, String... leads) throws Exception {
        StringBuilder text = new StringBuilder(title + "（2024—2026年）\n\n一、重点任务\n");
        for (int i = 0; i < leads.length; i++) {
            text.append("（").append("一二三四五".charAt(i)).append("）第").append(i + 1).append("项工作。（牵头单位：").append(leads[i]).append("）\n")
                    .append(i + 1).append(".推进第").append(i + 1).append("项具体工作，按期完成。\n\n");
        }
        return JSON.readTree(mvc.perform(multipart("/api/v1/imports")
                        .file(new MockMultipartFile("file", "units.txt", "text/plain", text.toString().getBytes(StandardCharsets.UTF_8)))
                        .param("region", "330299").param("kind", "action_plan")).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    @Test
    void namesWrittenShortAreSuggestedAsTheExistingUnitAndSettlingCreatesNoDuplicate() throws Exception {
        JsonNode review = upload("青溪区简称识别测试方案", "区发展改革局", "区自然资源规划分局", "区文化广电旅游体育局", "区夜市管理专班");
        long id = review.get("job").get("id").asLong();
        Map<String, JsonNode> units = byWrittenName(review);
        assertThat(units.get("区发展改革局").get("suggestedUnitName").asText()).isEqualTo("区发展和改革局");
        assertThat(units.get("区自然资源规划分局").get("suggestedUnitName").asText()).isEqualTo("区自然资源和规划分局");
        assertThat(units.get("区文化广电旅游体育局").get("suggestedUnitName").asText()).isEqualTo("区文化和广电旅游体育局");
        assertThat(units.get("区夜市管理专班").get("suggestedUnitId").isNull()).as("nothing like it").isTrue();

        long before = count("select count(*) from unit where region_code = '330299'");
        JsonNode settled = JSON.readTree(page(post("/api/v1/imports/{id}/units/settle", id)));
        assertThat(byWrittenName(settled).get("区发展改革局").get("status").asText()).isEqualTo("MAPPED");
        mvc.perform(post("/api/v1/imports/{id}/publish", id)).andExpect(status().isCreated());
        assertThat(count("select count(*) from unit where region_code = '330299'")).as("only the unknown 专班 is new").isEqualTo(before + 1);
        page(get("/api/v1/units").param("region", "330299").param("q", "区发展改革局"));
        assertThat(JSON.readTree(page(get("/api/v1/units").param("region", "330299").param("q", "区发展改革局")))
                .get("items").get(0).get("name").asText()).isEqualTo("区发展和改革局");
    }

    @Test
    void twoUnitsThatAreOneAreMergedTasksAndUsersMovingAndHistoryKept() throws Exception {
        JsonNode review = upload("青溪区单位合并测试方案", "区夜间经济工作专班", "区卫生健康局");
        long id = review.get("job").get("id").asLong();
        page(post("/api/v1/imports/{id}/units/settle", id));
        long planId = JSON.readTree(mvc.perform(post("/api/v1/imports/{id}/publish", id)).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8)).get("planId").asLong();
        long merged = count("select id from unit where region_code = '330299' and name = '区夜间经济工作专班'");
        long survivor = count("select id from unit where region_code = '330299' and name = '区经济和信息化局'");
        jdbc.sql("insert into unit_alias (region_code, alias, unit_id) values ('330299', '夜经济专班', :m)").param("m", merged).update();
        // a user of this test's own: a demo user moved to the survivor would see its tasks in the other suites
        users.createUnchecked("merge-reporter", "合并 填报员", DemoDataLoader.DEMO_PASSWORD, "330299", List.of(Role.REPORTER), List.of());
        long userId = count("select id from app_user where username = 'merge-reporter'");
        jdbc.sql("insert into user_unit (user_id, unit_id) values (:u, :m)").param("u", userId).param("m", merged).update();

        // the page refuses a unit merged into itself, beside the field
        String same = mvc.perform(post("/units/merge").with(csrf()).param("survivor", "" + survivor).param("merged", "" + survivor))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(same).contains("id=\"error-merged\"", "请选择两个不同的单位");

        mvc.perform(post("/units/merge").with(csrf()).param("survivor", "" + survivor).param("merged", "" + merged))
                .andExpect(status().is3xxRedirection());
        JsonNode tasks = JSON.readTree(page(get("/api/v1/tasks").param("plan", "" + planId))).get("items");
        assertThat(tasks.get(0).get("leadUnits").get(0).get("name").asText()).isEqualTo("区经济和信息化局");
        JsonNode unit = JSON.readTree(page(get("/api/v1/units/{id}", survivor)));
        assertThat(unit.get("aliases").toString()).contains("区夜间经济工作专班", "夜经济专班", "区经信局");
        assertThat(JSON.readTree(page(get("/api/v1/units").param("region", "330299").param("q", "夜间经济工作专班"))).get("items"))
                .as("the merged unit is no longer listed; its name finds the survivor").hasSize(1)
                .first().satisfies(u -> assertThat(u.get("id").asLong()).isEqualTo(survivor));
        assertThat(count("select count(*) from user_unit where unit_id = " + merged)).isZero();
        assertThat(count("select count(*) from user_unit where unit_id = " + survivor + " and user_id = " + userId)).isOne();
        assertThat(count("select merged_into from unit where id = " + merged)).as("kept, pointing at the survivor").isEqualTo(survivor);
        assertThat(audit("unit:" + merged)).singleElement().asString().startsWith("unit.merge: 区夜间经济工作专班 (unit " + merged);
        assertThat(audit("unit:" + survivor)).anyMatch(e -> e.contains("into 区经济和信息化局"));

        // a later document naming the merged unit lands on the survivor; merging it again is refused
        JsonNode later = upload("青溪区单位合并后测试方案", "区夜间经济工作专班");
        assertThat(byWrittenName(later).get("区夜间经济工作专班").get("status").asText()).isEqualTo("KNOWN");
        assertThat(byWrittenName(later).get("区夜间经济工作专班").get("unitId").asLong()).isEqualTo(survivor);
        mvc.perform(post("/api/v1/units/merge").param("survivor", "" + survivor).param("merged", "" + merged))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("merged"));
    }

    private List<String> audit(String target) {
        return jdbc.sql("select action, after_value from audit_event where target = :t and action = 'unit.merge' order by id").param("t", target)
                .query((rs, i) -> rs.getString(1) + ": " + rs.getString(2)).list();
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private String page(RequestBuilder request) throws Exception {
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private static Map<String, JsonNode> byWrittenName(JsonNode review) {
        Map<String, JsonNode> m = new HashMap<>();
        review.get("units").forEach(u -> m.put(u.get("writtenName").asText(), u));
        return m;
    }
}
