package cn.gongfu.cases;

import cn.gongfu.cases.CaseStudy.Kind;
import cn.gongfu.cases.CaseStudy.State;
import cn.gongfu.kernel.Downloads;
import cn.gongfu.kernel.FieldErrors;
import cn.gongfu.kernel.GongfuUser;
import cn.gongfu.kernel.Inputs;
import cn.gongfu.kernel.InvalidInputException;
import cn.gongfu.kernel.InvalidParameterException;
import cn.gongfu.kernel.ListAddress;
import cn.gongfu.kernel.PageRequest;
import cn.gongfu.kernel.Role;
import cn.gongfu.kernel.Rules;
import cn.gongfu.kernel.Scope;
import cn.gongfu.kernel.StaleVersionException;
import cn.gongfu.kernel.TableWorkbook;
import cn.gongfu.kernel.UploadTooLargeException;
import cn.gongfu.kernel.Uploads;
import cn.gongfu.kernel.WebPage;
import cn.gongfu.plan.Plan;
import cn.gongfu.plan.PlanService;
import cn.gongfu.unit.Unit;
import cn.gongfu.unit.UnitService;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
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
 * The pages of cases: the list (filters state, kind, unit, year; Excel export), the unit's form (new, edit, attach,
 * submit), the office's queue (submitted cases to select or return, selected ones to publish, published ones to take
 * back) and a case's page with its text, tasks, attachments and history.
 */
@WebPage
@Controller
class CasePages {

    static final int PAGE_SIZE = 20;
    static final int EXPORT_LIMIT = 10_000;

    private final CaseService cases;
    private final PlanService plans;
    private final UnitService units;
    private final Inputs inputs;
    private final MessageSource messages;
    private final Clock clock;

    CasePages(CaseService cases, PlanService plans, UnitService units, Inputs inputs, MessageSource messages, Clock clock) {
        this.cases = cases;
        this.plans = plans;
        this.units = units;
        this.inputs = inputs;
        this.messages = messages;
        this.clock = clock;
    }

    /** The form as typed: every field a string or a list as it came, checked before it reaches the service. */
    record CaseForm(@NotNull(message = Rules.REQUIRED) Long planId, @NotNull(message = Rules.REQUIRED) Long unitId,
                    @NotBlank(message = Rules.REQUIRED) @Size(max = 10, message = Rules.TOO_LONG) String kind,
                    @NotNull(message = Rules.REQUIRED) Integer year,
                    @NotBlank(message = Rules.REQUIRED) @Size(max = 200, message = Rules.TOO_LONG) String title,
                    @NotBlank(message = Rules.REQUIRED) @Size(max = CaseService.MAX_BODY, message = Rules.TOO_LONG) String body,
                    List<Long> taskIds) {

        CaseService.CaseText text() {
            return new CaseService.CaseText(planId, unitId, enumOf(Kind.class, "kind", kind), year, title, body,
                    taskIds == null ? List.of() : taskIds);
        }
    }

    @GetMapping("/cases")
    String list(@RequestParam(required = false) String state, @RequestParam(required = false) String kind,
                @RequestParam(required = false) Long unit, @RequestParam(required = false) Integer year,
                @RequestParam(required = false) Long plan, @RequestParam(required = false) String q,
                @RequestParam(defaultValue = "0") int page, Model model) {
        CaseService.Filter f = filter(state, kind, unit, year, plan, q);
        model.addAttribute("active", "cases");
        model.addAttribute("f", f);
        model.addAttribute("cases", cases.list(f, new PageRequest(page, PAGE_SIZE)));
        model.addAttribute("pageBase", base("/cases", f));
        model.addAttribute("exportHref", base("/cases.xlsx", f));
        model.addAttribute("units", unitsInScope());
        model.addAttribute("mayWrite", has(Role.REPORTER, Role.UNIT_HEAD, Role.ADMIN));
        model.addAttribute("office", has(Role.OFFICE, Role.LEADER, Role.ADMIN));
        return "cases/list";
    }

