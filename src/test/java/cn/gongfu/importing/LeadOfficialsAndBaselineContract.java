package cn.gongfu.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gongfu.support.MvcContract;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * What the parser reads beyond units and targets is kept (issue 13): a task's lead officials (people, 牵头负责领导) go
 * from the draft to the published task, shown and editable on both sides and audited; an indicator table's base-year
 * column is shown apart from the yearly targets, can be corrected or cleared in the draft, and is (or is not) stored
 * as that year's observation on publishing. On each database.
 */
abstract class LeadOfficialsAndBaselineContract extends MvcContract {

    /** Our own small plan: a table whose first year (2023) is before the plan's period, a task with its leaders. */
    static byte[] plan(String title) {
        return (title + "（2024—2026年）\n\n一、主要目标\n\n" + title + "主要指标\n"
                + "\t序号\n\t指  标\n\t单位\n\t2023年\n\t2024年\n\t2025年\n\t2026年\n\n"
                + "\t1\n\t托育机构托位数\n\t个\n\t3.6\n\t4\n\t4.5\n\t5\n\n"
                + "二、重点任务\n（一）发展普惠托育。（牵头单位：区卫生健康局）\n"
                + "1.新建托育机构。到2026年，托育机构托位数达到5个。\n"
                + "牵头负责领导：林青、周远\n\n"
                + "2.建设露营营地。到2026年，露营营地数量达到12个。\n").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void leadOfficialsAndTheBaselineGoFromTheDraftToThePublishedPlan() throws Exception {
        JsonNode review = json(upload("officials.txt", plan("青溪区托育领导基期测试方案")));
        long id = review.get("job").get("id").asLong();
        JsonNode draft = review.get("draft");
        assertThat(draft.get("tasks").get(0).get("leadOfficials").toString()).isEqualTo("[\"林青\",\"周远\"]");
        assertThat(draft.get("tasks").get(0).get("leadUnits").toString()).isEqualTo("[\"区卫生健康局\"]");
        JsonNode indicator = draft.get("indicators").get(0);
        assertThat(indicator.get("observations")).hasSize(1);
        assertThat(indicator.get("observations").get(0).get("period").asText()).isEqualTo("2023");
        assertThat(indicator.get("observations").get(0).get("value").decimalValue()).isEqualByComparingTo("3.6");
        assertThat(indicator.get("targets")).extracting(t -> t.get("year").asInt()).containsExactly(2024, 2025, 2026);

        // the review shows both: the people under the lead units, the base year's value apart from the targets
        String page = page(get("/imports/{id}", id));
        assertThat(page).contains("牵头领导：林青、周远", "基期值", "2023: 3.6");
        // the draft's forms are filled with them
        assertThat(page(get("/imports/{id}/tasks/0", id))).contains("name=\"leadOfficials\"", "value=\"林青、周远\"");
        assertThat(page(get("/imports/{id}/indicators/0", id))).contains("name=\"baselineYear\"", "value=\"2023\"", "value=\"3.6\"");

        // the office corrects both
        form(post("/imports/{id}/tasks/0", id).param("version", "0").param("code", "1").param("title", "新建托育机构")
                .param("leadUnits", "区卫生健康局").param("leadOfficials", "林青、韩梅")).andExpect(status().is3xxRedirection());
        form(post("/imports/{id}/indicators/0", id).param("version", "1").param("name", "托育机构托位数").param("unit", "个")
                .param("polarity", "higher").param("baselineYear", "2023").param("baseline", "3.8")).andExpect(status().is3xxRedirection());
        assertThat(page(get("/imports/{id}", id))).contains("牵头领导：林青、韩梅", "2023: 3.8").doesNotContain("2023: 3.6");
        List<String> trail = audit("import:" + id);
        assertThat(trail).anyMatch(e -> e.startsWith("import.correct.task:") && e.contains("officials [林青, 周远]")
                && e.endsWith("officials [林青, 韩梅] | milestones []"));
        assertThat(trail).anyMatch(e -> e.startsWith("import.correct.indicator:") && e.contains("baseline 2023: 3.6")
                && e.endsWith("baseline 2023: 3.8"));

        // published: the task keeps its people, the base year becomes the indicator's approved 2023 value
        long planId = json(mvc.perform(post("/api/v1/imports/{id}/publish", id)).andExpect(status().isCreated())).get("planId").asLong();
        long taskId = jdbc.sql("select id from task where plan_id = :p and code = '1'").param("p", planId).query(Long.class).single();
        assertThat(jdbc.sql("select lead_officials from task where id = :t").param("t", taskId).query(String.class).single())
                .isEqualTo("林青、韩梅");
        assertThat(jdbc.sql("select lead_officials from task where plan_id = :p and code = '2'").param("p", planId)
                .query(String.class).optional()).isEmpty();
        assertThat(observations("托育机构托位数")).containsExactly("2023 3.800000 approved");
        // the API gives the indicator with its baseline: the base year and its value
        long indicatorId = jdbc.sql("select id from indicator where name = '托育机构托位数' and region_code = '330299'").query(Long.class).single();
        JsonNode published = json(get("/api/v1/indicators/{id}", indicatorId));
        assertThat(published.get("baselineYear").asInt()).isEqualTo(2023);
        assertThat(published.get("baseline").decimalValue()).isEqualByComparingTo("3.8");
        assertThat(json(get("/api/v1/indicators").param("plan", "" + planId).param("q", "托育机构托位数")).get("items").get(0)
                .get("baselineYear").asInt()).as("the list gives it too").isEqualTo(2023);
        assertThat(page(get("/tasks/{id}", taskId))).contains("id=\"lead-officials\"", "牵头领导", "林青、韩梅");

        // and the published task's edit form changes them, audited like the other fields
        assertThat(page(get("/tasks/{id}/edit", taskId))).contains("name=\"leadOfficials\"", "value=\"林青、韩梅\"");
        form(post("/tasks/{id}/edit", taskId).param("version", "0").param("code", "1").param("title", "新建托育机构")
                .param("leadUnits", "区卫生健康局").param("leadOfficials", "韩梅")).andExpect(status().is3xxRedirection());
        assertThat(page(get("/tasks/{id}", taskId))).contains("韩梅").doesNotContain("林青");
        assertThat(audit("task:" + taskId)).anyMatch(e -> e.startsWith("task.edit: {\"version\":\"0\"")
                && e.contains("\"leadOfficials\":\"林青、韩梅\"}") && e.contains("→ {\"version\":\"1\"") && e.endsWith("\"leadOfficials\":\"韩梅\"}"));
        assertThat(historyWords(page(get("/tasks/{id}/edit", taskId)))).containsExactly("牵头领导：林青、韩梅 → 韩梅");
        // too many together: refused beside the field, nothing changed
        String many = String.join("、", java.util.stream.IntStream.range(0, 12).mapToObj(i -> "名".repeat(89) + (char) ('甲' + i)).toList());
        String refused = form(post("/tasks/{id}/edit", taskId).param("version", "1").param("code", "1").param("title", "新建托育机构")
                .param("leadUnits", "区卫生健康局").param("leadOfficials", many))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused).contains("id=\"error-leadOfficials\"", "牵头领导合计过长，最多 1000 个字符");
        assertThat(jdbc.sql("select lead_officials from task where id = :t").param("t", taskId).query(String.class).single()).isEqualTo("韩梅");
        // cleared: nothing stored, nothing shown
        form(post("/tasks/{id}/edit", taskId).param("version", "1").param("code", "1").param("title", "新建托育机构")
                .param("leadUnits", "区卫生健康局").param("leadOfficials", " ")).andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select lead_officials from task where id = :t").param("t", taskId).query(String.class).optional()).isEmpty();
        assertThat(page(get("/tasks/{id}", taskId))).doesNotContain("id=\"lead-officials\"");
    }

