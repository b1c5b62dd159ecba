package cn.gongfu.unit;

import cn.gongfu.kernel.BundleText;
import cn.gongfu.kernel.InvalidParameterException;
import cn.gongfu.kernel.ListAddress;
import cn.gongfu.kernel.Role;
import cn.gongfu.kernel.Scope;
import cn.gongfu.kernel.PageRequest;
import cn.gongfu.kernel.PageResult;
import cn.gongfu.kernel.WebPage;
import cn.gongfu.region.RegionService;
import cn.gongfu.kernel.Downloads;
import cn.gongfu.kernel.ListFilters;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.bind.annotation.RequestParam;

/** The list of units; a unit's own page, with its tasks, is composed by the plan module (plan.UnitTaskPages). */
@WebPage
@Controller
class UnitPages {

    private final UnitService units;
    private final RegionService regions;
    private final MessageSource messages;
    private final Clock clock;

    public UnitPages(UnitService units, RegionService regions, MessageSource messages, Clock clock) {
        this.units = units;
        this.regions = regions;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/units")
    public String list(@RequestParam(required = false) String q, @RequestParam(required = false) String kind,
                       @RequestParam(required = false) String region, @RequestParam(defaultValue = "0") int page, Model model) {
        UnitFilter filter = UnitFilter.of(q, kind, region);
        PageResult<Unit> result = filter.page(units, new PageRequest(page, 50));
        Scope scope = Scope.current();
        model.addAttribute("f", filter);
        model.addAttribute("units", result);
        model.addAttribute("kinds", Unit.KINDS);
        model.addAttribute("regions", regions.all().stream().filter(r -> scope.coversRegion(r.code())).toList());
        model.addAttribute("regionNames", regions.names());
        model.addAttribute("pageBase", filter.address("/units"));
        model.addAttribute("exportHref", filter.address("/units.xlsx"));
        return "units/list";
    }

    /** The unit list as filtered, every page of it, as Excel. */
    @GetMapping("/units.xlsx")
    public ResponseEntity<byte[]> export(@RequestParam(required = false) String q, @RequestParam(required = false) String kind,
                                         @RequestParam(required = false) String region) {
        UnitFilter filter = UnitFilter.of(q, kind, region);
        List<Unit> rows = ListFilters.every(p -> filter.page(units, p));
        var locale = LocaleContextHolder.getLocale();
        String name = messages.getMessage("units.title", null, locale) + " " + LocalDate.now(clock) + ".xlsx";
        return Downloads.attachment(name, Downloads.XLSX, UnitExport.workbook(rows, regions.names(), messages, locale));
    }

    @GetMapping("/units/merge")
    public String mergeForm(Model model) {
        Scope.current().require(Role.OFFICE, Role.ADMIN);
        model.addAttribute("choices", units.choices(regions.all().stream().map(r -> r.code()).toList()));
        model.addAttribute("regionNames", regions.names());
        return "units/merge";
    }

    /** Merges on the form's two choices; a refusal is shown on the form, beside the field it names (422). */
    @PostMapping("/units/merge")
    public String merge(@RequestParam(required = false) Long survivor, @RequestParam(required = false) Long merged,
                        Model model, HttpServletResponse response, RedirectAttributes redirect) {
        try {
            if (survivor == null) throw new InvalidParameterException("survivor", BundleText.both("rules.required"));
            if (merged == null) throw new InvalidParameterException("merged", BundleText.both("rules.required"));
            String mergedName = units.get(merged).name();
            units.merge(survivor, merged);
            redirect.addFlashAttribute("mergedName", mergedName);
            return "redirect:/units/" + survivor;
        } catch (InvalidParameterException e) {
            model.addAttribute("errors", java.util.Map.of(e.field(), e.getMessage()));
            response.setStatus(422);
            model.addAttribute("survivor", survivor);
            model.addAttribute("merged", merged);
            return mergeForm(model);
        }
    }
}
