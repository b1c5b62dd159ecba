package cn.gongfu.evaluation.method;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cn.gongfu.evaluation.method.ExplainedScore.Counts;
import cn.gongfu.evaluation.method.ExplainedScore.Explained;
import cn.gongfu.evaluation.method.ExplainedScore.Item;
import cn.gongfu.evaluation.method.ExplainedScore.Line;
import cn.gongfu.evaluation.method.ExplainedScore.LineKind;
import cn.gongfu.evaluation.method.ScoreRules.Deduction;
import cn.gongfu.evaluation.method.ScoreRules.DeductionRule;
import cn.gongfu.evaluation.method.UnitScore.Component;
import cn.gongfu.evaluation.method.UnitScore.UnitInput;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Worked examples of docs/assessment.md: the weighted part, bonuses within their cap, deductions from the rule and by hand
 * within theirs, and appeals that change a line and with it the total and the rank. Every number is computed by hand in
 * the comments. Rules: {@link ScoreRules#DEFAULTS} (weights 40/25/15/10/10; deductions 0.5 per overdue report up to 3,
 * 0.5 per returned report up to 2, 1 per red order up to 3, 0.5 per overdue issue up to 2; deductions at most 10,
 * bonuses at most 5) unless said.
 */
class ExplainedScoreTest {

    // 区民政局: 100 · (0.4·0.5 + 0.25·1 + 0.15·0.75 + 0.10·1 + 0.10·(1 − 1/5)) = 20 + 25 + 11.25 + 10 + 8 = 74.25
    static final UnitInput CIVIL = new UnitInput("区民政局", "department", 0.5, 1.0, 0.75, 1.0, 1);
    // 区教育局: every share 1, no overdue issue: 100
    static final UnitInput EDUCATION = new UnitInput("区教育局", "department", 1.0, 1.0, 1.0, 1.0, 0);

    static final Map<String, Counts> COUNTS = Map.of(
            // 1 overdue report: 0.5; 2 red orders: 2; 1 overdue issue: 0.5 → 3 in all
            "区民政局", new Counts(1, 0, 2, 1),
            // 10 overdue reports: 5, capped at 3; 6 returns: 3, capped at 2; 5 red orders: 5, capped at 3 → 8
            "区教育局", new Counts(10, 6, 5, 0));

    static final Map<String, List<Item>> ITEMS = Map.of(
            // bonuses 3 + 4 = 7, over the cap of 5: counted 5 (a cap line of −2)
            "区民政局", List.of(new Item(1, true, "典型案例被省级采纳", 3), new Item(2, true, "改革试点获批", 4)),
            // a manual deduction of 4: 8 + 4 = 12, over the cap of 10: counted 10 (a cap line of +2)
            "区教育局", List.of(new Item(3, false, "安全生产事故", 4)));

