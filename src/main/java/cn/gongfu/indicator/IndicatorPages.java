package cn.gongfu.indicator;

import cn.gongfu.kernel.Downloads;
import cn.gongfu.kernel.ListFilters;
import cn.gongfu.kernel.PageRequest;
import cn.gongfu.kernel.PageResult;
import cn.gongfu.kernel.Scope;
import cn.gongfu.kernel.WebPage;
import cn.gongfu.region.RegionService;
import cn.gongfu.unit.UnitService;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.ObjectMapper;

@WebPage
@Controller
class IndicatorPages {

    private final IndicatorService indicators;
    private final RegionService regions;
    private final MessageSource messages;
    private final ObjectMapper json;
    private final UnitService units;
    private final Clock clock;

    public IndicatorPages(IndicatorService indicators, RegionService regions, MessageSource messages, ObjectMapper json,
                          UnitService units, Clock clock) {
        this.units = units;
        this.clock = clock;
        this.indicators = indicators;
        this.regions = regions;
        this.messages = messages;
        this.json = json;
    }

    @GetMapping("/indicators")
    public String list(@RequestParam(required = false) Long plan, @RequestParam(required = false) String domain,
                       @RequestParam(required = false) Long unit, @RequestParam(required = false) String q,
                       @RequestParam(defaultValue = "0") int page, Model model) {
        IndicatorFilter filter = IndicatorFilter.of(plan, domain, unit, q);
        PageResult<Indicator> result = filter.page(indicators, new PageRequest(page, 50));
        model.addAttribute("indicators", result);
        model.addAttribute("domains", indicators.domains(null));
        Scope scope = Scope.current();
        model.addAttribute("units", units.choices(regions.all().stream().map(r -> r.code()).filter(scope::coversRegion).toList()));
        model.addAttribute("f", filter);
        model.addAttribute("pageBase", filter.address("/indicators"));
        model.addAttribute("exportHref", filter.address("/indicators.xlsx"));
        return "indicators/list";
    }

    /** The indicator list as filtered, every page of it, as Excel. */
    @GetMapping("/indicators.xlsx")
    public ResponseEntity<byte[]> export(@RequestParam(required = false) Long plan, @RequestParam(required = false) String domain,
                                         @RequestParam(required = false) Long unit, @RequestParam(required = false) String q) {
        IndicatorFilter filter = IndicatorFilter.of(plan, domain, unit, q);
        var locale = LocaleContextHolder.getLocale();
        List<Indicator> rows = ListFilters.every(p -> filter.page(indicators, p));
        String name = messages.getMessage("indicators.title", null, locale) + " " + LocalDate.now(clock) + ".xlsx";
        return Downloads.attachment(name, Downloads.XLSX, IndicatorExport.workbook(rows, messages, locale));
    }

    @GetMapping("/indicators/{id}")
    public String detail(@PathVariable long id, Model model) {
        Indicator indicator = indicators.get(id);
        List<TargetView> targets = indicators.targetsOf(id);
        List<Observation> observations = indicators.observationsOf(id);
        Map<String, String> regionNames = regions.names();
        var locale = LocaleContextHolder.getLocale();
        Map<String, Object> chart = IndicatorChart.option(indicator, targets, observations, regionNames,
                messages.getMessage("indicators.target", null, locale),
                messages.getMessage("indicators.observed", null, locale));
        model.addAttribute("indicator", indicator);
        model.addAttribute("targets", targets);
        model.addAttribute("observations", observations);
        model.addAttribute("regionNames", regionNames);
        model.addAttribute("chart", json.writeValueAsString(chart));
        return "indicators/detail";
    }
}
