package cn.gongfu.project;

import cn.gongfu.kernel.BundleText;
import cn.gongfu.kernel.Downloads;
import cn.gongfu.kernel.FieldErrors;
import cn.gongfu.kernel.FormAttempt;
import cn.gongfu.kernel.InvalidInputException;
import cn.gongfu.kernel.InvalidParameterException;
import cn.gongfu.kernel.Inputs;
import cn.gongfu.kernel.ListAddress;
import cn.gongfu.kernel.ListFilters;
import cn.gongfu.kernel.PageRequest;
import cn.gongfu.kernel.Role;
import cn.gongfu.kernel.Scope;
import cn.gongfu.kernel.Uploads;
import cn.gongfu.kernel.WebPage;
import cn.gongfu.plan.Plan;
import cn.gongfu.plan.PlanService;
import cn.gongfu.region.Region;
import cn.gongfu.region.RegionService;
import cn.gongfu.reporting.ValidationException;
import cn.gongfu.unit.UnitService;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 项目 pages: the list with its totals by unit and by region and its export; a project's page (details, status
 * explained, milestones, the monthly history, the month's report form for the unit and acceptance for the office); the
 * office's project form and the .xlsx import; the units' monthly workbook. Outcomes as every edit form's
 * ({@link FormAttempt}): 422 beside the field, 409 when someone else saved first or the month is accepted.
 */
@WebPage
@Controller
class ProjectPages {

    /** Empty milestone rows the project form offers beyond the project's own. */
    static final int NEW_MILESTONE_ROWS = 3;

    private final ProjectService projects;
    private final ProjectSheets sheets;
    private final PlanService plans;
    private final UnitService units;
    private final RegionService regions;
    private final Inputs inputs;
    private final MessageSource messages;

    ProjectPages(ProjectService projects, ProjectSheets sheets, PlanService plans, UnitService units, RegionService regions,
                 Inputs inputs, MessageSource messages) {
        this.projects = projects;
        this.sheets = sheets;
        this.plans = plans;
        this.units = units;
        this.regions = regions;
        this.inputs = inputs;
        this.messages = messages;
    }

    // ---- the list

    @GetMapping("/projects")
    String list(@RequestParam(required = false) Long plan, @RequestParam(required = false) Long unit,
                @RequestParam(required = false) String region, @RequestParam(required = false) String status,
                @RequestParam(required = false) String q, @RequestParam(required = false) String month,
                @RequestParam(defaultValue = "0") int page, Model model) {
        ProjectService.Filter f = filter(plan, unit, region, status, q, month);
        ProjectService.Listing listing = projects.list(f, new PageRequest(page, 20));
        List<Plan> published = plans.publishedForDashboards();
        model.addAttribute("active", "projects");
        model.addAttribute("listing", listing);
        model.addAttribute("f", f);
        model.addAttribute("month", listing.asOf().toString());
        model.addAttribute("plans", published);
        model.addAttribute("units", units.choices(published.stream().map(Plan::regionCode).distinct().toList()));
        model.addAttribute("regions", regionsUnder(published));
        model.addAttribute("statuses", ProjectStatus.values());
        model.addAttribute("pageBase", address("/projects", f));
        model.addAttribute("exportHref", address("/projects.xlsx", f));
        model.addAttribute("mayEdit", may(Role.OFFICE, Role.ADMIN));
        model.addAttribute("mayReport", may(Role.REPORTER, Role.UNIT_HEAD, Role.ADMIN));
        return "projects/list";
    }

    @GetMapping("/projects.xlsx")
    ResponseEntity<byte[]> export(@RequestParam(required = false) Long plan, @RequestParam(required = false) Long unit,
                                  @RequestParam(required = false) String region, @RequestParam(required = false) String status,
                                  @RequestParam(required = false) String q, @RequestParam(required = false) String month) {
        ProjectService.Filter f = filter(plan, unit, region, status, q, month);
        ProjectService.Listing listing = projects.everything(f);
        Locale locale = LocaleContextHolder.getLocale();
        String name = text("project.list.title") + " " + listing.asOf() + ".xlsx";
        return Downloads.attachment(name, Downloads.XLSX, ProjectExport.workbook(listing, messages, locale));
    }

