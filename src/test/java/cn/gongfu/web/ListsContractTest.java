package cn.gongfu.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gongfu.kernel.BundleText;
import cn.gongfu.support.DemoFacts;
import cn.gongfu.support.H2Test;
import cn.gongfu.support.MvcContract;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Issue 14: every list has the one search form and toolbar (fragments :: listbar): its filter narrows the list, the
 * count says how many rows match (as the database counts them), and {@code <list>.xlsx} holds exactly those rows under
 * a header. Hostile filter values (very long text, SQL-ish quotes, unicode) answer 200 or 400, never 500; a value
 * outside a select's options is a 400 naming the parameter.
 */
@H2Test
class ListsContractTest extends MvcContract {

    @org.springframework.beans.factory.annotation.Autowired
    cn.gongfu.users.UserService users;

    private static final Pattern NUMBER = Pattern.compile("\\d+");
    private static final List<String> HOSTILE = List.of("' or '1'='1' --", "%_\\", "\"><script>alert(1)</script>", "托育😀\u202e",
            "Ω≈ç√∫ 𠜎𠜱", "a;drop table unit;--");

    @Test
    void indicatorsFilterByDomainUnitAndWordsAndExportWhatTheyList() throws Exception {
        String domain = jdbc.sql("select domain from indicator where domain is not null group by domain order by count(*) desc, domain")
                .query(String.class).list().get(0);
        long inDomain = jdbc.sql("select count(*) from indicator where domain = :d").param("d", domain).query(Long.class).single();
        long all = jdbc.sql("select count(*) from indicator").query(Long.class).single();
        assertThat(count(page(get("/indicators")), "indicators")).isEqualTo(all);
        assertThat(inDomain).isPositive().isLessThan(all);

        Document filtered = Jsoup.parse(page(get("/indicators").param("domain", domain)));
        assertThat(count(filtered, "indicators")).isEqualTo(inDomain);
        assertThat(filtered.select("#indicators-export").attr("href")).startsWith("/indicators.xlsx?domain=");
        List<List<String>> rows = xlsx(get("/indicators.xlsx").param("domain", domain));
        assertThat(rows.get(0)).containsExactly("编号", "领域", "指标", "计量单位", "方向", "责任单位");
        assertThat(rows).hasSize((int) inDomain + 1);
        assertThat(rows.subList(1, rows.size())).allSatisfy(r -> assertThat(r.get(1)).isEqualTo(domain));

        long unit = jdbc.sql("select unit_id from indicator where unit_id is not null group by unit_id order by count(*) desc, unit_id")
                .query(Long.class).list().get(0);
        long ofUnit = jdbc.sql("select count(*) from indicator where unit_id = :u").param("u", unit).query(Long.class).single();
        String unitName = jdbc.sql("select name from unit where id = :u").param("u", unit).query(String.class).single();
        assertThat(count(page(get("/indicators").param("unit", String.valueOf(unit))), "indicators")).isEqualTo(ofUnit);
        List<List<String>> ofUnitRows = xlsx(get("/indicators.xlsx").param("unit", String.valueOf(unit)));
        assertThat(ofUnitRows).hasSize((int) ofUnit + 1);
        assertThat(ofUnitRows.subList(1, ofUnitRows.size())).allSatisfy(r -> assertThat(r.get(5)).isEqualTo(unitName));

        String word = jdbc.sql("select name from indicator order by id").query(String.class).list().get(0).substring(0, 2);
        long named = jdbc.sql("select count(*) from indicator where lower(name) like :w or lower(domain) like :w")
                .param("w", "%" + word.toLowerCase() + "%").query(Long.class).single();
        assertThat(count(page(get("/indicators").param("q", word)), "indicators")).isEqualTo(named);
        assertThat(xlsx(get("/indicators.xlsx").param("q", word))).hasSize((int) named + 1);

        hostile("/indicators", "q", "domain");
        hostile("/indicators.xlsx", "q", "domain");
        mvc.perform(get("/indicators").param("unit", "x")).andExpect(status().isBadRequest());
    }

