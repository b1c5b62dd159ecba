package cn.gongfu.bulletin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import cn.gongfu.evaluation.EvaluationService;
import cn.gongfu.reporting.Obligation;
import cn.gongfu.reporting.ReportingService;
import cn.gongfu.support.DemoFacts;
import cn.gongfu.support.MovableClock;
import cn.gongfu.support.SignedInAsAdmin;
import cn.gongfu.users.UserService;
import cn.gongfu.vocabulary.Periods;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bulletins (通报) end to end on a moved clock: the office generates the demo plan's 2026Q2 bulletin on 2026-07-10; its
 * frozen figures say what the evaluation and the reporting obligations say that day; the narrative is edited under
 * optimistic locking; issuing gives the next number of the region's year and locks it, and later data changes nothing
 * in it; a monthly one gets the number after; the .docx read back with POI and the PDF's text with PDFBox hold the
 * title, the number, the rows and the fonts.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class BulletinContract {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final LocalDate DAY = LocalDate.of(2026, 7, 10);

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserService users;

    @Autowired
    MovableClock clock;

    @Autowired
    EvaluationService evaluation;

    @Autowired
    ReportingService reporting;

    @Autowired
    BulletinService bulletins;

    @Autowired
    cn.gongfu.evaluation.EvaluationDigest digest;

    @Autowired
    cn.gongfu.project.ProjectService projects;

    long plan;

    @BeforeAll
    void demoPlan() {
        plan = DemoFacts.demoPlanId(jdbc);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aQuarterlyBulletinIsGeneratedFrozenEditedIssuedNumberedAndLocked() throws Exception {
        clock.moveTo(DAY.atTime(9, 0));
        JsonNode b = json(mvc.perform(post("/api/v1/bulletins").with(as("office")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"plan\": " + plan + ", \"period\": \"2026Q2\"}")), 201);
        long id = b.get("id").asLong();
        assertThat(b.get("state").asString()).isEqualTo("draft");
        assertThat(b.get("kind").asString()).isEqualTo("quarter");
        assertThat(b.get("title").asString()).isEqualTo("关于2026年第二季度共同富裕重点任务推进情况的通报");
        JsonNode content = b.get("content");
        assertThat(content.get("office").asString()).isEqualTo("青溪区共同富裕工作领导小组办公室");
        assertThat(content.get("asOf").asString()).isEqualTo("2026-06");

        // the frozen figures are what the evaluation and the obligations say that day, as the office sees them
        Map<String, Long> statuses = asOffice(() -> evaluation.evaluate(plan, null, YearMonth.of(2026, 6)).indicators().stream()
                .collect(Collectors.groupingBy(i -> i.assessment().status().name(), Collectors.counting())));
        JsonNode counts = content.get("counts");
        for (String s : List.of("LAGGING", "SERIOUSLY_LAGGING", "REGRESSING")) {
            assertThat(counts.get(s).asLong()).as(s).isEqualTo(statuses.getOrDefault(s, 0L));
        }
        long lagging = statuses.getOrDefault("LAGGING", 0L) + statuses.getOrDefault("SERIOUSLY_LAGGING", 0L)
                + statuses.getOrDefault("REGRESSING", 0L);
        assertThat(lagging).as("the demo plan has indicators behind in 2026Q2").isPositive();
        List<List<String>> laggingRows = rows(section(content, "lagging"), 0);
        assertThat(laggingRows).hasSize((int) lagging);
        // progress as people read it: within 0–100 %, 倒退 where the value moved away, never a raw −73 %
        assertThat(laggingRows).extracting(r -> r.get(5)).allMatch(p -> p.isEmpty() || p.equals("倒退") || p.matches("(100|\\d{1,2})(\\.\\d+)?%"),
                "a bounded progress");
        assertThat(laggingRows).extracting(r -> r.get(5)).as("a regressing indicator's progress in words")
                .contains("倒退");
        Set<String> expectedOverdue = asOffice(() -> reporting.obligations(DAY).stream()
                .filter(o -> o.planId() == plan && o.overdue() && !Periods.lastDay(o.period()).isAfter(LocalDate.of(2026, 6, 30)))
                .map(Obligation::unitName).collect(Collectors.toCollection(TreeSet::new)));
        assertThat(expectedOverdue).as("the demo has units owing 2026Q2 on 2026-07-10").isNotEmpty();
        List<List<String>> overdueRows = rows(section(content, "overdue"), 0);
        Set<String> overdueUnits = overdueRows.stream().map(r -> r.get(1)).collect(Collectors.toCollection(TreeSet::new));
        assertThat(overdueUnits).isEqualTo(expectedOverdue);
        assertThat(counts.get("overdueUnits").asInt()).isEqualTo(expectedOverdue.size());
        JsonNode rankings = section(content, "rankings");
        List<List<String>> departmentRanks = rows(rankings, 0);
        assertThat(departmentRanks).as("departments ranked").isNotEmpty();
        assertThat(departmentRanks.get(0).get(0)).isEqualTo("1");

        // the office edits the narrative; a stale version is refused with the current one
        JsonNode edited = json(mvc.perform(put("/api/v1/bulletins/" + id + "/narrative").with(as("office"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(JSON.writeValueAsString(Map.of("summary", "第二季度总体平稳。\n个别指标滞后。", "problems", "问题一。",
                        "requirements", "要求一。", "version", 0)))), 200);
        assertThat(edited.get("version").asInt()).isEqualTo(1);
        assertThat(edited.get("summary").asString()).isEqualTo("第二季度总体平稳。\n个别指标滞后。");
        mvc.perform(put("/api/v1/bulletins/" + id + "/narrative").with(as("office")).contentType(MediaType.APPLICATION_JSON)
                        .content(JSON.writeValueAsString(Map.of("summary", "stale", "problems", "", "requirements", "", "version", 0))))
                .andExpect(r -> assertThat(r.getResponse().getStatus()).isEqualTo(409));
        mvc.perform(put("/api/v1/bulletins/" + id + "/narrative").with(as("office")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"summary\": \"x\", \"problems\": \"\", \"requirements\": \"\"}"))
                .andExpect(r -> assertThat(r.getResponse().getContentAsString()).contains("version"))
                .andExpect(r -> assertThat(r.getResponse().getStatus()).isEqualTo(400));

        // a leader reads the draft, a reporter does not see it, nor may a leader change it
        mvc.perform(get("/api/v1/bulletins/" + id).with(as("leader"))).andExpect(r -> assertThat(r.getResponse().getStatus()).isEqualTo(200));
        mvc.perform(get("/api/v1/bulletins/" + id).with(as("reporter"))).andExpect(r -> assertThat(r.getResponse().getStatus()).isEqualTo(404));
        mvc.perform(post("/api/v1/bulletins/" + id + "/issue").with(as("leader")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"version\": 1}")).andExpect(r -> assertThat(r.getResponse().getStatus()).isEqualTo(403));

        // issued: numbered in sequence and locked
        int before = lastSeq();
        JsonNode issued = json(mvc.perform(post("/api/v1/bulletins/" + id + "/issue").with(as("office"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"version\": 1}")), 200);
        assertThat(issued.get("state").asString()).isEqualTo("issued");
        assertThat(issued.get("number").asString()).isEqualTo("共富办通报〔2026〕" + (before + 1) + "号");
        String issuedContent = JSON.writeValueAsString(issued.get("content"));
        mvc.perform(put("/api/v1/bulletins/" + id + "/narrative").with(as("office")).contentType(MediaType.APPLICATION_JSON)
                        .content(JSON.writeValueAsString(Map.of("summary", "after", "problems", "", "requirements", "", "version", 2))))
                .andExpect(r -> assertThat(r.getResponse().getStatus()).isEqualTo(409))
                .andExpect(r -> assertThat(r.getResponse().getContentAsString()).contains("bulletin-locked"));
        mvc.perform(post("/api/v1/bulletins/" + id + "/regenerate").with(as("office")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"version\": 2}")).andExpect(r -> assertThat(r.getResponse().getStatus()).isEqualTo(409));
        assertThat(jdbc.sql("select count(*) from audit_event where target = :t and action like 'bulletin.%'")
                .param("t", "bulletin:" + id).query(Long.class).single()).isEqualTo(3);

        // a month later the obligations have changed; the issued bulletin has not
        clock.moveTo(LocalDateTime.of(2026, 8, 20, 9, 0));
        JsonNode later = json(mvc.perform(get("/api/v1/bulletins/" + id).with(as("reporter"))), 200);
        assertThat(JSON.writeValueAsString(later.get("content"))).isEqualTo(issuedContent);

        // the .docx: number, title, the rows, the fonts named for East Asian text
        byte[] docx = mvc.perform(get("/api/v1/bulletins/" + id + "/docx").with(as("office"))).andReturn().getResponse().getContentAsByteArray();
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
            List<String> paragraphs = doc.getParagraphs().stream().map(XWPFParagraph::getText).toList();
            assertThat(paragraphs).contains("青溪区共同富裕工作领导小组办公室", "共富办通报〔2026〕" + (before + 1) + "号",
                    "关于2026年第二季度共同富裕重点任务推进情况的通报", "一、总体情况", "第二季度总体平稳。", "个别指标滞后。");
            XWPFParagraph title = doc.getParagraphs().stream().filter(p -> p.getText().startsWith("关于2026年")).findFirst().orElseThrow();
            assertThat(eastAsia(title.getRuns().get(0))).isEqualTo("方正小标宋简体");
            assertThat(title.getRuns().get(0).getFontSizeAsDouble()).isEqualTo(22.0);
            XWPFParagraph body = doc.getParagraphs().stream().filter(p -> p.getText().equals("第二季度总体平稳。")).findFirst().orElseThrow();
            assertThat(eastAsia(body.getRuns().get(0))).isEqualTo("仿宋_GB2312");
            assertThat(body.getRuns().get(0).getFontSizeAsDouble()).isEqualTo(16.0);
            XWPFParagraph heading = doc.getParagraphs().stream().filter(p -> p.getText().equals("一、总体情况")).findFirst().orElseThrow();
            assertThat(eastAsia(heading.getRuns().get(0))).isEqualTo("黑体");
            List<List<String>> cells = new ArrayList<>();
            for (XWPFTable t : doc.getTables()) {
                for (XWPFTableRow row : t.getRows()) cells.add(row.getTableCells().stream().map(c -> c.getText()).toList());
                assertThat(eastAsia(t.getRow(1).getCell(1).getParagraphs().get(0).getRuns().get(0))).isEqualTo("仿宋_GB2312");
            }
            for (List<String> row : laggingRows) assertThat(cells).contains(row);
            for (List<String> row : overdueRows) assertThat(cells).contains(row);
            for (List<String> row : departmentRanks) assertThat(cells).contains(row);
            var margins = doc.getDocument().getBody().getSectPr().getPgMar();
            assertThat(((java.math.BigInteger) margins.getTop()).intValue()).isEqualTo(2098);
            assertThat(doc.getFooterList()).isNotEmpty();
            assertThat(doc.getFooterList().get(0).getText()).contains("—");
        }

        // the PDF: the Chinese title and a unit's name are text in it
        byte[] pdf = mvc.perform(get("/api/v1/bulletins/" + id + "/pdf").with(as("office"))).andReturn().getResponse().getContentAsByteArray();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
            assertThat(text).contains("关于2026年第二季度共同富裕重点任务推进情况的通报", "共富办通报〔2026〕" + (before + 1) + "号",
                    overdueRows.get(0).get(1), departmentRanks.get(0).get(1), "—1—");
        }

        // a monthly bulletin gets the next number
        JsonNode month = json(mvc.perform(post("/api/v1/bulletins").with(as("office")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"plan\": " + plan + ", \"period\": \"2026-05\"}")), 201);
        assertThat(month.get("title").asString()).isEqualTo("关于2026年5月共同富裕重点任务推进情况的通报");
        assertThat(month.get("content").get("asOf").asString()).isEqualTo("2026-05");
        JsonNode regenerated = json(mvc.perform(post("/api/v1/bulletins/" + month.get("id").asLong() + "/regenerate").with(as("office"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"version\": 0}")), 200);
        assertThat(regenerated.get("version").asInt()).isEqualTo(1);
        JsonNode monthIssued = json(mvc.perform(post("/api/v1/bulletins/" + month.get("id").asLong() + "/issue").with(as("office"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"version\": 1}")), 200);
        assertThat(monthIssued.get("number").asString()).isEqualTo("共富办通报〔2026〕" + (before + 2) + "号");

        // the archive finds them by kind, year and text
        JsonNode quarters = json(mvc.perform(get("/api/v1/bulletins").param("kind", "quarter").param("year", "2026")
                .param("q", "第二季度").with(as("reporter"))), 200);
        assertThat(quarters.get("items").valueStream().map(i -> i.get("id").asLong()).toList()).contains(id);
        JsonNode months = json(mvc.perform(get("/api/v1/bulletins").param("kind", "month").with(as("office"))), 200);
        assertThat(months.get("items").valueStream().map(i -> i.get("kind").asString()).distinct().toList()).containsExactly("month");
        mvc.perform(get("/api/v1/bulletins").param("kind", "weekly").with(as("office")))
                .andExpect(r -> assertThat(r.getResponse().getStatus()).isEqualTo(400))
                .andExpect(r -> assertThat(r.getResponse().getContentAsString()).contains("kind"));
    }

    /**
     * 年度评价 (issue 16): the bulletin of a year is the plan's annual evaluation: the realization degree whole and by
     * domain, the indicators achieved and lagging, the tasks done and lagging, the units' ranks and the items, each as
     * the evaluation states it at the year's December; the .docx and the PDF hold them.
     */
    @Test
    void theAnnualEvaluationStatesTheYearAsTheEvaluationDoes() throws Exception {
        clock.moveTo(LocalDateTime.of(2026, 1, 20, 9, 0));
        JsonNode b = json(mvc.perform(post("/api/v1/bulletins").with(as("office")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"plan\": " + plan + ", \"period\": \"2025\"}")), 201);
        long id = b.get("id").asLong();
        try {
            assertThat(b.get("kind").asString()).isEqualTo("year");
            assertThat(b.get("title").asString()).isEqualTo("2025年度共同富裕重点工作评价报告");
            JsonNode content = b.get("content");
            assertThat(content.get("asOf").asString()).isEqualTo("2025-12");
            List<String> keys = content.get("sections").valueStream().map(s -> s.get("key").asString()).toList();
            assertThat(keys).containsSubsequence("summary", "degree", "achieved", "lagging", "tasks", "projects", "rankings", "problems",
                    "requirements");

            var degree = asOffice(() -> digest.degree(plan, YearMonth.of(2025, 12)));
            assertThat(content.get("counts").get("degreePermille").asInt()).isEqualTo((int) Math.round(degree.overall() * 1000));
            List<List<String>> domains = rows(section(content, "degree"), 0);
            assertThat(domains).hasSize(degree.domains().size()).isNotEmpty();
            assertThat(section(content, "degree").get("paragraphs").get(0).asString())
                    .contains(String.valueOf(degree.total()), String.valueOf(degree.counted()));

            long achieved = asOffice(() -> digest.indicators(plan, YearMonth.of(2025, 12))).stream()
                    .filter(l -> l.status().equals("ACHIEVED")).count();
            assertThat(rows(section(content, "achieved"), 0)).hasSize((int) achieved);
            var tasks = asOffice(() -> digest.tasks(plan, YearMonth.of(2025, 12)));
            long done = tasks.stream().filter(t -> t.status().equals("ACHIEVED")).count();
            long lagging = tasks.stream().filter(t -> t.status().equals("LAGGING") || t.status().equals("SERIOUSLY_LAGGING")).count();
            assertThat(content.get("counts").get("tasks").asInt()).isEqualTo(tasks.size()).isPositive();
            assertThat(content.get("counts").get("tasksDone").asInt()).isEqualTo((int) done);
            assertThat(rows(section(content, "tasks"), 0)).hasSize((int) lagging);
            assertThat(b.get("summary").asString()).contains("2025年度", degree.overall() == 0 ? "0" : String.valueOf(
                    content.get("counts").get("degreePermille").asInt() / 10.0));

            var listing = asOffice(() -> projects.everything(new cn.gongfu.project.ProjectService.Filter(plan, null, null, null, null,
                    YearMonth.of(2025, 12))));
            assertThat(listing.page().items()).as("the demo plan has projects").isNotEmpty();
            JsonNode projectSection = section(content, "projects");
            assertThat(projectSection.get("paragraphs").get(0).asString()).startsWith("纳入项目化管理的项目" + listing.all().count() + "个");
            assertThat(rows(projectSection, 0)).hasSize(listing.byUnit().size());

            byte[] docx = mvc.perform(get("/api/v1/bulletins/" + id + "/docx").with(as("office"))).andReturn().getResponse().getContentAsByteArray();
            try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
                List<String> paragraphs = doc.getParagraphs().stream().map(XWPFParagraph::getText).toList();
                assertThat(paragraphs).contains("2025年度共同富裕重点工作评价报告", "二、总体实现度", "三、指标完成情况",
                        section(content, "degree").get("paragraphs").get(0).asString());
                List<List<String>> cells = new ArrayList<>();
                for (XWPFTable t : doc.getTables()) {
                    for (XWPFTableRow row : t.getRows()) cells.add(row.getTableCells().stream().map(c -> c.getText()).toList());
                }
                for (List<String> row : domains) assertThat(cells).contains(row);
                for (List<String> row : rows(section(content, "tasks"), 0)) assertThat(cells).contains(row);
            }
            byte[] pdf = mvc.perform(get("/api/v1/bulletins/" + id + "/pdf").with(as("office"))).andReturn().getResponse().getContentAsByteArray();
            try (PDDocument doc = Loader.loadPDF(pdf)) {
                assertThat(new PDFTextStripper().getText(doc).replaceAll("\\s+", "")).contains("2025年度共同富裕重点工作评价报告", "总体实现度");
            }
            JsonNode years = json(mvc.perform(get("/api/v1/bulletins").param("kind", "year").with(as("office"))), 200);
            assertThat(years.get("items").valueStream().map(i -> i.get("id").asLong()).toList()).contains(id);
        } finally {
            jdbc.sql("delete from bulletin where id = :id").param("id", id).update();
        }
    }

    /** Two offices issuing at the same moment get two consecutive numbers, never the same one. */
    @Test
    void bulletinsIssuedAtOnceGetConsecutiveNumbers() throws Exception {
        clock.moveTo(DAY.atTime(10, 0));
        List<Bulletin> drafts = asOffice(() -> List.of(bulletins.generate(plan, "2026Q1"), bulletins.generate(plan, "2026-04")));
        java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Future<Bulletin>> issued = new ArrayList<>();
            for (Bulletin d : drafts) {
                issued.add(pool.submit(() -> {
                    together.await();
                    return asOffice(() -> bulletins.issue(d.id(), d.version()));
                }));
            }
            List<Integer> seqs = new ArrayList<>();
            for (var f : issued) {
                String number = f.get().number();
                seqs.add(Integer.parseInt(number.replaceAll(".*〕(\\d+)号$", "$1")));
            }
            seqs.sort(Integer::compare);
            assertThat(seqs.get(1)).isEqualTo(seqs.get(0) + 1);
            assertThat(lastSeq()).isGreaterThanOrEqualTo(seqs.get(1));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anOpenOrderOfThePlanIsListedWithItsNumberUnitGradeAndDaysOverdue() throws Exception {
        clock.moveTo(LocalDateTime.of(2026, 6, 20, 9, 0));
        long unit = jdbc.sql("select min(tu.unit_id) from task_unit tu join task t on t.id = tu.task_id where t.plan_id = :p")
                .param("p", plan).query(Long.class).single();
        String unitName = jdbc.sql("select name from unit where id = :u").param("u", unit).query(String.class).single();
        JsonNode order = json(mvc.perform(post("/api/v1/supervision/items").with(as("office")).contentType(MediaType.APPLICATION_JSON)
                .content(JSON.writeValueAsString(Map.of("kind", "ORDER", "planId", plan, "unitId", unit, "title", "督办：床位数滞后",
                        "grade", "ORANGE", "deadline", "2026-07-01")))), 201);
        long item = order.get("id").asLong();
        try {
            clock.moveTo(DAY.atTime(9, 0));
            JsonNode b = json(mvc.perform(post("/api/v1/bulletins").with(as("office")).contentType(MediaType.APPLICATION_JSON)
                    .content("{\"plan\": " + plan + ", \"period\": \"2026-06\"}")), 201);
            JsonNode items = section(b.get("content"), "items");
            List<List<String>> rows = rows(items, 0);
            List<String> row = rows.stream().filter(r -> r.contains("督办：床位数滞后")).findFirst().orElseThrow();
            assertThat(row).containsSubsequence("督办单", order.get("number").asString(), "督办：床位数滞后", unitName, "橙色督办",
                    "2026-07-01");
            assertThat(row.get(row.size() - 1)).as("days overdue on 2026-07-10").isEqualTo("9");
            assertThat(order.get("number").asString()).matches("共富督〔2026〕\\d+号");
            assertThat(rows(items, 1)).as("the unit's counts").anySatisfy(r -> assertThat(r.get(0)).isEqualTo(unitName));
            assertThat(b.get("content").get("counts").get("overdueItems").asInt()).isPositive();
            byte[] docx = mvc.perform(get("/api/v1/bulletins/" + b.get("id").asLong() + "/docx").with(as("office")))
                    .andReturn().getResponse().getContentAsByteArray();
            try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
                List<List<String>> cells = new ArrayList<>();
                for (XWPFTable t : doc.getTables()) {
                    for (XWPFTableRow r : t.getRows()) cells.add(r.getTableCells().stream().map(c -> c.getText()).toList());
                }
                assertThat(cells).as("the order's row in the .docx").contains(row);
                assertThat(doc.getParagraphs().stream().map(XWPFParagraph::getText))
                        .contains("（一）未办结事项", "（二）各单位办理情况");
            }
        } finally {
            jdbc.sql("delete from supervised_item where id = :i").param("i", item).update();
            jdbc.sql("delete from bulletin where plan_id = :p and period = '2026-06' and state = 'draft'").param("p", plan).update();
        }
    }

    @Test
    void aBadPeriodIsA400NamingIt() throws Exception {
        for (String period : List.of("2026Q5", "2026-13", "next", "2099Q1")) {
            mvc.perform(post("/api/v1/bulletins").with(as("office")).contentType(MediaType.APPLICATION_JSON)
                            .content("{\"plan\": " + plan + ", \"period\": \"" + period + "\"}"))
                    .andExpect(r -> assertThat(r.getResponse().getStatus()).as(period).isEqualTo(400))
                    .andExpect(r -> assertThat(r.getResponse().getContentAsString()).contains("period"));
        }
    }

    private int lastSeq() {
        return jdbc.sql("select coalesce(max(last_seq), 0) from bulletin_number where region_code = :r and number_year = 2026")
                .param("r", DemoFacts.DEMO_REGION).query(Integer.class).single();
    }

    static String eastAsia(XWPFRun run) {
        return run.getCTR().getRPr().getRFontsArray(0).getEastAsia();
    }

    static JsonNode section(JsonNode content, String key) {
        for (JsonNode s : content.get("sections")) if (s.get("key").asString().equals(key)) return s;
        throw new AssertionError("no section " + key);
    }

    static List<List<String>> rows(JsonNode section, int table) {
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode row : section.get("tables").get(table).get("rows")) {
            rows.add(row.valueStream().map(JsonNode::asString).toList());
        }
        return rows;
    }

    private JsonNode json(org.springframework.test.web.servlet.ResultActions result, int status) throws Exception {
        var response = result.andReturn().getResponse();
        response.setCharacterEncoding("UTF-8");
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(status);
        return JSON.readTree(response.getContentAsString());
    }

    private <T> T asOffice(java.util.function.Supplier<T> read) {
        SignedInAsAdmin.signIn(users.loadUserByUsername("office"));
        try {
            return read.get();
        } finally {
            SignedInAsAdmin.signOut();
        }
    }

    private RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username).withoutPassword());
    }
}
