package cn.gongfu.plan;

import cn.gongfu.indicator.IndicatorEdits;
import cn.gongfu.indicator.IndicatorEdits.EditableTarget;
import cn.gongfu.indicator.TargetInput;
import cn.gongfu.kernel.BundleText;
import cn.gongfu.kernel.FieldErrors;
import cn.gongfu.kernel.FormAttempt;
import cn.gongfu.kernel.InvalidInputException;
import cn.gongfu.kernel.InvalidParameterException;
import cn.gongfu.kernel.WebPage;
import cn.gongfu.unit.UnitService;
import cn.gongfu.vocabulary.TargetComparator;
import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The office edits a published plan and its tasks with their targets: each page shows the version it edits and the
 * history of changes (the audit log). Outcomes as every edit form's ({@link FormAttempt}): 422 beside the field, 409
 * when someone else saved first.
 */
@WebPage
@Controller
class PlanEditPages {

    private final PublishedPlanEdits edits;
    private final PlanService plans;
    private final IndicatorEdits indicatorEdits;
    private final UnitService units;

    PlanEditPages(PublishedPlanEdits edits, PlanService plans, IndicatorEdits indicatorEdits, UnitService units) {
        this.edits = edits;
        this.plans = plans;
        this.indicatorEdits = indicatorEdits;
        this.units = units;
    }

    @GetMapping("/plans/{id}/edit")
    public String plan(@PathVariable long id, Model model) {
        return planPage(id, null, null, model);
    }

    @PostMapping("/plans/{id}/edit")
    public String savePlan(@PathVariable long id, @RequestParam int version, @RequestParam Map<String, String> form,
                           Model model, HttpServletResponse response) {
        return FormAttempt.run(() -> edits.editPlan(id, version, new PlanInput(form.get("title"), form.get("issuer"),
                        year("startYear", form.get("startYear")), year("endYear", form.get("endYear")))),
                "redirect:/plans/" + id + "/edit#history", model, response, () -> planPage(id, form, null, model),
                () -> planPage(id, null, null, model));
    }

    /** A task added to the published plan; refused, the plan's page with the task form as typed, errors beside it. */
    @PostMapping("/plans/{id}/tasks")
    public String addTask(@PathVariable long id, @RequestParam Map<String, String> form, Model model, HttpServletResponse response) {
        long[] added = new long[1];
        String outcome = FormAttempt.run(() -> added[0] = edits.addTask(id, section(form.get("section")), taskInput(form, true)),
                "added", model, response, () -> {
                    model.addAttribute("taskErrors", model.asMap().remove("errors"));
                    return planPage(id, null, form, model);
                }, () -> planPage(id, null, form, model));
        return "added".equals(outcome) ? "redirect:/tasks/" + added[0] + "/edit" : outcome;
    }

    @GetMapping("/tasks/{id}/edit")
    public String task(@PathVariable long id, Model model) {
        return taskPage(id, null, Map.of(), model);
    }

    /** Deleted, the plan's page; refused (accepted reports keep it), the task's page saying why beside the button. */
    @PostMapping("/tasks/{id}/delete")
    public String deleteTask(@PathVariable long id, @RequestParam int version, Model model, HttpServletResponse response) {
        long[] plan = new long[1];
        String outcome = FormAttempt.run(() -> plan[0] = edits.deleteTask(id, version), "deleted", model, response,
                () -> taskPage(id, null, Map.of(), model), () -> taskPage(id, null, Map.of(), model));
        return "deleted".equals(outcome) ? "redirect:/plans/" + plan[0] + "/edit#tasks" : outcome;
    }

    @PostMapping("/tasks/{id}/milestones")
    public String addMilestone(@PathVariable long id, @RequestParam Map<String, String> form, Model model, HttpServletResponse response) {
        return milestoneAttempt(id, "new", form, () -> edits.addMilestone(id, milestoneInput(form)), model, response);
    }

    @PostMapping("/tasks/{id}/milestones/{milestone}")
    public String saveMilestone(@PathVariable long id, @PathVariable long milestone, @RequestParam int version,
                                @RequestParam Map<String, String> form, Model model, HttpServletResponse response) {
        return milestoneAttempt(id, "" + milestone, form, () -> {
            ofTask(id, milestone);
            edits.editMilestone(milestone, version, milestoneInput(form));
        }, model, response);
    }

