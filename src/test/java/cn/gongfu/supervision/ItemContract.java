package cn.gongfu.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gongfu.evaluation.method.UnitScore.Component;
import cn.gongfu.evaluation.ranking.RankingService;
import cn.gongfu.kernel.Role;
import cn.gongfu.kernel.Scope;
import cn.gongfu.support.DemoFacts;
import cn.gongfu.support.MovableClock;
import cn.gongfu.support.Notices;
import cn.gongfu.support.SignedInAsAdmin;
import cn.gongfu.users.UserService;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The issue register, leaders' instructions and supervision orders walked through on the movable clock, for two units of
 * the demo plan and their own reporters, heads, an office and a leader: an issue registered, rectified with evidence,
 * answered, closed and reopened; an instruction answered; an order numbered, raised from yellow to red, answered and
 * read back from its .docx; overdue items found once by the daily job and told once; who sees and does what; the
 * ranking's 问题整改 component. Everything the suite adds is removed after it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ItemContract {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired MessageSource messages;
    @Autowired UserService users;
    @Autowired OverdueItems overdue;
    @Autowired RankingService rankings;
    @Autowired MovableClock clock;

    long plan;
    long unit;
    long otherUnit;
    String unitName;
    long task;

    @BeforeAll
    void twoUnitsOfTheDemoPlanAndTheirPeople() {
        plan = DemoFacts.demoPlanId(jdbc);
        List<Long> units = jdbc.sql("""
                select distinct u.id from task_unit tu join task t on t.id = tu.task_id join unit u on u.id = tu.unit_id
                where t.plan_id = :p and u.kind <> 'town' and u.name not in ('区卫生健康局', '区医疗保障分局') order by u.id""")
                .param("p", plan).query(Long.class).list();
        unit = units.get(units.size() - 1);
        otherUnit = units.get(units.size() - 2);
        unitName = jdbc.sql("select name from unit where id = :u").param("u", unit).query(String.class).single();
        task = jdbc.sql("select min(t.id) from task t join task_unit tu on tu.task_id = t.id where t.plan_id = :p and tu.unit_id = :u")
                .param("p", plan).param("u", unit).query(Long.class).single();
        SignedInAsAdmin.signIn(users.loadUserByUsername("admin"));
        try {
            users.create("it-reporter", "问题 填报员", "items-password-1", DemoFacts.DEMO_REGION, List.of(Role.REPORTER), List.of(unit));
            users.create("it-head", "问题 负责人", "items-password-1", DemoFacts.DEMO_REGION, List.of(Role.UNIT_HEAD), List.of(unit));
            users.create("it-other", "他单位 填报员", "items-password-1", DemoFacts.DEMO_REGION, List.of(Role.REPORTER), List.of(otherUnit));
            users.create("it-office", "问题 共富办", "items-password-1", DemoFacts.DEMO_REGION, List.of(Role.OFFICE), List.of());
            users.create("it-leader", "问题 领导", "items-password-1", DemoFacts.DEMO_REGION, List.of(Role.LEADER), List.of());
        } finally {
            SignedInAsAdmin.signOut();
        }
    }

    @AfterEach
    void clockBack() {
        clock.reset();
    }

    @AfterAll
    void removeWhatTheSuiteAdded() {
        Notices.awaitDelivered(jdbc);
        jdbc.sql("delete from notification where dedup_key like 'item:%'").update();
        jdbc.sql("delete from supervised_item").update();
        jdbc.sql("delete from item_number").update();
    }

    @Test
    void anIssueIsRegisteredRectifiedWithEvidenceAnsweredClosedAndReopened() throws Exception {
        JsonNode issue = create("it-office", """
                {"kind":"ISSUE","source":"INSPECTION","subjectType":"TASK","subjectId":%d,"unitId":%d,
                 "title":"督查发现：台账不全","body":"请补齐台账","deadline":"%s"}""".formatted(task, unit, LocalDate.now().plusDays(10)));
        long id = issue.get("id").asLong();
        assertThat(issue.get("state").asString()).isEqualTo("OPEN");
        assertThat(issue.get("planId").asLong()).as("the plan of its task").isEqualTo(plan);
        assertThat(issue.get("number").isNull()).as("only orders are numbered").isTrue();

        // the unit's reporter sees it and is told; another unit's reporter does not see it at all
        assertThat(texts("it-reporter", "item:" + id + ":assigned:%")).singleElement().asString().contains("台账不全", unitName);
        mvc.perform(get("/api/v1/supervision/items/{id}", id).with(as("it-other"))).andExpect(status().isNotFound());
        assertThat(ids(json(mvc.perform(get("/api/v1/supervision/items?size=500").with(as("it-other")))))).doesNotContain(id);
        assertThat(ids(json(mvc.perform(get("/api/v1/supervision/items?kind=issue&size=500").with(as("it-reporter")))))).contains(id);
        assertThat(json(mvc.perform(get("/api/v1/supervision/items?size=500").with(as("it-reporter")))).get("items"))
                .as("a unit sees only its own items").allSatisfy(i -> assertThat(i.get("unitId").asLong()).isEqualTo(unit));
        // the office may not answer, a reporter may not close
        mvc.perform(post("/api/v1/supervision/items/{id}/answer", id).with(as("it-office")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"text\":\"x\",\"version\":0}")).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/supervision/items/{id}/close", id).with(as("it-reporter")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"version\":0}")).andExpect(status().isForbidden());
        // closing before the answer is refused
        mvc.perform(post("/api/v1/supervision/items/{id}/close", id).with(as("it-office")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"version\":0}")).andExpect(status().isConflict()).andExpect(jsonPath("$.type").value(org.hamcrest.Matchers.endsWith("item-not-answered")));

        byte[] photo = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13};
        JsonNode rectified = json(mvc.perform(multipart("/api/v1/supervision/items/{id}/evidence", id)
                .file(new MockMultipartFile("file", "../../台账照片.png", "image/png", photo))
                .param("text", "已补齐一半").param("version", "0").with(as("it-reporter")).with(csrf())));
        assertThat(rectified.get("state").asString()).as("a rectification keeps the state").isEqualTo("OPEN");
        JsonNode answered = json(call("it-head", "/api/v1/supervision/items/" + id + "/answer", "{\"text\":\"整改完成\",\"version\":1}"));
        assertThat(answered.get("state").asString()).isEqualTo("ANSWERED");
        assertThat(texts("it-office", "item:" + id + ":answered:%")).singleElement().asString().contains(unitName);

        // a stale version is a 409 with the item as it is now
        mvc.perform(post("/api/v1/supervision/items/{id}/close", id).with(as("it-office")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"version\":1}")).andExpect(status().isConflict());
        JsonNode closed = json(call("it-office", "/api/v1/supervision/items/" + id + "/close", "{\"text\":\"同意销号\",\"version\":2}"));
        assertThat(closed.get("state").asString()).isEqualTo("CLOSED");
        assertThat(texts("it-reporter", "item:" + id + ":closed:%")).hasSize(1);
        mvc.perform(post("/api/v1/supervision/items/{id}/answer", id).with(as("it-reporter")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"text\":\"again\",\"version\":3}")).andExpect(status().isConflict());

        JsonNode reopened = json(call("it-office", "/api/v1/supervision/items/" + id + "/reopen",
                "{\"text\":\"回头看发现反弹\",\"deadline\":\"%s\",\"version\":3}".formatted(LocalDate.now().plusDays(20))));
        assertThat(reopened.get("state").asString()).isEqualTo("OPEN");
        assertThat(reopened.get("deadline").asString()).isEqualTo(LocalDate.now().plusDays(20).toString());
        assertThat(texts("it-head", "item:" + id + ":reopened:%")).singleElement().asString().contains("重新打开");

        JsonNode detail = json(mvc.perform(get("/api/v1/supervision/items/{id}", id).with(as("it-reporter"))));
        List<String> kinds = new ArrayList<>();
        detail.get("entries").forEach(e -> kinds.add(e.get("kind").asString()));
        assertThat(kinds).containsExactly("CREATED", "ASSIGNED", "RECTIFICATION", "ANSWER", "CLOSED", "REOPENED");
        JsonNode file = detail.get("entries").get(2).get("evidence").get(0);
        assertThat(file.get("fileName").asString()).as("the client's path cut off").isEqualTo("台账照片.png");
        assertThat(file.get("contentType").asString()).as("type from the bytes").isEqualTo("image/png");
        byte[] back = mvc.perform(get("/api/v1/supervision/items/{id}/evidence/{e}", id, file.get("id").asLong()).with(as("it-office")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(back).isEqualTo(photo);
        assertThat(jdbc.sql("select action from audit_event where target = :t order by id").param("t", "item:" + id).query(String.class).list())
                .containsExactly("item.create", "item.rectify", "item.answer", "item.close", "item.reopen");

        // the pages: the list, and the item page with its timeline, for the unit
        String page = mvc.perform(get("/supervision/items/{id}", id).with(as("it-reporter"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("台账不全", "整改完成", "id=\"item-timeline\"", "id=\"answer-form\"").doesNotContain("id=\"close-form\"");
        assertThat(mvc.perform(get("/supervision/items?kind=ISSUE").with(as("it-office"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("台账不全", "id=\"item-counts\"", "id=\"new-issue\"");
    }

    @Test
    void aLeadersInstructionIsAnsweredByTheUnit() throws Exception {
        mvc.perform(post("/api/v1/supervision/items").with(as("it-office")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content(instruction())).andExpect(status().isForbidden());
        JsonNode item = create("it-leader", instruction());
        long id = item.get("id").asLong();
        assertThat(item.get("kind").asString()).isEqualTo("INSTRUCTION");
        assertThat(item.get("source").asString()).isEqualTo("INSTRUCTION");
        JsonNode answered = json(call("it-reporter", "/api/v1/supervision/items/" + id + "/answer", "{\"text\":\"已按批示落实\",\"version\":0}"));
        assertThat(answered.get("state").asString()).isEqualTo("ANSWERED");
        JsonNode closed = json(call("it-leader", "/api/v1/supervision/items/" + id + "/close", "{\"version\":1}"));
        assertThat(closed.get("state").asString()).as("the leader closes an instruction answered").isEqualTo("CLOSED");
        assertThat(json(mvc.perform(get("/api/v1/supervision/items?kind=INSTRUCTION&state=CLOSED").with(as("it-leader")))).get("total").asLong())
                .isGreaterThanOrEqualTo(1);
    }

    private String instruction() {
        return """
                {"kind":"INSTRUCTION","subjectType":"TASK","subjectId":%d,"unitId":%d,"title":"请加快推进","deadline":"%s"}"""
                .formatted(task, unit, LocalDate.now().plusDays(7));
    }

    @Test
    void anOrderIsNumberedRaisedFromYellowToRedAnsweredAndPrintsAsADocx() throws Exception {
        LocalDate reply = LocalDate.now().plusDays(5);
        JsonNode order = create("it-office", """
                {"kind":"ORDER","source":"WARNING","subjectType":"TASK","subjectId":%d,"unitId":%d,"title":"关于托育服务滞后的督办",
                 "body":"托位数进展滞后","deadline":"%s"}""".formatted(task, unit, reply));
        long id = order.get("id").asLong();
        int year = LocalDate.now().getYear();
        assertThat(order.get("grade").asString()).as("an order starts yellow").isEqualTo("YELLOW");
        String number = order.get("number").asString();
        assertThat(number).matches("共富督〔" + year + "〕\\d+号");
        JsonNode next = create("it-office", """
                {"kind":"ORDER","unitId":%d,"title":"第二件","deadline":"%s"}""".formatted(otherUnit, reply));
        assertThat(seq(next.get("number").asString())).as("consecutive in the region's year").isEqualTo(seq(number) + 1);

        JsonNode orange = json(call("it-office", "/api/v1/supervision/items/" + id + "/raise", "{\"grade\":\"ORANGE\",\"version\":0}"));
        assertThat(orange.get("grade").asString()).isEqualTo("ORANGE");
        mvc.perform(post("/api/v1/supervision/items/{id}/raise", id).with(as("it-office")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"grade\":\"YELLOW\",\"version\":1}")).andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("grade"));
        json(call("it-reporter", "/api/v1/supervision/items/" + id + "/answer", "{\"text\":\"正在推进\",\"version\":1}"));
        LocalDate later = reply.plusDays(10);
        JsonNode red = json(call("it-office", "/api/v1/supervision/items/" + id + "/raise",
                "{\"grade\":\"RED\",\"text\":\"回复不实，提级督办\",\"deadline\":\"%s\",\"version\":2}".formatted(later)));
        assertThat(red.get("grade").asString()).isEqualTo("RED");
        assertThat(red.get("state").asString()).as("raised: the unit must answer again").isEqualTo("OPEN");
        assertThat(texts("it-reporter", "item:" + id + ":raised:%")).hasSize(2).allSatisfy(t -> assertThat(t).startsWith("提级督办"));
        JsonNode answered = json(call("it-head", "/api/v1/supervision/items/" + id + "/answer", "{\"text\":\"已全部整改到位\",\"version\":3}"));
        assertThat(answered.get("state").asString()).isEqualTo("ANSWERED");

        List<String> kinds = new ArrayList<>();
        json(mvc.perform(get("/api/v1/supervision/items/{id}/entries", id).with(as("it-office")))).forEach(e -> kinds.add(e.get("kind").asString()));
        assertThat(kinds).containsExactly("CREATED", "ASSIGNED", "GRADE_RAISED", "ANSWER", "GRADE_RAISED", "ANSWER");

        byte[] docx = mvc.perform(get("/api/v1/supervision/items/{id}/docx", id).with(as("it-reporter"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        String text = docxText(docx);
        assertThat(text).contains(number, "红色督办", unitName, "关于托育服务滞后的督办",
                later.getYear() + "年" + later.getMonthValue() + "月" + later.getDayOfMonth() + "日", "共同富裕工作领导小组办公室");
        String page = mvc.perform(get("/supervision/items/{id}", id).with(as("it-office"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains(number, "id=\"item-docx\"", "id=\"close-form\"", "items.css");
    }

    @Test
    void theDailyJobFindsOverdueItemsOnceAndTellsTheUnitAndTheOffice() throws Exception {
        LocalDate deadline = LocalDate.now().plusDays(3);
        long id = create("it-office", """
                {"kind":"ISSUE","unitId":%d,"title":"暗访发现问题","source":"UNANNOUNCED_VISIT","deadline":"%s"}"""
                .formatted(unit, deadline)).get("id").asLong();
        overdue.run(deadline);
        assertThat(overdueAt(id)).as("on the deadline it is not overdue").isNull();
        clock.moveTo(deadline.plusDays(2).atTime(7, 45));
        assertThat(overdue.run(deadline.plusDays(2))).as("two days late").isGreaterThanOrEqualTo(1);
        assertThat(overdueAt(id)).isEqualTo(deadline.plusDays(2));
        assertThat(overdue.run(deadline.plusDays(2))).as("a second run marks nothing").isZero();
        overdue.run(deadline.plusDays(3));
        assertThat(jdbc.sql("select count(*) from item_entry where item_id = :i and kind = 'OVERDUE'").param("i", id).query(Long.class).single())
                .as("marked once, whatever the later runs").isEqualTo(1);
        assertThat(texts("it-reporter", "item:" + id + ":overdue:%")).singleElement().asString().contains("逾期 2 天");
        assertThat(texts("it-office", "item:" + id + ":overdue:%")).hasSize(1);
        JsonNode list = json(mvc.perform(get("/api/v1/supervision/items?overdue=true").with(as("it-office"))));
        List<Long> ids = new ArrayList<>();
        list.get("items").forEach(i -> ids.add(i.get("id").asLong()));
        assertThat(ids).contains(id);
        assertThat(list.get("items").get(ids.indexOf(id)).get("daysOverdue").asInt()).isEqualTo(2);
        JsonNode stats = json(mvc.perform(get("/api/v1/supervision/items/stats?plan=").with(as("it-leader"))));
        List<Integer> overdueOfUnit = new ArrayList<>();
        stats.forEach(s -> {
            if (s.get("unitId").asLong() == unit) overdueOfUnit.add(s.get("overdue").asInt());
        });
        assertThat(overdueOfUnit).singleElement().satisfies(n -> assertThat(n).isGreaterThanOrEqualTo(1));
    }

    @Test
    void aUnitWithAnOverdueIssueScoresLowerOnTheIssueComponent() throws Exception {
        create("it-office", """
                {"kind":"ISSUE","unitId":%d,"planId":%d,"title":"逾期未整改","deadline":"%s"}"""
                .formatted(unit, plan, LocalDate.now().minusDays(3)));
        create("it-office", """
                {"kind":"ISSUE","unitId":%d,"planId":%d,"title":"按期整改中","deadline":"%s"}"""
                .formatted(otherUnit, plan, LocalDate.now().plusDays(30)));
        var ranks = Scope.asSystem(() -> rankings.rank(plan, YearMonth.now()));
        Double late = ranks.stream().filter(r -> r.unitId() == unit).findFirst().orElseThrow().result().components().get(Component.OVERDUE_ISSUES);
        Double onTime = ranks.stream().filter(r -> r.unitId() == otherUnit).findFirst().orElseThrow().result().components()
                .get(Component.OVERDUE_ISSUES);
        assertThat(onTime).isEqualTo(1.0);
        assertThat(late).as("each overdue issue costs a fifth").isLessThan(onTime).isLessThanOrEqualTo(0.8);
    }

    @Test
    void hostileInputIsA400NamingTheField() throws Exception {
        String deadline = LocalDate.now().plusDays(3).toString();
        bad("{\"kind\":\"BOGUS\",\"unitId\":%d,\"title\":\"x\",\"deadline\":\"%s\"}".formatted(unit, deadline), "kind");
        bad("{\"kind\":\"ISSUE\",\"unitId\":%d,\"title\":\"%s\",\"deadline\":\"%s\"}".formatted(unit, "长".repeat(10_000), deadline), "title");
        bad("{\"kind\":\"ISSUE\",\"unitId\":-5,\"title\":\"x\",\"deadline\":\"%s\"}".formatted(deadline), "unitId");
        bad("{\"kind\":\"ISSUE\",\"unitId\":%d,\"title\":\"x\",\"deadline\":\"9999-99-99\"}".formatted(unit), "deadline");
        bad("{\"kind\":\"ISSUE\",\"unitId\":%d,\"title\":\"x\",\"deadline\":\"+999999-01-01\"}".formatted(unit), "deadline");
        bad("{\"kind\":\"ISSUE\",\"unitId\":99999999999999999999999,\"title\":\"x\",\"deadline\":\"%s\"}".formatted(deadline), "unitId");
        bad("{\"kind\":\"ISSUE\",\"unitId\":%d,\"title\":\"x\",\"deadline\":\"%s\",\"subjectType\":\"TASK\",\"subjectId\":-1}".formatted(unit, deadline),
                "subjectId");
        mvc.perform(get("/api/v1/supervision/items?grade=PURPLE").with(as("it-office"))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("grade"));
        mvc.perform(get("/supervision/items?state=NOPE").with(as("it-office"))).andExpect(status().isBadRequest());
    }

    private LocalDate overdueAt(long id) {
        return jdbc.sql("select overdue_at from supervised_item where id = :i").param("i", id).query((rs, n) -> rs.getObject(1, LocalDate.class)).list().get(0);
    }

    private static List<Long> ids(JsonNode page) {
        List<Long> ids = new ArrayList<>();
        page.get("items").forEach(i -> ids.add(i.get("id").asLong()));
        return ids;
    }

    private void bad(String body, String field) throws Exception {
        mvc.perform(post("/api/v1/supervision/items").with(as("it-office")).with(csrf()).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value(field));
    }

    private static int seq(String number) {
        return Integer.parseInt(number.replaceAll(".*〕(\\d+)号", "$1"));
    }

    static String docxText(byte[] docx) throws Exception {
        StringBuilder text = new StringBuilder();
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
            for (XWPFParagraph p : doc.getParagraphs()) text.append(p.getText()).append('\n');
            for (XWPFTable t : doc.getTables()) {
                for (XWPFTableRow r : t.getRows()) for (XWPFTableCell c : r.getTableCells()) text.append(c.getText()).append('\t');
            }
        }
        return text.toString();
    }

    private JsonNode create(String who, String body) throws Exception {
        return JSON.readTree(mvc.perform(post("/api/v1/supervision/items").with(as(who)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content(body)).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    private ResultActions call(String who, String path, String body) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path).with(as(who)).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private List<String> texts(String username, String dedupLike) {
        return Notices.texts(jdbc, messages, "u.username = :u and n.dedup_key like :k", Map.of("u", username, "k", dedupLike));
    }

    private static JsonNode json(ResultActions result) throws Exception {
        return JSON.readTree(result.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    private RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username).withoutPassword());
    }
}
