package cn.gongfu.bulletin;

import static cn.gongfu.kernel.BundleText.zh;

import cn.gongfu.bulletin.BulletinContent.Counts;
import cn.gongfu.bulletin.BulletinContent.Section;
import cn.gongfu.bulletin.BulletinContent.Table;
import cn.gongfu.reporting.Obligation;
import cn.gongfu.reporting.ReportingService;
import cn.gongfu.vocabulary.Periods;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * 报送情况: the units that still owe reports of the plan past their due date, as of the day of generation, for the
 * reporting periods that ended by the bulletin's period ({@link ReportingService#obligations}; a report submitted or
 * accepted is owed no more). One row per unit: the periods owed, how many, and the longest delay.
 */
@Component
class OverdueReportsSection implements SectionBuilder {

    private final ReportingService reporting;

    OverdueReportsSection(ReportingService reporting) {
        this.reporting = reporting;
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public Optional<Section> build(Context context, Map<String, Integer> counts) {
        long planId = context.plan().id();
        var end = context.period().lastMonth().atEndOfMonth();
        record Owed(String unit, List<String> periods, long maxDays) {}
        Map<Long, Owed> byUnit = new LinkedHashMap<>();
        List<Obligation> overdue = reporting.obligations(context.today()).stream()
                .filter(o -> o.planId() == planId && o.overdue() && o.stillOwed() && !Periods.lastDay(o.period()).isAfter(end))
                .sorted(Comparator.comparing(Obligation::period))
                .toList();
        for (Obligation o : overdue) {
            long days = ChronoUnit.DAYS.between(o.dueOn(), context.today());
            Owed owed = byUnit.computeIfAbsent(o.unitId(), k -> new Owed(o.unitName(), new ArrayList<>(), 0));
            owed.periods().add(o.period());
            if (days > owed.maxDays()) byUnit.put(o.unitId(), new Owed(owed.unit(), owed.periods(), days));
        }
        List<Owed> units = byUnit.values().stream()
                .sorted(Comparator.comparing((Owed o) -> -o.periods().size()).thenComparing(o -> -o.maxDays()).thenComparing(Owed::unit))
                .toList();
        counts.put(Counts.OVERDUE_UNITS, units.size());
        counts.put(Counts.OVERDUE_REPORTS, overdue.size());
        List<List<String>> rows = new ArrayList<>();
        int n = 1;
        for (Owed o : units) {
            rows.add(List.of(String.valueOf(n++), o.unit(), String.join(zh("bulletin.list.separator"), o.periods()),
                    String.valueOf(o.periods().size()), String.valueOf(o.maxDays())));
        }
        Table table = new Table(null, List.of(zh("bulletin.col.no"), zh("bulletin.col.unit"), zh("bulletin.col.periods"),
                zh("bulletin.col.count"), zh("bulletin.col.daysOverdue")), rows, zh("bulletin.overdue.none"));
        String lead = zh("bulletin.overdue.lead", context.today().toString(), units.size(), overdue.size());
        return Optional.of(new Section("overdue", zh("bulletin.section.overdue"), null, List.of(lead), List.of(table)));
    }
}
