package cn.gongfu.unit;

import cn.gongfu.kernel.PageRequest;
import cn.gongfu.kernel.PageResult;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "units", description = "责任单位 Responsible units with their aliases")
@RestController
@RequestMapping("/api/v1/units")
class UnitApi {

    private final UnitService units;

    public UnitApi(UnitService units) {
        this.units = units;
    }

    @GetMapping
    public PageResult<Unit> list(@RequestParam(required = false) String region,
                                 @RequestParam(required = false) String kind,
                                 @RequestParam(required = false) String q,
                                 @RequestParam(defaultValue = "0") int page,
                                 @RequestParam(defaultValue = "50") int size) {
        return units.list(region, kind, q, new PageRequest(page, size));
    }

    @GetMapping("/{id}")
    public Unit get(@PathVariable long id) {
        return units.get(id);
    }

    /** Merges unit {@code merged} into unit {@code survivor} ({@link UnitService#merge}); answers the survivor. */
    @PostMapping("/merge")
    public Unit merge(@RequestParam long survivor, @RequestParam long merged) {
        units.merge(survivor, merged);
        return units.get(survivor);
    }
}