    @PostMapping("/tasks/{id}/milestones/{milestone}/delete")
    public String deleteMilestone(@PathVariable long id, @PathVariable long milestone, @RequestParam int version,
                                  Model model, HttpServletResponse response) {
        return milestoneAttempt(id, "" + milestone, Map.of(), () -> {
            ofTask(id, milestone);
            edits.deleteMilestone(milestone, version);
        }, model, response);
    }

    /**
     * A milestone row's post: its errors are named {@code milestone.<field>} so they stand on that row, not beside the
     * task's own fields of the same name (text).
     */
    private String milestoneAttempt(long taskId, String row, Map<String, String> form, Runnable change, Model model,
                                    HttpServletResponse response) {
        Map<String, String> typed = new LinkedHashMap<>(form);
        typed.put("row", row);
        return FormAttempt.run(() -> {
                    try {
                        change.run();
                    } catch (InvalidInputException e) {
                        throw new InvalidInputException(e.errors().stream()
                                .map(x -> new FieldErrors.Error("milestone." + x.field(), x.message())).toList());
                    } catch (InvalidParameterException e) {
                        throw new InvalidParameterException("milestone." + e.field(), e.getMessage());
                    }
                }, "redirect:/tasks/" + taskId + "/edit#milestones", model, response,
                () -> taskPage(taskId, null, Map.of(), typed, model), () -> taskPage(taskId, null, Map.of(), model));
    }

    private void ofTask(long taskId, long milestoneId) {
        if (edits.milestone(milestoneId).taskId() != taskId) {
            throw new InvalidParameterException("milestone", BundleText.both("plan.edit.noSuchMilestone", milestoneId));
        }
    }

    @PostMapping("/tasks/{id}/edit")
    public String saveTask(@PathVariable long id, @RequestParam int version, @RequestParam Map<String, String> form,
                           Model model, HttpServletResponse response) {
        return FormAttempt.run(() -> edits.editTask(id, version, taskInput(form, false)),
                "redirect:/tasks/" + id + "/edit#history", model, response, () -> taskPage(id, form, Map.of(), model),
                () -> taskPage(id, null, Map.of(), model));
    }

    @PostMapping("/tasks/{id}/targets/{target}")
    public String saveTarget(@PathVariable long id, @PathVariable long target, @RequestParam int version,
                             @RequestParam Map<String, String> form, Model model, HttpServletResponse response) {
        Map<String, String> typed = new LinkedHashMap<>(form);
        typed.put("row", "" + target);
        return FormAttempt.run(() -> {
                    if (indicatorEdits.target(target).taskId() == null || indicatorEdits.target(target).taskId() != id) {
                        throw new InvalidParameterException("target", BundleText.both("import.correct.noSuchTarget", target));
                    }
                    indicatorEdits.editTarget(target, version, targetInput(form));
                }, "redirect:/tasks/" + id + "/edit#history", model, response, () -> taskPage(id, null, typed, model),
                () -> taskPage(id, null, Map.of(), model));
    }

    private String planPage(long id, Map<String, String> typed, Map<String, String> typedTask, Model model) {
        Plan plan = edits.officePlan(id);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("title", plan.title());
        form.put("issuer", plan.issuer() == null ? "" : plan.issuer());
        form.put("startYear", "" + plan.startYear());
        form.put("endYear", "" + plan.endYear());
        if (typed != null) form.putAll(typed);
        model.addAttribute("plan", plan);
        model.addAttribute("form", form);
        model.addAttribute("version", edits.planVersion(id));
        model.addAttribute("events", edits.history(List.of("plan:" + id)));
        model.addAttribute("tasks", plans.tasksOfPlan(id));
        Map<String, String> sections = new LinkedHashMap<>();
        plans.sections(id).forEach(s -> sections.put("" + s.id(), s.heading()));
        model.addAttribute("sectionChoices", sections);
        model.addAttribute("taskForm", typedTask == null ? Map.of() : typedTask);
        model.addAttribute("unitNames", unitNames(plan.regionCode()));
        return "plans/edit";
    }