    @GetMapping("/cases.xlsx")
    ResponseEntity<byte[]> export(@RequestParam(required = false) String state, @RequestParam(required = false) String kind,
                                  @RequestParam(required = false) Long unit, @RequestParam(required = false) Integer year,
                                  @RequestParam(required = false) Long plan, @RequestParam(required = false) String q) {
        CaseService.Filter f = filter(state, kind, unit, year, plan, q);
        Locale locale = LocaleContextHolder.getLocale();
        List<String> header = List.of("case.field.title", "case.field.kind", "case.field.unit", "case.field.year", "case.field.plan",
                "case.field.state", "case.field.updatedAt").stream().map(k -> t(k, locale)).toList();
        List<List<Object>> rows = cases.all(f, EXPORT_LIMIT).stream().map(c -> List.<Object>of(c.title(),
                t("case.kind." + c.kind(), locale), c.unitName(), c.year(), c.planTitle(), t("case.state." + c.state(), locale),
                c.updatedAt().toLocalDate().toString())).toList();
        return Downloads.attachment("cases.xlsx", Downloads.XLSX, TableWorkbook.xlsx(t("case.list.title", locale), header, rows));
    }

    /** The office's queue: submitted cases first, then selected ones to publish, then the published. */
    @GetMapping("/cases/queue")
    String queue(@RequestParam(required = false) Long plan, Model model) {
        Scope.current().require(Role.OFFICE, Role.LEADER, Role.ADMIN);
        model.addAttribute("active", "cases");
        PageRequest all = new PageRequest(0, PageRequest.MAX_SIZE);
        model.addAttribute("submitted", cases.list(new CaseService.Filter(State.SUBMITTED, null, null, null, plan, null), all).items());
        model.addAttribute("selected", cases.list(new CaseService.Filter(State.SELECTED, null, null, null, plan, null), all).items());
        model.addAttribute("published", cases.list(new CaseService.Filter(State.PUBLISHED, null, null, null, plan, null), all).items());
        model.addAttribute("mayDecide", has(Role.OFFICE, Role.ADMIN));
        return "cases/queue";
    }

    @GetMapping("/cases/new")
    String newCase(@RequestParam(required = false) Long plan, Model model) {
        Scope.current().require(Role.REPORTER, Role.UNIT_HEAD, Role.ADMIN);
        List<Plan> published = plans.publishedForDashboards();
        Plan chosen = plan == null ? (published.isEmpty() ? null : PlanService.openedByDefault(published))
                : published.stream().filter(p -> p.id() == plan).findFirst()
                .orElseThrow(() -> new InvalidParameterException("plan", "no such plan: " + plan));
        if (!model.containsAttribute("typed")) {
            List<Unit> mine = writableUnits();
            model.addAttribute("typed", new CaseForm(chosen == null ? null : chosen.id(), mine.isEmpty() ? null : mine.get(0).id(),
                    Kind.TYPICAL.name(), LocalDate.now(clock).getYear(), "", "", List.of()));
        }
        return form(model, null, published, chosen);
    }

    @PostMapping("/cases")
    String create(@RequestParam(required = false) Long planId, @RequestParam(required = false) Long unitId,
                  @RequestParam(required = false) String kind, @RequestParam(required = false) Integer year,
                  @RequestParam(required = false) String title, @RequestParam(required = false) String body,
                  @RequestParam(required = false) List<Long> taskIds, RedirectAttributes redirect) {
        CaseForm in = new CaseForm(planId, unitId, kind, year, title, body, taskIds);
        try {
            return "redirect:/cases/" + cases.create(inputs.check(in).text()).id();
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("errors", e.errors());
        } catch (InvalidParameterException e) {
            redirect.addFlashAttribute("errors", List.of(fieldError(e)));
        }
        redirect.addFlashAttribute("typed", in);
        return "redirect:" + ListAddress.of("/cases/new", "plan", planId);
    }

    @GetMapping("/cases/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        Scope.current().require(Role.REPORTER, Role.UNIT_HEAD, Role.ADMIN);
        CaseStudy.Detail d = cases.detail(id);
        CaseStudy c = d.c();
        if (!model.containsAttribute("typed")) {
            model.addAttribute("typed", new CaseForm(c.planId(), c.unitId(), c.kind().name(), c.year(), c.title(), c.body(),
                    d.tasks().stream().map(CaseStudy.TaskLink::id).toList()));
        }
        model.addAttribute("d", d);
        return form(model, c, List.of(plans.get(c.planId())), plans.get(c.planId()));
    }

