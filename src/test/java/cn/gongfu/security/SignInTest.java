package cn.gongfu.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.anonymous;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gongfu.kernel.GongfuUser;
import cn.gongfu.kernel.InvalidParameterException;
import cn.gongfu.kernel.Role;
import cn.gongfu.support.H2Test;
import cn.gongfu.support.SignedInAsAdmin;
import cn.gongfu.users.UserService;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/** Signing in and out: hashed passwords, lockout after repeated failures, disabled accounts, CSRF, headers, audit. */
@H2Test
class SignInTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserService users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TokenService tokens;

    @AfterEach
    void signOut() {
        SignedInAsAdmin.signOut();
    }

    private long createUser(String username) {
        SignedInAsAdmin.signIn(users.loadUserByUsername("admin"));
        try {
            return users.create(username, "测试用户", "correct-horse-1", "330299", List.of(Role.LEADER), List.of());
        } finally {
            SignedInAsAdmin.signOut();
        }
    }

    private ResultActions login(String username, String password, String address) throws Exception {
        return mvc.perform(post("/login").param("username", username).param("password", password)
                .with(csrf()).with(anonymous()).with(r -> {
                    r.setRemoteAddr(address);
                    return r;
                }));
    }

    @Test
    void passwordsAreStoredHashedAndASignInIsAudited() throws Exception {
        createUser("hashcheck");
        String hash = jdbc.sql("select password_hash from app_user where username = 'hashcheck'").query(String.class).single();
        assertThat(hash).startsWith("{bcrypt}").doesNotContain("correct-horse-1");
        var session = login("hashcheck", "correct-horse-1", "10.0.0.1").andExpect(redirectedUrl("/")).andReturn()
                .getRequest().getSession();
        assertThat(actions("hashcheck")).contains("login.success");
        // the session keeps who signed in, never the hash
        var signedIn = (SecurityContext) session.getAttribute("SPRING_SECURITY_CONTEXT");
        GongfuUser principal = (GongfuUser) signedIn.getAuthentication().getPrincipal();
        assertThat(principal.username()).isEqualTo("hashcheck");
        assertThat(principal.getPassword()).isEmpty();
    }

    @Test
    void repeatedFailuresPauseOnlyThePasswordPathAndTellAStrangerNothing() throws Exception {
        createUser("lockme");
        SignedInAsAdmin.signIn(users.loadUserByUsername("lockme"));
        String secret = tokens.create("统计局数据接口", 1).secret();
        SignedInAsAdmin.signOut();
        for (int i = 0; i < UserService.DELAY_AFTER_FAILURES; i++) {
            login("lockme", "wrong-password", "10.0.0.2").andExpect(redirectedUrl("/login?error"));
        }
        // during the pause even the right password is refused, with the answer an unknown name gets
        login("lockme", "correct-horse-1", "10.0.0.2").andExpect(redirectedUrl("/login?error"));
        login("nobody-at-all", "correct-horse-1", "10.0.0.2").andExpect(redirectedUrl("/login?error"));
        assertThat(actions("lockme")).contains("login.failure", "login.lockout", "login.locked").doesNotContain("login.success");
        assertThat(pausedFor("lockme")).isBetween(Duration.ofSeconds(50), UserService.FIRST_DELAY);
        // the account's API tokens go on working: a stranger's guesses cannot stop a feed
        mvc.perform(get("/api/v1/plans").with(anonymous()).header("Authorization", "Bearer " + secret))
                .andExpect(status().isOk());

        // the next failure after the pause doubles it
        jdbc.sql("update app_user set locked_until = :past where username = 'lockme'")
                .param("past", LocalDateTime.now().minusSeconds(1)).update();
        login("lockme", "wrong-password", "10.0.0.2").andExpect(redirectedUrl("/login?error"));
        assertThat(pausedFor("lockme")).isBetween(Duration.ofSeconds(110), UserService.FIRST_DELAY.multipliedBy(2));

        // an administrator's password reset lifts the pause
        long id = jdbc.sql("select id from app_user where username = 'lockme'").query(Long.class).single();
        SignedInAsAdmin.signIn(users.loadUserByUsername("admin"));
        String fresh = users.resetPassword(id);
        SignedInAsAdmin.signOut();
        login("lockme", fresh, "10.0.0.2").andExpect(redirectedUrl("/"));
    }

    @Test
    void thePauseDoublesWithEachFailureUpToFifteenMinutes() {
        assertThat(UserService.delayAfter(UserService.DELAY_AFTER_FAILURES - 1)).isZero();
        assertThat(List.of(5, 6, 7, 8, 9, 10, 60).stream().map(n -> UserService.delayAfter(n).toMinutes()).toList())
                .containsExactly(1L, 2L, 4L, 8L, 15L, 15L, 15L);
    }

    private Duration pausedFor(String username) {
        LocalDateTime until = jdbc.sql("select locked_until from app_user where username = :u").param("u", username)
                .query(LocalDateTime.class).single();
        return Duration.between(LocalDateTime.now(), until);
    }

    @Test
    void anOverlongOrNulUsernameIsAnOrdinaryFailureAndAudited() throws Exception {
        String longName = "x".repeat(150);
        login(longName, "whatever-1", "10.0.0.6").andExpect(redirectedUrl("/login?error"));
        assertThat(actions("x".repeat(UserService.MAX_USERNAME_LENGTH - 1) + "…")).containsExactly("login.failure");
        login("ad\0min", "whatever-1", "10.0.0.6").andExpect(redirectedUrl("/login?error"));
        assertThat(actions("ad?min")).containsExactly("login.failure");
    }

    @Test
    void overlongPasswordsAreOrdinaryAnswers() throws Exception {
        createUser("longpass");
        login("longpass", "correct-horse-1" + "x".repeat(200), "10.0.0.7").andExpect(redirectedUrl("/login?error"));
        SignedInAsAdmin.signIn(users.loadUserByUsername("admin"));
        try {
            assertThatThrownBy(() -> users.create("longpass2", "长密码", "correct-horse-" + "y".repeat(100), "330299",
                    List.of(Role.LEADER), List.of())).isInstanceOf(InvalidParameterException.class)
                    .hasMessageStartingWith("password: ");
        } finally {
            SignedInAsAdmin.signOut();
        }
    }

    @Test
    void commonAndOneCharacterPasswordsAreRefused() throws Exception {
        SignedInAsAdmin.signIn(users.loadUserByUsername("admin"));
        try {
            for (String weak : List.of("aaaaaaaaaaaa", "1234567890", "Password123", "woaini1314", "QWERTYUIOP")) {
                assertThatThrownBy(() -> users.create("weak-" + weak.length(), "弱密码", weak, "330299", List.of(Role.LEADER), List.of()))
                        .as(weak).isInstanceOf(InvalidParameterException.class).hasMessageStartingWith("password: ");
            }
        } finally {
            SignedInAsAdmin.signOut();
        }
        mvc.perform(post("/api/v1/users").contentType(MediaType.APPLICATION_JSON).content("""
                        {"username":"weakling","displayName":"弱","password":"iloveyou12","regionCode":"330299","roles":["LEADER"]}"""))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("password"))
                .andExpect(jsonPath("$.detail").value(containsString("常见密码")));
        var me = user(users.loadUserByUsername("admin").withoutPassword());
        mvc.perform(post("/account/password").with(me).with(csrf()).param("currentPassword", "admin-test-password")
                        .param("newPassword", "0000000000").param("repeatPassword", "0000000000"))
                .andExpect(flash().attribute("error", containsString("同一个字符")));
        assertThat(jdbc.sql("select count(*) from app_user where username like 'weak%'").query(Long.class).single()).isZero();
    }

    @Test
    void usersChangeTheirOwnPasswordOnlyByProvingTheCurrentOne() throws Exception {
        createUser("changeme");
        var me = user(users.loadUserByUsername("changeme").withoutPassword());
        // a wrong current password changes nothing, says why, and counts as a failed sign-in
        mvc.perform(post("/account/password").with(me).with(csrf()).param("currentPassword", "guess-guess")
                        .param("newPassword", "battery-staple-2").param("repeatPassword", "battery-staple-2"))
                .andExpect(redirectedUrl("/account")).andExpect(flash().attribute("error", containsString("当前密码不正确")));
        assertThat(jdbc.sql("select failed_logins from app_user where username = 'changeme'").query(Integer.class).single()).isEqualTo(1);
        mvc.perform(post("/account/password").with(me).with(csrf()).param("currentPassword", "correct-horse-1")
                        .param("newPassword", "short").param("repeatPassword", "short"))
                .andExpect(flash().attribute("error", containsString("至少 " + UserService.MIN_PASSWORD_LENGTH)));
        mvc.perform(post("/account/password").with(me).with(csrf()).param("currentPassword", "correct-horse-1")
                        .param("newPassword", "battery-staple-2").param("repeatPassword", "battery-staple-3"))
                .andExpect(flash().attribute("error", containsString("不一致")));
        login("changeme", "correct-horse-1", "10.0.0.4").andExpect(redirectedUrl("/"));

        mvc.perform(post("/account/password").with(me).with(csrf()).param("currentPassword", "correct-horse-1")
                        .param("newPassword", "battery-staple-2").param("repeatPassword", "battery-staple-2"))
                .andExpect(redirectedUrl("/account")).andExpect(flash().attribute("changed", true));
        login("changeme", "correct-horse-1", "10.0.0.4").andExpect(redirectedUrl("/login?error"));
        login("changeme", "battery-staple-2", "10.0.0.4").andExpect(redirectedUrl("/"));
        assertThat(actions("changeme")).contains("user.password-change");
        // the page shows who is signed in and the form
        mvc.perform(get("/account").with(me)).andExpect(status().isOk())
                .andExpect(content().string(containsString("changeme"))).andExpect(content().string(containsString("password-form")));
    }

    @Test
    void aTokenCannotChangeItsOwnersPassword() throws Exception {
        createUser("tokenowner");
        SignedInAsAdmin.signIn(users.loadUserByUsername("tokenowner"));
        String secret;
        try {
            secret = tokens.create("测试", 1).secret();
        } finally {
            SignedInAsAdmin.signOut();
        }
        mvc.perform(post("/account/password").with(anonymous()).header("Authorization", "Bearer " + secret)
                        .param("currentPassword", "correct-horse-1").param("newPassword", "battery-staple-2")
                        .param("repeatPassword", "battery-staple-2"))
                .andExpect(status().isForbidden());
        login("tokenowner", "correct-horse-1", "10.0.0.5").andExpect(redirectedUrl("/"));
    }

    @Autowired
    WebApplicationContext context;

    /** A browser's view: sessions and cookies only, no test user behind every request. */
    private MockMvc browser() {
        return MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
    }

    private MockHttpSession signedIn(MockMvc browser, String username, String password) throws Exception {
        return (MockHttpSession) browser.perform(post("/login").param("username", username)
                        .param("password", password).with(csrf()).with(r -> {
                            r.setRemoteAddr("10.0.1.1");
                            return r;
                        }))
                .andExpect(redirectedUrl("/")).andReturn().getRequest().getSession();
    }

    @Test
    void changingAnAccountEndsItsSessionsAtOnce() throws Exception {
        long id = createUser("sessionend");
        MockMvc browser = browser();
        var first = signedIn(browser, "sessionend", "correct-horse-1");
        var second = signedIn(browser, "sessionend", "correct-horse-1");
        browser.perform(get("/plans").session(first)).andExpect(status().isOk());

        // the administrator changes the roles: the old rights must not live on in the session
        mvc.perform(post("/admin/users/{id}/roles", id).param("roles", "REPORTER")).andExpect(status().is3xxRedirection());
        browser.perform(get("/plans").session(first)).andExpect(redirectedUrl("/login?expired"));
        browser.perform(get("/plans").session(second)).andExpect(redirectedUrl("/login?expired"));
        browser.perform(get("/login?expired")).andExpect(content().string(containsString("请重新登录")));

        // the user changes their own password: their other sessions end, this one goes on
        var here = signedIn(browser, "sessionend", "correct-horse-1");
        var elsewhere = signedIn(browser, "sessionend", "correct-horse-1");
        browser.perform(post("/account/password").session(here).with(csrf()).param("currentPassword", "correct-horse-1")
                        .param("newPassword", "battery-staple-9").param("repeatPassword", "battery-staple-9"))
                .andExpect(redirectedUrl("/account"));
        browser.perform(get("/plans").session(here)).andExpect(status().isOk());
        browser.perform(get("/plans").session(elsewhere)).andExpect(redirectedUrl("/login?expired"));

        // disabling the account ends the rest
        mvc.perform(post("/admin/users/{id}/enabled", id).param("enabled", "false")).andExpect(status().is3xxRedirection());
        browser.perform(get("/plans").session(here)).andExpect(redirectedUrl("/login?expired"));
    }

    @Test
    void aDisabledAccountCannotSignIn() throws Exception {
        long id = createUser("disableme");
        mvc.perform(post("/admin/users/{id}/enabled", id).param("enabled", "false")).andExpect(status().is3xxRedirection());
        login("disableme", "correct-horse-1", "10.0.0.3").andExpect(redirectedUrl("/login?error"));
        assertThat(actions("admin")).contains("user.disable");
        assertThat(actions("disableme")).contains("login.disabled");
    }

    @Test
    void oneAddressGuessingAcrossAccountsIsThrottled() throws Exception {
        for (int i = 0; i < LoginThrottle.MAX_FAILURES; i++) {
            login("nobody-" + i, "guess", "10.9.9.9").andExpect(redirectedUrl("/login?error"));
        }
        createUser("throttled");
        login("throttled", "correct-horse-1", "10.9.9.9").andExpect(redirectedUrl("/login?throttled"));
        login("throttled", "correct-horse-1", "10.9.9.10").andExpect(redirectedUrl("/"));
    }

    @Test
    void aSuccessfulSignInDoesNotWipeTheAddressCount() throws Exception {
        createUser("between-guesses");
        for (int i = 0; i < LoginThrottle.MAX_FAILURES - 1; i++) {
            login("guessed-" + i, "guess", "10.9.8.8").andExpect(redirectedUrl("/login?error"));
            // a guesser who holds one real account signs in between guesses
            if (i % 5 == 0) login("between-guesses", "correct-horse-1", "10.9.8.8").andExpect(redirectedUrl("/"));
        }
        login("guessed-last", "guess", "10.9.8.8").andExpect(redirectedUrl("/login?error"));
        login("between-guesses", "correct-horse-1", "10.9.8.8").andExpect(redirectedUrl("/login?throttled"));
    }

    @Test
    void formsWithoutACsrfTokenAreRefused() throws Exception {
        // not signed in: back to sign-in (the session, and with it the form's token, may have expired)
        mvc.perform(post("/login").param("username", "admin").param("password", "admin-test-password").with(anonymous())
                .with(csrf().useInvalidToken())).andExpect(redirectedUrl("/login?timeout"));
        // signed in: refused
        mvc.perform(post("/notifications/read").with(csrf().useInvalidToken())).andExpect(status().isForbidden());
    }

    @Test
    void pagesCarryTheSecurityHeadersAndStrangersAreSentToSignIn() throws Exception {
        mvc.perform(get("/login").with(anonymous()))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Security-Policy", SecurityConfig.CONTENT_SECURITY_POLICY))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().string("Referrer-Policy", "same-origin"));
        mvc.perform(get("/plans").with(anonymous())).andExpect(status().isFound())
                .andExpect(redirectedUrl("/login"));
        mvc.perform(get("/api/v1/plans").with(anonymous())).andExpect(status().isUnauthorized())
                .andExpect(header().string("Content-Type", "application/problem+json;charset=UTF-8"));
    }

    @Test
    void roleAndScopeChangesAreAudited() throws Exception {
        long id = createUser("promoteme");
        mvc.perform(post("/admin/users/{id}/roles", id).param("roles", "OFFICE", "LEADER")).andExpect(status().is3xxRedirection());
        long unit = jdbc.sql("select id from unit where name = '区教育局' and region_code = '330299'").query(Long.class).single();
        mvc.perform(post("/admin/users/{id}/units", id).param("units", "" + unit)).andExpect(status().is3xxRedirection());
        List<String> lines = jdbc.sql("select action || ' ' || coalesce(before_value, '') || ' -> ' || coalesce(after_value, '')"
                + " from audit_event where target = :t order by id").param("t", "user:" + id).query(String.class).list();
        assertThat(lines).contains("user.roles [leader] -> [office, leader]", "user.units [] -> [" + unit + "]");
    }

    private List<String> actions(String actor) {
        return jdbc.sql("select action from audit_event where actor = :a order by id").param("a", actor).query(String.class).list();
    }
}
