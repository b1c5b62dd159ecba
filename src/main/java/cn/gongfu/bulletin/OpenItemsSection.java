package cn.gongfu.bulletin;

import static cn.gongfu.kernel.BundleText.zh;

import cn.gongfu.bulletin.BulletinContent.Section;
import cn.gongfu.bulletin.BulletinContent.Table;
import cn.gongfu.supervision.SupervisedItems;
import cn.gongfu.supervision.SupervisedItems.OpenItem;
import cn.gongfu.supervision.SupervisedItems.UnitCounts;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * 问题清单和督办单: the plan's issues, leaders' instructions and orders not yet closed on the day of generation
 * ({@link SupervisedItems#openItems}: kind, number, unit, grade, deadline, state, days overdue), then each unit's
 * counts with its closure rate ({@link SupervisedItems#countsByUnit}) — 挂号销账 as the bulletin shows it.
 */
@Component
class OpenItemsSection implements SectionBuilder {

    static final String OPEN_ITEMS = "openItems";
    static final String OVERDUE_ITEMS = "overdueItems";

    private final SupervisedItems items;

    OpenItemsSection(SupervisedItems items) {
        this.items = items;
    }

    @Override
    public int order() {
        return 50;
    }

    @Override
    public Optional<Section> build(Context context, Map<String, Integer> counts) {
        List<OpenItem> open = items.openItems(context.plan().id());
        List<UnitCounts> byUnit = items.countsByUnit(context.plan().id());
        if (open.isEmpty() && byUnit.isEmpty()) return Optional.empty();
        int overdue = (int) open.stream().filter(i -> i.daysOverdue() > 0).count();
        counts.put(OPEN_ITEMS, open.size());
        counts.put(OVERDUE_ITEMS, overdue);

        List<List<String>> rows = new ArrayList<>();
        int n = 1;
        for (OpenItem i : open) {
            rows.add(List.of(String.valueOf(n++), zh("item.kind." + i.kind()), i.number() == null ? "" : i.number(), i.title(),
                    i.unitName(), i.grade() == null ? "" : zh("item.grade." + i.grade()), i.deadline().toString(),
                    zh("item.state." + i.state()), i.daysOverdue() > 0 ? String.valueOf(i.daysOverdue()) : ""));
        }
        Table list = new Table(zh("bulletin.items.open"), List.of(zh("bulletin.col.no"), zh("bulletin.col.kind"), zh("bulletin.col.number"),
                zh("bulletin.col.subject"), zh("bulletin.col.unit"), zh("bulletin.col.grade"), zh("bulletin.col.deadline"),
                zh("bulletin.col.state"), zh("bulletin.col.itemDaysOverdue")), rows, zh("bulletin.items.none"));

        List<List<String>> unitRows = new ArrayList<>();
        int closed = 0, total = 0;
        for (UnitCounts u : byUnit) {
            unitRows.add(List.of(u.unitName(), String.valueOf(u.open()), String.valueOf(u.overdue()), String.valueOf(u.closed()),
                    percent(u.closureRate())));
            closed += u.closed();
            total += u.total();
        }
        Table units = new Table(zh("bulletin.items.byUnit"), List.of(zh("bulletin.col.unit"), zh("bulletin.col.open"),
                zh("bulletin.col.overdueItems"), zh("bulletin.col.closed"), zh("bulletin.col.closureRate")), unitRows, null);
        String rate = total == 0 ? "" : percent(BigDecimal.valueOf(closed).divide(BigDecimal.valueOf(total), 4, RoundingMode.HALF_UP));
        return Optional.of(new Section("items", zh("bulletin.section.items"), null,
                List.of(zh("bulletin.items.lead", open.size(), overdue, total, closed, rate)), List.of(list, units)));
    }

    private static String percent(BigDecimal rate) {
        return rate.movePointRight(2).setScale(0, RoundingMode.HALF_UP) + "%";
    }
}
