package cn.gongfu.importing;

import cn.gongfu.audit.AuditEvent;
import cn.gongfu.audit.AuditLog;
import cn.gongfu.importing.DraftCorrections.Owner;
import cn.gongfu.indicator.IndicatorInput;
import cn.gongfu.indicator.TargetInput;
import cn.gongfu.kernel.FormAttempt;
import cn.gongfu.kernel.InvalidParameterException;
import cn.gongfu.kernel.PageRequest;
import cn.gongfu.kernel.WebPage;
import cn.gongfu.plan.PlanDraft;
import cn.gongfu.plan.PlanDraft.IndicatorDraft;
import cn.gongfu.plan.PlanDraft.TaskDraft;
import cn.gongfu.plan.TaskInput;
import cn.gongfu.unit.UnitService;
import cn.gongfu.vocabulary.Polarity;
import cn.gongfu.vocabulary.TargetComparator;
import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
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
 * The pages on which the office corrects an import's draft: a task with its targets, an indicator with its yearly
 * values, each added or deleted. A refused correction shows the form again as typed, each error beside its field
 * (422); one made on an older version shows what is there now with a warning (409). The review links here.
 */
@WebPage
@Controller
class DraftPages {

    private final DraftCorrections corrections;
    private final ImportService imports;
    private final UnitService units;
    private final AuditLog audit;

    DraftPages(DraftCorrections corrections, ImportService imports, UnitService units, AuditLog audit) {
        this.corrections = corrections;
        this.imports = imports;
        this.units = units;
        this.audit = audit;
    }

    @GetMapping("/imports/{id}/tasks/{index}")
    public String task(@PathVariable long id, @PathVariable int index, Model model) {
        return taskPage(id, index, null, Map.of(), model);
    }

    @GetMapping("/imports/{id}/tasks/new")
    public String newTask(@PathVariable long id, Model model) {
        return taskPage(id, null, null, Map.of(), model);
    }

    @PostMapping("/imports/{id}/tasks/{index}")
    public String saveTask(@PathVariable long id, @PathVariable int index, @RequestParam int version,
                           @RequestParam Map<String, String> form, Model model, HttpServletResponse response) {
        return attempt(() -> corrections.editTask(id, version, index, taskInput(form)),
                "redirect:/imports/" + id + "#task-" + index, () -> taskPage(id, index, form, Map.of(), model), model, response,
                () -> taskPage(id, index, null, Map.of(), model));
    }

    @PostMapping("/imports/{id}/tasks")
    public String addTask(@PathVariable long id, @RequestParam int version, @RequestParam Map<String, String> form,
                          Model model, HttpServletResponse response) {
        return attempt(() -> corrections.addTask(id, version, form.get("section"), taskInput(form)),
                "redirect:/imports/" + id + "#tasks", () -> taskPage(id, null, form, Map.of(), model), model, response,
                () -> taskPage(id, null, null, Map.of(), model));
    }

    @PostMapping("/imports/{id}/tasks/{index}/delete")
    public String deleteTask(@PathVariable long id, @PathVariable int index, @RequestParam int version, Model model,
                             HttpServletResponse response) {
        return attempt(() -> corrections.deleteTask(id, version, index), "redirect:/imports/" + id + "#tasks",
                () -> taskPage(id, index, null, Map.of(), model), model, response, () -> "redirect:/imports/" + id);
    }

    @GetMapping("/imports/{id}/indicators/{index}")
    public String indicator(@PathVariable long id, @PathVariable int index, Model model) {
        return indicatorPage(id, index, null, Map.of(), model);
    }

    @GetMapping("/imports/{id}/indicators/new")
    public String newIndicator(@PathVariable long id, Model model) {
        return indicatorPage(id, null, null, Map.of(), model);
    }

    @PostMapping("/imports/{id}/indicators/{index}")
    public String saveIndicator(@PathVariable long id, @PathVariable int index, @RequestParam int version,
                                @RequestParam Map<String, String> form, Model model, HttpServletResponse response) {
        return attempt(() -> corrections.editIndicator(id, version, index, indicatorInput(form), baseline(form)),
                "redirect:/imports/" + id + "#indicator-" + index, () -> indicatorPage(id, index, form, Map.of(), model),
                model, response, () -> indicatorPage(id, index, null, Map.of(), model));
    }

    @PostMapping("/imports/{id}/indicators")
    public String addIndicator(@PathVariable long id, @RequestParam int version, @RequestParam Map<String, String> form,
                               Model model, HttpServletResponse response) {
        return attempt(() -> corrections.addIndicator(id, version, indicatorInput(form), baseline(form)),
                "redirect:/imports/" + id + "#indicator-table", () -> indicatorPage(id, null, form, Map.of(), model),
                model, response, () -> indicatorPage(id, null, null, Map.of(), model));
    }

