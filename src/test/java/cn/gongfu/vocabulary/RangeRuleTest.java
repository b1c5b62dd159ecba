package cn.gongfu.vocabulary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gongfu.evaluation.method.Target;
import cn.gongfu.ingest.DocumentParser;
import cn.gongfu.ingest.ParsedTarget;
import cn.gongfu.plan.PlanDraft;
import cn.gongfu.plan.PlanDraft.SectionDraft;
import cn.gongfu.plan.PlanDraft.TargetDraft;
import cn.gongfu.plan.PlanDraft.TaskDraft;
import cn.gongfu.plan.PlanWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * One range rule from parser to evaluation: a range has both bounds. The parser writes a bound on one side as ge or
 * le, so what it emits always passes; the plan writer (and with it the import review) and the methods refuse a
 * one-sided range alike.
 */
class RangeRuleTest {

    @Test
    void theParserWritesOneSidedBoundsAsGeOrLeAndRangesWithBothBounds() {
        String text = "测试方案（2024—2026年）\n一、重点任务\n（一）测试。（牵头单位：区卫生健康局）\n"
                + "1.到2026年，森林覆盖率不低于60%，城镇调查失业率控制在5%以内，新建公园1—2个。\n";
        Map<String, ParsedTarget> byName = new DocumentParser().parse("range.txt", text.getBytes(StandardCharsets.UTF_8))
                .tasks().stream().flatMap(t -> t.targets().stream())
                .collect(Collectors.toMap(ParsedTarget::indicator, t -> t, (a, b) -> a));
        assertThat(byName.get("森林覆盖率").comparator()).isEqualTo(TargetComparator.GE);
        assertThat(byName.get("城镇调查失业率").comparator()).isEqualTo(TargetComparator.LE);
        ParsedTarget range = byName.values().stream().filter(t -> t.comparator() == TargetComparator.RANGE).findFirst().orElseThrow();
        assertThat(range.min()).isEqualByComparingTo("1");
        assertThat(range.max()).isEqualByComparingTo("2");
        byName.values().forEach(t -> assertThat(t.comparator().isSatisfiedBy(t.value(), t.min(), t.max())).as(t.text()).isTrue());
    }

    @Test
    void thePlanWriterRefusesAOneSidedRange() {
        PlanDraft draft = draft(List.of(
                new TargetDraft("托位数", "range", null, new BigDecimal("4"), null, "个", 2025, "4个以上"),
                new TargetDraft("失业率", "range", null, null, new BigDecimal("5"), "%", 2025, "5%以内"),
                new TargetDraft("公园数", "range", null, BigDecimal.ONE, BigDecimal.valueOf(2), "个", 2025, "1—2个"),
                new TargetDraft("覆盖率", "ge", null, null, null, "%", 2025, "")));
        assertThat(PlanWriter.targetProblems(draft)).containsExactly(
                "tasks[0] (1).targets[0]: comparator range needs min and max",
                "tasks[0] (1).targets[1]: comparator range needs min and max",
                "tasks[0] (1).targets[3]: comparator ge needs a value");
    }

    @Test
    void theMethodsRefuseAOneSidedRange() {
        assertThatThrownBy(() -> new Target(TargetComparator.RANGE, null, 4.0, null, 2025))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs min and max");
        assertThatThrownBy(() -> new Target(TargetComparator.RANGE, null, null, 5.0, 2025))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Target.range(1, 2, 2025).isMetBy(1.5, Polarity.BAND)).isTrue();
        assertThat(Target.range(1, 2, 2025).goal(Polarity.LOWER)).isEqualTo(2.0);
    }

    private static PlanDraft draft(List<TargetDraft> targets) {
        return new PlanDraft("方案", "330299", null, 2021, 2025, "action_plan", List.of(new SectionDraft("a", null, "（一）", "行动")),
                List.of(new TaskDraft("main", "1", "a", "measure", null, "任务1", null, List.of("区卫健局"), List.of(),
                        null, null, null, null, List.of(), targets)),
                List.of());
    }
}
