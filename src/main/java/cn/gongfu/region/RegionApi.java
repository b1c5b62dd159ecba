package cn.gongfu.region;

import cn.gongfu.kernel.PageRequest;
import cn.gongfu.kernel.PageResult;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "regions", description = "行政区划 Administrative regions (GB/T 2260)")
@RestController
@RequestMapping("/api/v1/regions")
class RegionApi {

    private final RegionService regions;

    public RegionApi(RegionService regions) {
        this.regions = regions;
    }

    @GetMapping
    public PageResult<Region> list(@RequestParam(required = false) String parent,
                                   @RequestParam(required = false) String level,
                                   @RequestParam(required = false) String q,
                                   @RequestParam(defaultValue = "0") int page,
                                   @RequestParam(defaultValue = "50") int size) {
        return regions.list(parent, level, q, new PageRequest(page, size));
    }

    @GetMapping("/{code}")
    public Region get(@PathVariable String code) {
        return regions.get(code);
    }
}
