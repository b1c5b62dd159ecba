package cn.gongfu.importing;

import static cn.gongfu.kernel.BundleText.both;

import cn.gongfu.audit.AuditLog;
import cn.gongfu.indicator.IndicatorInput;
import cn.gongfu.indicator.StoredNumber;
import cn.gongfu.indicator.TargetInput;
import cn.gongfu.indicator.TargetView;
import cn.gongfu.kernel.FieldErrors;
import cn.gongfu.kernel.Inputs;
import cn.gongfu.kernel.InvalidInputException;
import cn.gongfu.kernel.InvalidParameterException;
import cn.gongfu.kernel.StaleVersionException;
import cn.gongfu.plan.PlanDraft;
import cn.gongfu.plan.PlanDraft.IndicatorDraft;
import cn.gongfu.plan.PlanDraft.MilestoneDraft;
import cn.gongfu.plan.PlanDraft.ObservationDraft;
import cn.gongfu.plan.PlanDraft.TargetDraft;
import cn.gongfu.plan.PlanDraft.TaskDraft;
import cn.gongfu.plan.TaskInput;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The office's corrections of an import's draft before publishing: tasks, targets and indicators edited, added and
 * deleted. The parse stays the starting point; the first correction stores the draft as corrected (JSON on the
 * import, {@code draft_json}) and each further one replaces it, so a re-review shows parse plus corrections and
 * publishing stores the corrected draft. Each correction names the draft version it was made on: one made on an
 * older version is refused ({@link StaleVersionException}, 409), never merged silently. Each is audited with what it replaced.
 *
 * <p>Tasks and indicators are addressed by their position in the draft, which the version check keeps stable;
 * a target by its owner ({@code task} or {@code indicator}) and position within it.
 */
@Service
public class DraftCorrections {

    /** Whose target: a task's (set in its text) or an indicator's (a year of the indicator table). */
    public enum Owner { TASK, INDICATOR }

    private final ReviewGuard guard;
    private final Inputs inputs;
    private final AuditLog audit;

    DraftCorrections(ReviewGuard guard, Inputs inputs, AuditLog audit) {
        this.guard = guard;
        this.inputs = inputs;
        this.audit = audit;
    }

    @Transactional
    public int editTask(long importId, int version, int index, TaskInput in) {
        return correct(importId, version, "task", d -> {
            TaskDraft old = task(d, index);
            TaskDraft edited = checked(d, index, in, old.list(), old.sectionKey(), old);
            List<TaskDraft> tasks = new ArrayList<>(d.tasks());
            tasks.set(index, edited);
            return new Change(with(d, tasks, d.indicators()), describe(old), describe(edited));
        });
    }

    /** Adds a task at the end of the draft (in the section given, or none). */
    @Transactional
    public int addTask(long importId, int version, String sectionKey, TaskInput in) {
        return correct(importId, version, "task-add", d -> {
            String section = sectionKey == null || sectionKey.isBlank() ? null : sectionKey;
            if (section != null && d.sections().stream().noneMatch(s -> s.key().equals(section))) {
                throw new InvalidParameterException("section", both("import.correct.unknownSection", section));
            }
            TaskDraft added = checked(d, -1, in, "main", section, null);
            List<TaskDraft> tasks = new ArrayList<>(d.tasks());
            tasks.add(added);
            return new Change(with(d, tasks, d.indicators()), null, describe(added));
        });
    }

    @Transactional
    public int deleteTask(long importId, int version, int index) {
        return correct(importId, version, "task-delete", d -> {
            TaskDraft old = task(d, index);
            List<TaskDraft> tasks = new ArrayList<>(d.tasks());
            tasks.remove(index);
            return new Change(with(d, tasks, d.indicators()), describe(old), null);
        });
    }

    /** Replaces a target, or adds one where {@code targetIndex} is null. */
    @Transactional
    public int saveTarget(long importId, int version, Owner owner, int ownerIndex, Integer targetIndex, TargetInput in) {
        return correct(importId, version, targetIndex == null ? "target-add" : "target", d -> {
            inputs.check(in);
            String indicator = owner == Owner.INDICATOR ? indicator(d, ownerIndex).name() : in.indicator();
            List<FieldErrors.Error> problems = new ArrayList<>(in.problems());
            if (indicator == null || indicator.isBlank()) problems.add(0, new FieldErrors.Error("indicator", both("rules.required")));
            if (!problems.isEmpty()) throw new InvalidInputException(problems);
            TargetDraft target = new TargetDraft(indicator.strip(), in.comparator(), in.value(), in.min(), in.max(),
                    in.cleanUnit(), in.year(), in.shownText());
            List<TargetDraft> targets = new ArrayList<>(targetsOf(d, owner, ownerIndex));
            TargetDraft old = null;
            if (targetIndex == null) {
                targets.add(target);
            } else {
                old = target(targets, targetIndex);
                targets.set(targetIndex, target);
            }
            String where = place(d, owner, ownerIndex) + " ";
            return new Change(withTargets(d, owner, ownerIndex, targets), old == null ? null : where + describe(old), where + describe(target));
        });
    }

