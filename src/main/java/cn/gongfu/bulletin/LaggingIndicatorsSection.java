package cn.gongfu.bulletin;

import static cn.gongfu.kernel.BundleText.zh;

import cn.gongfu.bulletin.BulletinContent.Counts;
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
 * 指标进展: the indicators lagging, seriously lagging or regressing as of the period's last month, worst first, with
 * the latest value, the target and the progress as pages show it (0–100 %, 倒退 when the value moved away from the
 * baseline, never a raw −73 %), as {@link EvaluationDigest} gives them; and the count of each status.
 */
@Component
class LaggingIndicatorsSection implements SectionBuilder {

    private final EvaluationDigest evaluation;

    LaggingIndicatorsSection(EvaluationDigest evaluation) {
        this.evaluation = evaluation;
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public Optional<Section> build(Context context, Map<String, Integer> counts) {
        List<IndicatorLine> all = evaluation.indicators(context.plan().id(), context.period().lastMonth());
        counts.put(Counts.INDICATORS, all.size());
        for (IndicatorLine l : all) counts.merge(l.status(), 1, Integer::sum);
        for (String s : EvaluationDigest.LAGGING) counts.putIfAbsent(s, 0);
        List<IndicatorLine> lagging = evaluation.lagging(context.plan().id(), context.period().lastMonth());
        List<List<String>> rows = new ArrayList<>();
        int n = 1;
        for (IndicatorLine l : lagging) {
            rows.add(List.of(String.valueOf(n++), l.name(), nz(l.responsibleUnitName()),
                    l.target() == null ? "" : l.target() + unit(l.unit()) + (l.targetYear() == null ? "" : zh("bulletin.lagging.targetYear", l.targetYear())),
                    l.value() == null ? zh("bulletin.lagging.noValue") : Numbers.plain(l.value()) + unit(l.unit()) + " (" + l.period() + ")",
                    l.movedAway() ? zh("dashboard.progress.movedAway") : l.shown() == null ? "" : Numbers.percent(l.shown()),
                    zh("status." + l.status())));
        }
        Table table = new Table(null, List.of(zh("bulletin.col.no"), zh("bulletin.col.indicator"), zh("bulletin.col.unit"),
                zh("bulletin.col.target"), zh("bulletin.col.value"), zh("bulletin.col.progress"), zh("bulletin.col.status")),
                rows, zh("bulletin.lagging.none"));
        String lead = zh("bulletin.lagging.lead", all.size(), counts.get(Counts.LAGGING), counts.get(Counts.SERIOUSLY_LAGGING),
                counts.get(Counts.REGRESSING));
        return Optional.of(new Section("lagging", zh("bulletin.section.lagging"), null, List.of(lead), List.of(table)));
    }

    private static String unit(String unit) {
        return unit == null || unit.isBlank() ? "" : unit;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
