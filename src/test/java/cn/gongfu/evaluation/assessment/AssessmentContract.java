package cn.gongfu.evaluation.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gongfu.evaluation.assessment.AssessmentService.AppealState;
import cn.gongfu.evaluation.assessment.AssessmentService.AppealView;
import cn.gongfu.evaluation.assessment.AssessmentService.Board;
import cn.gongfu.evaluation.assessment.AssessmentService.ItemKind;
import cn.gongfu.evaluation.assessment.AssessmentService.ItemState;
import cn.gongfu.evaluation.assessment.AssessmentService.ItemView;
import cn.gongfu.evaluation.assessment.AssessmentService.UnitScoreView;
import cn.gongfu.evaluation.method.ExplainedScore.Line;
import cn.gongfu.evaluation.ranking.RankingService;
import cn.gongfu.kernel.InvalidParameterException;
import cn.gongfu.kernel.Role;
import cn.gongfu.kernel.StaleVersionException;
import cn.gongfu.support.DemoFacts;
import cn.gongfu.support.SignedInAsAdmin;
import cn.gongfu.users.UserService;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;

/**
 * 考核 on the demo plan, end to end on the database: an office's rules (versioned, a stale save refused, bad numbers
 * refused with their field), a bonus proposed by a unit and approved, a second one cut by the cap, a manual deduction,
 * the year published as the region's ranking, an appeal upheld that removes the deduction and revises the published
 * ranking (the first revision kept as it was), an appeal rejected, who may do what, the page and the export read back
 * with POI. Everything the suite adds is removed after it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class AssessmentContract {

    @Autowired AssessmentService assessment;
    @Autowired RankingService rankings;
    @Autowired UserService users;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;
    @Autowired Clock clock;

    long plan;
    int year;
    long unit;
    String unitName;
    List<Long> snapshotsBefore;

    @BeforeAll
    void aUnitOfTheDemoPlanAndItsPeople() {
        plan = DemoFacts.demoPlanId(jdbc);
        var p = jdbc.sql("select start_year, end_year from plan where id = :p").param("p", plan)
                .query((rs, i) -> new int[] {rs.getInt(1), rs.getInt(2)}).single();
        year = Math.max(p[0], Math.min(p[1], YearMonth.now(clock).getYear()));
        snapshotsBefore = jdbc.sql("select id from ranking_snapshot").query(Long.class).list();
        SignedInAsAdmin.signIn(users.loadUserByUsername("admin"));
        try {
            UnitScoreView first = assessment.board(plan, year).scores().stream()
                    .filter(s -> s.peerGroup().equals("department")).findFirst().orElseThrow();
            unit = first.unitId();
            unitName = first.unitName();
            users.create("as-reporter", "考核 填报员", "assess-password-1", DemoFacts.DEMO_REGION, List.of(Role.REPORTER), List.of(unit));
            users.create("as-office", "考核 共富办", "assess-password-1", DemoFacts.DEMO_REGION, List.of(Role.OFFICE), List.of());
            users.create("as-leader", "考核 领导", "assess-password-1", DemoFacts.DEMO_REGION, List.of(Role.LEADER), List.of());
        } finally {
            SignedInAsAdmin.signOut();
        }
    }

    @AfterAll
    void removeWhatTheSuiteAdded() {
        jdbc.sql("delete from supervised_item where title = '考核测试'").update();
        jdbc.sql("delete from survey_wave where name = '考核测试'").update();
        jdbc.sql("delete from assessment_appeal where plan_id = :p").param("p", plan).update();
        jdbc.sql("delete from assessment_item where plan_id = :p").param("p", plan).update();
        jdbc.sql("delete from assessment_rule where plan_id = :p").param("p", plan).update();
        List<Long> added = jdbc.sql("select id from ranking_snapshot").query(Long.class).list().stream()
                .filter(id -> !snapshotsBefore.contains(id)).toList();
        if (!added.isEmpty()) jdbc.sql("delete from ranking_snapshot where id in (:ids)").param("ids", added).update();
    }

    <T> T as(String username, Supplier<T> work) {
        SignedInAsAdmin.signIn(users.loadUserByUsername(username));
        try {
            return work.get();
        } finally {
            SignedInAsAdmin.signOut();
        }
    }

    UnitScoreView score(String username) {
        return as(username, () -> assessment.board(plan, year)).scores().stream().filter(s -> s.unitId() == unit).findFirst().orElseThrow();
    }

    static Map<String, String> rules(String indicatorWeight, String bonusCap) {
        Map<String, String> f = new HashMap<>();
        for (String w : AssessmentService.WEIGHT_FIELDS) f.put(w, "10");
        f.put("w_indicator", indicatorWeight);
        for (String d : AssessmentService.DEDUCTION_FIELDS) {
            f.put("per_" + d, "0.5");
            f.put("cap_" + d, "3");
        }
        f.put("deduction_cap", "100");
        f.put("bonus_cap", bonusCap);
        return f;
    }

    @Test
    void theWholeFlowFromRulesToARevisedRanking() throws Exception {
        long rulesAudited = rulesAudited(), upholdsAudited = auditCount("assessment.appeal.uphold");
        // defaults first: no rule stored, the weighted part is UnitScore's default ranking's score
        Board defaults = as("as-office", () -> assessment.board(plan, year));
        assertThat(defaults.rules().stored()).isFalse();
        UnitScoreView before = score("as-office");
        double liveScore = as("as-office", () -> rankings.rank(plan, defaults.asOf())).stream().filter(r -> r.unitId() == unit)
                .findFirst().orElseThrow().result().score();
        assertThat(before.explained().weighted()).as("the weighted part is UnitScore's").isEqualTo(liveScore);

        // the office's rules: stored on version 0, changed on version 0 (now 1), a stale save refused
        assertThat(as("as-office", () -> assessment.saveRules(plan, year, rules("40", "4"), 0)).version()).isZero();
        assertThat(as("as-office", () -> assessment.saveRules(plan, year, rules("50", "4"), 0)).version()).isEqualTo(1);
        assertThatThrownBy(() -> as("as-office", () -> assessment.saveRules(plan, year, rules("60", "4"), 0)))
                .isInstanceOf(StaleVersionException.class);
        assertThatThrownBy(() -> as("as-office", () -> assessment.saveRules(plan, year, rules("abc", "4"), 1)))
                .isInstanceOf(InvalidParameterException.class).extracting(e -> ((InvalidParameterException) e).field()).isEqualTo("w_indicator");
        Map<String, String> noWeight = rules("0", "4");
        AssessmentService.WEIGHT_FIELDS.forEach(w -> noWeight.put(w, "0"));
        assertThatThrownBy(() -> as("as-office", () -> assessment.saveRules(plan, year, noWeight, 1)))
                .isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> as("as-reporter", () -> assessment.saveRules(plan, year, rules("50", "4"), 1)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(rulesAudited() - rulesAudited).as("two saves audited").isEqualTo(2);
        UnitScoreView ruled = score("as-office");
        double deductionsOfTheRecord = ruled.explained().deductions();

        // a bonus proposed by the unit counts only once approved
        ItemView bonus = as("as-reporter", () -> assessment.propose(plan, year, unit, ItemKind.BONUS, "典型案例被市级采纳", "3", "市委改革办简报第5期", null));
        assertThat(bonus.state()).isEqualTo(ItemState.PROPOSED);
        assertThat(score("as-office").explained().total()).isEqualTo(ruled.explained().total());
        assertThatThrownBy(() -> as("as-reporter", () -> assessment.propose(plan, year, unit, ItemKind.DEDUCTION, "自扣", "1", "", null)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as("as-reporter", () -> assessment.propose(plan, year, unit, ItemKind.BONUS, "", "1", "", null)))
                .isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> as("as-reporter", () -> assessment.propose(plan, year, unit, ItemKind.BONUS, "太多", "25", "", null)))
                .isInstanceOf(InvalidParameterException.class);
        as("as-office", () -> assessment.decideItem(bonus.id(), true, "属实", bonus.version()));
        assertThatThrownBy(() -> as("as-office", () -> assessment.decideItem(bonus.id(), true, "", bonus.version())))
                .as("decided on an old version").isInstanceOf(StaleVersionException.class);
        UnitScoreView withBonus = score("as-office");
        // + 3
        assertThat(withBonus.explained().total()).isEqualTo(round(ruled.explained().total() + 3));
        // a second bonus of 2: 3 + 2 = 5 over the cap of 4, so 4 count
        ItemView second = as("as-office", () -> assessment.propose(plan, year, unit, ItemKind.BONUS, "改革试点获批", "2", "省发改委批复", null));
        as("as-office", () -> assessment.decideItem(second.id(), true, "", second.version()));
        UnitScoreView capped = score("as-office");
        assertThat(capped.explained().bonuses()).isEqualTo(4.0);
        assertThat(capped.explained().lines()).anyMatch(l -> l.key().equals("BONUS_CAP") && l.points() == -1.0);
        // a manual deduction by the office: approved as entered, − 2.5
        ItemView deduction = as("as-office", () -> assessment.propose(plan, year, unit, ItemKind.DEDUCTION, "安全生产事故", "2.5", "区应急局通报", null));
        assertThat(deduction.state()).isEqualTo(ItemState.APPROVED);
        UnitScoreView deducted = score("as-office");
        assertThat(deducted.explained().deductions()).isEqualTo(round(deductionsOfTheRecord + 2.5));
        assertThat(deducted.explained().total()).isEqualTo(round(ruled.explained().total() + 4 - 2.5));
        // the lines add up to the total
        assertThat(round(deducted.explained().lines().stream().mapToDouble(Line::points).sum())).isEqualTo(deducted.explained().total());

        // published as the region's ranking of the year
        String region = as("as-office", () -> assessment.board(plan, year)).plan().regionCode();
        var published = as("as-office", () -> assessment.publish(plan, year));
        var group = published.stream().filter(s -> s.peerGroup().equals("department")).findFirst().orElseThrow();
        int revision = group.revision();
        assertThat(entryScore(group.id())).isEqualTo(deducted.explained().total());

        // the unit appeals the deduction; a second appeal of the same line, or of a line it has not, is refused
        AppealView appeal = as("as-reporter", () -> assessment.fileAppeal(plan, year, unit, "item:" + deduction.id(), "事故责任不在本单位"));
        assertThat(appeal.state()).isEqualTo(AppealState.FILED);
        assertThat(appeal.pointsBefore()).isEqualTo(-2.5);
        assertThatThrownBy(() -> as("as-reporter", () -> assessment.fileAppeal(plan, year, unit, "item:" + deduction.id(), "再次")))
                .isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> as("as-reporter", () -> assessment.fileAppeal(plan, year, unit, "NO_SUCH_LINE", "理由")))
                .isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> as("as-reporter", () -> assessment.decideAppeal(appeal.id(), true, "0", "自批", appeal.version())))
                .isInstanceOf(AccessDeniedException.class);
        // upheld: the deduction counts 0; the score and the published ranking follow, the earlier revision kept
        AppealView upheld = as("as-office", () -> assessment.decideAppeal(appeal.id(), true, "0", "经核实，责任在他单位", appeal.version()));
        assertThat(upheld.state()).isEqualTo(AppealState.UPHELD);
        UnitScoreView after = score("as-reporter");
        assertThat(after.explained().total()).isEqualTo(round(deducted.explained().total() + 2.5));
        Line removed = after.explained().lines().stream().filter(l -> l.key().equals("item:" + deduction.id())).findFirst().orElseThrow();
        assertThat(removed.points()).isEqualTo(0.0);
        assertThat(removed.before()).isEqualTo(-2.5);
        var revised = as("as-office", () -> rankings.published(region)).stream().filter(s -> s.id() == group.id()).findFirst().orElseThrow();
        assertThat(revised.revision()).isEqualTo(revision + 1);
        assertThat(revised.revisionNote()).isEqualTo("appeal #" + appeal.id());
        assertThat(entryScore(group.id())).isEqualTo(after.explained().total());
        assertThat(jdbc.sql("select score from ranking_entry_revision where snapshot_id = :s and revision = :r and unit_id = :u")
                .param("s", group.id()).param("r", revision).param("u", unit).query(Double.class).single())
                .as("the revision before, exactly as published").isEqualTo(deducted.explained().total());
        assertThat(auditCount("assessment.appeal.uphold") - upholdsAudited).isEqualTo(1);
        assertThat(auditCount("ranking.revise")).isGreaterThanOrEqualTo(1);

        // an appeal of a component, rejected with a reply: nothing changes
        AppealView onIndicators = as("as-reporter", () -> assessment.fileAppeal(plan, year, unit, after.explained().lines().get(0).key(), "数据口径有误"));
        AppealView rejected = as("as-office", () -> assessment.decideAppeal(onIndicators.id(), false, null, "口径与统计局一致", onIndicators.version()));
        assertThat(rejected.state()).isEqualTo(AppealState.REJECTED);
        assertThat(rejected.reply()).isEqualTo("口径与统计局一致");
        assertThat(score("as-reporter").explained().total()).isEqualTo(after.explained().total());
        // the unit sees its own row and its appeals; a leader sees every row but may not propose
        Board mine = as("as-reporter", () -> assessment.board(plan, year));
        assertThat(mine.scores()).extracting(UnitScoreView::unitId).containsExactly(unit);
        assertThat(mine.appeals()).extracting(AppealView::state).containsExactly(AppealState.UPHELD, AppealState.REJECTED);
        assertThat(as("as-leader", () -> assessment.board(plan, year)).scores().size()).isGreaterThan(1);
        assertThatThrownBy(() -> as("as-leader", () -> assessment.propose(plan, year, unit, ItemKind.BONUS, "领导", "1", "", null)))
                .isInstanceOf(AccessDeniedException.class);

        // the page, a refused form (422 with the field named; a year outside the plan, 400), and the export read back
        String page = mvc.perform(get("/assessment").param("plan", "" + plan).param("year", "" + year).with(user(users.loadUserByUsername("as-office"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains(unitName).contains("id=\"rules-form\"").contains("典型案例被市级采纳");
        String units = mvc.perform(get("/dashboard/units").param("plan", "" + plan).with(user(users.loadUserByUsername("as-office"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(units).as("the published ranking says it was revised and why").contains("修订（appeal #" + appeal.id() + "）");
        String refused = mvc.perform(post("/assessment/rules").param("plan", "" + plan).param("year", "" + year).param("version", "1")
                        .param("w_indicator", "很多").with(csrf()).with(user(users.loadUserByUsername("as-office"))))
                .andExpect(status().is(422)).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("w_indicator").contains("很多");
        mvc.perform(post("/assessment/rules").param("plan", "" + plan).param("year", "1900").param("version", "0")
                .with(csrf()).with(user(users.loadUserByUsername("as-office")))).andExpect(status().isBadRequest());
        byte[] xlsx = mvc.perform(get("/assessment/export").param("plan", "" + plan).param("year", "" + year)
                        .with(user(users.loadUserByUsername("as-office"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet scores = book.getSheetAt(0);
            Row row = null;
            for (Row r : scores) if (unitName.equals(r.getCell(0).getStringCellValue())) row = r;
            assertThat(row).as("the unit's row").isNotNull();
            int last = scores.getRow(0).getLastCellNum();
            assertThat(row.getCell(last - 2).getNumericCellValue()).as("total").isEqualTo(after.explained().total());
            assertThat(row.getCell(last - 1).getNumericCellValue()).as("rank").isEqualTo(after.explained().rank());
            assertThat(row.getCell(last - 4).getNumericCellValue()).as("bonuses").isEqualTo(4.0);
            Sheet lines = book.getSheetAt(1);
            boolean bonusLine = false;
            for (Row r : lines) {
                if (unitName.equals(r.getCell(0).getStringCellValue()) && "典型案例被市级采纳".equals(r.getCell(2).getStringCellValue())) {
                    bonusLine = r.getCell(6).getNumericCellValue() == 3.0;
                }
            }
            assertThat(bonusLine).as("the bonus line with its 3 points").isTrue();
        }
    }

    @Test
    void ordersOnTimeRedOrdersAndTheFourSensesCountFromTheirRecords() {
        int start = jdbc.sql("select start_year from plan where id = :p").param("p", plan).query(Integer.class).single();
        int other = start == year ? start + 1 : start;
        assertThat(jdbc.sql("select count(*) from supervised_item where unit_id = :u and plan_id = :p").param("u", unit).param("p", plan)
                .query(Long.class).single()).as("the demo registers nothing for the unit").isZero();
        // a rule that weighs orders answered on time and the 四感 index: indicators 50, orders 50, 四感 50, nothing else
        Map<String, String> f = rules("50", "5");
        AssessmentService.WEIGHT_FIELDS.forEach(w -> f.put(w, "0"));
        f.put("w_indicator", "50");
        f.put("w_orders", "50");
        f.put("w_four_senses", "50");
        as("as-office", () -> assessment.saveRules(plan, other, f, 0));
        java.time.LocalDate deadline = java.time.LocalDate.of(other, 6, 30);
        String region = jdbc.sql("select region_code from plan where id = :p").param("p", plan).query(String.class).single();
        // three orders due by the year's end: a red one answered the day before its deadline, a yellow one answered a
        // day late, one never answered; and an issue past its deadline, not closed
        long red = item("ORDER", "RED", deadline, region);
        long late = item("ORDER", "YELLOW", deadline, region);
        item("ORDER", "ORANGE", deadline, region);
        item("ISSUE", null, deadline, region);
        answer(red, deadline.minusDays(1));
        answer(late, deadline.plusDays(1));
        // the unit's region surveyed on the year's last day: every sense 4 on a 5-point scale, an index of 75
        var waveKey = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("insert into survey_wave (region_code, name, fielded_on, scale_points) values (:r, '考核测试', :d, 5)")
                .param("r", jdbc.sql("select region_code from unit where id = :u").param("u", unit).query(String.class).single())
                .param("d", java.time.LocalDate.of(other, 12, 31)).update(waveKey, "id");
        long wave = waveKey.getKey().longValue();
        for (String d : List.of("gain", "happiness", "security", "identity")) {
            jdbc.sql("insert into survey_summary (wave_id, dimension, mean, sd, n) values (:w, :d, 4, 1, 100)").param("w", wave).param("d", d).update();
        }
        UnitScoreView s = as("as-office", () -> assessment.board(plan, other)).scores().stream().filter(v -> v.unitId() == unit)
                .findFirst().orElseThrow();
        Line orders = s.explained().lines().stream().filter(l -> l.key().equals("ORDERS_ON_TIME")).findFirst().orElseThrow();
        // 1 of 3 orders on time; weight 50 of the unit's 50 + 50 + 50 (it has indicators): points 100 · 1/3 · 1/3 = 11.11
        assertThat(orders.share()).isEqualTo(1.0 / 3);
        assertThat(orders.weight()).isCloseTo(1.0 / 3, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(orders.points()).isCloseTo(100.0 / 9, org.assertj.core.api.Assertions.within(1e-9));
        // the 四感 index 75: share 0.75, points 100 · 1/3 · 0.75 = 25
        Line senses = s.explained().lines().stream().filter(l -> l.key().equals("FOUR_SENSES")).findFirst().orElseThrow();
        assertThat(senses.share()).isCloseTo(0.75, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(senses.points()).isCloseTo(25.0, org.assertj.core.api.Assertions.within(1e-9));
        // one red order: 0.5; one overdue issue: 0.5
        assertThat(s.explained().lines()).anyMatch(l -> l.key().equals("RED_ORDER") && l.count() == 1 && l.points() == -0.5);
        assertThat(s.explained().lines()).anyMatch(l -> l.key().equals("OVERDUE_ISSUE") && l.count() == 1 && l.points() == -0.5);
        // the components the rule gives no weight show no points
        assertThat(s.explained().lines().stream().filter(l -> l.key().equals("MILESTONE_TIMELINESS")).mapToDouble(Line::points).sum()).isZero();
    }

    long item(String kind, String grade, java.time.LocalDate deadline, String region) {
        var key = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                insert into supervised_item (kind, subject_type, source, plan_id, unit_id, region_code, title, body, grade, deadline,
                  state, created_by, created_at, updated_at)
                values (:k, 'NONE', 'MANUAL', :p, :u, :r, '考核测试', '考核测试', :g, :d, 'OPEN', 'as-office', :at, :at)""")
                .param("k", kind).param("p", plan).param("u", unit).param("r", region).param("g", grade).param("d", deadline)
                .param("at", deadline.minusDays(20).atStartOfDay()).update(key, "id");
        return key.getKey().longValue();
    }

    void answer(long item, java.time.LocalDate on) {
        jdbc.sql("insert into item_entry (item_id, kind, text, author, created_at) values (:i, 'ANSWER', '已办结', 'as-reporter', :at)")
                .param("i", item).param("at", on.atTime(10, 0)).update();
    }

    double entryScore(long snapshot) {
        return jdbc.sql("select score from ranking_entry where snapshot_id = :s and unit_id = :u").param("s", snapshot).param("u", unit)
                .query(Double.class).single();
    }

    long rulesAudited() {
        return jdbc.sql("select count(*) from audit_event where action = 'assessment.rules' and target = :t")
                .param("t", "plan:" + plan + ":" + year).query(Long.class).single();
    }

    long auditCount(String action) {
        return jdbc.sql("select count(*) from audit_event where action = :a and (target like 'plan:%' or target like 'assessment%' or target like 'ranking%')")
                .param("a", action).query(Long.class).single();
    }

    static double round(double x) {
        return java.math.BigDecimal.valueOf(x).setScale(2, java.math.RoundingMode.HALF_UP).doubleValue();
    }
}
