package cn.gongfu.robustness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.gongfu.importing.ImportService;
import cn.gongfu.kernel.Role;
import cn.gongfu.kernel.WebPage;
import cn.gongfu.reporting.ValidationException;
import cn.gongfu.security.TokenService;
import cn.gongfu.support.Notices;
import cn.gongfu.support.SignedInAsAdmin;
import cn.gongfu.users.UserService;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ValueConstants;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.UriUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every operation of the OpenAPI document (read at test time, so a new endpoint is covered without
 * editing this class) and every page route with parameters, against a fixed corpus of hostile values
 * ({@link Hostile}) in each path variable, query parameter, JSON body field, form field and the body as a
 * whole. For every answer: no 5xx; no stack trace; a 4xx names a field (the API's problem detail
 * {@code field} or {@code errors[].field|location}; a page's error text, or the form's error messages);
 * and a refusal leaves the database as it was (row count, highest id and sum of versions of every table).
 *
 * <p>Exempt from naming a field: 401 and 403 (who may call, not what was sent), 404 (an unknown id or code:
 * the problem names the resource and the id instead), 409 (the resource's state: an import no longer in
 * review, a version read earlier). One refusal writes by design: a wrong current password on
 * {@code POST /account/password} is audited (and counts toward the lock), so there the audit log is left out
 * of the fingerprint.
 *
 * <p>Reporting routes run as a reporter of the unit they concern (so the unit checks run), the others as the
 * administrator. Each value goes to one slot at a time; the others keep a plausible value.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class RobustnessContract {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final List<String> TRACES = List.of("Exception", "at cn.gongfu", "org.springframework", "java.lang.");
    static final Set<Integer> EXEMPT = Set.of(401, 403, 404, 409);
    static final Set<String> AUDITED_REFUSALS = Set.of("POST /account/password");
    /** A period whose values are still open: the demo accepted 2021–2025, and accepted values are read-only. */
    static final String PERIOD = "2026Q4";
    static final String PASSWORD = "robust-password-7";
    /** Stands for the version the submission, task report or value has now, read just before each request. */
    static final long VERSION = 987654321L;
    /** Marks a value that must be new on each request (a username), so an earlier success does not make it a duplicate. */
    static final String FRESH = "fresh-";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserService users;

    @Autowired
    TokenService tokens;

    @Autowired
    ImportService imports;

    @Autowired
    ApplicationContext context;

    /** Values for path variables by the segment before them ({@code /plans/{id}} → "plans"), and for fields by name. */
    final Map<String, String> ids = new LinkedHashMap<>();
    final Map<String, Object> baseline = new LinkedHashMap<>();
    final List<String> failures = new ArrayList<>();
    final Map<String, Long> millis = new TreeMap<>();
    int requests;
    /**
     * The fingerprint the database has now, when the last request was refused (a refusal writes nothing and publishes
     * no events, so the next request's "before" need not be read again); null after one let through.
     */
    private List<Object> known;
    private boolean knownAudited;

    @org.junit.jupiter.api.BeforeEach
    void clear() {
        failures.clear();
        millis.clear();
    }

    /** The slowest routes, so that the suite's time stays visible in the build log. */
    private void report(String what) {
        System.out.println("[robustness] " + what + "; slowest: " + millis.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(5)
                .map(e -> e.getKey() + " " + e.getValue() + " ms").toList());
    }

    /**
     * A hostile value can be a valid one ({@code true} for the calendar's lock): the walk may leave the demo calendar
     * locked or the demo plan withdrawn from the portal, which the other suites of this context read; put them back.
     */
    @AfterAll
    void demoCalendarUnlockedAndDemoPlanPublic() {
        jdbc.sql("update report_calendar set grace_days = 0, lock_after_grace = false where plan_id = (select min(id) from plan)").update();
        // the sections too: a blank "sections" is a legitimate choice of the overview alone
        jdbc.sql("""
                update plan set public_since = coalesce(public_since, current_timestamp), public_sections = 'tasks,indicators,rankings,bulletins,cases'
                where id = (select min(id) from plan)""").update();
    }

    @BeforeAll
    void fixtures() throws Exception {
        String region = jdbc.sql("select region_code from plan where id = (select min(id) from plan)").query(String.class).single();
        long plan = jdbc.sql("select min(id) from plan where region_code = :r").param("r", region).query(Long.class).single();
        long unit = jdbc.sql("select id from unit where region_code = :r and name = '区民政局'").param("r", region).query(Long.class).single();
        SignedInAsAdmin.signIn(users.loadUserByUsername("admin"));
        long importId;
        long tokenId;
        try {
            users.create("robust-reporter", "健壮性 填报员", PASSWORD, region, List.of(Role.REPORTER), List.of(unit));
            users.create("robust-target", "健壮性 被管理者", PASSWORD, region, List.of(Role.LEADER), List.of());
            users.create("robust-self", "健壮性 改密码", PASSWORD, region, List.of(Role.LEADER), List.of());
            importId = imports.upload("robust.txt", ("普陀区健壮性行动方案（2021—2025年）\n1.推进健壮性建设。（牵头单位：区民政局）\n")
                    .getBytes(StandardCharsets.UTF_8), "330903", "action_plan", null).id();
            tokenId = tokens.create("robust", 5).token().id();
        } finally {
            SignedInAsAdmin.signOut();
        }
        JsonNode submission = JSON.readTree(mvc.perform(post("/api/v1/submissions").with(as("robust-reporter"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"plan\":" + plan + ",\"unit\":" + unit + ",\"period\":\"" + PERIOD + "\"}"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        long submissionId = submission.get("id").asLong();
        JsonNode form = JSON.readTree(mvc.perform(get("/api/v1/submissions/{id}", submissionId).with(as("robust-reporter")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        long taskId = form.get("tasks").get(0).get("taskId").asLong();
        String milestoneId = "1";
        for (var entry : form.get("milestones").properties()) {
            if (!entry.getValue().isEmpty()) {
                taskId = Long.parseLong(entry.getKey());
                milestoneId = entry.getValue().get(0).get("milestoneId").asString();
                break;
            }
        }
        String indicatorId = form.get("indicators").isEmpty() ? "1" : form.get("indicators").get(0).get("indicatorId").asString();
        JsonNode evidence = JSON.readTree(mvc.perform(multipart("/api/v1/submissions/{id}/evidence", submissionId)
                .file(new MockMultipartFile("file", "robust.txt", "text/plain", "evidence".getBytes(StandardCharsets.UTF_8)))
                .with(as("robust-reporter"))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        long section = jdbc.sql("select min(id) from section where plan_id = :p").param("p", plan).query(Long.class).single();

        ids.put("plans", String.valueOf(plan));
        ids.put("evaluation/plans", String.valueOf(plan));
        ids.put("sections", String.valueOf(section));
        ids.put("tasks", String.valueOf(taskId));
        ids.put("units", String.valueOf(unit));
        ids.put("indicators", indicatorId);
        ids.put("values", indicatorId);
        ids.put("submissions", String.valueOf(submissionId));
        ids.put("reports", String.valueOf(submissionId));
        ids.put("milestones", milestoneId);
        ids.put("evidence", evidence.get("id").asString());
        ids.put("imports", String.valueOf(importId));
        ids.put("users", String.valueOf(users.loadUserByUsername("robust-target").id()));
        ids.put("tokens", String.valueOf(tokenId));
        ids.put("regions", region);
        ids.put("projects", String.valueOf(jdbc.sql("select min(id) from project").query(Long.class).single()));

        baseline.put("plan", plan);
        baseline.put("unit", unit);
        baseline.put("period", PERIOD);
        baseline.put("region", region);
        baseline.put("regionCode", region);
        baseline.put("cadence", "quarterly");
        baseline.put("indicatorCadence", "annual");
        baseline.put("dueDay", 5);
        baseline.put("firstPeriod", "2025Q1");
        baseline.put("lastPeriod", "2026Q4");
        // the demo calendar stays without a lock and the demo plan public, as the other suites of this context read them
        baseline.put("graceDays", 0);
        baseline.put("lockAfterGrace", false);
        baseline.put("public", true);
        baseline.put("sections", "tasks,indicators,rankings,bulletins,cases");
        baseline.put("progress", "in_progress");
        baseline.put("percentDone", 10);
        baseline.put("kind", "action_plan");
        baseline.put("createKind", "department");
        baseline.put("startYear", 2021);
        baseline.put("endYear", 2025);
        baseline.put("days", 5);
        baseline.put("scalePoints", 5);
        baseline.put("fieldedOn", "2025-01-01");
        baseline.put("completedOn", "2025-01-01");
        baseline.put("state", "submitted");
        baseline.put("currentPassword", PASSWORD);
        baseline.put("password", "robust-password-8");
        baseline.put("newPassword", "robust-password-9");
        baseline.put("repeatPassword", "robust-password-9");
        baseline.put("username", FRESH + "robust-new");
        baseline.put("writtenName", "区民政局");
        baseline.put("version", VERSION);
        baseline.put("expectedVersion", VERSION);
        baseline.put("enabled", true);
        baseline.put("page", 0);
        baseline.put("size", 10);
        // the fingerprint sees every table of the schema (30 or so), and it sees a write
        assertThat(tables()).hasSizeGreaterThan(20).containsKeys("submission", "task_report", "observation", "audit_event");
        List<Object> before = fingerprint(false);
        jdbc.sql("update task_report set version = version + 1 where submission_id = :s").param("s", submissionId).update();
        assertThat(fingerprint(false)).isNotEqualTo(before);
    }

    // ---- the API, from its OpenAPI document

    @Test
    void everyApiOperationRefusesHostileInputCleanly() throws Exception {
        JsonNode doc = JSON.readTree(mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        int operations = 0;
        for (var path : doc.get("paths").properties()) {
            for (var op : path.getValue().properties()) {
                operations++;
                api(doc, op.getKey().toUpperCase(), path.getKey(), op.getValue());
            }
        }
        report(operations + " API operations, " + requests + " requests so far");
        assertThat(operations).isGreaterThan(50);
        assertThat(failures).as(failures.size() + " bad answers").isEmpty();
    }

    private void api(JsonNode doc, String method, String template, JsonNode op) throws Exception {
        String route = method + " " + template;
        Map<String, String> path = new LinkedHashMap<>();
        Map<String, String> query = new LinkedHashMap<>();
        for (JsonNode p : op.path("parameters")) {
            String name = p.get("name").asString();
            String value = plausible(name, resolve(doc, p.path("schema")), template);
            // optional query parameters are left out unless it is their turn, so no other one is what gets refused
            if (p.get("in").asString().equals("path")) path.put(name, value);
            else if (p.get("in").asString().equals("query")) query.put(name, p.path("required").asBoolean() ? value : null);
        }
        JsonNode content = op.path("requestBody").path("content");
        boolean multipartBody = content.has(MediaType.MULTIPART_FORM_DATA_VALUE);
        JsonNode bodySchema = multipartBody ? null : content.isEmpty() ? null
                : resolve(doc, content.properties().iterator().next().getValue().path("schema"));
        JsonNode body = bodySchema == null ? null : plausibleJson(doc, bodySchema, "body");
        Request base = new Request(route, method, template, path, query, body, multipartBody);

        for (String name : path.keySet()) {
            for (Hostile h : Hostile.CORPUS) if (h.text() != null) check(base.withPath(name, h.text()), name, h);
        }
        for (String name : query.keySet()) {
            for (Hostile h : Hostile.CORPUS) if (h.text() != null) check(base.withQuery(name, h.text()), name, h);
        }
        if (body instanceof ObjectNode object) {
            List<String> fields = new ArrayList<>();
            object.propertyNames().forEach(fields::add);
            for (String name : fields) {
                for (Hostile h : Hostile.CORPUS) check(base.withField(name, h.json()), name, h);
                ObjectNode missing = object.deepCopy();
                missing.remove(name);
                check(base.withBody(missing.toString()), null, new Hostile("missing " + name, null, null));
            }
            ObjectNode extra = object.deepCopy();
            extra.put("unexpected", "x");
            check(base.withBody(extra.toString()), null, new Hostile("extra field", null, null));
        }
        if (body != null) {
            if (!(body instanceof ObjectNode)) {
                for (Hostile h : Hostile.CORPUS) check(base.withBody(body.isArray() ? "[" + h.json() + "]" : h.json()), "body", h);
            }
            for (Hostile h : Hostile.BODIES) check(base.withBody(h.text()), null, h);
        }
    }

    // ---- the pages, from the request mappings

    @Test
    void everyPageFormRefusesHostileInputCleanly() throws Exception {
        int routes = 0;
        for (RequestMappingHandlerMapping mapping : context.getBeansOfType(RequestMappingHandlerMapping.class).values()) {
            for (var entry : mapping.getHandlerMethods().entrySet()) {
                HandlerMethod handler = entry.getValue();
                if (!handler.getBeanType().isAnnotationPresent(WebPage.class)) continue;
                RequestMappingInfo info = entry.getKey();
                String method = info.getMethodsCondition().getMethods().isEmpty() ? "GET"
                        : info.getMethodsCondition().getMethods().iterator().next().name();
                for (String template : info.getPatternValues()) {
                    if (page(method, template, handler)) routes++;
                }
            }
        }
        report(routes + " page routes with parameters, " + requests + " requests so far");
        assertThat(routes).isGreaterThan(20);
        assertThat(failures).as(failures.size() + " bad answers").isEmpty();
    }

    /** Sends the corpus to each parameter of a page route; false when it takes none. */
    private boolean page(String method, String template, HandlerMethod handler) throws Exception {
        Map<String, String> path = new LinkedHashMap<>();
        Map<String, String> form = new LinkedHashMap<>();
        boolean file = false;
        for (MethodParameter p : handler.getMethodParameters()) {
            p.initParameterNameDiscovery(new DefaultParameterNameDiscoverer());
            Class<?> type = p.getParameterType();
            if (p.hasParameterAnnotation(PathVariable.class)) {
                String name = p.getParameterAnnotation(PathVariable.class).value();
                name = name.isEmpty() ? p.getParameterName() : name;
                // a variable one of the handler's mappings leaves out (optional) is not in this template
                if (template.contains("{" + name + "}")) path.put(name, pathValue(template, name));
            } else if (MultipartFile.class.isAssignableFrom(type)) {
                file = true;
            } else if (p.hasParameterAnnotation(RequestParam.class)) {
                RequestParam rp = p.getParameterAnnotation(RequestParam.class);
                String name = rp.value().isEmpty() ? rp.name().isEmpty() ? p.getParameterName() : rp.name() : rp.value();
                boolean optional = !rp.required() || !rp.defaultValue().equals(ValueConstants.DEFAULT_NONE);
                // a form sends all its fields; a page's optional filters are left out unless it is their turn
                form.put(name, method.equals("GET") && optional ? null : text(name, type));
            } else if (p.hasParameterAnnotation(ModelAttribute.class) || type.isRecord()) {
                for (var component : type.getRecordComponents()) form.put(component.getName(), text(component.getName(), component.getType()));
            }
        }
        if (path.isEmpty() && form.isEmpty() && !file) return false;
        String route = method + " " + template;
        Request base = new Request(route, method, template, path, form, null, file);
        for (String name : path.keySet()) {
            for (Hostile h : Hostile.CORPUS) if (h.text() != null) check(base.withPath(name, h.text()), name, h);
        }
        for (String name : form.keySet()) {
            for (Hostile h : Hostile.CORPUS) if (h.text() != null) check(base.withQuery(name, h.text()), name, h);
            if (method.equals("POST")) check(base.withQuery(name, null), null, new Hostile("missing " + name, null, null));
        }
        return true;
    }

    // ---- one request and what its answer must be

    record Request(String route, String method, String template, Map<String, String> path, Map<String, String> params,
                   JsonNode json, String body, boolean multipart) {

        Request(String route, String method, String template, Map<String, String> path, Map<String, String> params,
                JsonNode json, boolean multipart) {
            this(route, method, template, path, params, json, json == null ? null : json.toString(), multipart);
        }

        Request withPath(String name, String value) {
            Map<String, String> p = new LinkedHashMap<>(path);
            p.put(name, value);
            return new Request(route, method, template, p, params, json, body, multipart);
        }

        Request withQuery(String name, String value) {
            Map<String, String> q = new LinkedHashMap<>(params);
            q.put(name, value);
            return new Request(route, method, template, path, q, json, body, multipart);
        }

        Request withField(String name, String fragment) {
            ObjectNode copy = ((ObjectNode) json).deepCopy();
            copy.put(name, "\u0001slot\u0001");
            return withBody(copy.toString().replace("\"\\u0001slot\\u0001\"", fragment));
        }

        Request withBody(String text) {
            return new Request(route, method, template, path, params, json, text, multipart);
        }
    }

    private void check(Request r, String slot, Hostile h) throws Exception {
        String who = principal(r.route());
        r = withCurrentVersion(r, who);
        boolean audited = AUDITED_REFUSALS.contains(r.route());
        if (known == null || knownAudited != audited) {
            // an earlier request that succeeded may still have its events' notices being written: let them land first
            Notices.awaitDelivered(jdbc);
            known = fingerprint(audited);
            knownAudited = audited;
        }
        List<Object> before = known;
        // until this request is known to be refused, the database may have changed
        known = null;
        MvcResult result;
        requests++;
        long started = System.nanoTime();
        try {
            result = mvc.perform(build(r, h).with(as(who)).with(csrf())).andReturn();
        } catch (Exception unhandled) {
            // what the container would answer 500 for
            failures.add(r.route() + " " + (slot == null ? "" : slot + "=") + h.label() + " as " + who + " → unhandled "
                    + shorten(String.valueOf(unhandled.getCause() == null ? unhandled : unhandled.getCause())));
            return;
        }
        millis.merge(r.route(), (System.nanoTime() - started) / 1_000_000, Long::sum);
        MockHttpServletResponse response = result.getResponse();
        int status = response.getStatus();
        String text = response.getContentAsString(StandardCharsets.UTF_8);
        String where = r.route() + " " + (slot == null ? "" : slot + "=") + h.label() + " as " + who + " → " + status;
        if (status >= 500) {
            failures.add(where + " " + shorten(text));
            return;
        }
        for (String trace : TRACES) {
            if (text.contains(trace)) failures.add(where + ": the answer shows a trace (" + trace + ") " + shorten(text));
        }
        boolean refused = status >= 400;
        if (status >= 400 && !EXEMPT.contains(status) && !namesAField(r, slot, text, fieldsOf(r))) {
            failures.add(where + ": names no field " + shorten(text));
        }
        Map<String, Object> flash = result.getFlashMap() == null ? Map.of() : result.getFlashMap();
        Object errors = flash.get("errors");
        Object error = flash.get("error");
        if (errors != null || error != null || flash.get("conflict") != null) {
            refused = true;
            if (errors instanceof List<?> list && list.stream().noneMatch(e -> e instanceof ValidationException.Error v && !v.location().isBlank()
                    || e instanceof cn.gongfu.kernel.FieldErrors.Error f && !f.field().isBlank())) {
                failures.add(where + ": the form's errors name no field " + errors);
            }
            if (error instanceof String s && s.isBlank()) failures.add(where + ": an empty error message");
        }
        if (refused) {
            List<Object> after = fingerprint(audited);
            if (!after.equals(before)) failures.add(where + ": refused but the database changed " + diff(before, after));
            // the next request starts from what this one left: most requests are refusals, which publish no events
            known = after;
        }
    }

    /** The version read a moment ago, so that a refusal is about the hostile value and not a stale version. */
    private Request withCurrentVersion(Request r, String who) throws Exception {
        if (r.body() != null && r.body().contains(FRESH)) r = r.withBody(r.body().replace(FRESH, FRESH + requests + "-"));
        if (r.params().values().stream().anyMatch(v -> v != null && v.startsWith(FRESH))) {
            Map<String, String> fresh = new LinkedHashMap<>(r.params());
            fresh.replaceAll((k, v) -> v != null && v.startsWith(FRESH) ? FRESH + requests + "-" + v.substring(FRESH.length()) : v);
            r = new Request(r.route(), r.method(), r.template(), r.path(), fresh, r.json(), r.body(), r.multipart());
        }
        String sentinel = String.valueOf(VERSION);
        boolean inBody = r.body() != null && r.body().contains(sentinel);
        boolean inParams = r.params().containsValue(sentinel);
        if (!inBody && !inParams) return r;
        JsonNode form = JSON.readTree(mvc.perform(get("/api/v1/submissions/{id}", ids.get("submissions")).with(as(who)))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        String version = "1";
        if (r.template().contains("/actions")) version = form.get("submission").get("version").asString();
        for (JsonNode t : form.get("tasks")) {
            if (r.template().endsWith("/tasks/{taskId}") && t.get("taskId").asString().equals(ids.get("tasks"))) version = t.get("version").asString();
        }
        for (JsonNode v : form.get("indicators")) {
            if (r.template().contains("/values/") && v.get("indicatorId").asString().equals(ids.get("values"))) {
                version = v.path("version").isNull() ? null : v.get("version").asString();
            }
        }
        Map<String, String> params = new LinkedHashMap<>(r.params());
        for (var e : params.entrySet()) if (sentinel.equals(e.getValue())) e.setValue(version);
        String body = r.body() == null ? null : r.body().replace(sentinel, version == null ? "null" : version);
        return new Request(r.route(), r.method(), r.template(), r.path(), params, r.json(), body, r.multipart());
    }

    private AbstractMockHttpServletRequestBuilder<?> build(Request r, Hostile h) {
        StringBuilder uri = new StringBuilder();
        for (String part : r.template().split("(?=\\{)|(?<=})")) {
            if (part.startsWith("{") && part.endsWith("}")) {
                String value = r.path().get(part.substring(1, part.length() - 1));
                uri.append(Hostile.INVALID_UTF8.equals(value) ? "%C3%28%FF" : UriUtils.encodePathSegment(value, StandardCharsets.UTF_8));
            } else {
                uri.append(part);
            }
        }
        boolean form = !r.route().contains("/api/") && r.method().equals("POST") && !r.multipart();
        StringBuilder query = new StringBuilder();
        for (var p : r.params().entrySet()) {
            if (p.getValue() == null) continue;
            if (query.length() > 0) query.append('&');
            query.append(UriUtils.encodeQueryParam(p.getKey(), StandardCharsets.UTF_8)).append('=')
                    .append(Hostile.INVALID_UTF8.equals(p.getValue()) ? "%C3%28%FF" : UriUtils.encodeQueryParam(p.getValue(), StandardCharsets.UTF_8));
        }
        AbstractMockHttpServletRequestBuilder<?> b;
        if (r.multipart()) {
            MockMultipartHttpServletRequestBuilder m = multipart(HttpMethod.valueOf(r.method()),
                    URI.create(uri + (query.length() > 0 ? "?" + query : "")));
            m.file(new MockMultipartFile("file", "robust.txt", "text/plain", "普陀区行动方案\n".getBytes(StandardCharsets.UTF_8)));
            b = m;
        } else if (form) {
            b = post(URI.create(uri.toString())).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .content(query.toString().getBytes(StandardCharsets.ISO_8859_1));
        } else {
            b = MockMvcRequestBuilders.request(HttpMethod.valueOf(r.method()),
                    URI.create(uri + (query.length() > 0 ? "?" + query : "")));
        }
        if (r.body() != null) b.contentType(MediaType.APPLICATION_JSON).content(Hostile.bytes(r.body()));
        return b;
    }

    /** The problem names a field (the slot where it can tell), the page shows the parameter's name. */
    private static boolean namesAField(Request r, String slot, String text, Set<String> fields) {
        if (!r.route().contains("/api/")) return slot == null || text.contains(slot) || fields.stream().anyMatch(text::contains);
        try {
            JsonNode problem = JSON.readTree(text);
            if (!problem.path("field").asString("").isBlank()) return true;
            for (JsonNode e : problem.path("errors")) {
                if (!e.path("field").asString("").isBlank() || !e.path("location").asString("").isBlank()) return true;
            }
            return false;
        } catch (RuntimeException e) {
            return false;
        }
    }

    // ---- fixtures and helpers

    private static Set<String> fieldsOf(Request r) {
        Set<String> fields = new HashSet<>(r.params().keySet());
        fields.addAll(r.path().keySet());
        fields.add("path");
        fields.add("file");
        return fields;
    }

    /** Reporting is done by a reporter of the unit; passwords are changed by a user of their own; the rest as the administrator. */
    private static String principal(String route) {
        if (route.contains("/account/")) return "robust-self";
        if (route.matches("(GET|PUT|POST) /(api/v1/)?(submissions|reports)/\\{id}.*") || route.equals("POST /api/v1/submissions")
                || route.equals("POST /reports/open") || route.endsWith("/obligations")) {
            return "robust-reporter";
        }
        return "admin";
    }

    RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username).withoutPassword());
    }

    private String pathValue(String template, String variable) {
        String before = template.substring(0, template.indexOf("{" + variable + "}"));
        String[] segments = before.split("/");
        String segment = segments.length == 0 ? "" : segments[segments.length - 1];
        if (before.endsWith("/evaluation/plans/")) segment = "evaluation/plans";
        return ids.getOrDefault(segment, "1");
    }

    private String plausible(String name, JsonNode schema, String template) {
        if (template.contains("{" + name + "}")) return pathValue(template, name);
        if (baseline.containsKey(name)) return String.valueOf(baseline.get(name));
        if (schema.has("enum")) return schema.get("enum").get(0).asString();
        return switch (schema.path("type").asString("string")) {
            case "integer", "number" -> "1";
            case "boolean" -> "true";
            default -> "x";
        };
    }

    private String text(String name, Class<?> type) {
        if (baseline.containsKey(name)) return String.valueOf(baseline.get(name));
        if (type.isEnum()) return ((Enum<?>) type.getEnumConstants()[0]).name().toLowerCase();
        if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) return "1";
        if (type == Boolean.class || type == boolean.class) return "true";
        return "x";
    }

    private JsonNode plausibleJson(JsonNode doc, JsonNode schema, String name) {
        if (baseline.containsKey(name)) return JSON.valueToTree(baseline.get(name));
        if (schema.has("enum")) return JSON.valueToTree(schema.get("enum").get(0).asString());
        String type = schema.path("type").asString(schema.has("properties") ? "object" : "string");
        return switch (type) {
            case "object" -> {
                ObjectNode o = JSON.createObjectNode();
                for (var p : schema.path("properties").properties()) o.set(p.getKey(), plausibleJson(doc, resolve(doc, p.getValue()), p.getKey()));
                yield o;
            }
            case "array" -> JSON.createArrayNode().add(plausibleJson(doc, resolve(doc, schema.path("items")), name + "[]"));
            // the one list of ids in a body is the office's bulk acceptance: our own submission's id
            case "integer", "number" -> JSON.valueToTree(name.equals("body[]") ? Long.parseLong(ids.get("submissions")) : 1);
            case "boolean" -> JSON.valueToTree(true);
            default -> JSON.valueToTree("x");
        };
    }

    private static JsonNode resolve(JsonNode doc, JsonNode schema) {
        String ref = schema.path("$ref").asString("");
        if (ref.isEmpty()) return schema;
        return doc.at(ref.substring(1));
    }

    /**
     * Derived tables a read may write: a plan's standing is stored by the first read that finds it due (evaluation's
     * {@code Standings}), whatever that request answers; it is rebuilt from the data, so it is not data a refusal
     * could have changed.
     */
    private static final Set<String> DERIVED = Set.of("plan_standing", "indicator_standing");

    /** Each table's row count, highest id and sum of versions: cheap, and any insert, delete or versioned update shows. */
    private List<Object> fingerprint(boolean withoutAudit) {
        List<String> selects = new ArrayList<>();
        for (var table : tables().entrySet()) {
            if (withoutAudit && table.getKey().equals("audit_event") || DERIVED.contains(table.getKey())) continue;
            Set<String> columns = table.getValue();
            selects.add("select '" + table.getKey() + "', count(*), " + (columns.contains("id") ? "max(id)" : "0") + ", "
                    + (columns.contains("version") ? "sum(version)" : "0") + " from " + table.getKey());
        }
        return jdbc.sql(String.join(" union all ", selects)).query((rs, i) -> rs.getString(1) + "=" + rs.getLong(2) + "/"
                + rs.getLong(3) + "/" + rs.getLong(4)).list().stream().map(Object.class::cast).sorted((a, b) -> a.toString().compareTo(b.toString())).toList();
    }

    private Map<String, Set<String>> tables;

    private Map<String, Set<String>> tables() {
        if (tables == null) {
            tables = new TreeMap<>();
            jdbc.sql("""
                    select lower(c.table_name),
                           -- a uuid key (event_publication's) has no max() to take: it counts as no numeric id
                           lower(c.column_name) || case when lower(c.data_type) like '%uuid%' then ':uuid' else '' end
                    from information_schema.columns c
                    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
                    where lower(c.table_schema) = 'public' and t.table_type = 'BASE TABLE'
                      and lower(c.table_name) <> 'flyway_schema_history'""")
                    .query((rs, i) -> tables.computeIfAbsent(rs.getString(1), k -> new HashSet<>()).add(rs.getString(2))).list();
        }
        return tables;
    }

    private static String diff(List<Object> before, List<Object> after) {
        List<Object> changed = new ArrayList<>(after);
        changed.removeAll(before);
        return changed.toString();
    }

    private static String shorten(String text) {
        String t = text.replaceAll("\\s+", " ");
        return t.length() > 300 ? t.substring(0, 300) + "…" : t;
    }
}
