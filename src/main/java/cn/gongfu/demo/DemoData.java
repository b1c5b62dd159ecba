package cn.gongfu.demo;

import cn.gongfu.plan.PlanDraft;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The demo district as written in {@code demo/qingxi-plan.json}: its units, one plan, some observed values and the
 * milestones its units have done (so the task statuses are a true mix: done, on time, late, overdue).
 */
record DemoData(List<DemoUnit> units, PlanDraft plan, List<DemoObservation> observations, List<DoneMilestone> milestonesDone) {

    DemoData {
        milestonesDone = milestonesDone == null ? List.of() : List.copyOf(milestonesDone);
    }

    /** A milestone of task {@code code} in task list {@code list} ("main", "附件2"), done on {@code on}. */
    record DoneMilestone(String list, String task, String milestone, LocalDate on) {}

    record DemoUnit(String name, String kind, List<String> aliases) {}

    record DemoObservation(String indicator, String regionCode, String period, BigDecimal value) {}
}
