package cn.gongfu.bulletin;

import static cn.gongfu.kernel.BundleText.zh;

import cn.gongfu.bulletin.BulletinContent.Section;
import cn.gongfu.bulletin.BulletinContent.Table;
import cn.gongfu.supervision.Escalations;
import cn.gongfu.supervision.Escalations.Escalation;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * 逾期点名: the units whose overdue reports or milestones reached the last step of the escalation ladder (named in the
 * bulletin, {@code gongfu.reminders.escalate.bulletin} days late) on a day of the bulletin's period, from
 * {@link Escalations#namedInBulletin}, one row per unit with what it owes and the longest delay.
 */
@Component
class EscalatedUnitsSection implements SectionBuilder {

    static final String NAMED_UNITS = "namedUnits";

    private final Escalations escalations;

    EscalatedUnitsSection(Escalations escalations) {
        this.escalations = escalations;
    }

    @Override
    public int order() {
        return 35;
    }

    @Override
    public Optional<Section> build(Context context, Map<String, Integer> counts) {
        record Named(String unit, List<String> items, int maxDays) {}
        Map<Long, Named> byUnit = new LinkedHashMap<>();
        for (YearMonth m = context.period().firstMonth(); !m.isAfter(context.period().lastMonth()); m = m.plusMonths(1)) {
            for (Escalation e : escalations.namedInBulletin(context.plan().id(), m)) {
                Named n = byUnit.computeIfAbsent(e.unitId(), k -> new Named(e.unitName(), new ArrayList<>(), 0));
                String item = zh("bulletin.escalated.item." + e.kind(), e.period());
                if (!n.items().contains(item)) n.items().add(item);
                if (e.daysLate() > n.maxDays()) byUnit.put(e.unitId(), new Named(n.unit(), n.items(), e.daysLate()));
            }
        }
        counts.put(NAMED_UNITS, byUnit.size());
        List<List<String>> rows = new ArrayList<>();
        int i = 1;
        for (Named n : byUnit.values()) {
            rows.add(List.of(String.valueOf(i++), n.unit(), String.join(zh("bulletin.list.separator"), n.items()), String.valueOf(n.maxDays())));
        }
        Table table = new Table(null, List.of(zh("bulletin.col.no"), zh("bulletin.col.unit"), zh("bulletin.col.items"),
                zh("bulletin.col.daysOverdue")), rows, zh("bulletin.escalated.none"));
        return Optional.of(new Section("escalated", zh("bulletin.section.escalated"), null,
                List.of(zh("bulletin.escalated.lead", byUnit.size())), List.of(table)));
    }
}
