package cn.gongfu.evaluation.levels;

import cn.gongfu.evaluation.levels.LevelsService.Cell;
import cn.gongfu.evaluation.levels.LevelsService.Comparison;
import cn.gongfu.evaluation.levels.LevelsService.Lower;
import cn.gongfu.evaluation.levels.LevelsService.Row;
import cn.gongfu.indicator.IndicatorRollUp;
import cn.gongfu.kernel.Downloads;
import cn.gongfu.kernel.FormAttempt;
import cn.gongfu.kernel.ListAddress;
import cn.gongfu.kernel.PageResult;
import cn.gongfu.kernel.Role;
import cn.gongfu.kernel.Scope;
import cn.gongfu.kernel.TableWorkbook;
import cn.gongfu.kernel.WebPage;
import cn.gongfu.region.Region;
import cn.gongfu.region.RegionService;
import jakarta.servlet.http.HttpServletResponse;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 分级晾晒: a region and the regions below it side by side, the office's roll-up rules, its roll-up, and as Excel. */
@WebPage
@Controller
class LevelsPages {

    static final int ROWS = 60;

    private final LevelsService levels;
    private final RollUpRules rules;
    private final RegionService regions;
    private final MessageSource messages;

    LevelsPages(LevelsService levels, RollUpRules rules, RegionService regions, MessageSource messages) {
        this.levels = levels;
        this.rules = rules;
        this.regions = regions;
        this.messages = messages;
    }

    @GetMapping("/levels")
    public String levels(@RequestParam(required = false) String region, @RequestParam(required = false) Integer year,
                         @RequestParam(defaultValue = "0") int page, Model model) {
        Comparison c = levels.compare(regionOrDefault(region), year);
        int last = Math.max(0, (c.rows().size() - 1) / ROWS);
        int p = Math.min(Math.max(page, 0), last);
        model.addAttribute("c", c);
        model.addAttribute("shown", new PageResult<>(c.rows().subList(p * ROWS, Math.min(p * ROWS + ROWS, c.rows().size())),
                p, ROWS, c.rows().size()));
        model.addAttribute("pageBase", ListAddress.of("/levels", "region", c.region().code(), "year", c.year()));
        model.addAttribute("choices", regionChoices());
        // the path above links only where the reader may go: a county's office sees its city's name, not its page
        Scope scope = Scope.current();
        model.addAttribute("reachable", c.path().stream().map(Region::code).filter(scope::coversRegion).collect(java.util.stream.Collectors.toSet()));
        model.addAttribute("fmt", new Numbers());
        var user = Scope.current().user();
        model.addAttribute("office", user != null && user.hasAny(Role.OFFICE, Role.ADMIN));
        return "evaluation/levels";
    }

    @PostMapping("/levels/rules")
    public String setRule(@RequestParam String region, @RequestParam String indicator, @RequestParam String method,
                          @RequestParam(required = false) String weight, @RequestParam(defaultValue = "0") int version,
                          @RequestParam(required = false) Integer year, Model model, HttpServletResponse response,
                          RedirectAttributes flash) {
        // saved: back to the page; refused: the page with the error (422); made on an older rule: the page as it now is (409)
        return FormAttempt.run(() -> {
                    rules.set(region, indicator, method, weight, version);
                    flash.addFlashAttribute("saved", indicator);
                }, "redirect:" + ListAddress.of("/levels", "region", region, "year", year), model, response,
                () -> levels(region, year, 0, model), () -> levels(region, year, 0, model));
    }

    @PostMapping("/levels/pull")
    public String pull(@RequestParam String region, @RequestParam(required = false) Integer year, RedirectAttributes flash) {
        IndicatorRollUp.Result r = levels.pull(region);
        flash.addFlashAttribute("pulled", r);
        return "redirect:" + ListAddress.of("/levels", "region", region, "year", year);
    }

    /** Both tables as an .xlsx file: the race, and every indicator with its total and each region's value and rank. */
    @GetMapping("/levels/export")
    public ResponseEntity<byte[]> export(@RequestParam(required = false) String region, @RequestParam(required = false) Integer year) {
        Comparison c = levels.compare(regionOrDefault(region), year);
        List<String> header = new ArrayList<>(texts("levels.col.indicator", "levels.col.unit", "levels.col.method",
                "levels.col.total", "levels.col.counted", "levels.col.own"));
        for (Region r : c.lower()) {
            header.add(r.name());
            header.add(r.name() + " " + text("levels.col.rank"));
        }
        List<List<Object>> rows = new ArrayList<>();
        for (Row row : c.rows()) {
            List<Object> line = new ArrayList<>(Arrays.asList(row.indicator(), row.unit(),
                    text("levels.method." + row.method().code()), row.total().value(),
                    row.total().counted() + "/" + row.total().regions(), row.ownValue()));
            for (Cell cell : row.cells()) {
                line.add(cell == null ? null : cell.value());
                line.add(cell == null ? null : cell.rank());
            }
            rows.add(line);
        }
        List<List<Object>> race = new ArrayList<>();
        for (Lower l : c.race()) {
            race.add(Arrays.asList(l.rank(), l.region().name(), l.plan() == null ? null : l.plan().title(),
                    l.degree() == null ? null : l.degree() * 100, l.counted() == null ? null : l.counted() + "/" + l.total(),
                    l.lagging(), l.meanRank(), l.ranked()));
        }
        byte[] file = TableWorkbook.xlsx(List.of(
                new TableWorkbook.Table(text("levels.sheet.race"), texts("levels.col.rank", "levels.col.region", "levels.col.plan",
                        "levels.col.degree", "levels.col.coverage", "levels.col.lagging", "levels.col.meanRank", "levels.col.ranked"), race),
                new TableWorkbook.Table(text("levels.sheet.indicators"), header, rows)));
        return Downloads.attachment(text("levels.file") + "-" + c.region().name() + "-" + c.year(), Downloads.XLSX, file);
    }

    /** The caller's own region, or for an administrator the first region with regions below it. */
    private String regionOrDefault(String region) {
        if (region != null && !region.isBlank()) return region.strip();
        var user = Scope.current().user();
        if (user != null && user.regionCode() != null) return user.regionCode();
        List<Region> choices = regionChoices();
        return choices.isEmpty() ? "" : choices.get(0).code();
    }

    private List<Region> regionChoices() {
        return regions.coveredAboveTowns();
    }

    private String text(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }

    private List<String> texts(String... keys) {
        return Arrays.stream(keys).map(this::text).toList();
    }

    /** Values as the page shows them: grouped, at most two decimals. */
    static final class Numbers {
        public String of(Double v) {
            if (v == null) return "\u2014";
            NumberFormat f = NumberFormat.getNumberInstance(LocaleContextHolder.getLocale());
            f.setMaximumFractionDigits(2);
            return f.format(v);
        }

        public String percent(Double share) {
            return share == null ? "\u2014" : of(share * 100) + "%";
        }
    }
}
