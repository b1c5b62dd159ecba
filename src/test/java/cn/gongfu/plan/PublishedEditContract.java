package cn.gongfu.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gongfu.support.MvcContract;
import cn.gongfu.users.UserService;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * A published plan stays editable by the office (issue 13, item 5), on each database: plan, task, target and indicator
 * edits, each versioned and audited and shown in the page's history; an edit on an older version is refused with 409;
 * accepted values stay as they are (an indicator's unit cannot change under them); bad input names its field. Tasks
 * are added and deleted, milestones edited, added and deleted, except where what units reported was accepted. The edit
 * pages' history shows each change in words.
 */
abstract class PublishedEditContract extends MvcContract {

    @Autowired
    UserService users;

    private long publish(String title) throws Exception {
        String text = title + "（2024—2026年）\n\n一、重点任务\n（一）培育夜间消费。（牵头单位：区卫生健康局）\n"
                + "1.打造夜间消费街区。到2026年，" + title + "夜间营业额达到500万元。\n\n"
                + "2.建设露营营地。到2026年，露营营地数量达到12个。\n";
        long id = json(upload("edit.txt", text.getBytes(StandardCharsets.UTF_8))).get("job").get("id").asLong();
        return json(mvc.perform(post("/api/v1/imports/{id}/publish", id)).andExpect(status().isCreated())).get("planId").asLong();
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
        assertThat(edit).contains("第 1 版", "修改任务");
        assertThat(historyWords(edit)).as("each change in words: label, old → new")
                .contains("名称：打造夜间消费街区 → 打造夜间消费特色街区", "牵头单位：区卫生健康局 → 区民政局", "配合单位：（空） → 区卫生健康局");

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
        assertThat(audit("target:" + targetId)).singleElement().satisfies(e -> assertThat(e)
                .startsWith("target.edit: {\"version\":\"0\",\"indicator\":\"青溪区发布后修改测试方案夜间营业额\",\"year\":\"2026\",\"target\":\"≥ 500 万元\"")
                .contains("→ {\"version\":\"1\",\"indicator\":\"青溪区发布后修改测试方案夜间营业额\",\"year\":\"2026\",\"target\":\"≥ 700 万元\""));
        String withTarget = page(get("/tasks/{id}/edit", taskId));
        assertThat(withTarget).contains("修改目标", "≥ 700");
        assertThat(historyWords(withTarget)).contains("目标值：≥ 500 万元 → ≥ 700 万元");

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
        String planPage = page(get("/plans/{id}/edit", planId));
        assertThat(planPage).contains("第 1 版", "修改方案");
        assertThat(historyWords(planPage)).containsExactly("名称：青溪区指标修改测试方案（2024—2026年） → 青溪区指标修改测试方案（修订）",
                "印发单位：（空） → 青溪区共富办", "结束年份：2026 → 2027");

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
        String indicatorPage = page(get("/indicators/{id}/edit", indicatorId));
        assertThat(indicatorPage).contains("第 1 版", "修改指标");
        assertThat(historyWords(indicatorPage)).containsExactly("指标名称：青溪区指标修改测试方案夜间营业额 → 夜间经济营业额（测试）",
                "领域：重点任务 → 消费");
        mvc.perform(post("/indicators/{id}/edit", indicatorId).with(csrf()).param("version", "0").param("name", "x")
                .param("polarity", "higher")).andExpect(status().isConflict());
    }

    @Test
    void aTaskIsAddedToAPublishedPlanWithItsMilestonesAndAMilestoneIsEditedAndDeleted() throws Exception {
        long planId = publish("青溪区发布后新增任务测试方案");
        assertThat(page(get("/plans/{id}/edit", planId))).contains("id=\"add-task-form\"", "打造夜间消费街区", "建设露营营地");

        // refused: a code the list has, a unit the region does not know, a milestone line without a month; nothing stored
        String refused = form(post("/plans/{id}/tasks", planId).param("code", "1").param("title", "建设夜市")
                .param("leadUnits", "区不存在局"))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused).contains("id=\"error-code\"", "编号 1 已用于同一清单中的另一项任务", "id=\"error-leadUnits\"", "区不存在局",
                "value=\"建设夜市\"");
        String noMonth = form(post("/plans/{id}/tasks", planId).param("code", "3").param("title", "建设夜市").param("milestones", "夜市开业"))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(noMonth).contains("milestones[0].from", "夜市开业");
        assertThat(tasks(planId)).hasSize(2);

        String added = form(post("/plans/{id}/tasks", planId).param("code", "3").param("title", "建设夜市")
                .param("leadUnits", "区卫健局").param("coUnits", "区民政局").param("milestones", "2025-03 2025-06 夜市开业"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(added).matches("/tasks/\\d+/edit");
        long taskId = Long.parseLong(added.replaceAll("\\D", ""));
        JsonNode task = json(get("/api/v1/tasks/{id}", taskId));
        assertThat(task.get("code").asText()).isEqualTo("3");
        assertThat(task.get("leadUnits").get(0).get("name").asText()).as("the alias resolves").isEqualTo("区卫生健康局");
        assertThat(task.get("milestones").get(0).get("toMonth").asText()).isEqualTo("2025-06");
        assertThat(tasks(planId)).hasSize(3).last().satisfies(t -> assertThat(t.get("code").asText()).isEqualTo("3"));
        assertThat(historyWords(page(get("/plans/{id}/edit", planId)))).contains("编号：（空） → 3", "名称：（空） → 建设夜市",
                "牵头单位：（空） → 区卫生健康局");

        // its milestone: what is due and by when, versioned; an older version is refused, months backwards named
        long milestone = task.get("milestones").get(0).get("id").asLong();
        form(post("/tasks/{id}/milestones/{m}", taskId, milestone).param("version", "0").param("text", "夜市开业迎客")
                .param("from", "2025-03").param("to", "2025-09")).andExpect(redirectedUrl("/tasks/" + taskId + "/edit#milestones"));
        form(post("/tasks/{id}/milestones/{m}", taskId, milestone).param("version", "0").param("text", "旧页面")
                .param("from", "2025-03").param("to", "2025-04")).andExpect(status().isConflict());
        String backwards = form(post("/tasks/{id}/milestones/{m}", taskId, milestone).param("version", "1").param("text", "x")
                .param("from", "2025-09").param("to", "2025-03"))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(backwards).contains("id=\"error-milestone.to\"", "完成月份 2025-03 早于开始月份 2025-09");
        JsonNode edited = json(get("/api/v1/tasks/{id}", taskId)).get("milestones").get(0);
        assertThat(edited.get("text").asText()).isEqualTo("夜市开业迎客");
        assertThat(edited.get("toMonth").asText()).isEqualTo("2025-09");
        assertThat(historyWords(page(get("/tasks/{id}/edit", taskId)))).contains("内容：夜市开业 → 夜市开业迎客", "完成时限：2025-06 → 2025-09");

        // another added, then deleted: audited on its task
        form(post("/tasks/{id}/milestones", taskId).param("text", "夜市评估").param("from", "2025-12").param("to", "2025-12"))
                .andExpect(status().is3xxRedirection());
        JsonNode second = json(get("/api/v1/tasks/{id}", taskId)).get("milestones").get(1);
        assertThat(second.get("text").asText()).isEqualTo("夜市评估");
        form(post("/tasks/{id}/milestones/{m}/delete", taskId, second.get("id").asLong()).param("version", "0"))
                .andExpect(status().is3xxRedirection());
        assertThat(json(get("/api/v1/tasks/{id}", taskId)).get("milestones")).hasSize(1);
        assertThat(audit("task:" + taskId)).anyMatch(e -> e.startsWith("milestone.delete: {\"version\":\"0\",\"text\":\"夜市评估\"") && e.endsWith("→ null"));
    }

    @Test
    void aPublishedTaskIsDeletedWithItsMilestonesAndTargetsUnlessAcceptedDataHangsOnIt() throws Exception {
        long planId = publish("青溪区发布后删除任务测试方案");
        List<JsonNode> tasks = tasks(planId);
        long first = tasks.get(0).get("id").asLong();
        long second = tasks.get(1).get("id").asLong();
        form(post("/tasks/{id}/milestones", second).param("text", "营地开放").param("from", "2025-05").param("to", "2025-05"))
                .andExpect(status().is3xxRedirection());
        long milestone = json(get("/api/v1/tasks/{id}", second)).get("milestones").get(0).get("id").asLong();

        // an accepted report on the task, saying its milestone was completed: neither may be deleted
        long unit = jdbc.sql("select id from unit where name = '区卫生健康局' and region_code = '330299'").query(Long.class).single();
        jdbc.sql("insert into submission (plan_id, unit_id, period, state, due_on) values (:p, :u, '2025Q2', 'accepted', date '2025-07-10')")
                .param("p", planId).param("u", unit).update();
        long submission = jdbc.sql("select id from submission where plan_id = :p").param("p", planId).query(Long.class).single();
        jdbc.sql("insert into task_report (submission_id, task_id, progress) values (:s, :t, 'done')").param("s", submission).param("t", second).update();
        long report = jdbc.sql("select id from task_report where task_id = :t").param("t", second).query(Long.class).single();
        jdbc.sql("insert into milestone_report (task_report_id, milestone_id, completed_on) values (:r, :m, date '2025-05-20')")
                .param("r", report).param("m", milestone).update();
        String locked = form(post("/tasks/{id}/delete", second).param("version", "0"))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(locked).contains("id=\"error-delete\"", "任务 2 已有审核通过的填报（任务进展 1 条，指标数据 0 条）");
        String milestoneLocked = form(post("/tasks/{id}/milestones/{m}/delete", second, milestone).param("version", "0"))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(milestoneLocked).contains("id=\"error-milestone.delete\"", "进度节点“营地开放”已有审核通过的完成填报（1 条），不能删除");
        assertThat(json(get("/api/v1/tasks/{id}", second)).get("milestones")).hasSize(1);

        // an accepted value of the indicator a task's target measures keeps that task too
        long indicator = json(get("/api/v1/tasks/{id}", first)).get("targets").get(0).get("indicatorId").asLong();
        jdbc.sql("insert into observation (indicator_id, region_code, period, value, state) values (:i, '330299', '2025', 410, 'approved')")
                .param("i", indicator).update();
        assertThat(form(post("/tasks/{id}/delete", first).param("version", "0")).andExpect(status().isUnprocessableContent())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("任务 1 已有审核通过的填报（任务进展 0 条，指标数据 1 条）");
        assertThat(tasks(planId)).hasSize(2);

        // the report reopened (no longer accepted): the task goes, with its milestone and target, and the plan's history says so
        jdbc.sql("update submission set state = 'returned' where id = :s").param("s", submission).update();
        form(post("/tasks/{id}/delete", second).param("version", "1")).andExpect(status().isConflict());
        form(post("/tasks/{id}/delete", second).param("version", "0")).andExpect(redirectedUrl("/plans/" + planId + "/edit#tasks"));
        assertThat(tasks(planId)).hasSize(1);
        assertThat(jdbc.sql("select count(*) from target where task_id = :t").param("t", second).query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from milestone where task_id = :t").param("t", second).query(Integer.class).single()).isZero();
        assertThat(audit("plan:" + planId)).filteredOn(e -> e.startsWith("task.")).singleElement().satisfies(e -> assertThat(e)
                .startsWith("task.delete: {\"version\":\"0\",\"code\":\"2\",\"title\":\"建设露营营地\"")
                .contains("\"milestones\":\"2025-05 营地开放\"", "\"targets\":\"露营营地数量 2026 ≥ 12 个\"").endsWith("→ null"));
        String planPage = page(get("/plans/{id}/edit", planId));
        assertThat(planPage).contains("删除任务").doesNotContain("edit-task-" + second);
        assertThat(historyWords(planPage)).contains("名称：建设露营营地 → （空）", "目标：露营营地数量 2026 ≥ 12 个 → （空）");
        mvc.perform(get("/tasks/{id}/edit", second)).andExpect(status().isNotFound());
        // a reporter may not delete
        mvc.perform(post("/tasks/{id}/delete", first).with(csrf()).param("version", "0").with(user(users.loadUserByUsername("reporter"))))
                .andExpect(status().is4xxClientError());
        assertThat(tasks(planId)).hasSize(1);
    }

    private List<JsonNode> tasks(long planId) throws Exception {
        List<JsonNode> items = new java.util.ArrayList<>();
        json(get("/api/v1/tasks").param("plan", "" + planId)).get("items").forEach(items::add);
        return items;
    }
}
