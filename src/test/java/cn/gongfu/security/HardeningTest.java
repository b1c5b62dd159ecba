package cn.gongfu.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.gongfu.kernel.Role;
import cn.gongfu.kernel.SpreadsheetText;
import cn.gongfu.plan.PlanDraft;
import cn.gongfu.plan.PlanDraft.IndicatorDraft;
import cn.gongfu.plan.PlanDraft.SectionDraft;
import cn.gongfu.plan.PlanDraft.TargetDraft;
import cn.gongfu.plan.PlanDraft.TaskDraft;
import cn.gongfu.plan.PlanWriter;
import cn.gongfu.support.H2Test;
import cn.gongfu.support.SignedInAsAdmin;
import cn.gongfu.unit.UnitService;
import cn.gongfu.users.UserService;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/** Hostile input: markup in every name a page shows, injection payloads in every filter, traversal, formulas. */
@H2Test
class HardeningTest {

    static final String SCRIPT = "<script>alert('xss')</script>";
    static final String IMG = "<img src=x onerror=alert(1)>";

    @Autowired
    MockMvc mvc;

    @Autowired
    PlanWriter writer;

    @Autowired
    UnitService units;

    @Autowired
    UserService users;

    @Autowired
    JdbcClient jdbc;

    @Test
    void markupInNamesIsEscapedOnEveryPage() throws Exception {
        // a plan in 普陀区 whose every name carries markup
        units.create("330903", "区" + SCRIPT + "局", "department", List.of(IMG + "局"));
        long planId = writer.create(new PlanDraft("方案" + SCRIPT, "330903", "发文" + IMG, 2021, 2025, "action_plan",
                List.of(new SectionDraft("s", null, "（一）", "行动" + SCRIPT)),
                List.of(new TaskDraft("main", "1", "s", "measure", "组" + IMG, "任务" + SCRIPT, "内容" + IMG,
                        List.of(IMG + "局"), List.of(), "目标" + SCRIPT, null, null, null,
                        List.of(new PlanDraft.MilestoneDraft("2023-01", "2023-02", "节点" + SCRIPT)),
                        List.of(new TargetDraft("指标" + SCRIPT, "ge", BigDecimal.ONE, null, null, "个" + IMG, 2025, "原文" + IMG)))),
                List.of(new IndicatorDraft("1", "领域" + SCRIPT, "表内指标" + IMG, "%", "higher", false, null, null,
                        List.of(new TargetDraft("表内指标" + IMG, "eq", BigDecimal.TEN, null, null, "%", 2024, "10" + SCRIPT))))));
        long taskId = id("select id from task where plan_id = " + planId);
        long sectionId = id("select id from section where plan_id = " + planId);
        long unitId = id("select unit_id from unit_alias where alias = '" + IMG.replace("'", "''") + "局'");
        long indicatorId = id("select min(id) from indicator where region_code = '330903'");
        SignedInAsAdmin.signIn(users.loadUserByUsername("admin"));
        try {
            users.create("xss-user", "名字" + SCRIPT, "correct-horse-3", "330903", List.of(Role.LEADER), List.of(unitId));
            new TokenServiceProbe(mvc).createToken("令牌" + SCRIPT);
        } finally {
            SignedInAsAdmin.signOut();
        }
        long userId = id("select id from app_user where username = 'xss-user'");
        mvc.perform(multipart("/api/v1/imports").file(new MockMultipartFile("file", "doc" + SCRIPT + ".txt", "text/plain",
                ("普陀区行动方案（2021—2025年）\n1.推进" + SCRIPT + "建设。（牵头单位：区" + IMG + "局）\n").getBytes(StandardCharsets.UTF_8)))
                .param("region", "330903").param("kind", "action_plan"));
        long importId = id("select max(id) from import_job where region_code = '330903'");

        List<String> pages = List.of("/plans", "/plans/" + planId, "/plans/" + planId + "?expand=all",
                "/plans/" + planId + "/sections/" + sectionId, "/tasks/" + taskId, "/units", "/units?q=区",
                "/units/" + unitId, "/indicators", "/indicators/" + indicatorId, "/imports", "/imports/" + importId,
                "/admin/users", "/admin/users/" + userId, "/admin/audit", "/tokens");
        List<String> leaks = new ArrayList<>();
        for (String page : pages) {
            MockHttpServletResponse response = mvc.perform(get(page)).andReturn().getResponse();
            String html = response.getContentAsString(StandardCharsets.UTF_8);
            assertThat(response.getStatus()).as(page).isEqualTo(200);
            if (html.contains("<script>alert") || html.contains("<img src=x")) leaks.add(page);
        }
        assertThat(leaks).as("pages that put markup from data into the HTML unescaped").isEmpty();
        assertThat(mvc.perform(get("/plans/" + planId)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("方案&lt;script&gt;alert(&#39;xss&#39;)&lt;/script&gt;");
    }

    @Test
    void injectionPayloadsInFiltersAreJustText() throws Exception {
        List<String> payloads = List.of("' or '1'='1", "'; drop table plan; --", "%' or 1=1 --", "\\' or 1=1 #",
                "1) union select username, password_hash from app_user --", "_%", "330299' or 'x'='x");
        Map<String, List<String>> filters = Map.ofEntries(
                Map.entry("/api/v1/plans", List.of("region", "state", "q")),
                Map.entry("/api/v1/sections", List.of("plan", "parent")),
                Map.entry("/api/v1/tasks", List.of("region", "category", "q", "plan", "section", "unit")),
                Map.entry("/api/v1/units", List.of("region", "kind", "q")),
                Map.entry("/api/v1/regions", List.of("parent", "level", "q")),
                Map.entry("/api/v1/indicators", List.of("region", "domain", "q", "plan")),
                Map.entry("/api/v1/targets", List.of("region", "comparator", "indicator", "year")),
                Map.entry("/api/v1/imports", List.of("state")),
                Map.entry("/api/v1/users", List.of("q")),
                Map.entry("/api/v1/audit", List.of("action", "actor", "target")),
                Map.entry("/plans", List.of("q")), Map.entry("/units", List.of("q")),
                Map.entry("/indicators", List.of("q", "domain")), Map.entry("/admin/audit", List.of("action")));
        List<String> failures = new ArrayList<>();
        for (var filter : filters.entrySet()) {
            for (String param : filter.getValue()) {
                for (String payload : payloads) {
                    MockHttpServletResponse r = mvc.perform(get(filter.getKey()).param(param, payload)).andReturn().getResponse();
                    String body = r.getContentAsString(StandardCharsets.UTF_8);
                    boolean ok = r.getStatus() == 400 || (r.getStatus() == 200 && !filter.getKey().startsWith("/api/"))
                            || (r.getStatus() == 200 && (body.contains("\"total\":0") || param.equals("q") && payload.equals("_%")));
                    if (!ok || body.contains("{bcrypt}")) failures.add(filter.getKey() + "?" + param + "=" + payload + " → " + r.getStatus());
                }
            }
        }
        assertThat(failures).isEmpty();
        assertThat(id("select count(*) from plan")).isPositive();
    }

    @Test
    void pathsCannotReachTheFileSystem() throws Exception {
        for (String path : List.of("/api/v1/imports/..%2F..%2Fetc%2Fpasswd/source", "/api/v1/imports/../../etc/passwd",
                "/css/..%2F..%2Fapplication.yml", "/webjars/../../../etc/passwd", "/imports/%2e%2e/%2e%2e/etc/passwd")) {
            MockHttpServletResponse r = mvc.perform(get(path)).andReturn().getResponse();
            assertThat(r.getStatus()).as(path).isIn(400, 404);
            assertThat(r.getContentAsString()).doesNotContain("root:", "datasource");
        }
    }

    @Test
    void formulasBoundForSpreadsheetsAreNeutralised() {
        assertThat(SpreadsheetText.safe("=HYPERLINK(\"http://evil\",\"点我\")")).startsWith("'=");
        assertThat(SpreadsheetText.safe("+1+cmd|' /C calc'!A0")).startsWith("'+");
        assertThat(SpreadsheetText.safe("-2+3")).isEqualTo("'-2+3");
        assertThat(SpreadsheetText.safe("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(SpreadsheetText.safe("\t=1")).isEqualTo("'\t=1");
        assertThat(SpreadsheetText.safe("＝1+1")).isEqualTo("'＝1+1");
        assertThat(SpreadsheetText.safe("区卫生健康局")).isEqualTo("区卫生健康局");
        assertThat(SpreadsheetText.safe("")).isEmpty();
        assertThat(SpreadsheetText.safe(null)).isNull();
    }

    private long id(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    /** Creates a token through the API as the administrator, so its name shows on the tokens page. */
    private record TokenServiceProbe(MockMvc mvc) {
        void createToken(String name) throws Exception {
            mvc.perform(post("/api/v1/tokens").contentType(MediaType.APPLICATION_JSON)
                    .content("{\"name\":\"" + name.replace("\"", "\\\"") + "\",\"days\":5}"));
        }
    }
}
