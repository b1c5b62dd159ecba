package cn.gongfu.importing;

import cn.gongfu.indicator.TargetView;
import cn.gongfu.plan.PlanDraft;
import cn.gongfu.plan.PlanDraft.TargetDraft;
import cn.gongfu.plan.PlanDraft.TaskDraft;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a new version of a plan changes against the old one: tasks and targets added, removed and
 * changed (a task's title, text, lead units and lead officials). Tasks are matched by list and code as the documents number them; targets by task, indicator
 * and year. Public, with all it holds, because the review page reads it: a template must never depend on what
 * reflection may reach in a package-private type (issue 13: the review stopped at this section's heading).
 */
public record PlanDiff(List<TaskChange> tasks, List<TargetChange> targets) {

    public enum Change { ADDED, REMOVED, CHANGED }

    /** A task in the comparable shape both sides are brought to; lead officials are people, compared as written. */
    public record TaskShape(String list, String code, String title, String text, List<String> leadUnits,
                            List<String> leadOfficials) {
        String key() {
            return list + "/" + code;
        }
    }

    /** A target in the comparable shape: which task, which indicator, which year, and the value as shown. */
    public record TargetShape(String list, String code, String indicator, int year, String display) {
        String key() {
            return list + "/" + code + "/" + indicator + "/" + year;
        }
    }

    public record TaskChange(Change change, String list, String code, String oldTitle, String newTitle, List<String> fields) {}

    public record TargetChange(Change change, String list, String code, String indicator, int year, String oldValue, String newValue) {}

    public boolean isEmpty() {
        return tasks.isEmpty() && targets.isEmpty();
    }

    public long count(Change change) {
        return tasks.stream().filter(t -> t.change() == change).count();
    }

    static PlanDiff between(List<TaskShape> oldTasks, List<TargetShape> oldTargets,
                            List<TaskShape> newTasks, List<TargetShape> newTargets) {
        Map<String, TaskShape> before = index(oldTasks);
        Map<String, TaskShape> after = index(newTasks);
        List<TaskChange> tasks = new ArrayList<>();
        after.forEach((key, n) -> {
            TaskShape o = before.get(key);
            if (o == null) {
                tasks.add(new TaskChange(Change.ADDED, n.list(), n.code(), null, n.title(), List.of()));
                return;
            }
            List<String> fields = new ArrayList<>();
            if (!Objects.equals(o.title(), n.title())) fields.add("title");
            if (!Objects.equals(o.text(), n.text())) fields.add("text");
            if (!Objects.equals(o.leadUnits(), n.leadUnits())) fields.add("leadUnits");
            if (!Objects.equals(o.leadOfficials(), n.leadOfficials())) fields.add("leadOfficials");
            if (!fields.isEmpty()) tasks.add(new TaskChange(Change.CHANGED, n.list(), n.code(), o.title(), n.title(), fields));
        });
        before.forEach((key, o) -> {
            if (!after.containsKey(key)) tasks.add(new TaskChange(Change.REMOVED, o.list(), o.code(), o.title(), null, List.of()));
        });

        Map<String, TargetShape> tBefore = indexTargets(oldTargets);
        Map<String, TargetShape> tAfter = indexTargets(newTargets);
        List<TargetChange> targets = new ArrayList<>();
        tAfter.forEach((key, n) -> {
            TargetShape o = tBefore.get(key);
            if (o == null) {
                targets.add(new TargetChange(Change.ADDED, n.list(), n.code(), n.indicator(), n.year(), null, n.display()));
            } else if (!o.display().equals(n.display())) {
                targets.add(new TargetChange(Change.CHANGED, n.list(), n.code(), n.indicator(), n.year(), o.display(), n.display()));
            }
        });
        tBefore.forEach((key, o) -> {
            if (!tAfter.containsKey(key)) {
                targets.add(new TargetChange(Change.REMOVED, o.list(), o.code(), o.indicator(), o.year(), o.display(), null));
            }
        });
        return new PlanDiff(tasks, targets);
    }

    /** The new side of a comparison, from a draft whose unit names are already canonical. */
    static List<TaskShape> tasksOf(PlanDraft draft) {
        return draft.tasks().stream()
                .map(t -> new TaskShape(t.list(), t.code(), t.title(), t.text(), t.leadUnits(), t.leadOfficials())).toList();
    }

    static List<TargetShape> targetsOf(PlanDraft draft) {
        List<TargetShape> shapes = new ArrayList<>();
        for (TaskDraft t : draft.tasks()) {
            for (TargetDraft x : t.targets()) {
                shapes.add(new TargetShape(t.list(), t.code(), x.indicator(), x.year(),
                        TargetView.display(x.comparator(), x.value(), x.min(), x.max(), x.text())));
            }
        }
        return shapes;
    }

    private static Map<String, TaskShape> index(List<TaskShape> tasks) {
        Map<String, TaskShape> m = new LinkedHashMap<>();
        tasks.forEach(t -> m.putIfAbsent(t.key(), t));
        return m;
    }

    private static Map<String, TargetShape> indexTargets(List<TargetShape> targets) {
        Map<String, TargetShape> m = new LinkedHashMap<>();
        targets.forEach(t -> m.putIfAbsent(t.key(), t));
        return m;
    }
}
