package cn.gongfu.importing;

import cn.gongfu.kernel.Downloads;
import cn.gongfu.kernel.FormAttempt;
import cn.gongfu.kernel.ListFilters;
import cn.gongfu.kernel.Inputs;
import cn.gongfu.kernel.InvalidParameterException;
import cn.gongfu.kernel.PageRequest;
import cn.gongfu.kernel.ProblemException;
import cn.gongfu.kernel.Scope;
import cn.gongfu.kernel.UploadTooLargeException;
import cn.gongfu.kernel.Uploads;
import cn.gongfu.kernel.WebPage;
import cn.gongfu.plan.PlanService;
import cn.gongfu.region.Region;
import cn.gongfu.region.RegionService;
import cn.gongfu.unit.Unit;
import cn.gongfu.unit.UnitService;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** The import wizard: upload with a progress bar, review, decide about unknown units, publish. */
@WebPage
@Controller
class ImportPages {

    private final ImportService imports;
    private final RegionService regions;
    private final PlanService plans;
    private final UnitService units;
    private final MessageSource messages;
    private final Inputs inputs;
    private final ColumnReReading columns;
    private final Clock clock;

    /** The name of a column's select on the review: role:headerLine:column. */
    private static final String ROLE_FIELD = "role:";

    public ImportPages(ImportService imports, RegionService regions, PlanService plans, UnitService units,
                       MessageSource messages, Inputs inputs, ColumnReReading columns, Clock clock) {
        this.clock = clock;
        this.inputs = inputs;
        this.columns = columns;
        this.imports = imports;
        this.regions = regions;
        this.plans = plans;
        this.units = units;
        this.messages = messages;
    }

    @GetMapping("/imports")
    public String list(@RequestParam(required = false) String q, @RequestParam(required = false) String state,
                       @RequestParam(defaultValue = "0") int page, Model model) {
        prepareForm(model, ImportFilter.of(q, state), page);
        return "imports/list";
    }

    /** The import history as filtered, every page of it, as Excel. */
    @GetMapping("/imports.xlsx")
    public ResponseEntity<byte[]> export(@RequestParam(required = false) String q, @RequestParam(required = false) String state) {
        ImportFilter filter = ImportFilter.of(q, state);
        List<ImportJob> rows = ListFilters.every(p -> filter.page(imports, p));
        var locale = LocaleContextHolder.getLocale();
        String name = messages.getMessage("imports.history", null, locale) + " " + LocalDate.now(clock) + ".xlsx";
        return Downloads.attachment(name, Downloads.XLSX, ImportExport.workbook(rows, regions.names(), messages, locale));
    }

    /**
     * A plain form post redirects to the review; an htmx post (the one with the progress bar) gets the
     * redirect as an {@code HX-Redirect} header, or the error message as a fragment to show in place.
     */
    @PostMapping("/imports")
    public String upload(@RequestParam(value = "file", required = false) MultipartFile file,
                         @RequestParam(required = false) String region, @RequestParam(defaultValue = "action_plan") String kind,
                         @RequestParam(required = false) Long previousPlan,
                         @RequestHeader(value = "HX-Request", required = false) String htmx,
                         HttpServletResponse response, Model model) throws IOException {
        String error;
        int status = HttpServletResponse.SC_BAD_REQUEST;
        try {
            if (file == null || file.isEmpty()) throw new InvalidParameterException("file", message("imports.noFile"));
            if (importableRegions().stream().noneMatch(r -> r.code().equals(region))) {
                throw new InvalidParameterException("region", message("imports.regionNotYours"));
            }
            byte[] content = Uploads.read(file, ImportService.MAX_UPLOAD_BYTES);
            ImportJob job = imports.upload(file.getOriginalFilename(), content, region, kind, previousPlan);
            if (htmx != null) {
                response.setHeader("HX-Redirect", "/imports/" + job.id());
                return "imports/list :: uploadResult";
            }
            return "redirect:/imports/" + job.id();
        } catch (UploadTooLargeException e) {
            error = e.getMessage();
            status = HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE;
        } catch (UnreadableDocumentException | InvalidParameterException e) {
            error = e.getMessage();
        } catch (DuplicateDocumentException e) {
            error = e.planId() != null ? message("imports.duplicatePlan", e.planId()) : message("imports.duplicateImport", e.importId());
        }
        model.addAttribute("error", error);
        // htmx swaps only successful responses into the page, so its error fragment comes with 200
        if (htmx != null) return "imports/list :: uploadResult";
        response.setStatus(status);
        prepareForm(model, ImportFilter.NONE, 0);
        return "imports/list";
    }

