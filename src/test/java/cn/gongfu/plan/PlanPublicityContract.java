package cn.gongfu.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gongfu.users.UserService;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Making a plan public is its own step (issue 14): a published plan is on the portal only once the office made it
 * public, the office may take it off again, both audited; the demo plan is public. Run on each database; the demo plan
 * is made public again after the test.
 */
abstract class PlanPublicityContract {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserService users;

    @Test
    void theOfficeMakesAPlanPublicAndTakesItOffAndThePortalFollows() throws Exception {
        long plan = jdbc.sql("select min(id) from plan").query(Long.class).single();
        String title = jdbc.sql("select title from plan where id = :p").param("p", plan).query(String.class).single();
        String sections = jdbc.sql("select public_sections from plan where id = :p").param("p", plan).query(String.class).optional().orElse(null);
        try {
            assertThat(portal()).as("the demo plan is public").contains(title);
            assertThat(planPage(plan, "office")).contains("id=\"plan-public\"", "已公开", "撤回公开");
            assertThat(planPage(plan, "reporter")).doesNotContain("id=\"plan-make-public\"");
            mvc.perform(post("/plans/{id}/public", plan).param("public", "false").with(as("reporter"))).andExpect(status().isForbidden());
            mvc.perform(post("/plans/{id}/public", plan).param("public", "false").with(as("leader"))).andExpect(status().isForbidden());

            mvc.perform(post("/plans/{id}/public", plan).param("public", "false").with(as("office"))).andExpect(status().is3xxRedirection());
            assertThat(portal()).doesNotContain(title);
            assertThat(planPage(plan, "office")).contains("未公开", "id=\"plan-make-public\"").doesNotContain("id=\"plan-withdraw-public\"");
            assertThat(jdbc.sql("select count(*) from plan where id = :p and public_since is null").param("p", plan).query(Long.class).single()).isOne();

            mvc.perform(post("/plans/{id}/public", plan).param("public", "true").with(as("office"))).andExpect(status().is3xxRedirection());
            assertThat(portal()).contains(title);
            // twice is once: no second audit entry
            mvc.perform(post("/plans/{id}/public", plan).param("public", "true").with(as("office"))).andExpect(status().is3xxRedirection());
            assertThat(jdbc.sql("""
                    select actor || ' ' || action || ' ' || after_value from audit_event where target = :t
                    and action in ('plan.public', 'plan.withdraw-public') order by id""")
                    .param("t", "plan:" + plan).query(String.class).list())
                    .endsWith("office plan.withdraw-public not public", "office plan.public public");
        } finally {
            jdbc.sql("update plan set public_since = coalesce(public_since, current_timestamp), public_sections = :s where id = :p")
                    .param("s", sections).param("p", plan).update();
        }
    }

    /** A plan stored published (as an import's publish step stores it) is not public until the office says so. */
    @Test
    void aPublishedPlanIsNotPublicByItself() throws Exception {
        String region = jdbc.sql("select region_code from plan where id = (select min(id) from plan)").query(String.class).single();
        jdbc.sql("""
                insert into plan (title, region_code, start_year, end_year, kind, state)
                values ('公开测试方案（未公开）', :r, 2025, 2027, 'action_plan', 'published')""").param("r", region).update();
        try {
            assertThat(portal()).doesNotContain("公开测试方案（未公开）");
            String plans = mvc.perform(get("/plans").with(as("office"))).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            assertThat(plans).as("still the office's working plan").contains("公开测试方案（未公开）");
        } finally {
            jdbc.sql("delete from plan where title = '公开测试方案（未公开）'").update();
        }
    }

    private String portal() throws Exception {
        return mvc.perform(get("/public")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private String planPage(long plan, String who) throws Exception {
        return mvc.perform(get("/plans/{id}", plan).with(as(who))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username).withoutPassword());
    }
}
