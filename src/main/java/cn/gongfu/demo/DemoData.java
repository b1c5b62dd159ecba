package cn.gongfu.demo;

import cn.gongfu.plan.PlanDraft;
import java.math.BigDecimal;
import java.util.List;

/** The demo district as written in {@code demo/qingxi-plan.json}: its units, one plan and some observed values. */
record DemoData(List<DemoUnit> units, PlanDraft plan, List<DemoObservation> observations) {

    record DemoUnit(String name, String kind, List<String> aliases) {}

    record DemoObservation(String indicator, String regionCode, String period, BigDecimal value) {}
}
