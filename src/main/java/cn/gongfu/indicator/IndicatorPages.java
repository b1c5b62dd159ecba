package cn.gongfu.indicator;

import cn.gongfu.kernel.ListAddress;
import cn.gongfu.kernel.PageRequest;
import cn.gongfu.kernel.WebPage;
import cn.gongfu.region.RegionService;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
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

    public IndicatorPages(IndicatorService indicators, RegionService regions, MessageSource messages, ObjectMapper json) {
        this.indicators = indicators;
        this.regions = regions;
        this.messages = messages;
        this.json = json;
    }

    @GetMapping("/indicators")
    public String list(@RequestParam(required = false) Long plan, @RequestParam(required = false) String domain,
                       @RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("indicators", indicators.list(plan, null, domain, q, new PageRequest(page, 50)));
        model.addAttribute("domains", indicators.domains(null));
        model.addAttribute("plan", plan);
        model.addAttribute("domain", domain);
        model.addAttribute("q", q);
        model.addAttribute("pageBase", ListAddress.of("/indicators", "plan", plan, "domain", domain, "q", q));
        return "indicators/list";
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
