package cn.gongfu.evaluation;

import cn.gongfu.kernel.BundleText;
import cn.gongfu.kernel.InvalidParameterException;
import cn.gongfu.kernel.Scope;
import cn.gongfu.kernel.UploadTooLargeException;
import cn.gongfu.kernel.Uploads;
import cn.gongfu.kernel.WebPage;
import cn.gongfu.region.Region;
import cn.gongfu.region.RegionService;
import cn.gongfu.reporting.ValidationException;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.ObjectMapper;

/** The four-senses page (waves, chart, table, import form) and the target-consistency page. */
@WebPage
@Controller
public class SurveyPages {

    private final FourSensesService senses;
    private final ConsistencyService consistency;
    private final RegionService regions;
    private final MessageSource messages;
    private final ObjectMapper json;

    public SurveyPages(FourSensesService senses, ConsistencyService consistency, RegionService regions,
                       MessageSource messages, ObjectMapper json) {
        this.senses = senses;
        this.consistency = consistency;
        this.regions = regions;
        this.messages = messages;
        this.json = json;
    }

    @GetMapping("/surveys")
    public String surveys(@RequestParam(required = false) String region, Model model) {
        String selected = region == null || region.isBlank() ? null : region;
        List<WaveIndex> waves = senses.indices(selected);
        Map<String, String> names = regionNames();
        var locale = LocaleContextHolder.getLocale();
        Map<String, String> labels = new LinkedHashMap<>();
        for (String code : List.of("gain", "happiness", "security", "identity", "overall")) {
            labels.put(code, messages.getMessage("surveys.dim." + code, null, locale));
        }
        boolean severalRegions = waves.stream().map(w -> w.wave().regionCode()).distinct().count() > 1;
        model.addAttribute("waves", waves);
        model.addAttribute("labels", labels);
        model.addAttribute("regionNames", names);
        model.addAttribute("region", selected);
        model.addAttribute("regions", regionChoices());
        model.addAttribute("chart", json.writeValueAsString(SurveyChart.option(waves, labels, severalRegions, names)));
        if (!model.containsAttribute("today")) model.addAttribute("today", LocalDate.now().toString());
        return "evaluation/surveys";
    }

    /** Imports a wave; every error (sheet, row, column) comes back to the form, and nothing is stored then. */
    @PostMapping("/surveys")
    public String importWave(@RequestParam(value = "file", required = false) MultipartFile file,
                             @RequestParam(required = false) String region, @RequestParam(required = false) String name,
                             @RequestParam(required = false) String fieldedOn,
                             @RequestParam(required = false) String scalePoints, RedirectAttributes redirect) throws IOException {
        try {
            LocalDate date;
            int k;
            try {
                date = fieldedOn == null || fieldedOn.isBlank() ? null : LocalDate.parse(fieldedOn.strip());
            } catch (DateTimeParseException e) {
                throw new InvalidParameterException("fieldedOn", BundleText.both("surveys.error.notDate", fieldedOn));
            }
            try {
                k = Integer.parseInt(scalePoints == null ? "" : scalePoints.strip());
            } catch (NumberFormatException e) {
                throw new InvalidParameterException("scalePoints", BundleText.both("surveys.error.notWhole", scalePoints));
            }
            WaveIndex wave = senses.importWave(region, name, date, k, Uploads.read(file, Uploads.MAX_SHEET_BYTES));
            redirect.addFlashAttribute("imported", wave.wave().name());
            return "redirect:/surveys?region=" + wave.wave().regionCode();
        } catch (ValidationException e) {
            redirect.addFlashAttribute("errors", e.errors());
        } catch (InvalidParameterException e) {
            redirect.addFlashAttribute("errors", List.of(new ValidationException.Error(e.field(), e.getMessage())));
        } catch (UploadTooLargeException e) {
            redirect.addFlashAttribute("errors", List.of(new ValidationException.Error("file", e.getMessage())));
        }
        redirect.addFlashAttribute("formName", name);
        return "redirect:/surveys";
    }

