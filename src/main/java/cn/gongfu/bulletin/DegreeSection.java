package cn.gongfu.bulletin;

import static cn.gongfu.kernel.BundleText.zh;

import cn.gongfu.bulletin.BulletinContent.Counts;
import cn.gongfu.bulletin.BulletinContent.Section;
import cn.gongfu.bulletin.BulletinContent.Table;
import cn.gongfu.evaluation.EvaluationDigest;
import cn.gongfu.evaluation.EvaluationDigest.Degree;
import cn.gongfu.evaluation.EvaluationDigest.DomainLine;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * 年度评价, 总体实现度: the plan's realization degree as of the year's December, whole and by domain, with how many
 * indicators it rests on (docs/methodology.md §4). Only in the annual evaluation.
 */
@Component
class DegreeSection implements SectionBuilder {

    private final EvaluationDigest evaluation;

    DegreeSection(EvaluationDigest evaluation) {
        this.evaluation = evaluation;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public Optional<Section> build(Context context, Map<String, Integer> counts) {
        if (!context.period().isYear()) return Optional.empty();
        Degree d = evaluation.degree(context.plan().id(), context.period().lastMonth());
        counts.put(Counts.DEGREE_PERMILLE, (int) Math.round(d.overall() * 1000));
        List<List<String>> rows = new ArrayList<>();
        for (DomainLine l : d.domains()) {
            rows.add(List.of(l.domain() == null || l.domain().isBlank() ? zh("bulletin.degree.noDomain") : l.domain(),
                    Numbers.percent(l.degree()), Numbers.percent(l.weight())));
        }
        Table table = new Table(null, List.of(zh("bulletin.col.domain"), zh("bulletin.col.degree"), zh("bulletin.col.weight")),
                rows, zh("bulletin.degree.none"));
        String lead = zh("bulletin.degree.lead", context.period().lastMonth().getYear(), context.period().lastMonth().getMonthValue(),
                Numbers.percent(d.overall()), d.total(), d.counted());
        return Optional.of(new Section("degree", zh("bulletin.section.degree"), null, List.of(lead), List.of(table)));
    }
}