    @Test
    void unitsFilterByKindRegionAndNameAndExportWhatTheyList() throws Exception {
        String kind = jdbc.sql("select kind from unit where merged_into is null group by kind order by count(*) desc, kind")
                .query(String.class).list().get(0);
        long ofKind = jdbc.sql("select count(*) from unit where kind = :k and merged_into is null").param("k", kind).query(Long.class).single();
        long all = jdbc.sql("select count(*) from unit where merged_into is null").query(Long.class).single();
        assertThat(count(page(get("/units")), "units")).isEqualTo(all);
        assertThat(ofKind).isPositive().isLessThanOrEqualTo(all);
        assertThat(count(page(get("/units").param("kind", kind)), "units")).isEqualTo(ofKind);
        List<List<String>> rows = xlsx(get("/units.xlsx").param("kind", kind));
        assertThat(rows.get(0)).containsExactly("责任单位", "简称", "类型", "地区");
        assertThat(rows).hasSize((int) ofKind + 1);
        String kindWord = BundleText.zh("unit.kind." + kind);
        assertThat(rows.subList(1, rows.size())).allSatisfy(r -> assertThat(r.get(2)).isEqualTo(kindWord));

        long health = jdbc.sql("""
                select count(*) from unit u where u.merged_into is null and u.region_code = :r and (lower(u.name) like '%卫生%'
                  or exists (select 1 from unit_alias a where a.unit_id = u.id and lower(a.alias) like '%卫生%'))""")
                .param("r", DemoFacts.DEMO_REGION).query(Long.class).single();
        assertThat(health).isPositive();
        assertThat(count(page(get("/units").param("q", "卫生").param("region", DemoFacts.DEMO_REGION)), "units")).isEqualTo(health);
        List<List<String>> healthRows = xlsx(get("/units.xlsx").param("q", "卫生").param("region", DemoFacts.DEMO_REGION));
        assertThat(healthRows).hasSize((int) health + 1);
        assertThat(healthRows.subList(1, healthRows.size())).allSatisfy(r -> assertThat(r.get(0) + r.get(1)).contains("卫生"));

        hostile("/units", "q", "region");
        hostile("/units.xlsx", "q", "region");
        badOption("/units", "kind");
        badOption("/units.xlsx", "kind");
    }

    @Test
    void theReviewQueueFiltersByStateWordsAndPeriodAndExportsWhatItLists() throws Exception {
        // a report of its own (a unit and period no other test reports), taken away again at the end
        long farming = jdbc.sql("select id from unit where region_code = :r and name = '区农业农村局'").param("r", DemoFacts.DEMO_REGION)
                .query(Long.class).single();
        long report = cn.gongfu.support.ReportSteps.open(mvc, org.springframework.security.test.web.servlet.request
                .SecurityMockMvcRequestPostProcessors.user(users.loadUserByUsername("admin").withoutPassword()),
                DemoFacts.demoPlanId(jdbc), farming, "2025Q3");
        try {
            queueFiltersAndExports();
        } finally {
            jdbc.sql("delete from submission where id = :id").param("id", report).update();
        }
    }