    @PostMapping("/imports/{id}/indicators/{index}/delete")
    public String deleteIndicator(@PathVariable long id, @PathVariable int index, @RequestParam int version, Model model,
                                  HttpServletResponse response) {
        return attempt(() -> corrections.deleteIndicator(id, version, index), "redirect:/imports/" + id + "#indicator-table",
                () -> indicatorPage(id, index, null, Map.of(), model), model, response, () -> "redirect:/imports/" + id);
    }

    /** A target of a task or an indicator saved; the page of its owner again. */
    @PostMapping("/imports/{id}/{owner}/{index}/targets/{target}")
    public String saveTarget(@PathVariable long id, @PathVariable String owner, @PathVariable int index,
                             @PathVariable int target, @RequestParam int version,
                             @RequestParam Map<String, String> form, Model model, HttpServletResponse response) {
        return target(id, owner, index, target, version, form, model, response);
    }

    @PostMapping("/imports/{id}/{owner}/{index}/targets")
    public String addTarget(@PathVariable long id, @PathVariable String owner, @PathVariable int index,
                            @RequestParam int version, @RequestParam Map<String, String> form, Model model,
                            HttpServletResponse response) {
        return target(id, owner, index, null, version, form, model, response);
    }

    private String target(long id, String owner, int index, Integer target, int version, Map<String, String> form,
                          Model model, HttpServletResponse response) {
        Owner o = DraftApi.owner(owner);
        Map<String, String> typed = new LinkedHashMap<>(form);
        typed.put("row", target == null ? "new" : "" + target);
        return attempt(() -> corrections.saveTarget(id, version, o, index, target, targetInput(form)),
                "redirect:/imports/" + id + "/" + owner + "/" + index + "#targets", () -> ownerPage(id, o, index, typed, model),
                model, response, () -> ownerPage(id, o, index, Map.of(), model));
    }

    @PostMapping("/imports/{id}/{owner}/{index}/targets/{target}/delete")
    public String deleteTarget(@PathVariable long id, @PathVariable String owner, @PathVariable int index,
                               @PathVariable int target, @RequestParam int version, Model model, HttpServletResponse response) {
        Owner o = DraftApi.owner(owner);
        return attempt(() -> corrections.deleteTarget(id, version, o, index, target),
                "redirect:/imports/" + id + "/" + owner + "/" + index + "#targets", () -> ownerPage(id, o, index, Map.of(), model),
                model, response, () -> ownerPage(id, o, index, Map.of(), model));
    }

    @PostMapping("/imports/{id}/draft/revert")
    public String revert(@PathVariable long id, @RequestParam int version, Model model, HttpServletResponse response) {
        return attempt(() -> corrections.revert(id, version), "redirect:/imports/" + id, () -> "redirect:/imports/" + id,
                model, response, () -> "redirect:/imports/" + id);
    }

    private String attempt(Runnable correction, String success, java.util.function.Supplier<String> refused, Model model,
                           HttpServletResponse response, java.util.function.Supplier<String> stale) {
        return FormAttempt.run(correction, success, model, response, refused, stale);
    }

    private String ownerPage(long id, Owner owner, int index, Map<String, String> typedTarget, Model model) {
        return owner == Owner.TASK ? taskPage(id, index, null, typedTarget, model) : indicatorPage(id, index, null, typedTarget, model);
    }

    private String taskPage(long id, Integer index, Map<String, String> typed, Map<String, String> typedTarget, Model model) {
        ImportReview review = common(id, model);
        PlanDraft draft = review.draft();
        TaskDraft task = index == null ? null : draft.tasks().get(checkedIndex(index, draft.tasks().size(), "task"));
        Map<String, String> form = new LinkedHashMap<>();
        if (task != null) {
            form.put("code", task.code());
            form.put("title", task.title());
            form.put("text", task.text() == null ? "" : task.text());
            form.put("leadUnits", String.join(TaskInput.LIST_SEPARATOR, task.leadUnits()));
            form.put("coUnits", String.join(TaskInput.LIST_SEPARATOR, task.coUnits()));
            form.put("leadOfficials", String.join(TaskInput.LIST_SEPARATOR, task.leadOfficials()));
            form.put("milestones", TaskInput.milestoneText(task.milestones()));
            form.put("section", task.sectionKey() == null ? "" : task.sectionKey());
        }
        if (typed != null) form.putAll(typed);
        model.addAttribute("index", index);
        model.addAttribute("task", task);
        model.addAttribute("form", form);
        model.addAttribute("targets", task == null ? List.of() : task.targets());
        model.addAttribute("owner", "tasks");
        targetForms(typedTarget, model);
        model.addAttribute("unitNames", units.choices(List.of(review.job().regionCode())).stream().map(u -> u.name()).toList());
        return "imports/correct-task";
    }

