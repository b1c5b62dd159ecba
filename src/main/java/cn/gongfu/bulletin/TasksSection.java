package cn.gongfu.bulletin;

import static cn.gongfu.kernel.BundleText.zh;

import cn.gongfu.bulletin.BulletinContent.Counts;
import cn.gongfu.bulletin.BulletinContent.Section;
import cn.gongfu.bulletin.BulletinContent.Table;
import cn.gongfu.evaluation.EvaluationDigest;
import cn.gongfu.evaluation.EvaluationDigest.TaskLine;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * 年度评价, 重点任务完成情况: the plan's tasks as of the year's December — how many are done (every milestone), on track and
 * lagging — and the lagging ones with their overdue milestones. Only in the annual evaluation.
 */
@Component
class TasksSection implements SectionBuilder {

    private static final Set<String> LAGGING = Set.of("LAGGING", "SERIOUSLY_LAGGING");

    private final EvaluationDigest evaluation;

    TasksSection(EvaluationDigest evaluation) {
        this.evaluation = evaluation;
    }

    @Override
    public int order() {
        return 25;
    }

    @Override
    public Optional<Section> build(Context context, Map<String, Integer> counts) {
        if (!context.period().isYear()) return Optional.empty();
        List<TaskLine> tasks = evaluation.tasks(context.plan().id(), context.period().lastMonth());
        int done = (int) tasks.stream().filter(t -> t.status().equals("ACHIEVED")).count();
        List<TaskLine> lagging = tasks.stream().filter(t -> LAGGING.contains(t.status())).toList();
        int overdueMilestones = tasks.stream().mapToInt(t -> t.overdue().size()).sum();
        counts.put(Counts.TASKS, tasks.size());
        counts.put(Counts.TASKS_DONE, done);
        counts.put(Counts.TASKS_LAGGING, lagging.size());
        List<List<String>> rows = new ArrayList<>();
        int n = 1;
        for (TaskLine t : lagging) {
            rows.add(List.of(String.valueOf(n++), (t.code() == null ? "" : t.code() + " ") + t.title(), zh("status." + t.status()),
                    t.done() + " / " + t.due(), String.join(zh("bulletin.tasks.separator"), t.overdue())));
        }
        Table table = new Table(null, List.of(zh("bulletin.col.no"), zh("bulletin.col.task"), zh("bulletin.col.status"),
                zh("bulletin.col.milestonesDone"), zh("bulletin.col.overdueMilestones")), rows, zh("bulletin.tasks.none"));
        String lead = zh("bulletin.tasks.lead", tasks.size(), done, tasks.size() - done - lagging.size(), lagging.size(), overdueMilestones);
        return Optional.of(new Section("tasks", zh("bulletin.section.tasks"), null, List.of(lead), List.of(table)));
    }
}
