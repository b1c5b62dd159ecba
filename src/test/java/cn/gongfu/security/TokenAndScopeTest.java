package cn.gongfu.security;

import static cn.gongfu.support.DemoFacts.plan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.anonymous;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gongfu.kernel.Role;
import cn.gongfu.kernel.Sha256;
import cn.gongfu.support.DemoFacts;
import cn.gongfu.support.H2Test;
import cn.gongfu.support.MovableClock;
import cn.gongfu.support.SignedInAsAdmin;
import cn.gongfu.users.UserService;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Data scope by region and unit in the services, and API tokens that act with exactly their creator's rights. */
@H2Test
class TokenAndScopeTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;

    @Autowired
    UserService users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MovableClock clock;

    private RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username).withoutPassword());
    }

    private JsonNode json(RequestBuilder request) throws Exception {
        return JSON.readTree(mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    }

    private long demoPlan() {
        return DemoFacts.demoPlanId(jdbc);
    }

    @Test
    void aReporterSeesOnlyItsOwnUnitsTasks() throws Exception {
        long planId = demoPlan();
        long health = plan().get("tasks").valueStream().filter(t -> names(t).contains("区卫生健康局") || names(t).contains("区卫健局")).count();
        JsonNode mine = json(get("/api/v1/tasks").param("plan", "" + planId).param("size", "500").with(as("reporter")));
        assertThat(mine.get("total").asLong()).isEqualTo(health).isLessThan(plan().get("tasks").size());
        JsonNode all = json(get("/api/v1/tasks").param("plan", "" + planId).param("size", "500").with(as("leader")));
        assertThat(all.get("total").asInt()).isEqualTo(plan().get("tasks").size());

        long othersTask = jdbc.sql("""
                select min(t.id) from task t where t.plan_id = :p and not exists (select 1 from task_unit tu join unit u
                on u.id = tu.unit_id where tu.task_id = t.id and u.name = '区卫生健康局')""").param("p", planId).query(Long.class).single();
        mvc.perform(get("/api/v1/tasks/{id}", othersTask).with(as("reporter"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/tasks/{id}", othersTask).with(as("leader"))).andExpect(status().isOk());
        mvc.perform(get("/tasks/{id}", othersTask).with(as("reporter"))).andExpect(status().isNotFound());
    }

    @Test
    void anotherRegionsOfficeSeesNothingOfThisRegion() throws Exception {
        SignedInAsAdmin.signIn(users.loadUserByUsername("admin"));
        try {
            users.create("fenghua-office", "奉化共富办", "correct-horse-2", "330213", List.of(Role.OFFICE), List.of());
        } finally {
            SignedInAsAdmin.signOut();
        }
        long planId = demoPlan();
        mvc.perform(get("/api/v1/plans/{id}", planId).with(as("fenghua-office"))).andExpect(status().isNotFound());
        mvc.perform(get("/plans/{id}", planId).with(as("fenghua-office"))).andExpect(status().isNotFound());
        json(get("/api/v1/plans").param("region", "330299").with(as("fenghua-office")));
        mvc.perform(get("/api/v1/plans").param("region", "330299").with(as("fenghua-office"))).andExpect(jsonPath("$.total").value(0));
        mvc.perform(get("/api/v1/tasks").param("plan", "" + planId).with(as("fenghua-office"))).andExpect(jsonPath("$.total").value(0));
        mvc.perform(get("/api/v1/units").param("region", "330299").with(as("fenghua-office"))).andExpect(jsonPath("$.total").value(0));
        mvc.perform(get("/api/v1/indicators").param("region", "330299").with(as("fenghua-office"))).andExpect(jsonPath("$.total").value(0));
        // nor can it import into a region outside its own
        mvc.perform(multipart("/api/v1/imports").file(new MockMultipartFile("file", "x.txt", "text/plain", "1.测试".getBytes(StandardCharsets.UTF_8)))
                .param("region", "330299").param("kind", "action_plan").with(as("fenghua-office")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("region"));
    }

    @Test
    void aTokenActsWithItsCreatorsRightsUntilRevokedOrExpired() throws Exception {
        JsonNode created = JSON.readTree(mvc.perform(post("/api/v1/tokens").with(as("reporter"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"统计局数据接口\",\"days\":30}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        String secret = created.get("secret").asText();
        long tokenId = created.get("token").get("id").asLong();
        assertThat(secret).startsWith("gf_");
        String stored = jdbc.sql("select token_hash from api_token where id = :id").param("id", tokenId).query(String.class).single();
        assertThat(stored).hasSize(64).isNotEqualTo(secret).isEqualTo(Sha256.hex(secret));

        long planId = demoPlan();
        long asReporter = json(get("/api/v1/tasks").param("plan", "" + planId).with(as("reporter"))).get("total").asLong();
        mvc.perform(get("/api/v1/tasks").param("plan", "" + planId).with(anonymous()).header("Authorization", "Bearer " + secret))
                .andExpect(status().isOk()).andExpect(jsonPath("$.total").value((int) asReporter));
        // a reporter's token cannot import, and needs no CSRF token since it carries no session
        mvc.perform(post("/api/v1/imports/1/publish").with(anonymous()).header("Authorization", "Bearer " + secret))
                .andExpect(status().isForbidden());
        // use is audited once a minute per token (aTokensUseIsRecordedOnceAMinute)
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'token.use' and target = :t")
                .param("t", "token:" + tokenId).query(Long.class).single()).isPositive();

        mvc.perform(post("/api/v1/tokens").with(as("reporter")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"x\",\"days\":1000}")).andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("days"));

        // someone else cannot revoke it; its owner can, and then it no longer works
        mvc.perform(MockMvcRequestBuilders.delete("/api/v1/tokens/{id}", tokenId)
                .with(as("leader"))).andExpect(status().isNotFound());
        mvc.perform(MockMvcRequestBuilders.delete("/api/v1/tokens/{id}", tokenId)
                .with(as("reporter"))).andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/plans").with(anonymous()).header("Authorization", "Bearer " + secret))
                .andExpect(status().isUnauthorized()).andExpect(jsonPath("$.type").value("https://gongfu.example/problems/invalid-token"));
        mvc.perform(get("/api/v1/plans").with(anonymous()).header("Authorization", "Bearer gf_made-up"))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void aTokensUseIsRecordedOnceAMinute() throws Exception {
        JsonNode created = newToken("office", "每分钟记一次");
        String secret = created.get("secret").asText();
        long tokenId = created.get("token").get("id").asLong();
        try {
            // a minute ahead within the token's 30 days
            LocalDateTime ten = LocalDateTime.now().plusDays(1).withHour(10).withMinute(0).withSecond(0).withNano(0);
            clock.moveTo(ten.plusSeconds(5));
            for (int i = 0; i < 5; i++) {
                mvc.perform(get("/api/v1/plans").with(anonymous()).header("Authorization", "Bearer " + secret)).andExpect(status().isOk());
            }
            assertThat(uses(tokenId)).as("five calls in one minute").isEqualTo(1);
            assertThat(lastUsed(tokenId)).isEqualTo(ten);
            clock.moveBy(Duration.ofSeconds(50)); // 10:00:55, still the same minute
            mvc.perform(get("/api/v1/plans").with(anonymous()).header("Authorization", "Bearer " + secret)).andExpect(status().isOk());
            assertThat(uses(tokenId)).isEqualTo(1);
            clock.moveBy(Duration.ofSeconds(10)); // 10:01:05, the next minute
            for (int i = 0; i < 3; i++) {
                mvc.perform(get("/api/v1/plans").with(anonymous()).header("Authorization", "Bearer " + secret)).andExpect(status().isOk());
            }
            assertThat(uses(tokenId)).as("a row for each minute the token was used in").isEqualTo(2);
            assertThat(lastUsed(tokenId)).isEqualTo(ten.plusMinutes(1));
        } finally {
            clock.reset();
        }
    }

    @Test
    void aRevokedTokenOrADisabledUsersTokenStopsOnTheNextCall() throws Exception {
        SignedInAsAdmin.signIn(users.loadUserByUsername("admin"));
        try {
            users.create("token-owner", "令牌持有人", "correct-horse-3", "330299", List.of(Role.LEADER), List.of());
        } finally {
            SignedInAsAdmin.signOut();
        }
        String kept = newToken("token-owner", "留着").get("secret").asText();
        JsonNode revoked = newToken("token-owner", "要撤销");
        String secret = revoked.get("secret").asText();
        // both are in use (and so remembered by the token service) before anything changes
        for (String s : List.of(kept, secret)) {
            mvc.perform(get("/api/v1/plans").with(anonymous()).header("Authorization", "Bearer " + s)).andExpect(status().isOk());
        }
        mvc.perform(MockMvcRequestBuilders.delete("/api/v1/tokens/{id}", revoked.get("token").get("id").asLong())
                .with(as("token-owner"))).andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/plans").with(anonymous()).header("Authorization", "Bearer " + secret)).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/plans").with(anonymous()).header("Authorization", "Bearer " + kept)).andExpect(status().isOk());

        long owner = users.loadUserByUsername("token-owner").id();
        SignedInAsAdmin.signIn(users.loadUserByUsername("admin"));
        try {
            users.setEnabled(owner, false);
        } finally {
            SignedInAsAdmin.signOut();
        }
        mvc.perform(get("/api/v1/plans").with(anonymous()).header("Authorization", "Bearer " + kept)).andExpect(status().isUnauthorized());
    }

    private JsonNode newToken(String username, String name) throws Exception {
        return JSON.readTree(mvc.perform(post("/api/v1/tokens").with(as(username))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"" + name + "\",\"days\":30}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    private long uses(long tokenId) {
        return jdbc.sql("select count(*) from audit_event where action = 'token.use' and target = :t")
                .param("t", "token:" + tokenId).query(Long.class).single();
    }

    private LocalDateTime lastUsed(long tokenId) {
        return jdbc.sql("select last_used_at from api_token where id = :id").param("id", tokenId)
                .query(LocalDateTime.class).single().truncatedTo(ChronoUnit.MINUTES);
    }

    @Test
    void aTokenCannotCreateTokens() throws Exception {
        String secret = JSON.readTree(mvc.perform(post("/api/v1/tokens").with(as("office"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"统计局\",\"days\":30}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
                .get("secret").asText();
        long before = jdbc.sql("select count(*) from api_token").query(Long.class).single();
        // a token minting a longer-lived one would outlive its own revocation
        mvc.perform(post("/api/v1/tokens").with(anonymous()).header("Authorization", "Bearer " + secret)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"续命\",\"days\":366}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("cannot create tokens")));
        mvc.perform(post("/tokens").with(anonymous()).header("Authorization", "Bearer " + secret)
                .param("name", "续命").param("days", "366")).andExpect(status().isForbidden());
        assertThat(jdbc.sql("select count(*) from api_token").query(Long.class).single()).isEqualTo(before);
        // reading and revoking its owner's tokens stays possible
        mvc.perform(get("/api/v1/tokens").with(anonymous()).header("Authorization", "Bearer " + secret))
                .andExpect(status().isOk());
    }

    @Test
    void anExpiredTokenIsRefused() throws Exception {
        JsonNode created = JSON.readTree(mvc.perform(post("/api/v1/tokens").with(as("leader"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"short\",\"days\":1}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        jdbc.sql("update api_token set expires_at = :past where id = :id")
                .param("past", LocalDateTime.now().minusMinutes(1)).param("id", created.get("token").get("id").asLong()).update();
        mvc.perform(get("/api/v1/plans").with(anonymous()).header("Authorization", "Bearer " + created.get("secret").asText()))
                .andExpect(status().isUnauthorized());
    }

    private static List<String> names(JsonNode task) {
        List<String> n = new ArrayList<>();
        task.get("leadUnits").forEach(u -> n.add(u.asText()));
        task.get("coUnits").forEach(u -> n.add(u.asText()));
        return n;
    }
}