    @Test
    void bonusesAndDeductionsWithinTheirCaps() {
        List<Explained> r = ExplainedScore.explain(List.of(CIVIL, EDUCATION), ScoreRules.DEFAULTS, COUNTS, ITEMS, Map.of());
        Explained education = r.get(0), civil = r.get(1);
        // 区教育局: 100 + 0 − 10 = 90, first; 区民政局: 74.25 + 5 − 3 = 76.25, second
        assertThat(education.unitId()).isEqualTo("区教育局");
        assertThat(education.weighted()).isEqualTo(100.0);
        assertThat(education.deductions()).isEqualTo(10.0);
        assertThat(education.total()).isEqualTo(90.0);
        assertThat(education.rank()).isEqualTo(1);
        assertThat(civil.weighted()).isEqualTo(74.25);
        assertThat(civil.bonuses()).isEqualTo(5.0);
        assertThat(civil.deductions()).isEqualTo(3.0);
        assertThat(civil.total()).isEqualTo(76.25);
        assertThat(civil.rank()).isEqualTo(2);
        assertThat(civil.groupSize()).isEqualTo(2);

        // the explanation: five components, three rule deductions, two bonuses, the bonus cap
        Line indicators = line(civil, "INDICATOR_ACHIEVEMENT");
        assertThat(indicators.kind()).isEqualTo(LineKind.COMPONENT);
        assertThat(indicators.share()).isEqualTo(0.5);
        assertThat(indicators.weight()).isCloseTo(0.4, within(1e-9));
        assertThat(indicators.points()).isCloseTo(20.0, within(1e-9));
        assertThat(line(civil, "OVERDUE_ISSUES").points()).isCloseTo(8.0, within(1e-9));
        assertThat(line(civil, "RED_ORDER").count()).isEqualTo(2);
        assertThat(line(civil, "RED_ORDER").points()).isEqualTo(-2.0);
        assertThat(line(civil, "OVERDUE_REPORT").points()).isEqualTo(-0.5);
        assertThat(civil.lines()).noneMatch(l -> l.key().equals("RETURNED_REPORT")); // none returned: no line
        assertThat(line(civil, "item:2").reason()).isEqualTo("改革试点获批");
        assertThat(line(civil, "item:2").points()).isEqualTo(4.0);
        assertThat(line(civil, "BONUS_CAP").points()).isEqualTo(-2.0);
        // every line adds up to the total: 74.25 + (−0.5 − 2 − 0.5) + (3 + 4 − 2) = 76.25
        assertThat(civil.lines().stream().mapToDouble(Line::points).sum()).isCloseTo(76.25, within(1e-9));
        // the capped rules: overdue reports 3 (not 5), returns 2 (not 3), red orders 3 (not 5), and the cap line +2
        assertThat(line(education, "OVERDUE_REPORT").points()).isEqualTo(-3.0);
        assertThat(line(education, "RETURNED_REPORT").points()).isEqualTo(-2.0);
        assertThat(line(education, "RED_ORDER").points()).isEqualTo(-3.0);
        assertThat(line(education, "item:3").points()).isEqualTo(-4.0);
        assertThat(line(education, "DEDUCTION_CAP").points()).isEqualTo(2.0);
        assertThat(education.lines().stream().mapToDouble(Line::points).sum()).isCloseTo(90.0, within(1e-9));
    }

    @Test
    void anUpheldAppealChangesTheLineTheTotalAndTheRank() {
        // 区民政局 appealed its red-order deduction (removed: 0) and its indicator achievement (an indicator wrongly
        // lagging: 0.9 of 40 points = 36 instead of 20): weighted 74.25 − 20 + 36 = 90.25; deductions 0.5 + 0.5 = 1;
        // total 90.25 + 5 − 1 = 94.25, ahead of 区教育局's 90
        Map<String, Map<String, Double>> upheld = Map.of("区民政局", Map.of("RED_ORDER", 0.0, "INDICATOR_ACHIEVEMENT", 36.0));
        List<Explained> r = ExplainedScore.explain(List.of(CIVIL, EDUCATION), ScoreRules.DEFAULTS, COUNTS, ITEMS, upheld);
        Explained civil = r.get(0);
        assertThat(civil.unitId()).isEqualTo("区民政局");
        assertThat(civil.weighted()).isEqualTo(90.25);
        assertThat(civil.deductions()).isEqualTo(1.0);
        assertThat(civil.total()).isEqualTo(94.25);
        assertThat(civil.rank()).isEqualTo(1);
        assertThat(r.get(1).rank()).isEqualTo(2);
        Line red = line(civil, "RED_ORDER");
        assertThat(red.points()).isEqualTo(0.0);
        assertThat(red.before()).isEqualTo(-2.0);
        assertThat(red.adjusted()).isTrue();
        assertThat(line(civil, "INDICATOR_ACHIEVEMENT").before()).isEqualTo(20.0);
        // a bonus appealed down: 典型案例 3 → 1; bonuses 1 + 4 = 5, the cap no longer cuts: 74.25 + 5 − 3 = 76.25
        Map<String, Map<String, Double>> bonusCut = Map.of("区民政局", Map.of("item:1", 1.0));
        Explained cut = ExplainedScore.explain(List.of(CIVIL), ScoreRules.DEFAULTS, COUNTS, ITEMS, bonusCut).get(0);
        assertThat(cut.bonuses()).isEqualTo(5.0);
        assertThat(cut.lines()).noneMatch(l -> l.kind() == LineKind.BONUS_CAP);
        assertThat(line(cut, "item:1").points()).isEqualTo(1.0);
    }