    @Transactional
    public int deleteTarget(long importId, int version, Owner owner, int ownerIndex, int targetIndex) {
        return correct(importId, version, "target-delete", d -> {
            List<TargetDraft> targets = new ArrayList<>(targetsOf(d, owner, ownerIndex));
            TargetDraft old = target(targets, targetIndex);
            targets.remove(targetIndex);
            return new Change(withTargets(d, owner, ownerIndex, targets), place(d, owner, ownerIndex) + " " + describe(old), null);
        });
    }

    /**
     * Corrects an indicator of the draft's table. A new name is carried to its yearly values and to the tasks' targets
     * that named it, so they still land on the one indicator.
     */
    @Transactional
    public int editIndicator(long importId, int version, int index, IndicatorInput in) {
        return editIndicator(importId, version, index, in, null);
    }

    /** As {@link #editIndicator(long, int, int, IndicatorInput)}, with the base year's value corrected or cleared. */
    @Transactional
    public int editIndicator(long importId, int version, int index, IndicatorInput in, Baseline baseline) {
        return correct(importId, version, "indicator", d -> {
            IndicatorDraft old = indicator(d, index);
            IndicatorDraft edited = withBaseline(checked(d, index, in, old.targets(), old.observations(), baseline), baseline);
            String from = old.name();
            String to = edited.name();
            List<TargetDraft> values = edited.targets().stream().map(t -> renamed(t, to)).toList();
            List<IndicatorDraft> indicators = new ArrayList<>(d.indicators());
            indicators.set(index, withValues(edited, values));
            List<TaskDraft> tasks = from.equals(to) ? d.tasks() : d.tasks().stream().map(t -> withTargets(t,
                    t.targets().stream().map(x -> x.indicator().equals(from) ? renamed(x, to) : x).toList())).toList();
            return new Change(with(d, tasks, indicators), describe(old), describe(edited));
        });
    }

    @Transactional
    public int addIndicator(long importId, int version, IndicatorInput in) {
        return addIndicator(importId, version, in, null);
    }

    @Transactional
    public int addIndicator(long importId, int version, IndicatorInput in, Baseline baseline) {
        return correct(importId, version, "indicator-add", d -> {
            IndicatorDraft added = withBaseline(checked(d, -1, in, List.of(), List.of(), baseline), baseline);
            List<IndicatorDraft> indicators = new ArrayList<>(d.indicators());
            indicators.add(added);
            return new Change(with(d, d.tasks(), indicators), null, describe(added));
        });
    }

    @Transactional
    public int deleteIndicator(long importId, int version, int index) {
        return correct(importId, version, "indicator-delete", d -> {
            IndicatorDraft old = indicator(d, index);
            List<IndicatorDraft> indicators = new ArrayList<>(d.indicators());
            indicators.remove(index);
            return new Change(with(d, d.tasks(), indicators), describe(old), null);
        });
    }

    /** Drops every correction: the review shows the parse again. Audited like a correction, with how many there were. */
    @Transactional
    public int revert(long importId, int version) {
        guard.openJob(importId, version);
        int next = guard.store(importId, version, "draft_json = null", Map.of());
        audit.record("import.correct.revert", "import:" + importId, "version " + version, "the parse");
        return next;
    }

    private record Change(PlanDraft draft, String before, String after) {}

    /** Applies one correction to the current draft if it is still at {@code version}; returns the new version. */
    private int correct(long importId, int version, String what, java.util.function.Function<PlanDraft, Change> change) {
        ImportReview review = guard.open(importId, version);
        if (review.draft() == null) throw new InvalidParameterException("draft", both("import.correct.noDraft"));
        Change c = change.apply(review.draft());
        int next = guard.store(importId, version, "draft_json = :json", Map.of("json", DraftJson.write(c.draft())));
        audit.record("import.correct." + what, "import:" + importId, c.before(), c.after());
        return next;
    }

