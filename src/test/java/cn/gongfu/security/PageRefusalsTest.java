package cn.gongfu.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongfu.security.AuthorizationMatrixTest.Access;
import cn.gongfu.support.H2Test;
import cn.gongfu.support.HttpVisitor;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * How pages turn visitors away, on the real servlet container: MockMvc neither dispatches to the error page nor
 * keeps real sessions, and the refusals it showed as 403 were 500s ({@code "status":999}) in a browser.
 */
@H2Test
class PageRefusalsTest {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @BeforeEach
    void realCsrfTokens() {
        HttpVisitor.restoreCsrfTokenRepository(context);
    }

    /** The page routes of the authorization matrix, with a made-up id in each placeholder. */
    private static List<Map.Entry<String, Access>> pageRoutes() {
        List<Map.Entry<String, Access>> routes = new ArrayList<>();
        for (var entry : AuthorizationMatrixTest.MATRIX.entrySet()) {
            String path = entry.getKey().split(" ", 2)[1];
            if (path.startsWith("/api/") || path.startsWith("/v3/") || path.startsWith("/swagger") || path.equals("/error")) continue;
            routes.add(Map.entry(entry.getKey().replaceAll("\\{[^}]+}", "999999"), entry.getValue()));
        }
        return routes;
    }

    private HttpResponse<String> send(HttpVisitor visitor, String route, String csrf) throws Exception {
        String[] parts = route.split(" ", 2);
        return parts[0].equals("GET") ? visitor.get(parts[1])
                : csrf == null ? visitor.post(parts[1]) : visitor.post(parts[1], "_csrf", csrf);
    }

    @Test
    void aSignedInUserWithoutTheRoleGetsThe403PageOnEveryRoute() throws Exception {
        HttpVisitor leader = new HttpVisitor(port);
        assertThat(leader.signIn("leader", "gongfu-demo").headers().firstValue("Location")).hasValue("/");
        String csrf = HttpVisitor.csrfToken(leader.get("/account").body());
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (var route : pageRoutes()) {
            if (route.getValue() != Access.UNIT && route.getValue() != Access.OFFICE && route.getValue() != Access.ADMIN) continue;
            HttpResponse<String> response = send(leader, route.getKey(), csrf);
            checked++;
            if (response.statusCode() != 403 || !response.body().contains("您没有权限访问该页面")) {
                wrong.add(route.getKey() + " -> " + response.statusCode() + " " + response.body().substring(0, Math.min(120, response.body().length())));
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(checked).isGreaterThan(20);
        // in the reader's language once chosen
        leader.get("/account?lang=en");
        assertThat(leader.get("/admin/audit").body()).contains("You are not allowed to open this page");
    }

    @Test
    void aFormWithoutAValidCsrfTokenGetsThe403PageSayingWhy() throws Exception {
        HttpVisitor reporter = new HttpVisitor(port);
        reporter.signIn("reporter", "gongfu-demo");
        for (String token : new String[] {null, "forged-token"}) {
            HttpResponse<String> response = token == null ? reporter.post("/notifications/read")
                    : reporter.post("/notifications/read", "_csrf", token);
            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(response.body()).contains("表单已过期");
        }
        // still signed in
        assertThat(reporter.get("/plans").statusCode()).isEqualTo(200);
    }

    @Test
    void strangersAndEndedSessionsGoToSignInNeverA500() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (var route : pageRoutes()) {
            if (route.getValue() == Access.PUBLIC) continue;
            HttpResponse<String> response = send(new HttpVisitor(port), route.getKey(), null);
            String expected = route.getKey().startsWith("GET ") ? "/login" : "/login?timeout";
            if (response.statusCode() != 302 || !response.headers().firstValue("Location").orElse("").equals(expected)) {
                wrong.add(route.getKey() + " -> " + response.statusCode() + " " + response.headers().firstValue("Location"));
            }
        }
        assertThat(wrong).isEmpty();

        // a session that ended (timeout, or pushed out by a newer sign-in) is said so, for reading and for sending
        HttpVisitor returning = new HttpVisitor(port);
        returning.setCookie("JSESSIONID", "ended-long-ago");
        assertThat(returning.get("/plans").headers().firstValue("Location")).hasValue("/login?timeout");
        assertThat(returning.post("/reports/open", "obligation", "1").headers().firstValue("Location")).hasValue("/login?timeout");
        assertThat(returning.get("/login?timeout").body()).contains("会话已过期，请重新登录");
        // htmx loads parts of a page: it is told to load the sign-in page whole
        HttpResponse<String> fragment = returning.get("/plans", "HX-Request", "true");
        assertThat(fragment.statusCode()).as(fragment.headers().map().toString()).isEqualTo(401);
        assertThat(fragment.headers().firstValue("HX-Redirect")).hasValue("/login?timeout");
    }

    @Test
    void apiRefusalsStayProblemDetails() throws Exception {
        HttpResponse<String> anonymous = new HttpVisitor(port).get("/api/v1/audit");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        HttpVisitor leader = new HttpVisitor(port);
        leader.signIn("leader", "gongfu-demo");
        HttpResponse<String> forbidden = leader.get("/api/v1/audit");
        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertThat(forbidden.body()).contains("\"status\":403").doesNotContain("999");
    }

    @Test
    void redirectsNeverEchoTheHostHeader() throws Exception {
        // a stranger sent to sign in
        assertThat(location(raw("GET /plans", "", ""))).isEqualTo("/login");
        // a sign-in, and the return to the page asked for before it (remembered in a cookie holding a full URL)
        String asked = raw("GET /units", "", "");
        String saved = cookie(asked, "REDIRECT_URI");
        String login = raw("GET /login", "", "");
        String csrfCookie = cookie(login, "__Host-XSRF-TOKEN");
        String body = "username=leader&password=gongfu-demo&_csrf="
                + URLEncoder.encode(HttpVisitor.csrfToken(login), StandardCharsets.UTF_8);
        String signedIn = raw("POST /login", "Cookie: __Host-XSRF-TOKEN=" + csrfCookie + "; REDIRECT_URI=" + saved
                + "\r\nContent-Type: application/x-www-form-urlencoded\r\n", body);
        assertThat(location(signedIn)).isEqualTo("/units");
        // a sign-in failure
        String failed = raw("POST /login", "Cookie: __Host-XSRF-TOKEN=" + csrfCookie
                + "\r\nContent-Type: application/x-www-form-urlencoded\r\n", body.replace("gongfu-demo", "wrong-password"));
        assertThat(location(failed)).isEqualTo("/login?error");
    }

    /** One request sent by hand with {@code Host: evil.example} (java.net.http refuses to set Host). */
    private String raw(String requestLine, String headers, String body) throws Exception {
        try (Socket socket = new Socket("localhost", port)) {
            OutputStream out = socket.getOutputStream();
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            out.write((requestLine + " HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n" + headers
                    + (bytes.length > 0 ? "Content-Length: " + bytes.length + "\r\n" : "") + "\r\n").getBytes(StandardCharsets.UTF_8));
            out.write(bytes);
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            in.transferTo(answer);
            return answer.toString(StandardCharsets.UTF_8);
        }
    }

    private static String location(String response) {
        Matcher m = Pattern.compile("(?im)^Location: ([^\r\n]*)").matcher(response);
        assertThat(m.find()).as(response).isTrue();
        return m.group(1);
    }

    private static String cookie(String response, String name) {
        Matcher m = Pattern.compile("(?im)^Set-Cookie: " + Pattern.quote(name) + "=([^;\r]*)").matcher(response);
        assertThat(m.find()).as("cookie " + name).isTrue();
        return m.group(1);
    }
}
