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