    /** The task as corrected, after Bean Validation and the plan writer's rules that concern one task. */
    private TaskDraft checked(PlanDraft d, int index, TaskInput in, String list, String sectionKey, TaskDraft old) {
        inputs.check(in);
        List<FieldErrors.Error> problems = new ArrayList<>(in.officialsProblems());
        String code = in.code().strip();
        for (int i = 0; i < d.tasks().size(); i++) {
            TaskDraft t = d.tasks().get(i);
            if (i != index && Objects.equals(t.list(), list) && code.equals(t.code())) {
                problems.add(new FieldErrors.Error("code", both("import.correct.codeTaken", code)));
            }
        }
        List<MilestoneDraft> milestones = old == null ? List.of() : old.milestones();
        if (in.milestones() != null) {
            milestones = new ArrayList<>();
            for (int m = 0; m < in.milestones().size(); m++) {
                TaskInput.MilestoneInput ms = in.milestones().get(m);
                if (ms.to().compareTo(ms.from()) < 0) {
                    problems.add(new FieldErrors.Error("milestones[" + m + "].to", both("import.correct.milestoneOrder", ms.from(), ms.to())));
                }
                milestones.add(new MilestoneDraft(ms.from(), ms.to(), ms.text().strip()));
            }
        }
        if (!problems.isEmpty()) throw new InvalidInputException(problems);
        String category = old == null ? "measure" : old.category();
        return new TaskDraft(list, code, sectionKey, category, old == null ? null : old.group(), in.title().strip(),
                in.text() == null || in.text().isBlank() ? null : in.text().strip(),
                in.leadUnits().stream().map(String::strip).toList(), in.coUnits().stream().map(String::strip).toList(),
                old == null ? null : old.targetSystem(), old == null ? null : old.workSystem(),
                old == null ? null : old.policySystem(), old == null ? null : old.evaluationSystem(),
                milestones, old == null ? List.of() : old.targets(), in.leadOfficials());
    }

    private IndicatorDraft checked(PlanDraft d, int index, IndicatorInput in, List<TargetDraft> values,
                                   List<ObservationDraft> observations, Baseline baseline) {
        inputs.check(in);
        List<FieldErrors.Error> problems = new ArrayList<>(in.problems());
        if (baseline != null) problems.addAll(baseline.problems());
        String name = in.name().strip();
        for (int i = 0; i < d.indicators().size(); i++) {
            if (i != index && d.indicators().get(i).name().equals(name)) {
                problems.add(new FieldErrors.Error("name", both("import.correct.indicatorTaken", name)));
            }
        }
        if (!problems.isEmpty()) throw new InvalidInputException(problems);
        IndicatorDraft old = index < 0 ? null : d.indicators().get(index);
        return new IndicatorDraft(IndicatorInput.blankToNull(in.code()), IndicatorInput.blankToNull(in.domain()), name,
                IndicatorInput.blankToNull(in.unit()), in.polarity(), old != null && old.cumulative(),
                old == null ? null : old.responsibleUnit(), old == null ? null : old.dataSource(), values, observations);
    }

    /**
     * The base year's value of an indicator table as the office corrects it (基期值, where the plan starts from): it is
     * stored as that year's approved observation on publishing. {@code value} null clears it: nothing is stored.
     */
    public record Baseline(Integer year, BigDecimal value) {

        List<FieldErrors.Error> problems() {
            List<FieldErrors.Error> problems = new ArrayList<>();
            if (value == null) return problems;
            if (year == null) problems.add(new FieldErrors.Error("baselineYear", both("rules.required")));
            else if (year < 1949 || year > 2100) problems.add(new FieldErrors.Error("baselineYear", both("correct.baselineYearRange", "1949", "2100")));
            String number = StoredNumber.problem(value);
            if (number != null) problems.add(new FieldErrors.Error("baseline", number));
            return problems;
        }
    }

    /**
     * The draft's baseline of an indicator: its earliest observation (the table's base-year column; for a table of
     * actuals, its first year).
     */
    static Optional<ObservationDraft> baseline(IndicatorDraft i) {
        return i.observations().stream().min(Comparator.comparing(ObservationDraft::period));
    }

