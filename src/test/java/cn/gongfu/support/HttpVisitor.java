package cn.gongfu.support;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationContext;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * A visitor on the real HTTP port, as a browser without scripts: it keeps cookies (also the Secure ones, which a
 * plain-http test server sets and {@code java.net.CookieManager} would not send back), follows no redirects, and
 * signs in through the sign-in form with its CSRF token. MockMvc has no servlet container behind it (no real
 * sessions, no error page dispatch); this does.
 */
public class HttpVisitor {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
    private static final Pattern CSRF_META = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

    private final HttpClient client = HttpClient.newHttpClient();
    private final int port;
    private final Map<String, String> cookies = new LinkedHashMap<>();

    public HttpVisitor(int port) {
        this.port = port;
    }

    /**
     * Puts the application's own CSRF token repository back into its filter chain. Spring Security's MockMvc
     * {@code csrf()} swaps in a session-backed test repository for the whole shared context, so after any MockMvc
     * test the real port would keep CSRF tokens in sessions, which the application does not.
     */
    public static void restoreCsrfTokenRepository(ApplicationContext context) {
        CsrfTokenRepository repository = context.getBean(CsrfTokenRepository.class);
        for (SecurityFilterChain chain : context.getBean(FilterChainProxy.class).getFilterChains()) {
            chain.getFilters().stream().filter(CsrfFilter.class::isInstance)
                    .forEach(filter -> ReflectionTestUtils.setField(filter, "tokenRepository", repository));
        }
    }

    public HttpResponse<String> get(String path, String... headers) throws Exception {
        return send(request(path, headers).GET());
    }

    /** Posts a form; {@code fields} are name, value, name, value… */
    public HttpResponse<String> post(String path, String... fields) throws Exception {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < fields.length; i += 2) {
            if (!body.isEmpty()) body.append('&');
            body.append(URLEncoder.encode(fields[i], StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8));
        }
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    /** Signs in through the form; the answer is the sign-in's redirect. */
    public HttpResponse<String> signIn(String username, String password) throws Exception {
        String token = csrfToken(get("/login").body());
        return post("/login", "username", username, "password", password, "_csrf", token);
    }

    /** The CSRF token a page was rendered with (hidden field or meta tag). */
    public static String csrfToken(String page) {
        Matcher field = CSRF_FIELD.matcher(page);
        if (field.find()) return field.group(1);
        Matcher meta = CSRF_META.matcher(page);
        if (meta.find()) return meta.group(1);
        throw new AssertionError("no CSRF token on the page");
    }

    public String cookie(String name) {
        return cookies.get(name);
    }

    public void setCookie(String name, String value) {
        cookies.put(name, value);
    }

    private HttpRequest.Builder request(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        // what a browser asks for: Spring Boot's error controller answers JSON to anything else
        request.header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        for (int i = 0; i < headers.length; i += 2) request.header(headers[i], headers[i + 1]);
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue())
                    .collect(Collectors.joining("; ")));
        }
        return request;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        for (String header : response.headers().allValues("Set-Cookie")) {
            String pair = header.split(";", 2)[0];
            int eq = pair.indexOf('=');
            String name = pair.substring(0, eq).strip();
            String value = pair.substring(eq + 1).strip();
            boolean gone = value.isEmpty() || header.toLowerCase().contains("max-age=0");
            if (gone) cookies.remove(name);
            else cookies.put(name, value);
        }
        return response;
    }
}
