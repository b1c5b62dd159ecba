package cn.gongfu.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.anonymous;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gongfu.cases.CaseStudy.Kind;
import cn.gongfu.cases.CaseStudy.State;
import cn.gongfu.kernel.FieldErrors;
import cn.gongfu.kernel.InvalidParameterException;
import cn.gongfu.kernel.PageRequest;
import cn.gongfu.kernel.Role;
import cn.gongfu.kernel.StaleVersionException;
import cn.gongfu.support.DemoFacts;
import cn.gongfu.support.SignedInAsAdmin;
import cn.gongfu.users.UserService;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Cases walked through by a unit's reporter, another unit's reporter, the office and a leader of the demo district: a
 * draft written on the page, attachments sniffed (hostile ones refused), submitted, locked, returned with a reason,
 * edited, submitted again, selected, published on the portal and taken back; 409 on a stale version; who sees what.
 * Everything the suite adds is removed after it (the demo's two published cases stay).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class CaseContract {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired UserService users;
    @Autowired CaseService cases;
    @Autowired cn.gongfu.bulletin.BulletinService bulletins;
    @Autowired java.time.Clock clock;

    long plan;
    long unit;
    long otherUnit;
    List<Long> tasks;
    long taskOfAnotherPlan;

    @BeforeAll
    void twoUnitsAndTheirPeople() {
        plan = DemoFacts.demoPlanId(jdbc);
        List<Long> units = jdbc.sql("""
                select distinct u.id from task_unit tu join task t on t.id = tu.task_id join unit u on u.id = tu.unit_id
                where t.plan_id = :p and u.kind <> 'town' and u.name not in ('区卫生健康局') order by u.id""")
                .param("p", plan).query(Long.class).list();
        unit = units.get(0);
        otherUnit = units.get(1);
        tasks = jdbc.sql("select t.id from task t join task_unit tu on tu.task_id = t.id where t.plan_id = :p and tu.unit_id = :u"
                + " order by t.position").param("p", plan).param("u", unit).query(Long.class).list();
        SignedInAsAdmin.signIn(users.loadUserByUsername("admin"));
        try {
            users.create("cs-reporter", "案例 填报员", "cases-password-1", DemoFacts.DEMO_REGION, List.of(Role.REPORTER), List.of(unit));
            users.create("cs-other", "他单位 填报员", "cases-password-1", DemoFacts.DEMO_REGION, List.of(Role.REPORTER), List.of(otherUnit));
            users.create("cs-office", "案例 共富办", "cases-password-1", DemoFacts.DEMO_REGION, List.of(Role.OFFICE), List.of());
            users.create("cs-leader", "案例 领导", "cases-password-1", DemoFacts.DEMO_REGION, List.of(Role.LEADER), List.of());
        } finally {
            SignedInAsAdmin.signOut();
        }
    }

    @AfterAll
    void removeWhatTheSuiteAdded() {
        jdbc.sql("delete from case_study where created_by <> 'system'").update();
    }

    @Test
    void aCaseGoesFromDraftToPublishedWithItsReturnOnTheWay() throws Exception {
        // the unit writes a draft on the page
        String location = mvc.perform(post("/cases").with(as("cs-reporter")).with(csrf())
                        .param("planId", String.valueOf(plan)).param("unitId", String.valueOf(unit)).param("kind", "TYPICAL")
                        .param("year", "2026").param("title", "数字化改革让群众少跑腿").param("body", "第一段。\n第二段。")
                        .param("taskIds", String.valueOf(tasks.get(0))).param("taskIds", String.valueOf(tasks.get(tasks.size() - 1))))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(location).matches("/cases/\\d+");
        long id = Long.parseLong(location.substring("/cases/".length()));
        CaseStudy draft = as("cs-reporter", () -> cases.get(id));
        assertThat(draft.state()).isEqualTo(State.DRAFT);
        assertThat(draft.unitId()).isEqualTo(unit);
        assertThat(as("cs-reporter", () -> cases.detail(id)).tasks()).hasSize(tasks.size() > 1 ? 2 : 1);

        // a draft is its unit's alone: another unit, the office and a leader do not see it
        mvc.perform(get("/cases/{id}", id).with(as("cs-other"))).andExpect(status().isNotFound());
        mvc.perform(get("/cases/{id}", id).with(as("cs-office"))).andExpect(status().isNotFound());
        assertThat(as("cs-leader", () -> ids(CaseService.Filter.ALL))).doesNotContain(id);
        assertThat(as("cs-other", () -> ids(CaseService.Filter.ALL))).doesNotContain(id);
        mvc.perform(get("/cases/{id}", id).with(as("cs-reporter"))).andExpect(status().isOk());

        // attachments: a PDF and a real .docx are taken, their types from their bytes; hostile ones are refused
        int version = draft.version();
        attach(id, version, "方案.pdf", "%PDF-1.4 x".getBytes(StandardCharsets.US_ASCII)).andExpect(flash().attribute("saved", true));
        version++;
        attach(id, version, "说明.docx", ooxml("word/document.xml")).andExpect(flash().attribute("saved", true));
        version++;
        for (var hostile : List.of(
                new MockMultipartFile("file", "page.pdf", "application/pdf", "<html><script>alert(1)</script>".getBytes(StandardCharsets.UTF_8)),
                new MockMultipartFile("file", "run.exe", "application/octet-stream", new byte[] {'M', 'Z', 0, 0}),
                new MockMultipartFile("file", "table.xlsx", "application/zip", ooxml("evil/payload.js")),
                new MockMultipartFile("file", "image.svg", "image/svg+xml", "<svg onload=alert(1)>".getBytes(StandardCharsets.UTF_8)))) {
            mvc.perform(multipart("/cases/{id}/files", id).file(hostile).param("version", String.valueOf(version))
                            .with(as("cs-reporter")).with(csrf()))
                    .andExpect(redirectedUrl("/cases/" + id))
                    .andExpect(flash().attribute("errors", List.of(new FieldErrors.Error("file",
                            cn.gongfu.kernel.BundleText.both("case.error.fileType")))));
        }
        List<CaseStudy.Attachment> files = as("cs-reporter", () -> cases.detail(id)).files();
        assertThat(files).extracting(CaseStudy.Attachment::contentType)
                .containsExactly("application/pdf", "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        byte[] served = mvc.perform(get("/cases/{id}/files/{f}", id, files.get(0).id()).with(as("cs-reporter")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(served, StandardCharsets.US_ASCII)).startsWith("%PDF");

        // submitted: the office sees it in its queue; the unit can no longer change it
        as("cs-reporter", () -> cases.submit(id, currentVersion(id)));
        mvc.perform(get("/cases/queue").with(as("cs-office"))).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content().string(
                        org.hamcrest.Matchers.containsString("数字化改革让群众少跑腿")));
        assertThatThrownBy(() -> as("cs-reporter", () -> cases.edit(id, currentVersion(id), text("改了", tasks.get(0)))))
                .isInstanceOf(CaseRefusal.class).extracting("type").isEqualTo("case-locked");
        assertThatThrownBy(() -> as("cs-reporter", () -> cases.select(id, currentVersion(id), null)))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);

        // returned with a reason: the unit sees why, edits and submits again
        assertThatThrownBy(() -> as("cs-office", () -> cases.returnToUnit(id, currentVersion(id), " ")))
                .isInstanceOf(InvalidParameterException.class);
        mvc.perform(post("/cases/{id}/return", id).with(as("cs-office")).with(csrf()).param("version", String.valueOf(currentVersion(id)))
                .param("reason", "请补充成效数据")).andExpect(redirectedUrl("/cases/" + id)).andExpect(flash().attribute("saved", true));
        CaseStudy returned = as("cs-reporter", () -> cases.get(id));
        assertThat(returned.state()).isEqualTo(State.RETURNED);
        assertThat(returned.returnReason()).isEqualTo("请补充成效数据");
        as("cs-reporter", () -> cases.edit(id, returned.version(), text("数字化改革让群众少跑腿（修改稿）", tasks.get(0))));
        as("cs-reporter", () -> cases.submit(id, currentVersion(id)));

        // a stale version is a 409 and changes nothing; on the page it is the conflict notice
        int stale = currentVersion(id) - 1;
        assertThatThrownBy(() -> as("cs-office", () -> cases.select(id, stale, null))).isInstanceOf(StaleVersionException.class)
                .satisfies(e -> assertThat(((StaleVersionException) e).status().value()).isEqualTo(409));
        mvc.perform(post("/cases/{id}/select", id).with(as("cs-office")).with(csrf()).param("version", String.valueOf(stale)))
                .andExpect(flash().attribute("conflict", true));
        assertThat(as("cs-office", () -> cases.get(id)).state()).isEqualTo(State.SUBMITTED);

        // selected: locked for the unit; it counts among the plan's selected cases of its year
        as("cs-office", () -> cases.select(id, currentVersion(id), "入选年度典型案例"));
        assertThatThrownBy(() -> as("cs-reporter", () -> cases.addFile(id, currentVersion(id), "x.pdf", "%PDF-1.4".getBytes())))
                .isInstanceOf(CaseRefusal.class);
        assertThat(as("cs-office", () -> cases.selected(plan, 2026))).extracting(CaseStudy::id).contains(id);
        assertThat(as("cs-office", () -> cases.selected(plan, 2025))).extracting(CaseStudy::id).doesNotContain(id);

        // selected this month: this month's bulletin lists it under 典型案例; last month's does not
        java.time.YearMonth month = java.time.YearMonth.now(clock);
        assertThat(as("cs-office", () -> cases.selectedBetween(plan, month.atDay(1), month.plusMonths(1).atDay(1))))
                .extracting(CaseStudy::id).contains(id);
        assertThat(as("cs-office", () -> cases.selectedBetween(plan, month.minusMonths(1).atDay(1), month.atDay(1))))
                .extracting(CaseStudy::id).doesNotContain(id);
        cn.gongfu.bulletin.Bulletin bulletin = as("cs-office", () -> bulletins.generate(plan, month.toString()));
        try {
            var section = bulletin.content().sections().stream().filter(s -> s.key().equals("cases")).findFirst().orElseThrow();
            assertThat(section.tables().get(0).rows()).anySatisfy(row -> assertThat(row).contains("数字化改革让群众少跑腿（修改稿）", "最佳实践"));
        } finally {
            jdbc.sql("delete from bulletin where id = :b").param("b", bulletin.id()).update();
        }

        // the portal shows it only once published, and not after it is taken back
        mvc.perform(get("/public/cases/{id}", id).with(anonymous())).andExpect(status().isNotFound());
        mvc.perform(post("/cases/{id}/publish", id).with(as("cs-office")).with(csrf()).param("version", String.valueOf(currentVersion(id)))
                .param("back", "queue")).andExpect(redirectedUrl("/cases/queue"));
        assertThat(as("cs-office", () -> cases.get(id)).state()).isEqualTo(State.PUBLISHED);
        mvc.perform(get("/public/cases/{id}", id).with(anonymous())).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content().string(
                        org.hamcrest.Matchers.allOf(org.hamcrest.Matchers.containsString("修改稿"),
                                org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("/files/")))));
        mvc.perform(get("/public/plans/{p}/cases", plan).with(anonymous())).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content().string(
                        org.hamcrest.Matchers.containsString("/public/cases/" + id)));
        // a published case: every unit of the region reads it
        mvc.perform(get("/cases/{id}", id).with(as("cs-other"))).andExpect(status().isOk());
        as("cs-office", () -> cases.unpublish(id, currentVersion(id)));
        mvc.perform(get("/public/cases/{id}", id).with(anonymous())).andExpect(status().isNotFound());
        assertThat(as("cs-office", () -> cases.get(id)).state()).isEqualTo(State.SELECTED);

        // every step is in the history and the audit log
        assertThat(as("cs-office", () -> cases.detail(id)).history()).extracting(CaseStudy.Entry::kind).containsExactly(
                CaseStudy.EntryKind.CREATED, CaseStudy.EntryKind.FILE_ADDED, CaseStudy.EntryKind.FILE_ADDED,
                CaseStudy.EntryKind.SUBMITTED, CaseStudy.EntryKind.RETURNED, CaseStudy.EntryKind.EDITED,
                CaseStudy.EntryKind.SUBMITTED, CaseStudy.EntryKind.SELECTED, CaseStudy.EntryKind.PUBLISHED,
                CaseStudy.EntryKind.UNPUBLISHED);
        assertThat(jdbc.sql("select action from audit_event where target = :t order by id").param("t", "case:" + id)
                .query(String.class).list()).containsExactly("case.create", "case.file-add", "case.file-add", "case.submit",
                "case.return", "case.edit", "case.submit", "case.select", "case.publish", "case.unpublish");
    }

    @Test
    void badInputIsAFieldErrorNeverAStoredCase() throws Exception {
        long before = jdbc.sql("select count(*) from case_study").query(Long.class).single();
        // no task, a year out of range, a text too long, another unit, a task of no plan of the unit's
        assertThatThrownBy(() -> as("cs-reporter", () -> cases.create(new CaseService.CaseText(plan, unit, Kind.TYPICAL, 2026, "t",
                "b", List.of())))).isInstanceOf(InvalidParameterException.class).extracting("field").isEqualTo("taskIds");
        assertThatThrownBy(() -> as("cs-reporter", () -> cases.create(new CaseService.CaseText(plan, unit, Kind.TYPICAL, 1900, "t",
                "b", List.of(tasks.get(0)))))).isInstanceOf(InvalidParameterException.class).extracting("field").isEqualTo("year");
        assertThatThrownBy(() -> as("cs-reporter", () -> cases.create(new CaseService.CaseText(plan, unit, Kind.TYPICAL, 2026, "t",
                "长".repeat(20_001), List.of(tasks.get(0)))))).isInstanceOf(InvalidParameterException.class).extracting("field").isEqualTo("body");
        assertThatThrownBy(() -> as("cs-reporter", () -> cases.create(new CaseService.CaseText(plan, otherUnit, Kind.TYPICAL, 2026, "t",
                "b", List.of(tasks.get(0)))))).isInstanceOf(InvalidParameterException.class).extracting("field").isEqualTo("unitId");
        assertThatThrownBy(() -> as("cs-reporter", () -> cases.create(new CaseService.CaseText(plan, unit, Kind.TYPICAL, 2026, "t",
                "b", List.of(Long.MAX_VALUE))))).isInstanceOf(InvalidParameterException.class).extracting("field").isEqualTo("taskIds");
        assertThatThrownBy(() -> as("cs-office", () -> cases.create(new CaseService.CaseText(plan, unit, Kind.TYPICAL, 2026, "t",
                "b", List.of(tasks.get(0)))))).isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        // on the page: back to the form with the field named, nothing stored
        mvc.perform(post("/cases").with(as("cs-reporter")).with(csrf()).param("planId", String.valueOf(plan))
                        .param("unitId", String.valueOf(unit)).param("kind", "NOPE").param("year", "2026").param("title", "")
                        .param("body", "x"))
                .andExpect(redirectedUrl("/cases/new?plan=" + plan))
                .andExpect(flash().attributeExists("errors"));
        mvc.perform(get("/cases").with(as("cs-reporter")).param("state", "<script>")).andExpect(status().isBadRequest());
        mvc.perform(get("/cases").with(as("cs-reporter")).param("year", "abc")).andExpect(status().isBadRequest());
        assertThat(jdbc.sql("select count(*) from case_study").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void aUnitSeesItsOwnCasesAndThePublishedOnesAndTheListExportsWhatItShows() throws Exception {
        long mine = as("cs-reporter", () -> cases.create(text("本单位草稿", tasks.get(0)))).id();
        long demoPublished = jdbc.sql("select min(id) from case_study where state = 'PUBLISHED' and created_by = 'system'")
                .query(Long.class).single();
        assertThat(as("cs-reporter", () -> ids(CaseService.Filter.ALL))).contains(mine, demoPublished);
        assertThat(as("cs-other", () -> ids(CaseService.Filter.ALL))).contains(demoPublished).doesNotContain(mine);
        assertThat(as("cs-reporter", () -> cases.list(new CaseService.Filter(State.DRAFT, null, null, null, null, null),
                new PageRequest(0, PageRequest.MAX_SIZE)).items())).extracting(CaseStudy::id).contains(mine);
        assertThat(as("cs-reporter", () -> cases.list(new CaseService.Filter(State.DRAFT, null, null, null, null, null),
                new PageRequest(0, PageRequest.MAX_SIZE)).items())).as("drafts: the unit's own only")
                .allSatisfy(c -> assertThat(c.unitId()).isEqualTo(unit));
        assertThat(as("cs-office", () -> ids(new CaseService.Filter(null, Kind.PRACTICE, null, 2025, plan, null))))
                .allSatisfy(id -> assertThat(jdbc.sql("select kind from case_study where id = :i").param("i", id).query(String.class)
                        .single()).isEqualTo("PRACTICE")).isNotEmpty();

        byte[] xlsx = mvc.perform(get("/cases.xlsx").with(as("cs-reporter")).param("state", "DRAFT")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var sheet = book.getSheetAt(0);
            assertThat(sheet.getPhysicalNumberOfRows()).isGreaterThanOrEqualTo(2);
            boolean found = false;
            for (var row : sheet) if ("本单位草稿".equals(row.getCell(0).getStringCellValue())) found = true;
            assertThat(found).as("the draft in the export").isTrue();
        }
        mvc.perform(get("/cases").with(as("cs-reporter"))).andExpect(status().isOk());
        mvc.perform(get("/cases/new").with(as("cs-reporter"))).andExpect(status().isOk());
        mvc.perform(get("/cases/{id}/edit", mine).with(as("cs-reporter"))).andExpect(status().isOk());
    }

    // ---- helpers

    private CaseService.CaseText text(String title, long task) {
        return new CaseService.CaseText(plan, unit, Kind.PRACTICE, 2026, title, "正文", List.of(task));
    }

    private List<Long> ids(CaseService.Filter f) {
        return cases.list(f, new PageRequest(0, PageRequest.MAX_SIZE)).items().stream().map(CaseStudy::id).toList();
    }

    private int currentVersion(long id) {
        return jdbc.sql("select version from case_study where id = :i").param("i", id).query(Integer.class).single();
    }

    private org.springframework.test.web.servlet.ResultActions attach(long id, int version, String name, byte[] bytes) throws Exception {
        return mvc.perform(multipart("/cases/{id}/files", id).file(new MockMultipartFile("file", name, "application/octet-stream", bytes))
                .param("version", String.valueOf(version)).with(as("cs-reporter")).with(csrf()));
    }

    /** A zip with the package's content types and one part. */
    private static byte[] ooxml(String part) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<Types/>".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry(part));
            zip.write("<x/>".getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

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
}
