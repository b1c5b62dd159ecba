package cn.gongfu.bulletin;

import static cn.gongfu.kernel.BundleText.zh;

import cn.gongfu.bulletin.BulletinContent.Section;
import cn.gongfu.bulletin.BulletinContent.Table;
import cn.gongfu.cases.CaseService;
import cn.gongfu.cases.CaseStudy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * 典型案例: the plan's cases the office selected (入选) in the bulletin's period and that are still selected or
 * published, from {@link CaseService#selectedBetween}, one row each with its unit and kind. No section when the period
 * selected none.
 */
@Component
class CasesSection implements SectionBuilder {

    static final String CASES = "cases";

    private final CaseService cases;

    CasesSection(CaseService cases) {
        this.cases = cases;
    }

    @Override
    public int order() {
        return 60;
    }

    @Override
    public Optional<Section> build(Context context, Map<String, Integer> counts) {
        List<CaseStudy> selected = cases.selectedBetween(context.plan().id(), context.period().firstMonth().atDay(1),
                context.period().lastMonth().plusMonths(1).atDay(1));
        if (selected.isEmpty()) return Optional.empty();
        counts.put(CASES, selected.size());
        List<List<String>> rows = new ArrayList<>();
        int i = 1;
        for (CaseStudy c : selected) {
            rows.add(List.of(String.valueOf(i++), c.unitName(), c.title(), zh("case.kind." + c.kind())));
        }
        Table table = new Table(null, List.of(zh("bulletin.col.no"), zh("bulletin.col.unit"), zh("bulletin.col.case"),
                zh("bulletin.col.caseKind")), rows, null);
        return Optional.of(new Section(CASES, zh("bulletin.section.cases"), null, List.of(zh("bulletin.cases.lead", selected.size())),
                List.of(table)));
    }
}