    private String taskPage(long id, Map<String, String> typed, Map<String, String> typedTarget, Model model) {
        return taskPage(id, typed, typedTarget, Map.of(), model);
    }

    private String taskPage(long id, Map<String, String> typed, Map<String, String> typedTarget, Map<String, String> typedMilestone,
                            Model model) {
        TaskDetail task = edits.officeTask(id);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("code", task.code());
        form.put("title", task.title());
        form.put("text", task.text() == null ? "" : task.text());
        form.put("leadUnits", String.join(TaskInput.LIST_SEPARATOR, task.leadUnits().stream().map(UnitRef::name).toList()));
        form.put("coUnits", String.join(TaskInput.LIST_SEPARATOR, task.coUnits().stream().map(UnitRef::name).toList()));
        form.put("leadOfficials", String.join(TaskInput.LIST_SEPARATOR, task.leadOfficials()));
        if (typed != null) form.putAll(typed);
        List<EditableTarget> targets = indicatorEdits.targetsOfTask(id);
        List<String> subjects = new ArrayList<>(List.of("task:" + id));
        targets.forEach(t -> subjects.add("target:" + t.id()));
        task.milestones().forEach(m -> subjects.add("milestone:" + m.id()));
        Plan plan = plans.get(task.planId());
        model.addAttribute("task", task);
        model.addAttribute("form", form);
        model.addAttribute("version", edits.taskVersion(id));
        model.addAttribute("targets", targets);
        model.addAttribute("targetRow", typedTarget.getOrDefault("row", ""));
        model.addAttribute("targetForm", typedTarget);
        model.addAttribute("comparators", TargetComparator.codes());
        model.addAttribute("milestoneRow", typedMilestone.getOrDefault("row", ""));
        model.addAttribute("milestoneForm", typedMilestone);
        model.addAttribute("unitNames", unitNames(plan.regionCode()));
        model.addAttribute("events", edits.history(subjects));
        return "plans/task-edit";
    }

    private List<String> unitNames(String regionCode) {
        return units.choices(List.of(regionCode)).stream().map(u -> u.name()).toList();
    }

    /** A task as typed in its form; milestones (one a line) only where the form has them (a task added). */
    private static TaskInput taskInput(Map<String, String> form, boolean withMilestones) {
        return new TaskInput(form.get("code"), form.get("title"), form.get("text"), TaskInput.names(form.get("leadUnits")),
                TaskInput.names(form.get("coUnits")), withMilestones ? TaskInput.milestoneLines(form.get("milestones")) : null,
                TaskInput.names(form.get("leadOfficials")));
    }

    private static TaskInput.MilestoneInput milestoneInput(Map<String, String> form) {
        return new TaskInput.MilestoneInput(blank(form.get("from")), blank(form.get("to")), form.get("text"));
    }

    private static String blank(String s) {
        return s == null ? "" : s.strip();
    }

    private static Long section(String typed) {
        if (typed == null || typed.isBlank()) return null;
        try {
            return Long.valueOf(typed.strip());
        } catch (NumberFormatException e) {
            throw new InvalidParameterException("section", BundleText.both("rules.notAValue"));
        }
    }

    static TargetInput targetInput(Map<String, String> form) {
        return new TargetInput(null, form.get("comparator"), number("value", form.get("value")), number("min", form.get("min")),
                number("max", form.get("max")), form.get("unit"), year("year", form.get("year")), form.get("text"));
    }

    static BigDecimal number(String field, String typed) {
        if (typed == null || typed.isBlank()) return null;
        try {
            return new BigDecimal(typed.strip());
        } catch (NumberFormatException e) {
            throw new InvalidParameterException(field, BundleText.both("rules.notAValue"));
        }
    }

    static Integer year(String field, String typed) {
        if (typed == null || typed.isBlank()) return null;
        try {
            return Integer.valueOf(typed.strip());
        } catch (NumberFormatException e) {
            throw new InvalidParameterException(field, BundleText.both("rules.notAValue"));
        }
    }
}