    private void queueFiltersAndExports() throws Exception {
        String state = jdbc.sql("select state from submission group by state order by count(*) desc, state").query(String.class).list().get(0);
        long inState = jdbc.sql("select count(*) from submission where state = :s").param("s", state).query(Long.class).single();
        assertThat(count(page(get("/reports/queue").param("state", state)), "queue")).isEqualTo(inState);
        String period = jdbc.sql("select period from submission where state = :s order by period fetch first 1 rows only")
                .param("s", state).query(String.class).single();
        long health = jdbc.sql("""
                select count(*) from submission s join unit u on u.id = s.unit_id join plan p on p.id = s.plan_id
                where s.state = :s and s.period = :p and (lower(u.name) like '%卫生%' or lower(p.title) like '%卫生%')""")
                .param("s", state).param("p", period).query(Long.class).single();
        assertThat(count(page(get("/reports/queue").param("state", state).param("q", "卫生").param("period", period)), "queue"))
                .isEqualTo(health);
        List<List<String>> rows = xlsx(get("/reports/queue.xlsx").param("state", state).param("q", "卫生").param("period", period));
        assertThat(rows.get(0)).containsExactly("单位", "期次", "所属方案", "截止", "报送时间", "状态");
        assertThat(rows).hasSize((int) health + 1);
        assertThat(rows.subList(1, rows.size())).allSatisfy(r -> assertThat(r.get(1)).isEqualTo(period));

        hostile("/reports/queue", "q", "period");
        hostile("/reports/queue.xlsx", "q", "period");
        badOption("/reports/queue", "state");
        badOption("/reports/queue.xlsx", "state");
    }

    @Test
    void importsFilterByStateAndFileNameAndExportWhatTheyList() throws Exception {
        String token = "lists" + System.nanoTime();
        upload(token + ".txt", ("青溪区" + token + "行动方案（2021—2025年）\n1.推进清单测试。（牵头单位：区民政局）\n").getBytes(StandardCharsets.UTF_8));
        assertThat(count(page(get("/imports").param("q", token)), "imports")).isEqualTo(1);
        assertThat(count(page(get("/imports").param("q", token).param("state", "published")), "imports")).isZero();
        long inReview = jdbc.sql("select count(*) from import_job where state = 'review'").query(Long.class).single();
        assertThat(count(page(get("/imports").param("state", "review")), "imports")).isEqualTo(inReview);
        List<List<String>> rows = xlsx(get("/imports.xlsx").param("q", token).param("state", "review"));
        assertThat(rows.get(0)).containsExactly("文档", "标题", "类型", "地区", "上传时间", "状态");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(1).get(0)).isEqualTo(token + ".txt");
        assertThat(rows.get(1).get(5)).isEqualTo("待审核");
        assertThat(xlsx(get("/imports.xlsx").param("state", "review"))).hasSize((int) inReview + 1);

