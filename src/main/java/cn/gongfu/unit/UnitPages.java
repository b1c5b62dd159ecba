package cn.gongfu.unit;

import cn.gongfu.plan.PlanService;
import cn.gongfu.plan.PlanService.TaskFilter;
import cn.gongfu.plan.TaskSummary;
import cn.gongfu.plan.UnitRef;
import cn.gongfu.region.Region;
import cn.gongfu.region.RegionService;
import cn.gongfu.web.ListAddress;
import cn.gongfu.web.PageRequest;
import cn.gongfu.web.PageResult;
import cn.gongfu.web.WebPage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

@WebPage
@Controller
public class UnitPages {

    private final UnitService units;
    private final RegionService regions;
    private final PlanService plans;

    public UnitPages(UnitService units, RegionService regions, PlanService plans) {
        this.units = units;
        this.regions = regions;
        this.plans = plans;
    }

    @GetMapping("/units")
    public String list(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page, Model model) {
        PageResult<Unit> result = units.list(null, null, q, new PageRequest(page, 50));
        model.addAttribute("q", q);
        model.addAttribute("units", result);
        model.addAttribute("regionNames", regions.names());
        model.addAttribute("pageBase", ListAddress.of("/units", "q", q));
        return "units/list";
    }

    /** A plan a unit works in, as a heading over its tasks there. */
    public record PlanHeading(long id, String title) {}

    @GetMapping("/units/{id}")
    public String detail(@PathVariable long id, @RequestParam(defaultValue = "0") int page, Model model) {
        Unit unit = units.get(id);
        PageResult<TaskSummary> tasks = plans.tasks(new TaskFilter(null, null, id, null, null, null), new PageRequest(page, 200));
        Map<PlanHeading, List<TaskSummary>> byPlan = tasks.items().stream().collect(Collectors.groupingBy(
                t -> new PlanHeading(t.planId(), t.planTitle()), LinkedHashMap::new, Collectors.toList()));
        model.addAttribute("unit", unit);
        model.addAttribute("unitRef", new UnitRef(unit.id(), unit.name()));
        model.addAttribute("regionName", regions.find(unit.regionCode()).map(Region::name).orElse(unit.regionCode()));
        model.addAttribute("tasks", tasks);
        model.addAttribute("byPlan", byPlan);
        model.addAttribute("pageBase", "/units/" + id);
        return "units/detail";
    }
}
