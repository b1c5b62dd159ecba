package cn.gongfu.indicator;

import cn.gongfu.kernel.PageRequest;
import cn.gongfu.kernel.PageResult;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "indicators", description = "指标与目标值 Indicators and their targets")
@RestController
@RequestMapping("/api/v1")
class IndicatorApi {

    private final IndicatorService indicators;

    public IndicatorApi(IndicatorService indicators) {
        this.indicators = indicators;
    }

    @GetMapping("/indicators")
    public PageResult<Indicator> indicators(@RequestParam(required = false) Long plan,
                                            @RequestParam(required = false) String region,
                                            @RequestParam(required = false) String domain,
                                            @RequestParam(required = false) String q,
                                            @RequestParam(defaultValue = "0") int page,
                                            @RequestParam(defaultValue = "50") int size) {
        return indicators.list(plan, region, domain, q, new PageRequest(page, size));
    }

    @GetMapping("/indicators/{id}")
    public Indicator indicator(@PathVariable long id) {
        return indicators.get(id);
    }

    @GetMapping("/targets")
    public PageResult<TargetView> targets(@RequestParam(required = false) Long indicator,
                                          @RequestParam(required = false) Long plan,
                                          @RequestParam(required = false) String region,
                                          @RequestParam(required = false) Integer year,
                                          @RequestParam(required = false) String comparator,
                                          @RequestParam(defaultValue = "0") int page,
                                          @RequestParam(defaultValue = "50") int size) {
        return indicators.targets(indicator, plan, region, year, comparator, new PageRequest(page, size));
    }
}