        hostile("/imports", "q");
        hostile("/imports.xlsx", "q");
        badOption("/imports", "state");
        badOption("/imports.xlsx", "state");
    }

    @Test
    void bulletinsFilterAndExportWhatTheyList() throws Exception {
        long plan = DemoFacts.demoPlanId(jdbc);
        mvc.perform(post("/api/v1/bulletins").contentType(MediaType.APPLICATION_JSON).content("{\"plan\": " + plan + ", \"period\": \"2025-03\"}"))
                .andExpect(status().isCreated());
        long march = jdbc.sql("select count(*) from bulletin where plan_id = :p and period = '2025-03'").param("p", plan).query(Long.class).single();
        long monthly = jdbc.sql("select count(*) from bulletin where kind = 'month' and period_year = 2025").query(Long.class).single();
        Document page = Jsoup.parse(page(get("/bulletins").param("kind", "month").param("year", "2025")));
        assertThat(count(page, "bulletins")).isEqualTo(monthly);
        assertThat(page.select("#bulletins-export").attr("href")).isEqualTo("/bulletins.xlsx?kind=month&year=2025");
        List<List<String>> rows = xlsx(get("/bulletins.xlsx").param("kind", "month").param("year", "2025"));
        assertThat(rows.get(0)).containsExactly("标题", "方案", "文号", "类型", "期别", "状态", "生成时间");
        assertThat(rows).hasSize((int) monthly + 1);
        assertThat(rows.subList(1, rows.size())).allSatisfy(r -> assertThat(r.get(4)).startsWith("2025-"));
        assertThat(rows.stream().filter(r -> r.get(4).equals("2025-03")).count()).isEqualTo(march);
        assertThat(count(page(get("/bulletins").param("kind", "quarter").param("year", "2025").param("q", "2025年3月")), "bulletins")).isZero();

        hostile("/bulletins", "q");
        hostile("/bulletins.xlsx", "q");
        badOption("/bulletins", "state");
        badOption("/bulletins.xlsx", "kind");
        mvc.perform(get("/bulletins").param("year", "99999")).andExpect(status().isBadRequest());
    }

    @Test
    void theDeliveryLogCountsAndExportsWhatItLists() throws Exception {
        String token = "lists" + System.nanoTime();
        LocalDateTime now = LocalDateTime.now();
        for (String state : List.of("FAILED", "FAILED", "SENT")) {
            jdbc.sql("""
                    insert into outbox_message (channel, destination, region_code, notice_kind, subject, body, dedup_key, state, attempts,
                                                next_attempt_at, last_error, created_at, sent_at)
                    values ('GENERIC', :dest, :region, 'MESSAGE', :subject, 'body', :key, :state, 1, :now, :error, :now, :sent)""")
                    .param("dest", token).param("region", DemoFacts.DEMO_REGION).param("subject", "=1+1 " + token)
                    .param("key", token + System.nanoTime()).param("state", state).param("now", now)
                    .param("error", state.equals("FAILED") ? "HTTP 502" : null).param("sent", state.equals("SENT") ? now : null).update();
        }
        long failed = jdbc.sql("select count(*) from outbox_message where state = 'FAILED' and channel = 'GENERIC'").query(Long.class).single();
        assertThat(failed).isGreaterThanOrEqualTo(2);
        Document page = Jsoup.parse(page(get("/notify/deliveries").param("state", "FAILED").param("channel", "GENERIC")));
        assertThat(count(page, "deliveries")).isEqualTo(failed);
        assertThat(page.select("#deliveries-export").attr("href")).isEqualTo("/notify/deliveries.xlsx?channel=GENERIC&state=FAILED");
        List<List<String>> rows = xlsx(get("/notify/deliveries.xlsx").param("state", "FAILED").param("channel", "GENERIC"));
        assertThat(rows.get(0)).startsWith("ID", "渠道", "接收方", "内容", "状态");
        assertThat(rows).hasSize((int) failed + 1);
        assertThat(rows.subList(1, rows.size())).allSatisfy(r -> assertThat(r.get(4)).isEqualTo(rows.get(1).get(4)));
        assertThat(rows.stream().filter(r -> r.get(2).equals(token)).toList()).hasSize(2)
                .allSatisfy(r -> assertThat(r.get(3)).as("text, never a formula").isEqualTo("'=1+1 " + token).isNotEqualTo("2"));

        for (String value : HOSTILE) {
            for (String name : List.of("channel", "state", "from", "to")) {
                int code = mvc.perform(get("/notify/deliveries.xlsx").param(name, value)).andReturn().getResponse().getStatus();
                assertThat(code).as(name + "=" + value).isIn(200, 400);
                assertThat(mvc.perform(get("/notify/deliveries").param(name, value)).andReturn().getResponse().getStatus())
                        .as(name + "=" + value).isIn(200, 400);
            }
        }
        mvc.perform(get("/notify/deliveries.xlsx").param("state", "LOST")).andExpect(status().isBadRequest());
    }

    @Test
    void supervisedItemsCountAndExportWhatTheyList() throws Exception {
        String token = "lists" + System.nanoTime();
        long unit = jdbc.sql("select id from unit where name = '区卫生健康局'").query(Long.class).single();
        for (String kind : List.of("ISSUE", "ISSUE", "ORDER")) {
            mvc.perform(post("/api/v1/supervision/items").contentType(MediaType.APPLICATION_JSON).content("""
                    {"kind":"%s","unitId":%d,"title":"%s %s","deadline":"%s"}""".formatted(kind, unit, token, kind, LocalDate.now().plusDays(20))))
                    .andExpect(status().isCreated());
        }
        long all = jdbc.sql("select count(*) from supervised_item").query(Long.class).single();
        assertThat(count(page(get("/supervision/items")), "items")).isEqualTo(all);
        Document page = Jsoup.parse(page(get("/supervision/items").param("q", token).param("kind", "ISSUE")));
        assertThat(count(page, "items")).isEqualTo(2);
        assertThat(page.select("#items-export").attr("href")).startsWith("/supervision/items.xlsx?kind=ISSUE").contains("q=" + token);
        assertThat(page.select("#new-issue")).as("the toolbar keeps the list's own buttons").hasSize(1);
        List<List<String>> rows = xlsx(get("/supervision/items.xlsx").param("q", token).param("kind", "ISSUE"));
        assertThat(rows.get(0)).startsWith("类型", "编号", "事项", "责任单位");
        assertThat(rows).hasSize(3);
        assertThat(rows.subList(1, 3)).allSatisfy(r -> assertThat(r.get(2)).isEqualTo(token + " ISSUE"));
        assertThat(xlsx(get("/supervision/items.xlsx").param("q", token))).hasSize(4);

        hostile("/supervision/items", "q");
        hostile("/supervision/items.xlsx", "q");
        badOption("/supervision/items", "state");
        badOption("/supervision/items.xlsx", "kind");
    }

    // ---- helpers

    /** Each hostile value in each text parameter: 200 or 400, never 500; text longer than a search takes: 400. */
    private void hostile(String path, String... names) throws Exception {
        for (String name : names) {
            for (String value : HOSTILE) {
                int code = mvc.perform(get(path).param(name, value)).andReturn().getResponse().getStatus();
                assertThat(code).as(path + "?" + name + "=" + value).isIn(200, 400);
            }
            MockHttpServletResponse tooLong = mvc.perform(get(path).param(name, "长".repeat(300))).andReturn().getResponse();
            assertThat(tooLong.getStatus()).as(path + "?" + name + "= 300 characters").isEqualTo(400);
            if (!path.endsWith(".xlsx")) assertThat(tooLong.getContentAsString(StandardCharsets.UTF_8)).contains(name);
        }
    }

    /** A value outside the select's options: 400, and the page names the parameter. */
    private void badOption(String path, String name) throws Exception {
        MockHttpServletResponse response = mvc.perform(get(path).param(name, "lost' or 1=1")).andReturn().getResponse();
        assertThat(response.getStatus()).as(path + "?" + name + "=lost").isEqualTo(400);
        if (!path.endsWith(".xlsx")) assertThat(response.getContentAsString(StandardCharsets.UTF_8)).contains(name);
    }

    private static long count(String html, String list) {
        return count(Jsoup.parse(html), list);
    }

    /** The count the list bar shows: its first number ("共 12 条"). */
    private static long count(Document page, String list) {
        String text = page.select("#" + list + "-count").text();
        Matcher m = NUMBER.matcher(text);
        assertThat(m.find()).as("the list bar of " + list + " says how many match: " + text).isTrue();
        return Long.parseLong(m.group());
    }

    /** The first sheet of the export, header first, every cell as the text Excel shows. */
    private List<List<String>> xlsx(MockHttpServletRequestBuilder request) throws Exception {
        MockHttpServletResponse response = mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse();
        assertThat(response.getContentType()).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(response.getHeader("Content-Disposition")).startsWith("attachment").contains(".xlsx");
        DataFormatter format = new DataFormatter();
        List<List<String>> rows = new ArrayList<>();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(response.getContentAsByteArray()))) {
            Sheet sheet = book.getSheetAt(0);
            int width = sheet.getRow(0).getLastCellNum();
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < width; c++) cells.add(row.getCell(c) == null ? "" : format.formatCellValue(row.getCell(c)));
                rows.add(cells);
            }
        }
        return rows;
    }
}
