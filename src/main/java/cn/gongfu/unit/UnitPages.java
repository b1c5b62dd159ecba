package cn.gongfu.unit;

import cn.gongfu.kernel.ListAddress;
import cn.gongfu.kernel.PageRequest;
import cn.gongfu.kernel.PageResult;
import cn.gongfu.kernel.WebPage;
import cn.gongfu.region.RegionService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The list of units; a unit's own page, with its tasks, is composed by the plan module (plan.UnitTaskPages). */
@WebPage
@Controller
class UnitPages {

    private final UnitService units;
    private final RegionService regions;

    public UnitPages(UnitService units, RegionService regions) {
        this.units = units;
        this.regions = regions;
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
}
