package cn.gongfu.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongfu.kernel.Role;
import cn.gongfu.support.H2Test;
import cn.gongfu.support.HttpVisitor;
import cn.gongfu.support.SignedInAsAdmin;
import cn.gongfu.users.UserService;
import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.catalina.Context;
import org.apache.catalina.Manager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Sessions on the real servlet container (MockMvc creates no container sessions): API-token requests and anonymous
 * pages create none, and one user holds at most {@value SessionCap#MAX_SESSIONS_PER_USER}.
 */
@H2Test
class SessionsTest {

    @LocalServerPort
    int port;

    @Autowired
    ServletWebServerApplicationContext context;

    @Autowired
    UserService users;

    @Autowired
    TokenService tokens;

    @Autowired
    SignedInSessions signedIn;

    @Autowired
    JdbcClient jdbc;

    /** The container's session manager: how many sessions it ever created. */
    private Manager sessions() {
        var tomcat = ((TomcatWebServer) context.getWebServer()).getTomcat();
        return ((Context) tomcat.getHost().findChildren()[0]).getManager();
    }

    @BeforeEach
    void realCsrfTokens() {
        HttpVisitor.restoreCsrfTokenRepository(context);
    }

    @Test
    void tokenRequestsCreateNoSession() throws Exception {
        SignedInAsAdmin.signIn(users.loadUserByUsername("office"));
        String secret;
        try {
            secret = tokens.create("会话计数", 1).secret();
        } finally {
            SignedInAsAdmin.signOut();
        }
        HttpVisitor feed = new HttpVisitor(port);
        long before = sessions().getSessionCounter();
        // API reads, a page (its CSRF meta tag once put a token into a new session), and a refusal
        List<String> paths = List.of("/api/v1/plans", "/api/v1/tasks?size=5", "/plans", "/api/v1/audit");
        for (int i = 0; i < 400; i++) {
            String path = paths.get(i % paths.size());
            HttpResponse<String> response = feed.get(path, "Authorization", "Bearer " + secret);
            assertThat(response.statusCode()).as(path).isIn(200, 403);
        }
        assertThat(feed.cookie("JSESSIONID")).isNull();
        assertThat(sessions().getSessionCounter() - before).as("sessions created by 400 token requests").isZero();
    }

    @Test
    void anonymousPagesCreateNoSessionUntilSignIn() throws Exception {
        HttpVisitor visitor = new HttpVisitor(port);
        long before = sessions().getSessionCounter();
        List<String> paths = List.of("/public", "/login", "/login?lang=en", "/css/app.css", "/no-such-page",
                "/plans", "/api/v1/plans", "/login?timeout");
        for (int i = 0; i < 400; i++) {
            String path = paths.get(i % paths.size());
            assertThat(visitor.get(path).statusCode()).as(path).isIn(200, 302, 401, 404);
        }
        // nor does a failed sign-in
        assertThat(visitor.signIn("admin", "not-the-password").headers().firstValue("Location")).hasValue("/login?error");
        assertThat(sessions().getSessionCounter() - before).as("sessions created by 401 anonymous requests").isZero();

        // signing in is what needs one, and it goes back to the page asked for before
        assertThat(visitor.get("/units").statusCode()).isEqualTo(302);
        HttpResponse<String> signedIn = visitor.signIn("leader", "gongfu-demo");
        assertThat(signedIn.headers().firstValue("Location")).hasValue("/units");
        assertThat(sessions().getSessionCounter() - before).isEqualTo(1);
    }

    @Test
    void aUserHoldsAtMostFiveSessionsAndThePushedOutOneIsEnded() throws Exception {
        SignedInAsAdmin.signIn(users.loadUserByUsername("admin"));
        try {
            users.create("manybrowsers", "多开用户", "correct-horse-7", "330299", List.of(Role.LEADER), List.of());
        } finally {
            SignedInAsAdmin.signOut();
        }
        // the first sign-in comes after a sign-in pause that ran out: the same account, though not the same user object
        jdbc.sql("update app_user set locked_until = :past where username = 'manybrowsers'")
                .param("past", LocalDateTime.now().minusMinutes(1)).update();
        int active = sessions().getActiveSessions();
        List<HttpVisitor> browsers = new ArrayList<>();
        for (int i = 0; i <= SessionCap.MAX_SESSIONS_PER_USER; i++) {
            HttpVisitor browser = new HttpVisitor(port);
            assertThat(browser.signIn("manybrowsers", "correct-horse-7").headers().firstValue("Location")).hasValue("/");
            assertThat(browser.get("/plans").statusCode()).isEqualTo(200);
            browsers.add(browser);
        }
        assertThat(signedIn.of("manybrowsers")).hasSize(SessionCap.MAX_SESSIONS_PER_USER);
        // the oldest session is gone from the container at once, not kept until its timeout
        assertThat(sessions().getActiveSessions() - active).isEqualTo(SessionCap.MAX_SESSIONS_PER_USER);
        assertThat(browsers.get(0).get("/plans").headers().firstValue("Location")).hasValue("/login?timeout");
        for (HttpVisitor browser : browsers.subList(1, browsers.size())) {
            assertThat(browser.get("/plans").statusCode()).isEqualTo(200);
        }
    }
}
