package cn.gongfu.importing;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongfu.plan.PlanDraft;
import cn.gongfu.plan.PlanDraft.IndicatorDraft;
import cn.gongfu.plan.PlanDraft.TargetDraft;
import cn.gongfu.plan.PlanDraft.TaskDraft;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which unit a target is held against: the one its indicator will be stored with, chosen as the plan writer chooses. */
class UnitCheckTest {

    private static final IndicatorDraft TABLE = new IndicatorDraft("1", null, "营业额", "万元", "higher", false, null, null,
            List.of(new TargetDraft("营业额", "eq", new BigDecimal("500"), null, null, "万元", 2026, "500")));

    @Test
    void aTaskTargetIsHeldAgainstTheIndicatorTable() {
        List<UnitMismatch> found = UnitCheck.of(draft(List.of(TABLE), target("营业额", "亿元"), target("营业额", " 万元 ")), Map.of());
        assertThat(found).containsExactly(new UnitMismatch("营业额", "亿元", "万元", "main", "1"));
        assertThat(found.get(0).ref()).isEqualTo("main/1");
    }

    @Test
    void anExistingIndicatorWinsOverTheTableAndOneWithoutAUnitContradictsNothing() {
        assertThat(UnitCheck.of(draft(List.of(TABLE), target("营业额", "万元")), Map.of("营业额", "亿元")))
                .containsExactlyInAnyOrder(new UnitMismatch("营业额", "万元", "亿元", null, null),
                        new UnitMismatch("营业额", "万元", "亿元", "main", "1"));
        Map<String, String> withoutUnit = new HashMap<>();
        withoutUnit.put("营业额", null);
        assertThat(UnitCheck.of(draft(List.of(TABLE), target("营业额", "亿元")), withoutUnit)).isEmpty();
    }

    @Test
    void aNewIndicatorTakesTheUnitOfTheFirstTargetNamingItAndATargetWithoutAUnitIsNoFinding() {
        assertThat(UnitCheck.of(draft(List.of(), target("床位数", "张"), target("床位数", "个"), target("床位数", null)), Map.of()))
                .containsExactly(new UnitMismatch("床位数", "个", "张", "main", "1"));
    }

    private static TargetDraft target(String indicator, String unit) {
        return new TargetDraft(indicator, "ge", BigDecimal.ONE, null, null, unit, 2026, "");
    }

    private static PlanDraft draft(List<IndicatorDraft> indicators, TargetDraft... targets) {
        return new PlanDraft("方案", "330299", null, 2024, 2026, "action_plan", List.of(),
                List.of(new TaskDraft("main", "1", null, "measure", null, "任务", null, List.of("区卫健局"), List.of(),
                        null, null, null, null, List.of(), List.of(targets))),
                indicators);
    }
}