    @GetMapping("/imports/{id}")
    public String review(@PathVariable long id, Model model) {
        ImportReview review = imports.review(id);
        model.addAttribute("review", review);
        Map<String, String> sectionNames = new HashMap<>();
        review.document().sections().forEach(sec -> sectionNames.put(sec.id(),
                (sec.label() == null ? "" : sec.label()) + sec.title()));
        model.addAttribute("sectionNames", sectionNames);
        model.addAttribute("regionName", regions.find(review.job().regionCode()).map(r -> r.name()).orElse(""));
        model.addAttribute("regionUnits", units.choices(List.of(review.job().regionCode())));
        model.addAttribute("unitKinds", Unit.KINDS);
        model.addAttribute("chosenColumns", review.job().roles().asMap());
        return "imports/review";
    }

    @PostMapping("/imports/{id}/units")
    public String decideUnit(@PathVariable long id, @RequestParam(required = false) String writtenName,
                             @RequestParam(required = false) String action,
                             @RequestParam(required = false) Long unitId, @RequestParam(required = false) String name,
                             @RequestParam(required = false) String kind) {
        inputs.check(new ImportApi.UnitDecision(writtenName, unitId, name, kind));
        if ("map".equals(action)) {
            if (unitId == null) throw new InvalidParameterException("unitId", "choose a unit");
            imports.mapUnit(id, writtenName, unitId);
        } else {
            imports.createUnit(id, writtenName, name, kind == null ? "department" : kind);
        }
        return "redirect:/imports/" + id + "#units";
    }

    @PostMapping("/imports/{id}/details")
    public String details(@PathVariable long id, @RequestParam(required = false) String title,
                          @RequestParam(required = false) Integer startYear, @RequestParam(required = false) Integer endYear) {
        inputs.check(new ImportApi.Details(title, startYear, endYear));
        imports.setDetails(id, title, startYear, endYear);
        return "redirect:/imports/" + id;
    }

    /**
     * The office's column meanings (select {@code role:<headerLine>:<column>} per column) and a re-read; {@code reset}
     * gives every column back the meaning the reader found. Refused, the review again with the error at the tables.
     */
    @PostMapping("/imports/{id}/columns")
    public String columns(@PathVariable long id, @RequestParam int version, @RequestParam Map<String, String> form,
                          @RequestParam(required = false) String reset, Model model, HttpServletResponse response) {
        Map<String, String> choices = new HashMap<>();
        form.forEach((name, value) -> {
            if (name.startsWith(ROLE_FIELD)) choices.put(name.substring(ROLE_FIELD.length()), value);
        });
        return FormAttempt.run(() -> columns.reread(id, version, reset != null ? Map.of() : choices, reset != null),
                "redirect:/imports/" + id + "#tables", model, response, () -> review(id, model), () -> review(id, model));
    }

    @PostMapping("/imports/{id}/units/settle")
    public String settleUnknownUnits(@PathVariable long id) {
        imports.settleUnknownUnits(id);
        return "redirect:/imports/" + id + "#units";
    }

    @PostMapping("/imports/{id}/publish")
    public String publish(@PathVariable long id) {
        return "redirect:/plans/" + imports.publish(id);
    }

    /**
     * Imports the document as the progress reports of the plan it reports on, then shows the import again (now
     * reported, with each unit's report to open). A refusal (a unit's report locked, no period) is shown on the review
     * page itself, above the button, with nothing written.
     */
    @PostMapping("/imports/{id}/progress")
    public String importProgress(@PathVariable long id, @RequestParam(required = false) String period, Model model,
                                 HttpServletResponse response) {
        inputs.check(new ImportApi.ProgressImport(period));
        try {
            imports.importProgress(id, period);
        } catch (ProblemException e) {
            response.setStatus(e.status().value());
            model.addAttribute("progressError", e.getMessage());
            return review(id, model);
        }
        return "redirect:/imports/" + id + "#progress";
    }

    @PostMapping("/imports/{id}/discard")
    public String discard(@PathVariable long id) {
        imports.discard(id);
        return "redirect:/imports";
    }

    private void prepareForm(Model model, ImportFilter filter, int page) {
        model.addAttribute("jobs", filter.page(imports, new PageRequest(page, 50)));
        model.addAttribute("f", filter);
        model.addAttribute("states", ImportService.STATES);
        model.addAttribute("pageBase", filter.address("/imports"));
        model.addAttribute("exportHref", filter.address("/imports.xlsx"));
        model.addAttribute("regions", importableRegions());
        model.addAttribute("plans", plans.list(null, null, null, new PageRequest(0, PageRequest.MAX_SIZE)).items());
        model.addAttribute("kinds", ImportService.KINDS);
    }

    /** The cities and counties a plan may be imported into: those of the caller's scope (the service checks it again). */
    private List<Region> importableRegions() {
        Scope scope = Scope.current();
        return regions.all().stream()
                .filter(r -> r.level().equals("city") || r.level().equals("county"))
                .filter(r -> scope.coversRegion(r.code())).toList();
    }

    private String message(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