    @Test
    void anOfficesRuleWeighsOrdersAndTheFourSenses() {
        // weights: indicators 50, orders answered on time 30, 四感 20, the rest 0; no deductions; bonuses at most 2
        Map<Component, Double> w = new EnumMap<>(Component.class);
        for (Component c : Component.values()) w.put(c, 0.0);
        w.put(Component.INDICATOR_ACHIEVEMENT, 50.0);
        w.put(Component.ORDERS_ON_TIME, 30.0);
        w.put(Component.FOUR_SENSES, 20.0);
        Map<DeductionRule, Deduction> none = new EnumMap<>(DeductionRule.class);
        ScoreRules rules = new ScoreRules(w, none, 10, 2);
        // both in one peer group here, to compare them: 溪口镇: (50·0.6 + 30·0.8 + 20·0.85) / 100 · 100 = 30 + 24 + 17 = 71, bonus 3 capped at 2: 73
        UnitInput town = new UnitInput("溪口镇", "g", 0.6, 1.0, 1.0, 1.0, 0, 0.8, 0.85);
        // 区教育局: not surveyed, so 四感 drops out: (50·1 + 30·0.5) / 80 · 100 = 81.25
        UnitInput dept = new UnitInput("区教育局", "g", 1.0, null, null, null, null, 0.5, null);
        // 区档案馆: only reporting quality, which this rule gives no weight: not scored
        UnitInput archive = new UnitInput("区档案馆", "g", null, null, null, 1.0, null);
        List<Explained> r = ExplainedScore.explain(List.of(town, dept, archive), rules, Map.of(),
                Map.of("溪口镇", List.of(new Item(9, true, "最佳实践", 3))), Map.of());
        assertThat(r).extracting(Explained::unitId).containsExactly("区教育局", "溪口镇");
        assertThat(r.get(0).total()).isEqualTo(81.25);
        assertThat(r.get(1).weighted()).isEqualTo(71.0);
        assertThat(r.get(1).total()).isEqualTo(73.0);
        assertThat(r).extracting(Explained::rank).containsExactly(1, 2);
        assertThat(line(r.get(0), "ORDERS_ON_TIME").weight()).isCloseTo(30.0 / 80, within(1e-9));
        // weight 0 components are shown with 0 points: the town's milestones (1.0 · 0)
        assertThat(line(r.get(1), "MILESTONE_TIMELINESS").points()).isEqualTo(0.0);
    }

    @Test
    void equalTotalsShareARank() {
        // both 100 − 0.5 (one overdue report) = 99.5
        UnitInput a = new UnitInput("甲", "town", 1.0, 1.0, 1.0, 1.0, 0);
        UnitInput b = new UnitInput("乙", "town", 1.0, 1.0, 1.0, 1.0, 0);
        UnitInput c = new UnitInput("丙", "town", 1.0, 1.0, 1.0, 1.0, 0);
        Map<String, Counts> counts = Map.of("甲", new Counts(1, 0, 0, 0), "乙", new Counts(1, 0, 0, 0), "丙", new Counts(2, 0, 0, 0));
        List<Explained> r = ExplainedScore.explain(List.of(a, b, c), ScoreRules.DEFAULTS, counts, Map.of(), Map.of());
        assertThat(r).extracting(Explained::total).containsExactly(99.5, 99.5, 99.0);
        assertThat(r).extracting(Explained::rank).containsExactly(1, 1, 3);
    }

    static Line line(Explained e, String key) {
        return e.lines().stream().filter(l -> l.key().equals(key)).findFirst().orElseThrow(() -> new AssertionError("no line " + key));
    }
}
