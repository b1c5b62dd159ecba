package cn.gongfu.bulletin;

import static cn.gongfu.kernel.BundleText.zh;

import cn.gongfu.bulletin.BulletinContent.Section;
import cn.gongfu.bulletin.BulletinContent.Table;
import cn.gongfu.project.Project;
import cn.gongfu.project.ProjectService;
import cn.gongfu.project.ProjectStatus;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * 年度评价, 重大项目推进情况: the plan's projects (项目化) as of the year's December — how many, planned and completed
 * investment and its rate, how many done, on track and lagging — by responsible unit, and the lagging projects with the
 * reason the status rule gives ({@code docs/projects.md}). Only in the annual evaluation, and only for a plan with
 * projects.
 */
@Component
class ProjectsSection implements SectionBuilder {

    private static final Set<ProjectStatus> LAGGING = Set.of(ProjectStatus.LAGGING, ProjectStatus.SERIOUSLY_LAGGING);

    private final ProjectService projects;

    ProjectsSection(ProjectService projects) {
        this.projects = projects;
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public Optional<Section> build(Context context, Map<String, Integer> counts) {
        if (!context.period().isYear()) return Optional.empty();
        ProjectService.Listing all = projects.everything(new ProjectService.Filter(context.plan().id(), null, null, null, null,
                context.period().lastMonth()));
        List<Project.Row> rows = all.page().items();
        if (rows.isEmpty()) return Optional.empty();
        long done = rows.stream().filter(r -> r.outcome().status() == ProjectStatus.ACHIEVED).count();
        List<Project.Row> lagging = rows.stream().filter(r -> LAGGING.contains(r.outcome().status())).toList();
        Project.Totals t = all.all();
        String lead = zh("bulletin.projects.lead", t.count(), money(t.planned()), money(t.completed()), rate(t.rate()), done,
                lagging.size());
        List<List<String>> byUnit = new ArrayList<>();
        for (Project.Totals u : all.byUnit()) {
            byUnit.add(List.of(u.name(), String.valueOf(u.count()), money(u.planned()), money(u.completed()), rate(u.rate())));
        }
        List<List<String>> late = new ArrayList<>();
        int n = 1;
        for (Project.Row r : lagging) {
            late.add(List.of(String.valueOf(n++), r.name(), r.unitName(), money(r.planned()), money(r.completed()),
                    r.percent() == null ? "" : r.percent() + "%", zh("status." + r.outcome().status().name())));
        }
        return Optional.of(new Section("projects", zh("bulletin.section.projects"), null, List.of(lead), List.of(
                new Table(zh("bulletin.projects.byUnit"), List.of(zh("bulletin.col.unit"), zh("bulletin.col.projects"),
                        zh("bulletin.col.planned"), zh("bulletin.col.completed"), zh("bulletin.col.rate")), byUnit, zh("bulletin.projects.none")),
                new Table(zh("bulletin.projects.lagging"), List.of(zh("bulletin.col.no"), zh("bulletin.col.project"), zh("bulletin.col.unit"),
                        zh("bulletin.col.planned"), zh("bulletin.col.completed"), zh("bulletin.col.progress"), zh("bulletin.col.status")),
                        late, zh("bulletin.projects.noneLagging")))));
    }

    private static String money(BigDecimal v) {
        return v == null ? "" : Numbers.plain(v.doubleValue());
    }

    private static String rate(Double percent) {
        return percent == null ? "—" : Numbers.plain(percent) + "%";
    }
}