    private ProjectService.Filter filter(Long plan, Long unit, String region, String status, String q, String month) {
        String s = ListFilters.oneOf("status", status, ProjectService.STATUSES);
        String r = ListFilters.words("region", region, 12);
        if (r != null && !r.matches("\\d{6,12}")) throw new InvalidParameterException("region", BundleText.both("project.error.region", r));
        return new ProjectService.Filter(plan, unit, r, s == null ? null : ProjectStatus.valueOf(s), ListFilters.words("q", q),
                month(month));
    }

    private static YearMonth month(String month) {
        if (month == null || month.isBlank()) return null;
        try {
            if (!month.matches("\\d{4}-\\d{2}")) throw new DateTimeParseException(month, month, 0);
            return YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            throw new InvalidParameterException("month", cn.gongfu.kernel.Rules.MONTH);
        }
    }

    private static String address(String path, ProjectService.Filter f) {
        return ListAddress.of(path, "plan", f.planId(), "unit", f.unitId(), "region", f.regionCode(),
                "status", f.status() == null ? null : f.status().name(), "q", f.text(),
                "month", f.asOf() == null ? null : f.asOf().toString());
    }

    private List<Region> regionsUnder(List<Plan> published) {
        List<String> roots = published.stream().map(Plan::regionCode).distinct().toList();
        return regions.all().stream().filter(r -> roots.contains(r.code()) || roots.contains(r.parentCode())).toList();
    }

    // ---- a project

    @GetMapping("/projects/{id}")
    String project(@PathVariable long id, @RequestParam(required = false) String period, Model model) {
        return projectPage(id, month(period), null, model);
    }

    private String projectPage(long id, YearMonth period, Map<String, String> typed, Model model) {
        Project p = projects.get(id);
        YearMonth thisMonth = projects.thisMonth();
        YearMonth asOf = projects.defaultMonth();
        YearMonth formMonth = period != null ? period : defaultFormMonth(p, asOf);
        Project.Report current = projects.report(id, formMonth.toString()).orElse(null);
        model.addAttribute("active", "projects");
        model.addAttribute("p", p);
        model.addAttribute("row", projects.assess(id, asOf));
        model.addAttribute("asOf", asOf.toString());
        model.addAttribute("reports", projects.reports(id));
        model.addAttribute("events", projects.history(id));
        model.addAttribute("formMonth", formMonth.toString());
        model.addAttribute("current", current);
        model.addAttribute("typed", typed);
        boolean unitUser = may(Role.REPORTER, Role.UNIT_HEAD, Role.ADMIN) && Scope.current().coversUnit(p.unitId());
        model.addAttribute("mayReport", unitUser);
        model.addAttribute("mayAccept", may(Role.OFFICE, Role.ADMIN));
        model.addAttribute("mayEdit", may(Role.OFFICE, Role.ADMIN));
        model.addAttribute("cutoffs", ProjectStatusRule.Cutoffs.DEFAULTS);
        return "projects/detail";
    }

    /** The month the report form opens on: last month while it is not accepted, else this month (never before the start). */
    private YearMonth defaultFormMonth(Project p, YearMonth lastMonth) {
        YearMonth start = YearMonth.from(p.start());
        if (lastMonth.isBefore(start)) return start.isAfter(projects.thisMonth()) ? start : projects.thisMonth();
        boolean lastAccepted = projects.report(p.id(), lastMonth.toString()).map(Project.Report::accepted).orElse(false);
        return lastAccepted ? projects.thisMonth() : lastMonth;
    }

    @PostMapping("/projects/{id}/reports")
    String saveReport(@PathVariable long id, @RequestParam Map<String, String> form, Model model, HttpServletResponse response) {
        try {
            return FormAttempt.run(() -> projects.saveReport(id, monthly(form)), "redirect:/projects/" + id + "?period=" + form.getOrDefault("period", "") + "#report", model, response,
                    () -> projectPage(id, safeMonth(form.get("period")), form, model),
                    () -> projectPage(id, safeMonth(form.get("period")), null, model));
        } catch (ProjectLockedException e) {
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            model.addAttribute("locked", true);
            return projectPage(id, safeMonth(form.get("period")), null, model);
        }
    }