    /** The indicator with its baseline replaced (or removed where the value is blank); null leaves it as it is. */
    private static IndicatorDraft withBaseline(IndicatorDraft i, Baseline baseline) {
        if (baseline == null) return i;
        List<ObservationDraft> observations = new ArrayList<>(i.observations());
        baseline(i).ifPresent(observations::remove);
        if (baseline.value() != null) {
            observations.add(0, new ObservationDraft(String.valueOf(baseline.year()), baseline.value(),
                    baseline.value().stripTrailingZeros().toPlainString()));
        }
        return new IndicatorDraft(i.code(), i.domain(), i.name(), i.unit(), i.polarity(), i.cumulative(), i.responsibleUnit(),
                i.dataSource(), i.targets(), observations);
    }

    private static TaskDraft task(PlanDraft d, int index) {
        if (index < 0 || index >= d.tasks().size()) throw new InvalidParameterException("task", both("import.correct.noSuchTask", index));
        return d.tasks().get(index);
    }

    private static IndicatorDraft indicator(PlanDraft d, int index) {
        if (index < 0 || index >= d.indicators().size()) {
            throw new InvalidParameterException("indicator", both("import.correct.noSuchIndicator", index));
        }
        return d.indicators().get(index);
    }

    private static TargetDraft target(List<TargetDraft> targets, int index) {
        if (index < 0 || index >= targets.size()) throw new InvalidParameterException("target", both("import.correct.noSuchTarget", index));
        return targets.get(index);
    }

    private static List<TargetDraft> targetsOf(PlanDraft d, Owner owner, int index) {
        return owner == Owner.TASK ? task(d, index).targets() : indicator(d, index).targets();
    }

    private static PlanDraft withTargets(PlanDraft d, Owner owner, int index, List<TargetDraft> targets) {
        if (owner == Owner.TASK) {
            List<TaskDraft> tasks = new ArrayList<>(d.tasks());
            tasks.set(index, withTargets(tasks.get(index), targets));
            return with(d, tasks, d.indicators());
        }
        List<IndicatorDraft> indicators = new ArrayList<>(d.indicators());
        indicators.set(index, withValues(indicators.get(index), targets));
        return with(d, d.tasks(), indicators);
    }

    private static String place(PlanDraft d, Owner owner, int index) {
        if (owner == Owner.TASK) {
            TaskDraft t = task(d, index);
            return "task " + (t.list() == null ? "main" : t.list()) + "/" + t.code();
        }
        return "indicator " + indicator(d, index).name();
    }

    private static PlanDraft with(PlanDraft d, List<TaskDraft> tasks, List<IndicatorDraft> indicators) {
        return new PlanDraft(d.title(), d.regionCode(), d.issuer(), d.startYear(), d.endYear(), d.kind(), d.sections(), tasks,
                indicators, d.publication());
    }

    private static TaskDraft withTargets(TaskDraft t, List<TargetDraft> targets) {
        return new TaskDraft(t.list(), t.code(), t.sectionKey(), t.category(), t.group(), t.title(), t.text(), t.leadUnits(),
                t.coUnits(), t.targetSystem(), t.workSystem(), t.policySystem(), t.evaluationSystem(), t.milestones(), targets,
                t.leadOfficials());
    }

    private static IndicatorDraft withValues(IndicatorDraft i, List<TargetDraft> values) {
        return new IndicatorDraft(i.code(), i.domain(), i.name(), i.unit(), i.polarity(), i.cumulative(), i.responsibleUnit(),
                i.dataSource(), values, i.observations());
    }

    private static TargetDraft renamed(TargetDraft t, String indicator) {
        return new TargetDraft(indicator, t.comparator(), t.value(), t.min(), t.max(), t.unit(), t.year(), t.text());
    }

    /** A task in a line of the audit log: its place, title, units and milestones. */
    static String describe(TaskDraft t) {
        return (t.list() == null ? "main" : t.list()) + "/" + t.code() + " " + t.title() + " | lead " + t.leadUnits()
                + " | co " + t.coUnits() + " | officials " + t.leadOfficials() + " | milestones " + t.milestones().stream().map(m -> m.from() + "–" + m.to() + " " + m.text()).toList();
    }

    static String describe(TargetDraft t) {
        return t.indicator() + " " + t.year() + " " + TargetView.display(t.comparator(), t.value(), t.min(), t.max(), t.text())
                + (t.unit() == null ? "" : " " + t.unit());
    }

    static String describe(IndicatorDraft i) {
        return i.name() + " | unit " + i.unit() + " | polarity " + i.polarity() + " | domain " + i.domain() + " | code " + i.code()
                + " | baseline " + baseline(i).map(o -> o.period() + ": " + o.text()).orElse("none");
    }

}
