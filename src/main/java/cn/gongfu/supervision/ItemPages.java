package cn.gongfu.supervision;

import cn.gongfu.kernel.Downloads;
import cn.gongfu.kernel.Inputs;
import cn.gongfu.kernel.InvalidInputException;
import cn.gongfu.kernel.InvalidParameterException;
import cn.gongfu.kernel.ListAddress;
import cn.gongfu.kernel.PageRequest;
import cn.gongfu.kernel.Role;
import cn.gongfu.kernel.Scope;
import cn.gongfu.kernel.UploadTooLargeException;
import cn.gongfu.kernel.Uploads;
import cn.gongfu.kernel.WebPage;
import cn.gongfu.reporting.ConflictException;
import cn.gongfu.reporting.ValidationException;
import cn.gongfu.supervision.SupervisedItem.Grade;
import cn.gongfu.supervision.SupervisedItem.Kind;
import cn.gongfu.supervision.SupervisedItem.Source;
import cn.gongfu.supervision.SupervisedItem.SubjectType;
import cn.gongfu.unit.UnitService;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
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
 * The pages of the issue register, instructions and orders: the list (search, toolbar, Excel export, counts by unit
 * with the closure rate), the form of a new item (prefilled from the board's rows and the task and indicator pages),
 * and an item's page with its timeline, its actions and, for an order, the .docx and the print layout.
 */
@WebPage
@Controller
class ItemPages {

    static final int PAGE_SIZE = 20;
    static final int EXPORT_LIMIT = 10_000;

    private final ItemService items;
    private final SupervisedItems reads;
    private final ItemDocx docx;
    private final UnitService units;
    private final Inputs inputs;
    private final MessageSource messages;
    private final Clock clock;

    ItemPages(ItemService items, SupervisedItems reads, ItemDocx docx, UnitService units, Inputs inputs,
              MessageSource messages, Clock clock) {
        this.items = items;
        this.reads = reads;
        this.docx = docx;
        this.units = units;
        this.inputs = inputs;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/supervision/items")
    String list(@RequestParam(required = false) String kind, @RequestParam(required = false) String state,
                @RequestParam(required = false) Long unit, @RequestParam(required = false) String grade,
                @RequestParam(required = false) String q, @RequestParam(defaultValue = "false") boolean overdue,
                @RequestParam(required = false) Long plan, @RequestParam(defaultValue = "0") int page, Model model) {
        ItemService.Filter f = ItemsApi.filter(kind, state, unit, grade, q, overdue, plan);
        model.addAttribute("active", "supervision");
        model.addAttribute("f", f);
        model.addAttribute("items", items.list(f, new PageRequest(page, PAGE_SIZE)));
        model.addAttribute("pageBase", base("/supervision/items", f));
        model.addAttribute("exportHref", base("/supervision/items.xlsx", f));
        model.addAttribute("counts", reads.countsByUnit(plan, f.kind()));
        model.addAttribute("units", unitsInScope());
        model.addAttribute("tab", f.kind() == null ? "ALL" : f.kind().name());
        model.addAttribute("mayRegister", has(Role.OFFICE, Role.ADMIN));
        model.addAttribute("mayInstruct", has(Role.LEADER, Role.ADMIN));
        return "supervision/items";
    }

    private static String base(String path, ItemService.Filter f) {
        return ListAddress.of(path, "kind", f.kind(), "state", f.state(), "unit", f.unitId(), "grade", f.grade(), "q", f.text(),
                "overdue", f.overdueOnly() ? "true" : null, "plan", f.planId());
    }

    /** The filtered list as an Excel workbook, in the reader's language. */
    @GetMapping("/supervision/items.xlsx")
    ResponseEntity<byte[]> export(@RequestParam(required = false) String kind, @RequestParam(required = false) String state,
                                  @RequestParam(required = false) Long unit, @RequestParam(required = false) String grade,
                                  @RequestParam(required = false) String q, @RequestParam(defaultValue = "false") boolean overdue,
                                  @RequestParam(required = false) Long plan) {
        ItemService.Filter f = ItemsApi.filter(kind, state, unit, grade, q, overdue, plan);
        return Downloads.attachment("supervised-items.xlsx", Downloads.XLSX,
                ItemExport.workbook(items.all(f, EXPORT_LIMIT), messages, LocaleContextHolder.getLocale()));
    }

    /** The form of a new item, prefilled from where it was opened (a board row, a task, an indicator). */
    @GetMapping("/supervision/items/new")
    String newItem(@RequestParam(defaultValue = "ISSUE") String kind, @RequestParam(required = false) String subjectType,
                   @RequestParam(required = false) Long subjectId, @RequestParam(required = false) String source,
                   @RequestParam(required = false) Long unit, @RequestParam(required = false) Long plan,
                   @RequestParam(required = false) String title, Model model) {
        Kind k = java.util.Objects.requireNonNullElse(ItemsApi.enumOf(Kind.class, "kind", kind), Kind.ISSUE);
        if (k == Kind.INSTRUCTION) Scope.current().require(Role.LEADER, Role.ADMIN);
        else Scope.current().require(Role.OFFICE, Role.ADMIN);
        if (title != null && title.length() > 300) throw new InvalidParameterException("title", "at most 300 characters");
        model.addAttribute("active", "supervision");
        if (!model.containsAttribute("typed")) {
            model.addAttribute("typed", new ItemsApi.CreateInput(k.name(),
                    java.util.Objects.requireNonNullElse(ItemsApi.enumOf(SubjectType.class, "subjectType", subjectType), SubjectType.NONE).name(),
                    subjectId, java.util.Objects.requireNonNullElse(ItemsApi.enumOf(Source.class, "source", source),
                            k == Kind.INSTRUCTION ? Source.INSTRUCTION : Source.MANUAL).name(),
                    plan, unit, title, null, k == Kind.ORDER ? Grade.YELLOW.name() : null, LocalDate.now(clock).plusDays(15)));
        }
        model.addAttribute("units", unitsInScope());
        model.addAttribute("kinds", k == Kind.INSTRUCTION ? List.of(Kind.INSTRUCTION) : has(Role.ADMIN) ? List.of(Kind.values())
                : List.of(Kind.ISSUE, Kind.ORDER));
        model.addAttribute("sources", Source.values());
        model.addAttribute("grades", Grade.values());
        return "supervision/item-new";
    }

    @PostMapping("/supervision/items")
    String create(@RequestParam(required = false) String kind, @RequestParam(required = false) String subjectType,
                  @RequestParam(required = false) Long subjectId, @RequestParam(required = false) String source,
                  @RequestParam(required = false) Long plan, @RequestParam(required = false) Long unit,
                  @RequestParam(required = false) String title, @RequestParam(required = false) String body,
                  @RequestParam(required = false) String grade, @RequestParam(required = false) String deadline,
                  RedirectAttributes redirect) {
        ItemsApi.CreateInput in = new ItemsApi.CreateInput(kind, subjectType, subjectId, source, plan, unit, title, body,
                grade == null || grade.isBlank() ? null : grade, null);
        try {
            ItemsApi.CreateInput checked = new ItemsApi.CreateInput(kind, subjectType, subjectId, source, plan, unit, title, body,
                    in.grade(), date("deadline", deadline, true));
            inputs.check(checked);
            return "redirect:/supervision/items/" + items.create(checked.toNew()).id();
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("errors", errors(e));
        } catch (InvalidParameterException e) {
            redirect.addFlashAttribute("errors", List.of(new ValidationException.Error(e.field(), e.getMessage())));
        }
        redirect.addFlashAttribute("typed", in);
        return "redirect:" + ListAddress.of("/supervision/items/new", "kind", kind);
    }

    @GetMapping("/supervision/items/{id}")
    String detail(@PathVariable long id, Model model) {
        SupervisedItem.Detail d = items.detail(id);
        SupervisedItem item = d.item();
        var user = Scope.current().user();
        boolean office = user.hasAny(Role.OFFICE, Role.ADMIN) || item.kind() == Kind.INSTRUCTION && user.has(Role.LEADER);
        boolean unit = user.has(Role.ADMIN) || user.hasAny(Role.REPORTER, Role.UNIT_HEAD) && user.unitIds().contains(item.unitId());
        model.addAttribute("active", "supervision");
        model.addAttribute("d", d);
        model.addAttribute("i", item);
        model.addAttribute("mayAnswer", unit && item.state() != SupervisedItem.State.CLOSED);
        model.addAttribute("mayClose", office && item.state() == SupervisedItem.State.ANSWERED);
        model.addAttribute("mayReopen", office && item.state() == SupervisedItem.State.CLOSED);
        model.addAttribute("mayRaise", office && item.state() != SupervisedItem.State.CLOSED && item.grade() != Grade.RED);
        model.addAttribute("higherGrades", java.util.Arrays.stream(Grade.values())
                .filter(g -> item.grade() == null || g.compareTo(item.grade()) > 0).toList());
        model.addAttribute("deadlineText", docx.dateText(item.deadline()));
        return "supervision/item";
    }

    @PostMapping("/supervision/items/{id}/answer")
    String answer(@PathVariable long id, @RequestParam(required = false) String text, @RequestParam(required = false) Integer version,
                  RedirectAttributes redirect) {
        return settle(id, redirect, () -> {
            ItemsApi.TextInput in = inputs.check(new ItemsApi.TextInput(text, version));
            return items.answer(id, in.text(), in.version());
        });
    }

    @PostMapping("/supervision/items/{id}/rectify")
    String rectify(@PathVariable long id, @RequestParam(required = false) String text, @RequestParam(required = false) Integer version,
                   @RequestParam(required = false) MultipartFile file, RedirectAttributes redirect) {
        return settle(id, redirect, () -> {
            ItemsApi.TextInput in = inputs.check(new ItemsApi.TextInput(text, version));
            if (file == null || file.isEmpty()) return items.rectify(id, in.text(), in.version(), null, null);
            try {
                return items.rectify(id, in.text(), in.version(), file.getOriginalFilename(), Uploads.read(file, ItemService.MAX_EVIDENCE_BYTES));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    @PostMapping("/supervision/items/{id}/close")
    String close(@PathVariable long id, @RequestParam(required = false) String text, @RequestParam(required = false) Integer version,
                 RedirectAttributes redirect) {
        return settle(id, redirect, () -> {
            ItemsApi.StepInput in = inputs.check(new ItemsApi.StepInput(text, null, version));
            return items.close(id, in.text(), in.version());
        });
    }

    @PostMapping("/supervision/items/{id}/reopen")
    String reopen(@PathVariable long id, @RequestParam(required = false) String text, @RequestParam(required = false) String deadline,
                  @RequestParam(required = false) Integer version, RedirectAttributes redirect) {
        return settle(id, redirect, () -> {
            ItemsApi.StepInput in = inputs.check(new ItemsApi.StepInput(text, date("deadline", deadline, false), version));
            return items.reopen(id, in.text(), in.deadline(), in.version());
        });
    }

    @PostMapping("/supervision/items/{id}/raise")
    String raise(@PathVariable long id, @RequestParam(required = false) String grade, @RequestParam(required = false) String text,
                 @RequestParam(required = false) String deadline, @RequestParam(required = false) Integer version,
                 RedirectAttributes redirect) {
        return settle(id, redirect, () -> {
            ItemsApi.RaiseInput in = inputs.check(new ItemsApi.RaiseInput(grade, text, date("deadline", deadline, false), version));
            return items.raise(id, ItemsApi.enumOf(Grade.class, "grade", in.grade()), in.text(), in.deadline(), in.version());
        });
    }

    @GetMapping("/supervision/items/{id}/docx")
    ResponseEntity<byte[]> docx(@PathVariable long id) {
        SupervisedItem.Detail d = items.detail(id);
        return Downloads.attachment(ItemDocx.fileName(d.item()), cn.gongfu.kernel.FileTypes.DOCX, docx.write(d));
    }

    @GetMapping("/supervision/items/{id}/evidence/{evidenceId}")
    ResponseEntity<byte[]> evidence(@PathVariable long id, @PathVariable long evidenceId) {
        SupervisedItem.Evidence e = items.evidence(id, evidenceId);
        return Downloads.attachment(e.fileName(), e.contentType(), items.evidenceContent(id, evidenceId));
    }

    private static String settle(long id, RedirectAttributes redirect, Supplier<SupervisedItem> change) {
        try {
            change.get();
            redirect.addFlashAttribute("saved", true);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("errors", errors(e));
        } catch (InvalidParameterException e) {
            redirect.addFlashAttribute("errors", List.of(new ValidationException.Error(e.field(), e.getMessage())));
        } catch (UploadTooLargeException e) {
            redirect.addFlashAttribute("errors", List.of(new ValidationException.Error("file", e.getMessage())));
        } catch (ConflictException e) {
            redirect.addFlashAttribute("conflict", true);
        } catch (SupervisionRefusal e) {
            redirect.addFlashAttribute("refused", e.type());
        }
        return "redirect:/supervision/items/" + id;
    }

    /** The form's errors as the pages show them, each naming its field. */
    private static List<ValidationException.Error> errors(InvalidInputException e) {
        return e.errors().stream().map(f -> new ValidationException.Error(f.field(), f.message())).toList();
    }

    private static LocalDate date(String field, String text, boolean required) {
        if (text == null || text.isBlank()) {
            if (required) throw new InvalidParameterException(field, cn.gongfu.kernel.Rules.REQUIRED);
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidParameterException(field, "a date as YYYY-MM-DD");
        }
    }

    private List<cn.gongfu.unit.Unit> unitsInScope() {
        return units.list(null, null, null, new PageRequest(0, PageRequest.MAX_SIZE)).items();
    }

    private static boolean has(Role... roles) {
        var user = Scope.current().user();
        return user != null && user.hasAny(roles);
    }
}