    private static YearMonth safeMonth(String s) {
        try {
            return month(s);
        } catch (InvalidParameterException e) {
            return null;
        }
    }

    @PostMapping("/projects/{id}/reports/{period}/accept")
    String accept(@PathVariable long id, @PathVariable String period, @RequestParam(required = false) Integer version,
                  Model model, HttpServletResponse response) {
        return step(id, period, version, model, response, true);
    }

    @PostMapping("/projects/{id}/reports/{period}/reopen")
    String reopen(@PathVariable long id, @PathVariable String period, @RequestParam(required = false) Integer version,
                  Model model, HttpServletResponse response) {
        return step(id, period, version, model, response, false);
    }

    private String step(long id, String period, Integer version, Model model, HttpServletResponse response, boolean accept) {
        YearMonth m = month(period);
        if (m == null) throw new InvalidParameterException("period", cn.gongfu.kernel.Rules.MONTH);
        try {
            return FormAttempt.run(() -> {
                        if (version == null) throw new InvalidParameterException("version", cn.gongfu.kernel.Rules.REQUIRED);
                        if (accept) projects.accept(id, m.toString(), version);
                        else projects.reopen(id, m.toString(), version);
                    }, "redirect:/projects/" + id + "#history", model, response,
                    () -> projectPage(id, m, null, model), () -> projectPage(id, m, null, model));
        } catch (ProjectLockedException e) {
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            model.addAttribute("locked", true);
            return projectPage(id, m, null, model);
        }
    }

    /** The month's report form as typed: amounts and percent parsed here, every bad one named. */
    static ProjectInput.Monthly monthly(Map<String, String> form) {
        FormReader r = new FormReader(form);
        Map<Long, LocalDate> done = new LinkedHashMap<>();
        for (String key : form.keySet()) {
            if (!key.matches("done\\.\\d{1,18}")) continue;
            done.put(Long.parseLong(key.substring(5)), r.date(key));
        }
        ProjectInput.Monthly in = new ProjectInput.Monthly(blankToNull(form.get("period")), r.decimal("completedMonth"),
                r.decimal("completedTotal"), r.integer("percent"), form.get("text"), done, r.integer("version"));
        r.throwIfFailed();
        return in;
    }

    // ---- the office's form and import

    @GetMapping("/projects/new")
    String newProject(@RequestParam(required = false) Long plan, Model model) {
        return formPage(null, plan, null, model);
    }

    @PostMapping("/projects")
    String create(@RequestParam Map<String, String> form, Model model, HttpServletResponse response) {
        long[] made = new long[1];
        Long plan = safeLong(form.get("plan"));
        String outcome = FormAttempt.run(() -> made[0] = projects.create(inputs.check(projectInput(form))), "made", model, response,
                () -> formPage(null, plan, form, model), () -> formPage(null, plan, form, model));
        return "made".equals(outcome) ? "redirect:/projects/" + made[0] : outcome;
    }

    @GetMapping("/projects/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        return formPage(projects.get(id), null, null, model);
    }

    @PostMapping("/projects/{id}/edit")
    String save(@PathVariable long id, @RequestParam Map<String, String> form, Model model, HttpServletResponse response) {
        return FormAttempt.run(() -> {
                    Integer version = new FormReader(form).integer("version");
                    if (version == null) throw new InvalidParameterException("version", cn.gongfu.kernel.Rules.REQUIRED);
                    projects.update(id, version, inputs.check(projectInput(form)));
                }, "redirect:/projects/" + id, model, response,
                () -> formPage(projects.get(id), null, form, model), () -> formPage(projects.get(id), null, null, model));
    }