    /** The waves and their indices as an .xlsx file. */
    @GetMapping("/surveys/export")
    public org.springframework.http.ResponseEntity<byte[]> exportSurveys(@RequestParam(required = false) String region) {
        List<java.util.List<Object>> rows = new java.util.ArrayList<>();
        for (WaveIndex w : senses.indices(region == null || region.isBlank() ? null : region)) {
            List<Object> row = new java.util.ArrayList<>(java.util.Arrays.asList(w.wave().regionCode(), w.wave().name(),
                    w.wave().fieldedOn().toString(), w.source()));
            for (String code : List.of("gain", "happiness", "security", "identity", "overall")) {
                WaveIndex.Score score = code.equals("overall") ? w.overall()
                        : w.dimensions().stream().filter(d -> d.dimension().equals(code)).findFirst().orElse(null);
                row.add(score == null ? null : round(score.index()));
                row.add(score == null ? null : round(score.low()));
                row.add(score == null ? null : round(score.high()));
            }
            rows.add(row);
        }
        List<String> header = new java.util.ArrayList<>(texts("export.col.region", "export.col.survey", "export.col.date", "export.col.source"));
        for (String code : List.of("gain", "happiness", "security", "identity", "overall")) {
            String label = text("surveys.dim." + code);
            header.addAll(List.of(label, text("export.col.low", label), text("export.col.high", label)));
        }
        return DashboardPages.xlsx(text("export.senses.file"), TableExport.xlsx(text("export.senses.sheet"), header, rows));
    }

    /** The findings as an .xlsx file, both sources side by side. */
    @GetMapping("/consistency/export")
    public org.springframework.http.ResponseEntity<byte[]> exportConsistency(@RequestParam(required = false) String region) {
        List<java.util.List<Object>> rows = new java.util.ArrayList<>();
        for (ConsistencyService.Finding f : consistency.findings(region == null || region.isBlank() ? null : region).findings()) {
            rows.add(java.util.Arrays.asList(f.kind(), f.indicator(), f.first().regionName(), f.first().year(), f.first().target(),
                    f.first().planTitle(), f.second().regionName(), f.second().year(), f.second().target(),
                    f.second().planTitle(), f.message()));
        }
        return DashboardPages.xlsx(text("export.consistency.file"), TableExport.xlsx(text("export.consistency.sheet"),
                texts("export.col.kind", "export.col.indicator", "export.col.firstRegion", "export.col.year", "export.col.target",
                        "export.col.plan", "export.col.secondRegion", "export.col.year", "export.col.target", "export.col.plan",
                        "export.col.reason"), rows));
    }

    /** A text of an export, in the request's language. */
    private String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }

    private List<String> texts(String... keys) {
        return java.util.Arrays.stream(keys).map(k -> text(k)).toList();
    }

    private static Double round(double x) {
        return Math.round(x * 100) / 100.0;
    }

    @GetMapping("/consistency")
    public String consistency(@RequestParam(required = false) String region, Model model) {
        String code = region == null || region.isBlank() ? null : region;
        List<Region> choices = regionChoices();
        Scope scope = Scope.current();
        if (code == null && (scope.user() == null || scope.user().regionCode() == null) && !choices.isEmpty()) {
            // an administrator has no region of their own: start with the first district
            code = choices.stream().filter(r -> r.level().equals("county")).findFirst().orElse(choices.get(0)).code();
        }
        ConsistencyService.Report report = consistency.findings(code);
        Map<String, List<ConsistencyService.Finding>> byKind = new LinkedHashMap<>();
        for (String kind : List.of("conflict", "cumulative_falls", "target_worsens")) byKind.put(kind, new java.util.ArrayList<>());
        report.findings().forEach(f -> byKind.computeIfAbsent(f.kind(), k -> new java.util.ArrayList<>()).add(f));
        model.addAttribute("report", report);
        model.addAttribute("byKind", byKind);
        model.addAttribute("regions", choices);
        return "evaluation/consistency";
    }

    private Map<String, String> regionNames() {
        return regions.names();
    }

    /** Provinces, cities and counties the caller covers: where waves are fielded and plans compared. */
    private List<Region> regionChoices() {
        Scope scope = Scope.current();
        Set<String> levels = Set.of("province", "city", "county");
        return regions.all().stream()
                .filter(r -> levels.contains(r.level()) && scope.coversRegion(r.code())).toList();
    }
}
