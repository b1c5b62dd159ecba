package cn.gongfu.bulletin;

import static cn.gongfu.kernel.BundleText.zh;

import cn.gongfu.bulletin.BulletinContent.Section;
import cn.gongfu.bulletin.BulletinContent.Table;
import cn.gongfu.evaluation.EvaluationDigest;
import cn.gongfu.evaluation.EvaluationDigest.IndicatorLine;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * 年度评价, 指标完成情况: the indicators achieved as of the year's December, with target and value; the lagging ones
 * follow in their own section ({@link LaggingIndicatorsSection}) with the reason the assessment gives. Only in the
 * annual evaluation.
 */
@Component
class AchievedIndicatorsSection implements SectionBuilder {

    private final EvaluationDigest evaluation;

    AchievedIndicatorsSection(EvaluationDigest evaluation) {
        this.evaluation = evaluation;
    }

    @Override
    public int order() {
        return 15;
    }

    @Override
    public Optional<Section> build(Context context, Map<String, Integer> counts) {
        if (!context.period().isYear()) return Optional.empty();
        List<IndicatorLine> achieved = evaluation.indicators(context.plan().id(), context.period().lastMonth()).stream()
                .filter(l -> l.status().equals("ACHIEVED")).toList();
        List<List<String>> rows = new ArrayList<>();
        int n = 1;
        for (IndicatorLine l : achieved) {
            String unit = l.unit() == null ? "" : l.unit();
            rows.add(List.of(String.valueOf(n++), l.name(), l.responsibleUnitName() == null ? "" : l.responsibleUnitName(),
                    l.target() == null ? "" : l.target() + unit,
                    l.value() == null ? "" : Numbers.plain(l.value()) + unit + " (" + l.period() + ")"));
        }
        Table table = new Table(null, List.of(zh("bulletin.col.no"), zh("bulletin.col.indicator"), zh("bulletin.col.unit"),
                zh("bulletin.col.target"), zh("bulletin.col.value")), rows, zh("bulletin.achieved.none"));
        return Optional.of(new Section("achieved", zh("bulletin.section.achieved"), null,
                List.of(zh("bulletin.achieved.lead", achieved.size())), List.of(table)));
    }
}
