package cn.gongfu.evaluation.publicview;

import cn.gongfu.evaluation.EvaluationService;
import cn.gongfu.evaluation.EvaluationService.IndicatorEvaluation;
import cn.gongfu.evaluation.EvaluationService.PlanEvaluation;
import cn.gongfu.evaluation.EvaluationService.TaskEvaluation;
import cn.gongfu.evaluation.dashboard.OverviewCharts;
import cn.gongfu.evaluation.method.Status;
import cn.gongfu.evaluation.ranking.RankingService;
import cn.gongfu.kernel.InvalidParameterException;
import cn.gongfu.kernel.NotFoundException;
import cn.gongfu.kernel.Scope;
import cn.gongfu.kernel.WebPage;
import cn.gongfu.plan.Plan;
import cn.gongfu.plan.PlanService;
import cn.gongfu.plan.PublicSection;
import cn.gongfu.plan.TaskSummary;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public portal, without login: the plans the office made public, each with its overview and, as deep as the
 * office chose ({@link PublicSection}), its tasks, its indicators with their trajectories and the published unit
 * rankings (the issued bulletins are the bulletin module's). Every read runs in the public scope and only on a plan
 * {@link PlanService#publicPlan} lets through; a section not chosen reads as absent.
 */
@WebPage
@Controller
class PublicPages {

    private final EvaluationService evaluation;
    private final RankingService rankings;
    private final PlanService plans;
    private final OverviewCharts overview;

    public PublicPages(EvaluationService evaluation, RankingService rankings, PlanService plans, OverviewCharts overview) {
        this.evaluation = evaluation;
        this.rankings = rankings;
        this.plans = plans;
        this.overview = overview;
    }

    /** One public plan as the portal's list shows it: what it is and where it stands. */
    public record PlanCard(Plan plan, EvaluationService.PlanSummary eval) {}

    /** The portal's front page: every public plan with its degree and statuses, newest first. */
    @GetMapping("/public")
    public String portal(@RequestParam(required = false) Long plan, Model model) {
        if (plan != null) return "redirect:/public/plans/" + plan;
        return Scope.readingForThePublic(() -> {
            model.addAttribute("cards", plans.publicPlans().stream()
                    .map(p -> new PlanCard(p, evaluation.summary(p.id()))).toList());
            return "public/index";
        });
    }

    @GetMapping("/public/plans/{id}")
    public String plan(@PathVariable long id, Model model) {
        return Scope.readingForThePublic(() -> {
            Plan plan = plans.publicPlan(id, null);
            overview.addTo(model, evaluation.evaluateIndicators(plan.id(), null, null));
            model.addAttribute("plan", plan);
            model.addAttribute("base", plan.showsThePublic(PublicSection.INDICATORS) ? "/public/plans/" + plan.id() : null);
            return "public/plan";
        });
    }

    /** A task of the public list: what the plan says of it and where it stands. */
    public record PublicTask(TaskSummary task, TaskEvaluation eval) {}

    /** The tasks under one chapter of the plan (its top-level section), in document order. */
    public record TaskGroup(String heading, List<PublicTask> tasks) {}

    @GetMapping("/public/plans/{id}/tasks")
    public String tasks(@PathVariable long id, @RequestParam(required = false) String q,
                        @RequestParam(required = false) String status, Model model) {
        Status wanted = status(status);
        return Scope.readingForThePublic(() -> {
            Plan plan = plans.publicPlan(id, PublicSection.TASKS);
            PlanEvaluation eval = evaluation.evaluate(plan.id(), null, null);
            Map<Long, TaskEvaluation> byTask = eval.tasks().stream()
                    .collect(Collectors.toMap(TaskEvaluation::taskId, Function.identity()));
            Map<Long, PlanService.TopSection> chapters = plans.topSectionOfTasks(plan.id());
            Set<Long> matching = q == null || q.isBlank() ? null : plans.tasksContaining(plan.id(), q);
            Map<String, List<PublicTask>> groups = new LinkedHashMap<>();
            int total = 0;
            for (TaskSummary t : plans.tasksOfPlan(plan.id())) {
                TaskEvaluation e = byTask.get(t.id());
                total++;
                if (wanted != null && (e == null || e.assessment().status() != wanted)) continue;
                if (matching != null && !matching.contains(t.id())) continue;
                PlanService.TopSection chapter = chapters.get(t.id());
                groups.computeIfAbsent(chapter == null ? "" : chapter.heading(), k -> new ArrayList<>()).add(new PublicTask(t, e));
            }
            model.addAttribute("plan", plan);
            model.addAttribute("eval", eval);
            model.addAttribute("groups", groups.entrySet().stream().map(g -> new TaskGroup(g.getKey(), g.getValue())).toList());
            model.addAttribute("shown", groups.values().stream().mapToInt(List::size).sum());
            model.addAttribute("total", total);
            model.addAttribute("q", q);
            model.addAttribute("status", wanted);
            model.addAttribute("statuses", taskStatuses());
            return "public/tasks";
        });
    }

    @GetMapping("/public/plans/{id}/tasks/{taskId}")
    public String task(@PathVariable long id, @PathVariable long taskId, Model model) {
        return Scope.readingForThePublic(() -> {
            Plan plan = plans.publicPlan(id, PublicSection.TASKS);
            var detail = plans.task(taskId);
            if (detail.planId() != plan.id()) throw new NotFoundException("task", taskId);
            PlanEvaluation eval = evaluation.evaluate(plan.id(), null, null);
            model.addAttribute("plan", plan);
            model.addAttribute("eval", eval);
            model.addAttribute("t", detail);
            model.addAttribute("te", eval.tasks().stream().filter(e -> e.taskId() == taskId).findFirst().orElse(null));
            return "public/task";
        });
    }

    /** The indicators of one domain (领域), in the plan's order. */
    public record IndicatorGroup(String domain, List<IndicatorEvaluation> indicators) {}

    @GetMapping("/public/plans/{id}/indicators")
    public String indicators(@PathVariable long id, @RequestParam(required = false) String status, Model model) {
        Status wanted = status(status);
        return Scope.readingForThePublic(() -> {
            Plan plan = plans.publicPlan(id, PublicSection.INDICATORS);
            PlanEvaluation eval = evaluation.evaluateIndicators(plan.id(), null, null);
            Map<String, List<IndicatorEvaluation>> groups = new LinkedHashMap<>();
            for (IndicatorEvaluation e : eval.indicators()) {
                if (wanted != null && e.assessment().status() != wanted) continue;
                groups.computeIfAbsent(e.indicator().domain() == null ? "" : e.indicator().domain(), k -> new ArrayList<>()).add(e);
            }
            model.addAttribute("plan", plan);
            model.addAttribute("eval", eval);
            model.addAttribute("groups", groups.entrySet().stream().map(g -> new IndicatorGroup(g.getKey(), g.getValue())).toList());
            model.addAttribute("shown", groups.values().stream().mapToInt(List::size).sum());
            model.addAttribute("status", wanted);
            model.addAttribute("statuses", Arrays.stream(Status.values()).filter(s -> s != Status.NOT_STARTED).toList());
            return "public/indicators";
        });
    }

    @GetMapping("/public/plans/{id}/indicators/{indicatorId}")
    public String indicator(@PathVariable long id, @PathVariable long indicatorId, Model model) {
        return Scope.readingForThePublic(() -> {
            Plan plan = plans.publicPlan(id, PublicSection.INDICATORS);
            IndicatorEvaluation e = evaluation.evaluateIndicator(plan.id(), indicatorId, null, null);
            model.addAttribute("plan", plan);
            model.addAttribute("e", e);
            model.addAttribute("asOf", evaluation.defaultMonth(plan));
            model.addAttribute("chart", overview.trajectory(e));
            model.addAttribute("years", YearRows.of(e));
            return "public/indicator";
        });
    }

    @GetMapping("/public/plans/{id}/rankings")
    public String rankings(@PathVariable long id, Model model) {
        return Scope.readingForThePublic(() -> {
            Plan plan = plans.publicPlan(id, PublicSection.RANKINGS);
            model.addAttribute("plan", plan);
            model.addAttribute("rankings", rankings.published(plan.regionCode()));
            return "public/rankings";
        });
    }

    private static List<Status> taskStatuses() {
        return List.of(Status.ACHIEVED, Status.ON_TRACK, Status.NOT_STARTED, Status.LAGGING, Status.SERIOUSLY_LAGGING, Status.NO_DATA);
    }

    /** The status filter: blank is every status; an unknown one is refused, naming the parameter. */
    private static Status status(String status) {
        if (status == null || status.isBlank()) return null;
        return Arrays.stream(Status.values()).filter(s -> s.name().equals(status.strip())).findFirst()
                .orElseThrow(() -> new InvalidParameterException("status",
                        "one of " + Arrays.stream(Status.values()).map(Status::name).toList()));
    }
}
