import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load harness for the request path against a running server (not a unit test: timings depend on the machine).
 *
 *   java -jar target/gongfu.jar                       # with GONGFU_SECURE_COOKIE=false for plain http
 *   java bench/PageBench.java [options] PATH...
 *
 * Options: --base http://localhost:8080  --n 2000 (requests per path)  --c 16 (concurrent connections)
 *          --user leader --password gongfu-demo (the session the pages are read with; --user none: anonymous)
 *          --token gf_… (also runs every path with "Authorization: Bearer" and no session, beside the session's figure;
 *                        --token new: creates one for the signed-in user through POST /api/v1/tokens)
 *          --warmup 200 (requests per path first, not counted)
 * PATH defaults to /dashboard /dashboard/units /indicators/1 /public.
 *
 * Each path is driven with N requests over C connections, and /actuator/health right after it under the same load
 * (the reference measured in the same run); it prints req/s, p50, p99 and errors of both and the ratio page/health.
 * A request counts as an error unless it answers 200.
 */
public class PageBench {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    record Result(String label, int n, int errors, double seconds, long p50, long p99, long bytes) {
        double rps() { return n / seconds; }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>(Map.of("--base", "http://localhost:8080", "--n", "2000",
                "--c", "16", "--user", "leader", "--password", "gongfu-demo", "--warmup", "200"));
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith("--")) options.put(args[i], args[++i]);
            else paths.add(args[i]);
        }
        if (paths.isEmpty()) paths.addAll(List.of("/dashboard", "/dashboard/units", "/indicators/1", "/public"));
        String base = options.get("--base");
        int n = Integer.parseInt(options.get("--n")), c = Integer.parseInt(options.get("--c"));
        int warmup = Integer.parseInt(options.get("--warmup"));
        String token = options.get("--token");

        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .executor(Executors.newFixedThreadPool(Math.max(2, c))).connectTimeout(Duration.ofSeconds(10)).build();
        String cookie = "none".equals(options.get("--user")) ? null : signIn(client, base, options.get("--user"), options.get("--password"));
        if ("new".equals(token)) token = newToken(client, base, cookie);
        System.out.printf("%s, %d requests per path at %d connections, %s%n", base, n, c,
                cookie == null ? "anonymous" : "signed in as " + options.get("--user"));
        System.out.printf("%-42s %9s %8s %8s %7s %9s   %9s %8s   %s%n", "path", "req/s", "p50 ms", "p99 ms", "errors", "KB/resp",
                "health/s", "h p99", "ratio");
        for (String path : paths) {
            List<String[]> ways = new ArrayList<>();
            ways.add(cookie == null ? new String[0] : new String[] {"Cookie", cookie});
            if (token != null) ways.add(new String[] {"Authorization", "Bearer " + token});
            for (String[] headers : ways) {
                String label = path + (headers.length > 0 && headers[0].equals("Authorization") ? " (token)" : "");
                run(client, base, path, headers, warmup, c);
                Result page = run(client, base, path, headers, n, c);
                Result health = run(client, base, "/actuator/health", new String[0], n, c);
                System.out.printf("%-42s %9.1f %8d %8d %7d %9.1f   %9.1f %8d   %.3f%n", label, page.rps(), page.p50(), page.p99(),
                        page.errors(), page.bytes() / 1024.0 / Math.max(1, page.n()), health.rps(), health.p99(),
                        page.rps() / health.rps());
            }
        }
        System.exit(0);
    }

    static Result run(HttpClient client, String base, String path, String[] headers, int n, int c) throws Exception {
        long[] micros = new long[n];
        AtomicInteger next = new AtomicInteger(), errors = new AtomicInteger();
        java.util.concurrent.atomic.AtomicLong bytes = new java.util.concurrent.atomic.AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(c);
        long start = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int w = 0; w < c; w++) {
            workers.add(pool.submit(() -> {
                for (int i; (i = next.getAndIncrement()) < n; ) {
                    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                            .header("Accept", "text/html,application/json;q=0.9,*/*;q=0.8");
                    if (headers.length > 0) request.header(headers[0], headers[1]);
                    long t = System.nanoTime();
                    try {
                        HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
                        if (response.statusCode() != 200 && errors.incrementAndGet() == 1) {
                            System.err.println(path + " answered " + response.statusCode() + ": "
                                    + new String(response.body(), StandardCharsets.UTF_8).lines().findFirst().orElse(""));
                        }
                        bytes.addAndGet(response.body().length);
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                    micros[i] = (System.nanoTime() - t) / 1000;
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) worker.get();
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        Arrays.sort(micros);
        return new Result(path, n, errors.get(), seconds, micros[n / 2] / 1000, micros[Math.min(n - 1, (int) (n * 0.99))] / 1000,
                bytes.get());
    }

    /** Signs in through the form (CSRF token from the sign-in page) and returns the Cookie header of the session. */
    static String signIn(HttpClient client, String base, String user, String password) throws Exception {
        HttpResponse<String> login = client.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher csrf = CSRF_FIELD.matcher(login.body());
        if (!csrf.find()) throw new IllegalStateException("no CSRF token on " + base + "/login");
        Map<String, String> cookies = new LinkedHashMap<>();
        keep(cookies, login);
        String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> signedIn = client.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", header(cookies))
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        keep(cookies, signedIn);
        String location = signedIn.headers().firstValue("Location").orElse("");
        if (location.contains("error") || !cookies.containsKey("JSESSIONID")) {
            throw new IllegalStateException("sign-in as " + user + " failed (" + signedIn.statusCode() + " " + location
                    + "); plain http needs the server started with GONGFU_SECURE_COOKIE=false");
        }
        return header(cookies);
    }

    /** A new API token of the signed-in user (the CSRF token and its header name from a page's meta tags). */
    static String newToken(HttpClient client, String base, String cookie) throws Exception {
        HttpResponse<String> plans = client.send(HttpRequest.newBuilder(URI.create(base + "/plans")).header("Cookie", cookie).build(),
                HttpResponse.BodyHandlers.ofString());
        String page = plans.body();
        // the CSRF cookie is renewed after sign-in: send the one the page was rendered with
        Map<String, String> cookies = new LinkedHashMap<>();
        for (String pair : cookie.split("; ")) cookies.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
        keep(cookies, plans);
        cookie = header(cookies);
        Matcher csrf = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"").matcher(page);
        Matcher header = Pattern.compile("<meta name=\"_csrf_header\" content=\"([^\"]+)\"").matcher(page);
        if (!csrf.find() || !header.find()) throw new IllegalStateException("no CSRF meta tags on /plans");
        HttpResponse<String> created = client.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/tokens"))
                .header("Cookie", cookie).header(header.group(1), csrf.group(1)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"PageBench\",\"days\":1}")).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher secret = Pattern.compile("\"secret\"\\s*:\\s*\"(gf_[A-Za-z0-9_-]+)\"").matcher(created.body());
        if (!secret.find()) throw new IllegalStateException("no token in " + created.statusCode() + " " + created.body());
        return secret.group(1);
    }

    private static void keep(Map<String, String> cookies, HttpResponse<?> response) {
        for (String set : response.headers().allValues("Set-Cookie")) {
            String pair = set.split(";", 2)[0];
            int eq = pair.indexOf('=');
            cookies.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
        }
    }

    private static String header(Map<String, String> cookies) {
        StringBuilder header = new StringBuilder();
        cookies.forEach((name, value) -> header.append(header.isEmpty() ? "" : "; ").append(name).append('=').append(value));
        return header.toString();
    }
}
