package cn.gongfu.evaluation.consistency;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Target consistency: conflicting, falling and worsening targets of a region and the regions above it. */
@RestController
class ConsistencyApi {

    private final ConsistencyService consistency;

    public ConsistencyApi(ConsistencyService consistency) {
        this.consistency = consistency;
    }

    /** {@code region} defaults to the caller's own region; 400 when it is unknown or outside the caller's scope. */
    @GetMapping("/api/v1/consistency")
    public ConsistencyService.Report findings(@RequestParam(required = false) String region) {
        return consistency.findings(region);
    }
}
