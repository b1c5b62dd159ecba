package cn.gongfu.plan;

import cn.gongfu.kernel.PageRequest;
import cn.gongfu.kernel.PageResult;
import cn.gongfu.kernel.WebPage;
import cn.gongfu.plan.PlanService.TaskFilter;
import cn.gongfu.region.Region;
import cn.gongfu.region.RegionService;
import cn.gongfu.unit.Unit;
import cn.gongfu.unit.UnitService;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A unit's page: the unit with the tasks it works on, plan by plan. It lives with the plans, not with the units,
 * because it composes the unit (through UnitService) with the plan's tasks; the unit module knows nothing of plans.
 */
@WebPage
@Controller
class UnitTaskPages {

    private final UnitService units;
    private final RegionService regions;
    private final PlanService plans;

    UnitTaskPages(UnitService units, RegionService regions, PlanService plans) {
        this.units = units;
        this.regions = regions;
        this.plans = plans;
    }

    /** A plan a unit works in, as a heading over its tasks there. */
    public record PlanHeading(long id, String title) {}

    @GetMapping("/units/{id}")
    String detail(@PathVariable long id, @RequestParam(defaultValue = "0") int page, Model model) {
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