    private String indicatorPage(long id, Integer index, Map<String, String> typed, Map<String, String> typedTarget, Model model) {
        ImportReview review = common(id, model);
        PlanDraft draft = review.draft();
        IndicatorDraft indicator = index == null ? null : draft.indicators().get(checkedIndex(index, draft.indicators().size(), "indicator"));
        Map<String, String> form = new LinkedHashMap<>();
        if (indicator != null) {
            form.put("code", indicator.code() == null ? "" : indicator.code());
            form.put("name", indicator.name());
            form.put("unit", indicator.unit() == null ? "" : indicator.unit());
            form.put("polarity", indicator.polarity());
            form.put("domain", indicator.domain() == null ? "" : indicator.domain());
            DraftCorrections.baseline(indicator).ifPresent(o -> {
                form.put("baselineYear", o.period());
                form.put("baseline", o.value().stripTrailingZeros().toPlainString());
            });
        } else {
            form.put("polarity", Polarity.HIGHER.code());
        }
        if (typed != null) form.putAll(typed);
        model.addAttribute("index", index);
        model.addAttribute("indicator", indicator);
        model.addAttribute("form", form);
        model.addAttribute("targets", indicator == null ? List.of() : indicator.targets());
        model.addAttribute("owner", "indicators");
        model.addAttribute("polarities", Polarity.codes());
        targetForms(typedTarget, model);
        return "imports/correct-indicator";
    }

    /** The review, and what every correction page shows: the comparators and the corrections made so far. */
    private ImportReview common(long id, Model model) {
        ImportReview review = imports.review(id);
        if (review.draft() == null) throw new InvalidParameterException("draft", cn.gongfu.kernel.BundleText.both("import.correct.noDraft"));
        model.addAttribute("review", review);
        model.addAttribute("job", review.job());
        model.addAttribute("comparators", TargetComparator.codes());
        Map<String, String> sections = new LinkedHashMap<>();
        review.draft().sections().forEach(s -> sections.put(s.key(), (s.label() == null ? "" : s.label()) + s.title()));
        model.addAttribute("sectionChoices", sections);
        model.addAttribute("corrections", corrections(id));
        return review;
    }

    /** The typed values of the target row that was refused ({@code row}: its position, or "new"), to show it as typed. */
    private static void targetForms(Map<String, String> typedTarget, Model model) {
        model.addAttribute("targetRow", typedTarget.getOrDefault("row", ""));
        model.addAttribute("targetForm", typedTarget);
    }

    /** The corrections of this import, newest first, from the audit log. */
    List<AuditEvent> corrections(long id) {
        return audit.list("import.correct", null, "import:" + id, new PageRequest(0, 50)).items();
    }

    private static int checkedIndex(int index, int size, String what) {
        if (index < 0 || index >= size) throw new cn.gongfu.kernel.NotFoundException(what, index);
        return index;
    }

    static TaskInput taskInput(Map<String, String> form) {
        return new TaskInput(form.get("code"), form.get("title"), form.get("text"), TaskInput.names(form.get("leadUnits")),
                TaskInput.names(form.get("coUnits")), TaskInput.milestoneLines(form.get("milestones")),
                TaskInput.names(form.get("leadOfficials")));
    }

    static IndicatorInput indicatorInput(Map<String, String> form) {
        return new IndicatorInput(form.get("code"), form.get("name"), form.get("unit"), form.get("polarity"), form.get("domain"));
    }

    /** The base year's value as typed: a blank value clears it. */
    static DraftCorrections.Baseline baseline(Map<String, String> form) {
        return new DraftCorrections.Baseline(year("baselineYear", form.get("baselineYear")), number("baseline", form.get("baseline")));
    }

    static TargetInput targetInput(Map<String, String> form) {
        return new TargetInput(form.get("indicator"), form.get("comparator"), number("value", form.get("value")),
                number("min", form.get("min")), number("max", form.get("max")), form.get("unit"), year("year", form.get("year")), form.get("text"));
    }

    static BigDecimal number(String field, String typed) {
        if (typed == null || typed.isBlank()) return null;
        try {
            return new BigDecimal(typed.strip());
        } catch (NumberFormatException e) {
            throw new InvalidParameterException(field, cn.gongfu.kernel.BundleText.both("rules.notAValue"));
        }
    }

    static Integer year(String field, String typed) {
        if (typed == null || typed.isBlank()) return null;
        try {
            return Integer.valueOf(typed.strip());
        } catch (NumberFormatException e) {
            throw new InvalidParameterException(field, cn.gongfu.kernel.BundleText.both("rules.notAValue"));
        }
    }
}
