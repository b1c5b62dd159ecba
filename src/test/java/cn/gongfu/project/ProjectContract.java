package cn.gongfu.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.gongfu.support.DemoFacts;
import cn.gongfu.support.MovableClock;
import cn.gongfu.support.SignedInAsAdmin;
import cn.gongfu.users.UserService;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Projects (项目化) end to end on a moved clock (2026-12-10), on H2 and PostgreSQL: the demo's seven projects as of
 * November 2026 with every status and the totals by unit and region; the office's form (422 beside the field, 409 on
 * a stale version, audited); the unit's monthly report accepted, locked and reopened; the .xlsx import all or nothing
 * with its errors by cell; the monthly workbook round trip; the list's export read back.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public abstract class ProjectContract {

    static final YearMonth NOVEMBER = YearMonth.of(2026, 11);

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserService users;

    @Autowired
    MovableClock clock;

    @Autowired
    ProjectService projects;

    long plan;

    @BeforeAll
    void demoPlan() {
        plan = DemoFacts.demoPlanId(jdbc);
    }

    @BeforeEach
    void december() {
        clock.moveTo(LocalDateTime.of(2026, 12, 10, 9, 0));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    long demo(String name) {
        return jdbc.sql("select id from project where name = :n").param("n", name).query(Long.class).single();
    }

    @Test
    @Order(1)
    void theDemoProjectsAsOfNovemberShowEveryStatusWithTheirFiguresAndTotals() {
        ProjectService.Listing l = as("office", () -> projects.list(
                new ProjectService.Filter(plan, null, null, null, null, NOVEMBER), new cn.gongfu.kernel.PageRequest(0, 50)));
        Map<String, Project.Row> rows = l.page().items().stream().collect(Collectors.toMap(Project.Row::name, r -> r));
        assertThat(rows).hasSize(7);
        // 2025-03-01 to 2027-12-31 is 1,036 days, 640 of them passed by 2026-11-30: 61.8%; progress 63%
        Project.Row corridor = rows.get("青溪科创走廊一期");
        assertThat(corridor.outcome().elapsed()).isEqualTo(61.8);
        assertThat(corridor.percent()).isEqualTo(63);
        assertThat(corridor.outcome().scheduleLag()).isEqualTo(-1.2);
        // its annual plan: 11 × 2,500 completed in 2026 of 30,000 = 91.7%, as 11 of 12 months have passed
        assertThat(corridor.outcome().annual()).isTrue();
        assertThat(corridor.outcome().rate()).isEqualTo(91.7);
        assertThat(corridor.outcome().investmentLag()).isEqualTo(0.0);
        assertThat(corridor.completed()).isEqualByComparingTo("63000");
        assertThat(corridor.outcome().status()).isEqualTo(ProjectStatus.ON_TRACK);
        // 334 of 365 days (91.5%) against 78%: 13.5 points behind
        Project.Row village = rows.get("松原镇未来乡村示范片区");
        assertThat(village.outcome().scheduleLag()).isEqualTo(13.5);
        assertThat(village.outcome().rate()).isEqualTo(83.3);
        assertThat(village.outcome().status()).isEqualTo(ProjectStatus.LAGGING);
        assertThat(rows.get("区人民医院医技综合楼").outcome().status()).isEqualTo(ProjectStatus.ON_TRACK);
        assertThat(rows.get("白沙镇社区卫生服务中心提升改造").outcome().status()).isEqualTo(ProjectStatus.SERIOUSLY_LAGGING);
        assertThat(rows.get("白沙镇社区卫生服务中心提升改造").outcome().reason()).isEqualTo("endPassed");
        assertThat(rows.get("东湖街道老旧小区改造（2026年批）").outcome().status()).isEqualTo(ProjectStatus.ACHIEVED);
        assertThat(rows.get("云山镇光伏储能示范电站").outcome().status()).isEqualTo(ProjectStatus.NOT_STARTED);
        assertThat(rows.get("白沙镇污水零直排提升工程").outcome().status()).isEqualTo(ProjectStatus.NO_DATA);

        // totals: 201,000 planned, 124,500 completed (61.9%)
        assertThat(l.all().count()).isEqualTo(7);
        assertThat(l.all().planned()).isEqualByComparingTo("201000");
        assertThat(l.all().completed()).isEqualByComparingTo("124500");
        assertThat(l.all().rate()).isEqualTo(61.9);
        Project.Totals health = l.byUnit().stream().filter(t -> t.name().equals("区卫生健康局")).findFirst().orElseThrow();
        assertThat(health.count()).isEqualTo(2);
        assertThat(health.planned()).isEqualByComparingTo("51000");
        assertThat(health.completed()).isEqualByComparingTo("33500");
        Project.Totals baisha = l.byRegion().stream().filter(t -> t.name().equals("白沙镇")).findFirst().orElseThrow();
        assertThat(baisha.count()).isEqualTo(2);
        assertThat(baisha.planned()).isEqualByComparingTo("15000");

        // filters: a status, a region, a page
        assertThat(as("office", () -> projects.list(new ProjectService.Filter(plan, null, null, ProjectStatus.LAGGING, null, NOVEMBER),
                new cn.gongfu.kernel.PageRequest(0, 20))).page().items()).extracting(Project.Row::name).containsExactly("松原镇未来乡村示范片区");
        assertThat(as("office", () -> projects.list(new ProjectService.Filter(plan, null, "330299103", null, null, NOVEMBER),
                new cn.gongfu.kernel.PageRequest(0, 20))).page().total()).isEqualTo(2);
        var second = as("office", () -> projects.list(new ProjectService.Filter(plan, null, null, null, null, NOVEMBER),
                new cn.gongfu.kernel.PageRequest(1, 5)));
        assertThat(second.page().items()).hasSize(2);
        assertThat(second.all().count()).as("totals are of every matching row, not the page").isEqualTo(7);

        // a unit's people see their unit's projects only
        assertThat(as("reporter", () -> projects.list(new ProjectService.Filter(null, null, null, null, null, NOVEMBER),
                new cn.gongfu.kernel.PageRequest(0, 20))).page().items()).extracting(Project.Row::unitName).containsOnly("区卫生健康局").hasSize(2);
    }

    @Test
    @Order(2)
    void theListPagesAndTheExportSayTheSame() throws Exception {
        String page = mvc.perform(get("/projects").param("plan", "" + plan).param("month", "2026-11").with(as("office")))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("松原镇未来乡村示范片区", "按责任单位汇总", "201,000.00", "124,500.00", "61.9%");
        assertThat(status(get("/projects").param("status", "BOGUS").with(as("office")))).isEqualTo(400);
        assertThat(status(get("/projects").param("month", "2026-13").with(as("office")))).isEqualTo(400);
        assertThat(status(get("/projects").param("region", "<script>").with(as("office")))).isEqualTo(400);
        byte[] xlsx = mvc.perform(get("/projects.xlsx").param("plan", "" + plan).param("month", "2026-11").with(as("office")))
                .andReturn().getResponse().getContentAsByteArray();
        try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet list = wb.getSheetAt(0);
            assertThat(list.getLastRowNum()).isEqualTo(7);
            assertThat(wb.getSheetAt(1).getRow(0).getCell(0).getStringCellValue()).isEqualTo("分组");
            Sheet byUnit = wb.getSheetAt(1);
            Row total = byUnit.getRow(byUnit.getLastRowNum());
            assertThat(total.getCell(0).getStringCellValue()).isEqualTo("合计");
            assertThat(total.getCell(2).getNumericCellValue()).isEqualTo(201000.0);
            assertThat(total.getCell(3).getNumericCellValue()).isEqualTo(124500.0);
        }
        String detail = mvc.perform(get("/projects/" + demo("松原镇未来乡村示范片区")).with(as("leader")))
                .andReturn().getResponse().getContentAsString();
        assertThat(detail).contains("13.5 个百分点", "超过 10 个百分点的界限", "村庄风貌整治完成");
        assertThat(status(get("/projects/" + demo("松原镇未来乡村示范片区")).with(as("reporter")))).as("not the health bureau's").isEqualTo(404);
    }

    @Test
    void theOfficeCreatesAndEditsAProjectWithFieldErrorsStaleVersionsAndAnAuditTrail() throws Exception {
        long task = jdbc.sql("select id from task where plan_id = :p and code = '40' and list_name = 'main'").param("p", plan).query(Long.class).single();
        long unit = jdbc.sql("select id from unit where name = '区文化和广电旅游体育局'").query(Long.class).single();
        Map<String, String> form = new java.util.LinkedHashMap<>(Map.of("plan", "" + plan, "task", "" + task, "unit", "" + unit,
                "region", "330299002", "name", "南岭全民健身中心", "planned", "abc", "start", "2026-03-01", "plannedEnd", "2026-01-31"));
        form.put("ms[0].name", "主体完工");
        form.put("ms[0].due", "2026-09-31");
        MockHttpServletResponse refused = send(post("/projects"), form, "office");
        assertThat(refused.getStatus()).isEqualTo(422);
        assertThat(refused.getContentAsString()).contains("error-planned", "“abc”不是数字", "error-milestones[0].due");
        form.put("planned", "-5");
        form.put("ms[0].due", "2026-09-30");
        refused = send(post("/projects"), form, "office");
        assertThat(refused.getStatus()).isEqualTo(422);
        assertThat(refused.getContentAsString()).contains("error-planned", "不能为负数");
        form.put("planned", "8000.5");
        refused = send(post("/projects"), form, "office");
        assertThat(refused.getContentAsString()).as("cross-field").contains("error-plannedEnd", "计划完工日期不能早于开工日期");
        form.put("plannedEnd", "2027-06-30");
        form.put("region", "330213001");
        assertThat(send(post("/projects"), form, "office").getContentAsString()).contains("error-region");
        form.put("region", "330299002");
        assertThat(send(post("/projects"), form, "reporter").getStatus()).as("units do not keep the list").isEqualTo(403);
        MockHttpServletResponse made = send(post("/projects"), form, "office");
        assertThat(made.getStatus()).isEqualTo(302);
        long id = Long.parseLong(made.getRedirectedUrl().replaceAll(".*/projects/(\\d+)$", "$1"));
        Project p = as("office", () -> projects.get(id));
        assertThat(p.planned()).isEqualByComparingTo("8000.5");
        assertThat(p.milestones()).extracting(Project.Milestone::name).containsExactly("主体完工");

        form.put("version", "0");
        form.put("planned", "9000");
        form.put("ms[0].id", "" + p.milestones().get(0).id());
        assertThat(send(post("/projects/" + id + "/edit"), form, "office").getStatus()).isEqualTo(302);
        MockHttpServletResponse stale = send(post("/projects/" + id + "/edit"), form, "office");
        assertThat(stale.getStatus()).isEqualTo(409);
        assertThat(as("office", () -> projects.get(id)).planned()).isEqualByComparingTo("9000");
        List<String> actions = jdbc.sql("select action from audit_event where target = :t order by id").param("t", "project:" + id)
                .query(String.class).list();
        assertThat(actions).containsExactly("project.create", "project.edit");
        String history = mvc.perform(get("/projects/" + id).with(as("office"))).andReturn().getResponse().getContentAsString();
        assertThat(history).contains("计划投资（万元）", "8000.5", "9000");
    }

    @Test
    void aMonthlyReportIsSavedAcceptedLockedAndReopened() throws Exception {
        long id = demo("区人民医院医技综合楼");
        Map<String, String> form = new java.util.LinkedHashMap<>(Map.of("period", "2026-12", "completedMonth", "1800", "percent", "69",
                "text", "内装施工"));
        long milestone = as("reporter", () -> projects.get(id)).milestones().get(1).id();
        form.put("done." + milestone, "2026-12-05");
        assertThat(send(post("/projects/" + id + "/reports"), form, "office").getStatus()).as("the office does not report").isEqualTo(403);
        form.put("percent", "169");
        MockHttpServletResponse refused = send(post("/projects/" + id + "/reports"), form, "reporter");
        assertThat(refused.getStatus()).isEqualTo(422);
        assertThat(refused.getContentAsString()).contains("error-percent");
        form.put("percent", "69");
        form.put("completedTotal", "100");
        assertThat(send(post("/projects/" + id + "/reports"), form, "reporter").getContentAsString())
                .contains("error-completedTotal", "不能小于上月累计 29000");
        form.remove("completedTotal");
        assertThat(send(post("/projects/" + id + "/reports").param("period", "2027-01"), Map.of("completedMonth", "1", "percent", "1"), "reporter")
                .getContentAsString()).contains("error-period");
        assertThat(send(post("/projects/" + id + "/reports"), form, "reporter").getStatus()).isEqualTo(302);
        Project.Report draft = as("reporter", () -> projects.report(id, "2026-12")).orElseThrow();
        assertThat(draft.completedTotal()).as("29,000 last month plus 1,800").isEqualByComparingTo("30800");
        assertThat(draft.state()).isEqualTo("draft");
        // not yet counted: the list as of December still reads November's accepted figures
        assertThat(as("office", () -> projects.assess(id, YearMonth.of(2026, 12))).completed()).isEqualByComparingTo("29000");

        assertThat(send(post("/projects/" + id + "/reports/2026-12/accept"), Map.of("version", "7"), "office").getStatus()).isEqualTo(409);
        assertThat(send(post("/projects/" + id + "/reports/2026-12/accept"), Map.of("version", "0"), "reporter").getStatus()).isEqualTo(403);
        assertThat(send(post("/projects/" + id + "/reports/2026-12/accept"), Map.of("version", "0"), "office").getStatus()).isEqualTo(302);
        Project.Row december = as("office", () -> projects.assess(id, YearMonth.of(2026, 12)));
        assertThat(december.completed()).isEqualByComparingTo("30800");
        assertThat(december.percent()).isEqualTo(69);
        assertThat(as("office", () -> projects.get(id)).milestones().get(1).locked()).isTrue();

        form.put("version", "1");
        MockHttpServletResponse locked = send(post("/projects/" + id + "/reports"), form, "reporter");
        assertThat(locked.getStatus()).isEqualTo(409);
        assertThat(locked.getContentAsString()).contains("id=\"locked\"");
        assertThat(send(post("/projects/" + id + "/reports/2026-12/reopen"), Map.of("version", "1"), "office").getStatus()).isEqualTo(302);
        form.put("version", "2");
        form.put("completedMonth", "1900");
        assertThat(send(post("/projects/" + id + "/reports"), form, "reporter").getStatus()).isEqualTo(302);
        assertThat(as("reporter", () -> projects.report(id, "2026-12")).orElseThrow().completedTotal()).isEqualByComparingTo("30900");
        List<String> actions = jdbc.sql("select action from audit_event where target = :t order by id").param("t", "project:" + id)
                .query(String.class).list();
        assertThat(actions).containsExactly("project.report", "project.accept", "project.reopen", "project.report");
    }

    @Test
    void anImportedListIsAllOrNothingWithItsErrorsByCell() throws Exception {
        byte[] template = mvc.perform(get("/projects/import.xlsx").with(as("office"))).andReturn().getResponse().getContentAsByteArray();
        List<List<Object>> rows = List.of(
                List.of("1", "科技企业孵化器扩建", "区经信局", "青溪街道", 5000, "2026-02-01", "2027-01-31", "", "", "2026-08-31 主体完工"),
                List.of("99", "不存在的任务", "区经信局", "330299001", "abc", "2026-02-01", "2026-01-31", "", "", ""),
                List.of("3", "人才公寓", "区人力社保局", "330299003", 3000, "2026-01-01", "2027-12-31", 2026, 1200, "明年 完工"));
        MockHttpServletResponse refused = upload("/projects/import", sheet(template, rows), "office");
        assertThat(refused.getStatus()).isEqualTo(302);
        assertThat(jdbc.sql("select count(*) from project where name in ('科技企业孵化器扩建', '人才公寓')").query(Long.class).single()).isZero();
        @SuppressWarnings("unchecked")
        List<cn.gongfu.reporting.ValidationException.Error> errors =
                (List<cn.gongfu.reporting.ValidationException.Error>) mvc.perform(multipartOf("/projects/import", sheet(template, rows), "office"))
                        .andReturn().getFlashMap().get("sheetErrors");
        assertThat(errors).extracting(cn.gongfu.reporting.ValidationException.Error::cell).contains("A3", "E3", "J4");
        assertThat(errors).extracting(cn.gongfu.reporting.ValidationException.Error::row).containsOnly(3, 4);

        var good = mvc.perform(multipartOf("/projects/import", sheet(template, List.of(rows.get(0), List.of("3", "人才公寓", "区人力社保局",
                "330299003", 3000, "2026-01-01", "2027-12-31", 2026, 1200, "2026-12-31 完工")), false), "office")).andReturn();
        assertThat(good.getFlashMap().get("imported")).isEqualTo(2);
        Map<String, Object> flat = jdbc.sql("select planned_investment, annual_investment, region_code from project where name = '人才公寓'")
                .query().singleRow();
        assertThat((BigDecimal) flat.get("planned_investment")).isEqualByComparingTo("3000");
        assertThat((BigDecimal) flat.get("annual_investment")).isEqualByComparingTo("1200");
        assertThat(flat.get("region_code")).isEqualTo("330299003");
        assertThat(upload("/projects/import", "not a workbook".getBytes(), "office").getStatus()).isEqualTo(302);
    }

    @Test
    void aUnitFillsItsMonthlyWorkbookAndUploadsIt() throws Exception {
        byte[] book = mvc.perform(get("/projects/workbook.xlsx").param("month", "2026-12").with(as("head")))
                .andReturn().getResponse().getContentAsByteArray();
        long id = demo("白沙镇社区卫生服务中心提升改造");
        byte[] filled;
        try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(book)); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet s = wb.getSheet("项目月报");
            assertThat(s.getLastRowNum()).as("the health bureau's two projects").isEqualTo(2);
            for (Row r : s) {
                if (r.getRowNum() == 0 || (long) r.getCell(0).getNumericCellValue() != id) continue;
                r.createCell(4).setCellValue(600);
                r.createCell(6).setCellValue(95);
                r.createCell(7).setCellValue("住院部装修完成");
            }
            wb.write(out);
            filled = out.toByteArray();
        }
        var result = mvc.perform(multipartOf("/projects/workbook", filled, "head")).andReturn();
        assertThat(result.getFlashMap().get("uploaded")).isEqualTo(1);
        Project.Report r = as("head", () -> projects.report(id, "2026-12")).orElseThrow();
        assertThat(r.completedTotal()).isEqualByComparingTo("5100");
        assertThat(r.percent()).isEqualTo(95);
        assertThat(r.text()).isEqualTo("住院部装修完成");
    }

    // ---- helpers

    private <T> T as(String username, Supplier<T> work) {
        SignedInAsAdmin.signIn(users.loadUserByUsername(username));
        try {
            return work.get();
        } finally {
            SignedInAsAdmin.signOut();
        }
    }

    private RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username).withoutPassword());
    }

    private int status(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse().getStatus();
    }

    private MockHttpServletResponse send(MockHttpServletRequestBuilder request, Map<String, String> form, String username) throws Exception {
        form.forEach(request::param);
        return mvc.perform(request.with(as(username))).andReturn().getResponse();
    }

    private MockHttpServletResponse upload(String path, byte[] file, String username) throws Exception {
        return mvc.perform(multipartOf(path, file, username)).andReturn().getResponse();
    }

    private org.springframework.test.web.servlet.RequestBuilder multipartOf(String path, byte[] file, String username) {
        return multipart(path).file(new MockMultipartFile("file", "list.xlsx", cn.gongfu.kernel.Downloads.XLSX, file))
                .param("plan", "" + plan).with(as(username));
    }

    private static byte[] sheet(byte[] template, List<List<Object>> rows) throws Exception {
        return sheet(template, rows, true);
    }

    /** The template with its example row replaced by these rows. */
    private static byte[] sheet(byte[] template, List<List<Object>> rows, boolean unused) throws Exception {
        try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(template)); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet s = wb.getSheetAt(0);
            s.removeRow(s.getRow(1));
            for (int k = 0; k < rows.size(); k++) {
                Row r = s.createRow(k + 1);
                for (int c = 0; c < rows.get(k).size(); c++) {
                    Object v = rows.get(k).get(c);
                    if (v instanceof Number n) r.createCell(c).setCellValue(n.doubleValue());
                    else if (!"".equals(v)) r.createCell(c).setCellValue(v.toString());
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
    }
}
