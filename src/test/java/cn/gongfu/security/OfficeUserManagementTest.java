package cn.gongfu.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gongfu.kernel.Role;
import cn.gongfu.support.H2Test;
import cn.gongfu.users.UserService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The office (共富办) onboards the reporters, unit heads and leaders of its own regions without an
 * administrator; it cannot give office or administrator roles, reach other regions, or touch office and
 * administrator accounts.
 */
@H2Test
class OfficeUserManagementTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserService users;

    @Autowired
    JdbcClient jdbc;

    private RequestPostProcessor office() {
        return user(users.loadUserByUsername("office").withoutPassword());
    }

    private long unitOf(String region) {
        return jdbc.sql("select min(id) from unit where region_code = :r").param("r", region).query(Long.class).single();
    }

    private String newUser(String username, String region, String role, Long unit) {
        return """
                {"username": "%s", "displayName": "新填报员", "password": "correct-horse-1", "regionCode": "%s",
                 "roles": ["%s"], "unitIds": [%s]}""".formatted(username, region, role, unit == null ? "" : unit);
    }

    @Test
    void anOfficeCreatesAndManagesTheReportersOfItsRegions() throws Exception {
        long unit = unitOf("330299");
        String created = mvc.perform(post("/api/v1/users").with(office()).contentType(MediaType.APPLICATION_JSON)
                        .content(newUser("office-made", "330299", "REPORTER", unit)))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.roles[0]").value("REPORTER"))
                .andReturn().getResponse().getContentAsString();
        long id = Long.parseLong(created.replaceAll(".*\"id\":(\\d+).*", "$1"));

        mvc.perform(put("/api/v1/users/{id}/roles", id).with(office()).contentType(MediaType.APPLICATION_JSON)
                .content("[\"REPORTER\", \"UNIT_HEAD\"]")).andExpect(status().isOk());
        mvc.perform(post("/api/v1/users/{id}/password-reset", id).with(office())).andExpect(status().isOk())
                .andExpect(jsonPath("$.password").isNotEmpty());
        mvc.perform(put("/api/v1/users/{id}/enabled", id).with(office()).contentType(MediaType.APPLICATION_JSON)
                .content("false")).andExpect(status().isOk()).andExpect(jsonPath("$.enabled").value(false));
        assertThat(jdbc.sql("select count(*) from audit_event where actor = 'office' and target = :t").param("t", "user:" + id)
                .query(Long.class).single()).isGreaterThanOrEqualTo(4);

        // the list and the page show the office only the accounts it manages, and only the roles it may give
        mvc.perform(get("/admin/users").with(office())).andExpect(status().isOk())
                .andExpect(content().string(containsString("office-made")))
                .andExpect(content().string(containsString(jdbc.sql("select name from unit where id = :id").param("id", unit)
                        .query(String.class).single())))
                .andExpect(content().string(not(containsString(">null<"))))
                .andExpect(content().string(not(containsString(">admin<"))))
                .andExpect(content().string(not(containsString("value=\"OFFICE\""))))
                .andExpect(content().string(not(containsString("/admin/audit"))));
        mvc.perform(get("/admin/users").param("q", "office-made").with(office())).andExpect(status().isOk())
                .andExpect(content().string(containsString("office-made")))
                .andExpect(content().string(not(containsString(">reporter<"))));
    }

    @Test
    void anOfficeCannotGiveOfficeOrAdministratorRolesNorReachOtherRegions() throws Exception {
        long unit = unitOf("330299");
        mvc.perform(post("/api/v1/users").with(office()).contentType(MediaType.APPLICATION_JSON)
                        .content(newUser("would-be-office", "330299", "OFFICE", unit)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("roles"));
        mvc.perform(post("/api/v1/users").with(office()).contentType(MediaType.APPLICATION_JSON)
                        .content(newUser("elsewhere", "330213", "REPORTER", null)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("region"));
        assertThat(jdbc.sql("select count(*) from app_user where username in ('would-be-office', 'elsewhere')")
                .query(Long.class).single()).isZero();

        long reporter = users.loadUserByUsername("reporter").id();
        mvc.perform(put("/api/v1/users/{id}/roles", reporter).with(office()).contentType(MediaType.APPLICATION_JSON)
                .content("[\"ADMIN\"]")).andExpect(status().isBadRequest());
        assertThat(users.load(reporter).has(Role.ADMIN)).isFalse();

        // office and administrator accounts are out of its reach: not found, like anything outside a scope
        for (String other : new String[] {"admin", "office"}) {
            long id = users.loadUserByUsername(other).id();
            mvc.perform(get("/api/v1/users/{id}", id).with(office())).andExpect(status().isNotFound());
            mvc.perform(post("/api/v1/users/{id}/password-reset", id).with(office())).andExpect(status().isNotFound());
        }
        mvc.perform(post("/admin/users/{id}/enabled", users.loadUserByUsername("admin").id()).with(office()).with(csrf())
                .param("enabled", "false")).andExpect(status().isNotFound());
        assertThat(users.loadUserByUsername("admin").enabled()).isTrue();
        // and the audit log stays with administrators
        mvc.perform(get("/api/v1/audit").with(office())).andExpect(status().isForbidden());
    }
}