    private String formPage(Project p, Long planId, Map<String, String> typed, Model model) {
        Scope.current().require(Role.OFFICE, Role.ADMIN);
        List<Plan> published = plans.publishedForDashboards();
        Plan plan = p != null ? plans.get(p.planId()) : planId != null ? plans.get(planId)
                : published.isEmpty() ? null : PlanService.openedByDefault(published);
        if (plan == null) throw new cn.gongfu.kernel.NotFoundException("plan", planId);
        Map<String, String> form = typed != null ? new HashMap<>(typed) : fields(p);
        form.putIfAbsent("plan", String.valueOf(plan.id()));
        int rows = (p == null ? 0 : p.milestones().size()) + NEW_MILESTONE_ROWS;
        for (int k = 0; form.containsKey("ms[" + k + "].name"); k++) rows = Math.max(rows, k + 1);
        model.addAttribute("active", "projects");
        model.addAttribute("p", p);
        model.addAttribute("plan", plan);
        model.addAttribute("plans", published);
        model.addAttribute("form", form);
        model.addAttribute("version", p == null ? 0 : (typed != null && typed.get("version") != null ? typed.get("version") : p.version()));
        model.addAttribute("tasks", projects.tasksOf(plan.id()));
        model.addAttribute("units", units.choices(List.of(plan.regionCode())));
        model.addAttribute("regions", regions.all().stream()
                .filter(r -> r.code().equals(plan.regionCode()) || plan.regionCode().equals(r.parentCode())).toList());
        model.addAttribute("milestoneRows", java.util.stream.IntStream.range(0, rows).boxed().toList());
        return "projects/edit";
    }

    private static Map<String, String> fields(Project p) {
        Map<String, String> f = new HashMap<>();
        if (p == null) return f;
        f.put("task", String.valueOf(p.taskId()));
        f.put("unit", String.valueOf(p.unitId()));
        f.put("region", p.regionCode());
        f.put("name", p.name());
        f.put("planned", p.planned().stripTrailingZeros().toPlainString());
        if (p.annualYear() != null) f.put("annualYear", String.valueOf(p.annualYear()));
        if (p.annualPlanned() != null) f.put("annualPlanned", p.annualPlanned().stripTrailingZeros().toPlainString());
        f.put("start", p.start().toString());
        f.put("plannedEnd", p.plannedEnd().toString());
        for (int k = 0; k < p.milestones().size(); k++) {
            Project.Milestone m = p.milestones().get(k);
            f.put("ms[" + k + "].id", String.valueOf(m.id()));
            f.put("ms[" + k + "].name", m.name());
            f.put("ms[" + k + "].due", m.due().toString());
            if (m.done() != null) f.put("ms[" + k + "].done", m.done().toString());
        }
        return f;
    }

    /** The project form as typed; rows of milestones with nothing typed are left out. */
    static ProjectInput projectInput(Map<String, String> form) {
        FormReader r = new FormReader(form);
        List<ProjectInput.MilestoneInput> milestones = new ArrayList<>();
        for (int k = 0; k < 200 && (form.containsKey("ms[" + k + "].name") || form.containsKey("ms[" + k + "].due")); k++) {
            String p = "ms[" + k + "].";
            boolean empty = blankToNull(form.get(p + "name")) == null && blankToNull(form.get(p + "due")) == null
                    && blankToNull(form.get(p + "done")) == null;
            if (empty) continue;
            String at = "milestones[" + milestones.size() + "].";
            milestones.add(new ProjectInput.MilestoneInput(r.longValue(p + "id", at + "id"), form.get(p + "name"),
                    r.date(p + "due", at + "due"), r.date(p + "done", at + "done")));
        }
        ProjectInput in = new ProjectInput(r.longValue("task"), r.longValue("unit"), blankToNull(form.get("region")),
                form.get("name"), r.decimal("planned"), r.integer("annualYear"), r.decimal("annualPlanned"),
                r.date("start"), r.date("plannedEnd"), milestones);
        r.throwIfFailed();
        return in;
    }

    @GetMapping("/projects/import.xlsx")
    ResponseEntity<byte[]> importTemplate() {
        return Downloads.attachment(text("project.import.fileName") + ".xlsx", Downloads.XLSX, sheets.importTemplate());
    }

