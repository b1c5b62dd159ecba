package cn.gongfu.evaluation.survey;

import cn.gongfu.evaluation.dashboard.TableExport;
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
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.ObjectMapper;

/** The four-senses page: waves, chart, table and the import form. */
@WebPage
@Controller
class SurveyPages {

    private final FourSensesService senses;
    private final RegionService regions;
    private final MessageSource messages;
    private final ObjectMapper json;
    private final Clock clock;

    public SurveyPages(FourSensesService senses, RegionService regions,
                       MessageSource messages, ObjectMapper json, Clock clock) {
        this.clock = clock;
        this.senses = senses;
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
        if (!model.containsAttribute("today")) model.addAttribute("today", LocalDate.now(clock).toString());
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
    public ResponseEntity<byte[]> exportSurveys(@RequestParam(required = false) String region) {
        List<List<Object>> rows = new ArrayList<>();
        for (WaveIndex w : senses.indices(region == null || region.isBlank() ? null : region)) {
            List<Object> row = new ArrayList<>(Arrays.asList(w.wave().regionCode(), w.wave().name(),
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
        List<String> header = new ArrayList<>(texts("export.col.region", "export.col.survey", "export.col.date", "export.col.source"));
        for (String code : List.of("gain", "happiness", "security", "identity", "overall")) {
            String label = text("surveys.dim." + code);
            header.addAll(List.of(label, text("export.col.low", label), text("export.col.high", label)));
        }
        return TableExport.download(text("export.senses.file"), TableExport.xlsx(text("export.senses.sheet"), header, rows));
    }

    /** A text of an export, in the request's language. */
    private String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }

    private List<String> texts(String... keys) {
        return Arrays.stream(keys).map(k -> text(k)).toList();
    }

    private static Double round(double x) {
        return Math.round(x * 100) / 100.0;
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
