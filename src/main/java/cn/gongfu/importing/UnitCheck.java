package cn.gongfu.importing;

import cn.gongfu.plan.PlanDraft;
import cn.gongfu.plan.PlanDraft.IndicatorDraft;
import cn.gongfu.plan.PlanDraft.TargetDraft;
import cn.gongfu.plan.PlanDraft.TaskDraft;
import cn.gongfu.vocabulary.MeasureUnits;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compares each target's unit with the unit of the indicator it will be stored under, the way the plan writer
 * chooses that indicator: an existing indicator of the same name is kept as it is; otherwise the document's
 * indicator table defines it; otherwise the first target naming it does. Pure: the existing indicators' units come in.
 */
final class UnitCheck {

    private UnitCheck() {}

    /** @param existingUnits the units of the region's existing indicators by name (a name mapped to null has no unit) */
    static List<UnitMismatch> of(PlanDraft draft, Map<String, String> existingUnits) {
        // containsKey, not putIfAbsent: an existing indicator without a unit stays without one
        Map<String, String> unitOf = new HashMap<>(existingUnits);
        for (IndicatorDraft i : draft.indicators()) {
            if (!unitOf.containsKey(i.name())) unitOf.put(i.name(), i.unit());
        }
        for (TaskDraft t : draft.tasks()) {
            for (TargetDraft x : t.targets()) {
                if (!unitOf.containsKey(x.indicator())) unitOf.put(x.indicator(), x.unit());
            }
        }
        Set<UnitMismatch> found = new LinkedHashSet<>();
        for (IndicatorDraft i : draft.indicators()) {
            String indicatorUnit = unitOf.get(i.name());
            if (MeasureUnits.differ(i.unit(), indicatorUnit)) {
                found.add(new UnitMismatch(i.name(), i.unit().strip(), indicatorUnit.strip(), null, null));
            }
        }
        for (TaskDraft t : draft.tasks()) {
            for (TargetDraft x : t.targets()) {
                String indicatorUnit = unitOf.get(x.indicator());
                if (MeasureUnits.differ(x.unit(), indicatorUnit)) {
                    found.add(new UnitMismatch(x.indicator(), x.unit().strip(), indicatorUnit.strip(),
                            t.list() == null ? "main" : t.list(), t.code()));
                }
            }
        }
        return new ArrayList<>(found);
    }
}