    @Test
    void aClearedBaselineIsNotStoredAndBadValuesAreRefusedBesideTheirField() throws Exception {
        long id = json(upload("officials.txt", plan("青溪区托育基期清除测试方案"))).get("job").get("id").asLong();
        String name = "托育机构托位数";

        String notANumber = form(post("/imports/{id}/indicators/0", id).param("version", "0").param("name", name)
                .param("polarity", "higher").param("baselineYear", "2023").param("baseline", "三点六"))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(notANumber).contains("id=\"error-baseline\"", "不是有效的值");
        String noYear = form(post("/imports/{id}/indicators/0", id).param("version", "0").param("name", name)
                .param("polarity", "higher").param("baselineYear", "").param("baseline", "3.6"))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(noYear).contains("id=\"error-baselineYear\"", "必填");
        String farYear = form(post("/imports/{id}/indicators/0", id).param("version", "0").param("name", name)
                .param("polarity", "higher").param("baselineYear", "99999").param("baseline", "3.6"))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(farYear).contains("id=\"error-baselineYear\"", "应在 1949 到 2100 之间");
        String huge = form(post("/imports/{id}/indicators/0", id).param("version", "0").param("name", name)
                .param("polarity", "higher").param("baselineYear", "2023").param("baseline", "1e30"))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(huge).contains("id=\"error-baseline\"");
        // twelve different names of 90 characters each: each may be stored, together (1091 with 、) they do not fit
        String many = String.join("、", java.util.stream.IntStream.range(0, 12).mapToObj(i -> "名".repeat(89) + (char) ('甲' + i)).toList());
        String tooMany = form(post("/imports/{id}/tasks/0", id).param("version", "0").param("code", "1").param("title", "新建托育机构")
                .param("leadOfficials", many))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(tooMany).contains("id=\"error-leadOfficials\"", "牵头领导合计过长，最多 1000 个字符");
        String tooLong = form(post("/imports/{id}/tasks/0", id).param("version", "0").param("code", "1").param("title", "新建托育机构")
                .param("leadOfficials", "长".repeat(101)))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        // Bean Validation names the list element (as for the unit lists): shown in the page's list of errors
        assertThat(tooLong).contains("id=\"errors\"", "leadOfficials[0]", "最多 100 个字符");
        assertThat(json(get("/api/v1/imports/{id}", id)).get("job").get("draftVersion").asInt()).as("nothing stored").isZero();

        // cleared: the review shows no base-year value, publishing stores no observation
        form(post("/imports/{id}/indicators/0", id).param("version", "0").param("name", name).param("unit", "个")
                .param("polarity", "higher").param("baselineYear", "2023").param("baseline", "")).andExpect(status().is3xxRedirection());
        assertThat(page(get("/imports/{id}", id))).doesNotContain("2023: 3.6");
        assertThat(audit("import:" + id)).anyMatch(e -> e.startsWith("import.correct.indicator:") && e.endsWith("baseline none"));
        long planId = json(mvc.perform(post("/api/v1/imports/{id}/publish", id)).andExpect(status().isCreated())).get("planId").asLong();
        assertThat(observations(name)).isEmpty();
        JsonNode indicator = json(get("/api/v1/indicators").param("plan", "" + planId).param("q", name)).get("items").get(0);
        assertThat(indicator.get("name").asText()).isEqualTo(name);
        assertThat(indicator.get("baselineYear").isNull()).as("no accepted value, no baseline").isTrue();
        assertThat(indicator.get("baseline").isNull()).isTrue();
    }