    @PostMapping("/projects/import")
    String importList(@RequestParam(required = false) Long plan, @RequestParam(required = false) MultipartFile file,
                      RedirectAttributes redirect) throws IOException {
        return upload(redirect, () -> {
            if (plan == null) throw new InvalidParameterException("plan", cn.gongfu.kernel.Rules.REQUIRED);
            if (file == null || file.isEmpty()) throw new InvalidParameterException("file", BundleText.both("upload.missing"));
            return sheets.importList(plan, Uploads.read(file, Uploads.MAX_SHEET_BYTES));
        }, "imported", plan == null ? "/projects" : "/projects?plan=" + plan);
    }

    @GetMapping("/projects/workbook.xlsx")
    ResponseEntity<byte[]> monthlyWorkbook(@RequestParam(required = false) String month) {
        YearMonth m = month(month);
        YearMonth period = m == null ? projects.thisMonth() : m;
        return Downloads.attachment(text("project.workbook.fileName") + " " + period + ".xlsx", Downloads.XLSX, sheets.monthly(period));
    }

    @PostMapping("/projects/workbook")
    String uploadMonthly(@RequestParam(required = false) MultipartFile file, RedirectAttributes redirect) throws IOException {
        return upload(redirect, () -> {
            if (file == null || file.isEmpty()) throw new InvalidParameterException("file", BundleText.both("upload.missing"));
            return sheets.uploadMonthly(Uploads.read(file, Uploads.MAX_SHEET_BYTES));
        }, "uploaded", "/projects");
    }

    interface Upload {
        int run() throws IOException;
    }

    private static String upload(RedirectAttributes redirect, Upload work, String flag, String back) throws IOException {
        try {
            redirect.addFlashAttribute(flag, work.run());
        } catch (ValidationException e) {
            redirect.addFlashAttribute("sheetErrors", e.errors());
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("sheetErrors", e.errors().stream().map(x -> new ValidationException.Error(x.field(), x.message())).toList());
        } catch (InvalidParameterException e) {
            redirect.addFlashAttribute("sheetErrors", List.of(new ValidationException.Error(e.field(), e.getMessage())));
        }
        return "redirect:" + back;
    }

    // ---- helpers

    private String text(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }

    private static boolean may(Role... roles) {
        var user = Scope.current().user();
        return user != null && user.hasAny(roles);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static Long safeLong(String s) {
        try {
            return s == null || s.isBlank() ? null : Long.valueOf(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Reads typed numbers and dates, naming each one that does not parse; all of them at once. */
    static final class FormReader {
        private final Map<String, String> form;
        private final List<FieldErrors.Error> errors = new ArrayList<>();

        FormReader(Map<String, String> form) {
            this.form = form;
        }

        BigDecimal decimal(String field) {
            String s = blankToNull(form.get(field));
            if (s == null) return null;
            try {
                return new BigDecimal(s.replace(",", ""));
            } catch (NumberFormatException e) {
                errors.add(new FieldErrors.Error(field, BundleText.both("project.error.number", cut(s))));
                return null;
            }
        }

        Integer integer(String field) {
            String s = blankToNull(form.get(field));
            if (s == null) return null;
            try {
                return Integer.valueOf(s);
            } catch (NumberFormatException e) {
                errors.add(new FieldErrors.Error(field, BundleText.both("project.error.integer", cut(s))));
                return null;
            }
        }

        Long longValue(String field) {
            return longValue(field, field);
        }

        Long longValue(String field, String named) {
            String s = blankToNull(form.get(field));
            if (s == null) return null;
            try {
                return Long.valueOf(s);
            } catch (NumberFormatException e) {
                errors.add(new FieldErrors.Error(named, BundleText.both("project.error.integer", cut(s))));
                return null;
            }
        }

        LocalDate date(String field) {
            return date(field, field);
        }

        LocalDate date(String field, String named) {
            String s = blankToNull(form.get(field));
            if (s == null) return null;
            LocalDate d = s.length() == 10 ? ProjectSheets.date(s) : null;
            if (d == null) errors.add(new FieldErrors.Error(named, BundleText.both("project.error.date", cut(s))));
            return d;
        }

        void throwIfFailed() {
            if (!errors.isEmpty()) throw new InvalidInputException(errors);
        }

        private static String cut(String s) {
            return s.length() > 40 ? s.substring(0, 40) + "…" : s;
        }
    }
}
