package cn.gongfu.plan;

import cn.gongfu.kernel.PageRequest;
import cn.gongfu.kernel.PageResult;
import cn.gongfu.plan.PlanService.TaskFilter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "plans", description = "规划方案、章节与任务 Plans, their sections and tasks")
@RestController
@RequestMapping("/api/v1")
class PlanApi {

    private final PlanService plans;

    public PlanApi(PlanService plans) {
        this.plans = plans;
    }

    @GetMapping("/plans")
    public PageResult<Plan> plans(@RequestParam(required = false) String region,
                                  @RequestParam(required = false) String state,
                                  @RequestParam(required = false) String q,
                                  @RequestParam(defaultValue = "0") int page,
                                  @RequestParam(defaultValue = "50") int size) {
        return plans.list(region, state, q, new PageRequest(page, size));
    }

    @GetMapping("/plans/{id}")
    public Plan plan(@PathVariable long id) {
        return plans.get(id);
    }

    /** Sections of a plan ({@code plan}), children of a section ({@code parent}) or only the roots ({@code topLevel}). */
    @GetMapping("/sections")
    public PageResult<Section> sections(@RequestParam(required = false) Long plan,
                                        @RequestParam(required = false) Long parent,
                                        @RequestParam(defaultValue = "false") boolean topLevel,
                                        @RequestParam(defaultValue = "0") int page,
                                        @RequestParam(defaultValue = "100") int size) {
        return plans.sections(plan, parent, topLevel, new PageRequest(page, size));
    }

    @GetMapping("/sections/{id}")
    public Section section(@PathVariable long id) {
        return plans.section(id);
    }

    @GetMapping("/tasks")
    public PageResult<TaskSummary> tasks(@RequestParam(required = false) Long plan,
                                         @RequestParam(required = false) Long section,
                                         @RequestParam(required = false) Long unit,
                                         @RequestParam(required = false) String region,
                                         @RequestParam(required = false) String category,
                                         @RequestParam(required = false) String q,
                                         @RequestParam(defaultValue = "0") int page,
                                         @RequestParam(defaultValue = "50") int size) {
        return plans.tasks(new TaskFilter(plan, section, unit, region, category, q), new PageRequest(page, size));
    }

    @GetMapping("/tasks/{id}")
    public TaskDetail task(@PathVariable long id) {
        return plans.task(id);
    }
}