    @Test
    void aNewVersionThatChangesATasksLeadOfficialsShowsItInTheDiff() throws Exception {
        String title = "青溪区托育领导差异测试方案";
        // an indicator of its own, so that its base-year value does not reach the other tests' indicator
        String original = new String(plan(title), StandardCharsets.UTF_8).replace("托育机构托位数", "差异测试托位数");
        long first = json(upload("officials-v1.txt", original.getBytes(StandardCharsets.UTF_8))).get("job").get("id").asLong();
        json(mvc.perform(post("/api/v1/imports/{id}/publish", first)).andExpect(status().isCreated()));
        byte[] revised = original.replace("林青、周远", "林青、韩梅").getBytes(StandardCharsets.UTF_8);
        JsonNode review = json(upload("officials-v2.txt", revised));
        assertThat(review.get("previousPlan").get("title").asText()).isEqualTo(title + "（2024—2026年）");
        JsonNode changes = review.get("diff").get("tasks");
        assertThat(changes).hasSize(1);
        assertThat(changes.get(0).get("change").asText()).isEqualTo("CHANGED");
        assertThat(changes.get(0).get("code").asText()).isEqualTo("1");
        assertThat(changes.get(0).get("fields").toString()).isEqualTo("[\"leadOfficials\"]");
        long second = review.get("job").get("id").asLong();
        assertThat(page(get("/imports/{id}", second))).contains("id=\"diff\"", "change-changed", "leadOfficials");
    }

    private List<String> observations(String indicator) {
        return jdbc.sql("""
                select o.period, o.value, o.state from observation o join indicator i on i.id = o.indicator_id
                where i.name = :n order by o.period""").param("n", indicator)
                .query((rs, i) -> rs.getString(1) + " " + rs.getBigDecimal(2).setScale(6) + " " + rs.getString(3)).list();
    }
}