    @PostMapping("/cases/{id}")
    String update(@PathVariable long id, @RequestParam(required = false) Integer version, @RequestParam(required = false) Long planId,
                  @RequestParam(required = false) Long unitId, @RequestParam(required = false) String kind,
                  @RequestParam(required = false) Integer year, @RequestParam(required = false) String title,
                  @RequestParam(required = false) String body, @RequestParam(required = false) List<Long> taskIds,
                  RedirectAttributes redirect) {
        CaseForm in = new CaseForm(planId, unitId, kind, year, title, body, taskIds);
        String back = settle(id, redirect, () -> cases.edit(id, version(version), inputs.check(in).text()));
        if (redirect.getFlashAttributes().containsKey("errors")) {
            redirect.addFlashAttribute("typed", in);
            return "redirect:/cases/" + id + "/edit";
        }
        return back;
    }

    @PostMapping("/cases/{id}/files")
    String addFile(@PathVariable long id, @RequestParam(required = false) Integer version,
                   @RequestParam(required = false) MultipartFile file, RedirectAttributes redirect) {
        return settle(id, redirect, () -> {
            try {
                byte[] content = Uploads.read(file, CaseService.MAX_FILE_BYTES);
                return cases.addFile(id, version(version), file.getOriginalFilename(), content);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @PostMapping("/cases/{id}/files/{fileId}/delete")
    String removeFile(@PathVariable long id, @PathVariable long fileId, @RequestParam(required = false) Integer version,
                      RedirectAttributes redirect) {
        return settle(id, redirect, () -> cases.removeFile(id, fileId, version(version)));
    }

    @GetMapping("/cases/{id}/files/{fileId}")
    ResponseEntity<byte[]> file(@PathVariable long id, @PathVariable long fileId) {
        CaseStudy.Attachment f = cases.file(id, fileId);
        return Downloads.attachment(f.fileName(), f.contentType(), cases.fileContent(id, fileId));
    }

    @PostMapping("/cases/{id}/submit")
    String submit(@PathVariable long id, @RequestParam(required = false) Integer version, RedirectAttributes redirect) {
        return settle(id, redirect, () -> cases.submit(id, version(version)));
    }

    @PostMapping("/cases/{id}/select")
    String select(@PathVariable long id, @RequestParam(required = false) Integer version, @RequestParam(required = false) String text,
                  @RequestParam(required = false) String back, RedirectAttributes redirect) {
        return then(back, id, settle(id, redirect, () -> cases.select(id, version(version), remark(text))));
    }

    @PostMapping("/cases/{id}/return")
    String returnToUnit(@PathVariable long id, @RequestParam(required = false) Integer version,
                        @RequestParam(required = false) String reason, @RequestParam(required = false) String back,
                        RedirectAttributes redirect) {
        return then(back, id, settle(id, redirect, () -> cases.returnToUnit(id, version(version), remark(reason))));
    }

    @PostMapping("/cases/{id}/publish")
    String publish(@PathVariable long id, @RequestParam(required = false) Integer version, @RequestParam(required = false) String back,
                   RedirectAttributes redirect) {
        return then(back, id, settle(id, redirect, () -> cases.publish(id, version(version))));
    }

    @PostMapping("/cases/{id}/unpublish")
    String unpublish(@PathVariable long id, @RequestParam(required = false) Integer version,
                     @RequestParam(required = false) String back, RedirectAttributes redirect) {
        return then(back, id, settle(id, redirect, () -> cases.unpublish(id, version(version))));
    }

    @GetMapping("/cases/{id}")
    String detail(@PathVariable long id, Model model) {
        CaseStudy.Detail d = cases.detail(id);
        CaseStudy c = d.c();
        GongfuUser user = Scope.current().user();
        boolean unit = user.has(Role.ADMIN) || user.hasAny(Role.REPORTER, Role.UNIT_HEAD) && user.unitIds().contains(c.unitId());
        boolean office = user.hasAny(Role.OFFICE, Role.ADMIN);
        model.addAttribute("active", "cases");
        model.addAttribute("d", d);
        model.addAttribute("c", c);
        model.addAttribute("mayEdit", unit && c.state().editableByUnit());
        model.addAttribute("maySelect", office && c.state() == State.SUBMITTED);
        model.addAttribute("mayReturn", office && (c.state() == State.SUBMITTED || c.state() == State.SELECTED));
        model.addAttribute("mayPublish", office && c.state() == State.SELECTED);
        model.addAttribute("mayUnpublish", office && c.state() == State.PUBLISHED);
        model.addAttribute("paragraphs", Arrays.asList(c.body().split("\\R+")));
        return "cases/detail";
    }

    // ---- helpers

    private String form(Model model, CaseStudy c, List<Plan> planChoices, Plan chosen) {
        model.addAttribute("active", "cases");
        model.addAttribute("c", c);
        model.addAttribute("plans", planChoices);
        model.addAttribute("plan", chosen);
        model.addAttribute("tasks", chosen == null ? List.of() : cases.taskChoices(chosen.id()));
        model.addAttribute("units", c == null ? writableUnits() : List.of(units.get(c.unitId())));
        model.addAttribute("kinds", Kind.values());
        return "cases/form";
    }

    /** The units the caller writes cases for: his own; an administrator any in scope. */
    private List<Unit> writableUnits() {
        GongfuUser user = Scope.current().user();
        if (user.has(Role.ADMIN)) return unitsInScope();
        return user.unitIds().stream().sorted().map(units::find).flatMap(java.util.Optional::stream).toList();
    }

    private List<Unit> unitsInScope() {
        return units.list(null, null, null, new PageRequest(0, PageRequest.MAX_SIZE)).items();
    }

    private static String settle(long id, RedirectAttributes redirect, Supplier<CaseStudy> change) {
        try {
            change.get();
            redirect.addFlashAttribute("saved", true);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("errors", e.errors());
        } catch (InvalidParameterException e) {
            redirect.addFlashAttribute("errors", List.of(fieldError(e)));
        } catch (UploadTooLargeException e) {
            redirect.addFlashAttribute("errors", List.of(new FieldErrors.Error("file", e.getMessage())));
        } catch (StaleVersionException e) {
            redirect.addFlashAttribute("conflict", true);
        } catch (CaseRefusal e) {
            redirect.addFlashAttribute("refused", e.type());
        }
        return "redirect:/cases/" + id;
    }

    /** The refusal as the form shows it: the field's label comes from the page, so the message goes without it. */
    private static FieldErrors.Error fieldError(InvalidParameterException e) {
        String message = e.getMessage();
        String prefix = e.field() + ": ";
        return new FieldErrors.Error(e.field(), message.startsWith(prefix) ? message.substring(prefix.length()) : message);
    }

    /** Back to the queue when the step was taken there, else to the case. */
    private static String then(String back, long id, String toCase) {
        return "queue".equals(back) ? "redirect:/cases/queue" : toCase;
    }

    private static int version(Integer version) {
        if (version == null) throw new InvalidParameterException("version", Rules.REQUIRED);
        return version;
    }

    private static String remark(String text) {
        if (text != null && text.length() > 2000) throw new InvalidParameterException("reason", Rules.TOO_LONG.replace("{max}", "2000"));
        return text;
    }

    static CaseService.Filter filter(String state, String kind, Long unit, Integer year, Long plan, String q) {
        if (q != null && q.length() > 200) throw new InvalidParameterException("q", Rules.TOO_LONG.replace("{max}", "200"));
        return new CaseService.Filter(enumOf(State.class, "state", state), enumOf(Kind.class, "kind", kind), unit, year, plan, q);
    }

    private static String base(String path, CaseService.Filter f) {
        return ListAddress.of(path, "state", f.state(), "kind", f.kind(), "unit", f.unitId(), "year", f.year(), "plan", f.planId(),
                "q", f.text());
    }

    static <E extends Enum<E>> E enumOf(Class<E> type, String field, String value) {
        if (value == null || value.isBlank()) return null;
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException(field, "one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    private String t(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

    private static boolean has(Role... roles) {
        GongfuUser user = Scope.current().user();
        return user != null && user.hasAny(roles);
    }
}
