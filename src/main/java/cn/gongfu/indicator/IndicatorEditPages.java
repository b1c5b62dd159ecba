package cn.gongfu.indicator;

import cn.gongfu.audit.AuditLog;
import cn.gongfu.indicator.IndicatorEdits.EditableTarget;
import cn.gongfu.kernel.BundleText;
import cn.gongfu.kernel.FormAttempt;
import cn.gongfu.kernel.InvalidParameterException;
import cn.gongfu.kernel.WebPage;
import cn.gongfu.vocabulary.Polarity;
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

/** The office edits a published indicator and its targets; the page shows the version and the history of changes. */
@WebPage
@Controller
class IndicatorEditPages {

    private final IndicatorEdits edits;
    private final IndicatorService indicators;
    private final AuditLog audit;

    IndicatorEditPages(IndicatorEdits edits, IndicatorService indicators, AuditLog audit) {
        this.edits = edits;
        this.indicators = indicators;
        this.audit = audit;
    }

    @GetMapping("/indicators/{id}/edit")
    public String page(@PathVariable long id, Model model) {
        return page(id, null, Map.of(), model);
    }

    @PostMapping("/indicators/{id}/edit")
    public String save(@PathVariable long id, @RequestParam int version, @RequestParam Map<String, String> form,
                       Model model, HttpServletResponse response) {
        return FormAttempt.run(() -> edits.editIndicator(id, version, new IndicatorInput(form.get("code"), form.get("name"),
                        form.get("unit"), form.get("polarity"), form.get("domain"))),
                "redirect:/indicators/" + id + "/edit#history", model, response, () -> page(id, form, Map.of(), model),
                () -> page(id, null, Map.of(), model));
    }

    @PostMapping("/indicators/{id}/targets/{target}")
    public String saveTarget(@PathVariable long id, @PathVariable long target, @RequestParam int version,
                             @RequestParam Map<String, String> form, Model model, HttpServletResponse response) {
        Map<String, String> typed = new LinkedHashMap<>(form);
        typed.put("row", "" + target);
        return FormAttempt.run(() -> {
                    if (edits.target(target).indicatorId() != id) {
                        throw new InvalidParameterException("target", BundleText.both("import.correct.noSuchTarget", target));
                    }
                    edits.editTarget(target, version, new TargetInput(null, form.get("comparator"), number("value", form.get("value")),
                            number("min", form.get("min")), number("max", form.get("max")), form.get("unit"),
                            year(form.get("year")), form.get("text")));
                }, "redirect:/indicators/" + id + "/edit#history", model, response, () -> page(id, null, typed, model),
                () -> page(id, null, Map.of(), model));
    }

    private String page(long id, Map<String, String> typed, Map<String, String> typedTarget, Model model) {
        int version = edits.indicatorVersion(id);
        Indicator indicator = indicators.get(id);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("code", indicator.code() == null ? "" : indicator.code());
        form.put("name", indicator.name());
        form.put("unit", indicator.unit() == null ? "" : indicator.unit());
        form.put("polarity", indicator.polarity());
        form.put("domain", indicator.domain() == null ? "" : indicator.domain());
        if (typed != null) form.putAll(typed);
        List<EditableTarget> targets = edits.targetsOfIndicator(id);
        List<String> subjects = new ArrayList<>(List.of("indicator:" + id));
        targets.forEach(t -> subjects.add("target:" + t.id()));
        model.addAttribute("indicator", indicator);
        model.addAttribute("form", form);
        model.addAttribute("version", version);
        model.addAttribute("targets", targets);
        model.addAttribute("targetRow", typedTarget.getOrDefault("row", ""));
        model.addAttribute("targetForm", typedTarget);
        model.addAttribute("comparators", TargetComparator.codes());
        model.addAttribute("polarities", Polarity.codes());
        model.addAttribute("events", audit.historyLines(subjects, 100));
        return "indicators/edit";
    }

    private static BigDecimal number(String field, String typed) {
        if (typed == null || typed.isBlank()) return null;
        try {
            return new BigDecimal(typed.strip());
        } catch (NumberFormatException e) {
            throw new InvalidParameterException(field, BundleText.both("rules.notAValue"));
        }
    }

    private static Integer year(String typed) {
        if (typed == null || typed.isBlank()) return null;
        try {
            return Integer.valueOf(typed.strip());
        } catch (NumberFormatException e) {
            throw new InvalidParameterException("year", BundleText.both("rules.notAValue"));
        }
    }
}
