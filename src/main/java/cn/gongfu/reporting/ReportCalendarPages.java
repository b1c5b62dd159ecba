package cn.gongfu.reporting;

import static cn.gongfu.kernel.BundleText.both;

import cn.gongfu.kernel.FormAttempt;
import cn.gongfu.kernel.InvalidParameterException;
import cn.gongfu.kernel.PageRequest;
import cn.gongfu.kernel.Role;
import cn.gongfu.kernel.Scope;
import cn.gongfu.kernel.WebPage;
import cn.gongfu.plan.Plan;
import cn.gongfu.plan.PlanService;
import jakarta.servlet.http.HttpServletResponse;
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
 * The reporting calendar as a page for the office: per published plan, how often units report, the due day, the
 * grace days after it and whether the period then locks. Until now it was set only through the API; both go
 * through {@link ReportCalendarService}, which checks and audits. A refused change comes back with what was typed and
 * each error beside its field ({@link FormAttempt}).
 */
@WebPage
@Controller
class ReportCalendarPages {

    private final ReportCalendarService calendars;
    private final PlanService plans;

    ReportCalendarPages(ReportCalendarService calendars, PlanService plans) {
        this.calendars = calendars;
        this.plans = plans;
    }

    /** A plan with its calendar as the form shows it: stored, or what was typed when refused. */
    record PlanCalendar(Plan plan, Map<String, String> form, boolean stored) {}

    @GetMapping("/reports/calendar")
    String page(Model model) {
        return page(null, null, model);
    }

    @PostMapping("/reports/calendar/{planId}")
    String save(@PathVariable long planId, @RequestParam Map<String, String> form, Model model, HttpServletResponse response) {
        return FormAttempt.run(() -> calendars.setCalendar(planId, form.get("cadence"), form.getOrDefault("indicatorCadence", "annual"),
                        whole("dueDay", form.get("dueDay")), stripped(form.get("firstPeriod")), stripped(form.get("lastPeriod")),
                        whole("graceDays", form.getOrDefault("graceDays", "0")), "on".equals(form.get("lockAfterGrace")) || "true".equals(form.get("lockAfterGrace"))),
                "redirect:/reports/calendar?saved=" + planId + "#calendar-" + planId, model, response,
                () -> page(planId, form, model), () -> page(null, null, model));
    }

    private String page(Long typedPlan, Map<String, String> typed, Model model) {
        Scope.current().require(Role.OFFICE, Role.ADMIN);
        List<PlanCalendar> rows = plans.list(null, "published", null, new PageRequest(0, 100)).items().stream().map(p -> {
            if (typedPlan != null && typedPlan == p.id()) return new PlanCalendar(p, typed, calendars.calendar(p.id()).isPresent());
            return calendars.calendar(p.id()).map(c -> new PlanCalendar(p, form(c), true))
                    .orElseGet(() -> new PlanCalendar(p, suggested(p), false));
        }).toList();
        model.addAttribute("calendars", rows);
        model.addAttribute("typedPlan", typedPlan);
        model.addAttribute("maxGraceDays", ReportCalendarService.MAX_GRACE_DAYS);
        return "reporting/calendar";
    }

    private static Map<String, String> form(ReportCalendar c) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("cadence", c.cadence());
        form.put("indicatorCadence", c.indicatorCadence());
        form.put("dueDay", "" + c.dueDay());
        form.put("firstPeriod", c.firstPeriod());
        form.put("lastPeriod", c.lastPeriod());
        form.put("graceDays", "" + c.graceDays());
        form.put("lockAfterGrace", c.lockAfterGrace() ? "on" : "");
        return form;
    }

    /** A plan without a calendar: quarterly over its years, due on the 5th, a week's grace, then locked. */
    private static Map<String, String> suggested(Plan p) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("cadence", "quarterly");
        form.put("indicatorCadence", "annual");
        form.put("dueDay", "5");
        form.put("firstPeriod", p.startYear() + "Q1");
        form.put("lastPeriod", p.endYear() + "Q4");
        form.put("graceDays", "7");
        form.put("lockAfterGrace", "on");
        return form;
    }

    private static int whole(String field, String typed) {
        try {
            return Integer.parseInt(typed == null ? "" : typed.strip());
        } catch (NumberFormatException e) {
            throw new InvalidParameterException(field, both("report.error.wholeNumber", typed == null ? "" : typed.strip()));
        }
    }

    private static String stripped(String s) {
        return s == null || s.isBlank() ? "" : s.strip();
    }
}
