package cn.gongfu.bulletin;

import static cn.gongfu.kernel.BundleText.zh;

import cn.gongfu.bulletin.BulletinContent.Counts;
import cn.gongfu.bulletin.BulletinContent.Section;
import cn.gongfu.bulletin.BulletinContent.Table;
import cn.gongfu.evaluation.EvaluationDigest;
import cn.gongfu.evaluation.UnitRankings.RankLine;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** 单位排名 (赛马): the units' ranks as of the period's last month, one table per peer group (departments, then towns). */
@Component
class RankingsSection implements SectionBuilder {

    private static final List<String> GROUPS = List.of("department", "town");

    private final EvaluationDigest evaluation;

    RankingsSection(EvaluationDigest evaluation) {
        this.evaluation = evaluation;
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public Optional<Section> build(Context context, Map<String, Integer> counts) {
        List<RankLine> ranks = evaluation.ranks(context.plan().id(), context.period().lastMonth());
        counts.put(Counts.RANKED_UNITS, ranks.size());
        Map<String, List<RankLine>> byGroup = new LinkedHashMap<>();
        for (String g : GROUPS) byGroup.put(g, new ArrayList<>());
        ranks.forEach(r -> byGroup.computeIfAbsent(r.peerGroup(), g -> new ArrayList<>()).add(r));
        List<Table> tables = new ArrayList<>();
        byGroup.forEach((group, lines) -> {
            if (lines.isEmpty()) return;
            List<List<String>> rows = lines.stream()
                    .map(r -> List.of(String.valueOf(r.rank()), r.unitName(), Numbers.plain(r.score()))).toList();
            tables.add(new Table(zh("bulletin.rank.group." + group), List.of(zh("bulletin.col.rank"), zh("bulletin.col.unit"),
                    zh("bulletin.col.score")), rows, zh("bulletin.rank.none")));
        });
        if (tables.isEmpty()) tables.add(new Table(null, List.of(), List.of(), zh("bulletin.rank.none")));
        return Optional.of(new Section("rankings", zh("bulletin.section.rankings"), null, List.of(zh("bulletin.rank.lead")), tables));
    }
}
