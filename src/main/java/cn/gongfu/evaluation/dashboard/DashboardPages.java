package cn.gongfu.evaluation.dashboard;

import cn.gongfu.evaluation.EvaluationService;
import cn.gongfu.evaluation.EvaluationService.IndicatorEvaluation;
import cn.gongfu.evaluation.EvaluationService.PlanEvaluation;
import cn.gongfu.evaluation.EvaluationService.TaskEvaluation;
import cn.gongfu.evaluation.method.RealizationDegree;
import cn.gongfu.evaluation.method.Status;
import cn.gongfu.evaluation.ranking.RankingService;
import cn.gongfu.evaluation.ranking.RankingService.UnitRank;
import cn.gongfu.evaluation.ranking.RankingService.UnitStanding;
import cn.gongfu.indicator.IndicatorService;
import cn.gongfu.indicator.IndicatorService.RegionalValue;
import cn.gongfu.kernel.InvalidParameterException;
import cn.gongfu.kernel.ListAddress;
import cn.gongfu.kernel.NotFoundException;
import cn.gongfu.kernel.PageRequest;
import cn.gongfu.kernel.PageResult;
import cn.gongfu.kernel.Scope;
import cn.gongfu.kernel.WebPage;
import cn.gongfu.plan.Plan;
import cn.gongfu.plan.PlanService;
import cn.gongfu.region.RegionService;
import cn.gongfu.reporting.ConflictException;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.ObjectMapper;

/**
 * The dashboards: overview (realization gauge, domain radar, status distribution, most lagging), an
 * indicator's trajectory, the milestone Gantt, unit rankings with publishing, regions side by side, and
 * every table as Excel.
 */
@WebPage
@Controller
class DashboardPages {

    private final EvaluationService evaluation;
    private final RankingService rankings;
    private final PlanService plans;
    private final RegionService regions;
    private final IndicatorService indicators;
    private final Clock clock;
    private final MessageSource messages;
    private final ObjectMapper json;
    private final AssessmentText reasons;
    private final OverviewCharts overview;

    public DashboardPages(EvaluationService evaluation, RankingService rankings, PlanService plans, RegionService regions,
                          IndicatorService indicators, MessageSource messages, ObjectMapper json, AssessmentText reasons,
                          OverviewCharts overview, Clock clock) {
        this.overview = overview;
        this.reasons = reasons;
        this.evaluation = evaluation;
        this.rankings = rankings;
        this.plans = plans;
        this.regions = regions;
        this.indicators = indicators;
        this.clock = clock;
        this.messages = messages;
        this.json = json;
    }

    /**
     * The overview. A unit's people (reporters, unit heads) see it through their unit: the indicators their unit is
     * responsible for unless they ask for all ({@code mine=false}), and, as everywhere, only the tasks their unit works
     * on; the realization degree stays the district's, as the public sees it, and the page says so.
     */
    /**
     * The rows of indicators the overview lists a page, and the contributions it lists (the rest are in the export):
     * the page stays one screen or two, whatever the plan's size.
     */
    static final int OVERVIEW_ROWS = 60;

    @GetMapping("/dashboard")
    public String overview(@RequestParam(required = false) Long plan, @RequestParam(required = false) String domain,
                           @RequestParam(required = false) YearMonth month, @RequestParam(required = false) Boolean mine,
                           @RequestParam(defaultValue = "0") int page, Model model) {
        PageRequest request = new PageRequest(page, OVERVIEW_ROWS);
        List<Plan> all = plans.publishedForDashboards();
        if (all.isEmpty()) return "redirect:/plans";
        long planId = plan != null ? plan : PlanService.openedByDefault(all).id();
        PlanEvaluation eval = evaluation.evaluateIndicators(planId, null, month);
        model.addAttribute("plans", all);
        overview.addTo(model, eval);
        addMonthChoice(model, eval, month);
        Set<Long> myUnits = Scope.current().units();
        boolean mineOnly = myUnits != null && !Boolean.FALSE.equals(mine);
        Predicate<IndicatorEvaluation> shown = e -> (domain == null || domain.isBlank() || domain.equals(e.indicator().domain()))
                && (!mineOnly || e.indicator().responsibleUnitId() != null && myUnits.contains(e.indicator().responsibleUnitId()));
        model.addAttribute("domain", domain);
        model.addAttribute("unitView", myUnits != null);
        model.addAttribute("mineOnly", mineOnly);
        List<IndicatorEvaluation> rows = eval.indicators().stream().filter(shown).toList();
        // a county plan has ~300 indicators: the overview lists them a page at a time (a page beyond the last is the last)
        int last = Math.max(0, (rows.size() - 1) / OVERVIEW_ROWS);
        int from = Math.min(request.page(), last) * OVERVIEW_ROWS;
        model.addAttribute("shown", new PageResult<>(rows.subList(from, Math.min(from + OVERVIEW_ROWS, rows.size())),
                Math.min(request.page(), last), OVERVIEW_ROWS, rows.size()));
        model.addAttribute("shownTotal", rows.size());
        model.addAttribute("pageBase", ListAddress.of("/dashboard", "plan", eval.plan().id(), "month", month, "domain", domain, "mine", mine));
        List<RealizationDegree.Contribution> contributions = eval.realization() == null ? List.of()
                : eval.realization().contributions().stream().filter(c -> domain == null || domain.isBlank() || c.domain().equals(domain)).toList();
        model.addAttribute("contributions", contributions.subList(0, Math.min(OVERVIEW_ROWS, contributions.size())));
        model.addAttribute("contributionTotal", contributions.size());
        model.addAttribute("lagging", eval.mostLagging(Integer.MAX_VALUE).stream().filter(shown).limit(10).toList());
        return "evaluation/overview";
    }

    @GetMapping("/dashboard/indicators/{id}")
    public String indicator(@PathVariable long id, @RequestParam long plan, @RequestParam(required = false) String region,
                            @RequestParam(required = false) YearMonth month, Model model) {
        IndicatorEvaluation e = evaluation.evaluateIndicator(plan, id, region, month);
        model.addAttribute("month", month != null ? month : evaluation.defaultMonth(plans.get(plan)));
        model.addAttribute("e", e);
        model.addAttribute("plan", plans.get(plan));
        model.addAttribute("chart", overview.trajectory(e));
        model.addAttribute("history", statusHistory(plan, id, region, e));
        return "evaluation/indicator";
    }

    /** The status the indicator had at the start of the year after each year with values: how it got where it is. */
    private List<Map<String, Object>> statusHistory(long plan, long indicatorId, String region, IndicatorEvaluation now) {
        List<Integer> years = now.values().stream().map(p -> p.period().getYear()).distinct().toList();
        List<IndicatorEvaluation> then = evaluation.indicatorHistory(plan, indicatorId, region,
                years.stream().map(y -> YearMonth.of(y + 1, 1)).toList());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int k = 0; k < years.size(); k++) {
            var a = then.get(k).assessment();
            rows.add(Map.of("year", years.get(k), "status", a.status(), "reason", reasons.indicator(a)));
        }
        return rows;
    }

    @GetMapping("/dashboard/tasks")
    public String tasks(@RequestParam long plan, @RequestParam(required = false) YearMonth month, Model model) {
        PlanEvaluation eval = evaluation.evaluate(plan, null, month);
        // the Gantt's rows by the plan's top-level sections (its actions) in the plan's order, tasks outside them last
        Map<Long, PlanService.TopSection> sections = plans.topSectionOfTasks(plan);
        var withMilestones = eval.tasks().stream().filter(t -> !t.spans().isEmpty())
                .sorted(Comparator.comparingInt(t -> sections.containsKey(t.taskId()) ? sections.get(t.taskId()).position() : Integer.MAX_VALUE))
                .toList();
        model.addAttribute("eval", eval);
        model.addAttribute("tasks", eval.tasks());
        addMonthChoice(model, eval, month);
        Function<TaskEvaluation, String> groupOf = t -> sections.containsKey(t.taskId()) ? sections.get(t.taskId()).heading() : null;
        int groups = (int) withMilestones.stream().map(t -> Objects.toString(groupOf.apply(t), "")).distinct().count();
        boolean grouped = withMilestones.stream().anyMatch(t -> groupOf.apply(t) != null);
        int milestones = withMilestones.stream().mapToInt(t -> t.spans().size()).sum();
        model.addAttribute("ganttLabel", messages.getMessage("dashboard.gantt.aria", new Object[] {milestones, withMilestones.size(),
                grouped ? groups : 0}, LocaleContextHolder.getLocale()));
        model.addAttribute("gantt", write(DashboardCharts.gantt(withMilestones, groupOf, text("dashboard.gantt.otherGroup"), eval.asOf(),
                text("dashboard.gantt.asOf") + " " + eval.asOf(), s -> text("status." + s.name()),
                done -> done == null ? text("dashboard.gantt.milestoneOpen") : messages.getMessage("dashboard.gantt.milestoneDone",
                        new Object[] {done.toString()}, LocaleContextHolder.getLocale()))));
        model.addAttribute("ganttHeight", DashboardCharts.ganttHeight(milestones + (grouped ? groups : 0)));
        return "evaluation/tasks";
    }

    @GetMapping("/dashboard/units")
    public String units(@RequestParam long plan, @RequestParam(required = false) YearMonth month, Model model) {
        List<UnitRank> ranks = rankings.rank(plan, month);
        Map<String, List<UnitRank>> groups = new TreeMap<>();
        ranks.forEach(r -> groups.computeIfAbsent(r.peerGroup(), g -> new ArrayList<>()).add(r));
        Map<String, String> charts = new LinkedHashMap<>();
        groups.forEach((g, rs) -> charts.put(g, write(DashboardCharts.rankingBars(rs))));
        model.addAttribute("plan", plans.get(plan));
        model.addAttribute("groups", groups);
        model.addAttribute("charts", charts);
        model.addAttribute("published", rankings.published(plans.get(plan).regionCode()));
        YearMonth asOf = month != null ? month : evaluation.defaultMonth(plans.get(plan));
        model.addAttribute("asOf", asOf);
        model.addAttribute("month", month);
        model.addAttribute("period", String.valueOf(asOf.getYear()));
        return "evaluation/units";
    }

    /**
     * What pulls a unit down: its indicators that are not on track and its tasks' overdue milestones.
     * Another unit than their own is absent (404) for reporters and unit heads; the tasks shown are those
     * the unit leads, so all of them are within the scope of whoever may open the page.
     */
    @GetMapping("/dashboard/units/{unitId}")
    public String unit(@PathVariable long unitId, @RequestParam long plan, @RequestParam(required = false) YearMonth month, Model model) {
        UnitStanding standing = rankings.standing(plan, unitId, month)
                .orElseThrow(() -> new NotFoundException("unit in plan", unitId));
        model.addAttribute("plan", standing.plan());
        model.addAttribute("rank", standing.rank());
        model.addAttribute("indicators", standing.indicators());
        model.addAttribute("tasks", standing.ledTasks());
        model.addAttribute("month", month != null ? month : evaluation.defaultMonth(standing.plan()));
        return "evaluation/unit";
    }

    @PostMapping("/dashboard/units/publish")
    public String publish(@RequestParam long plan, @RequestParam String period, RedirectAttributes redirect) {
        try {
            rankings.publish(plan, period);
            redirect.addFlashAttribute("notice", text("dashboard.publishedNow"));
        } catch (ConflictException | InvalidParameterException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/dashboard/units?plan=" + plan;
    }

    /**
     * The plan's indicators side by side across the regions that report them (district and towns): one small chart an
     * indicator, so values in different units never share an axis, and the table of them all.
     */
    @GetMapping("/dashboard/regions")
    public String regions(@RequestParam long plan, Model model) {
        Plan p = plans.get(plan);
        RegionTable table = regionTable(p);
        List<String> regionNames = List.copyOf(table.latest().keySet());
        List<RegionChart> charts = new ArrayList<>();
        for (String name : table.indicatorNames()) {
            String unit = table.units().get(name);
            List<Double> values = regionNames.stream().map(r -> table.latest().get(r).get(name)).toList();
            charts.add(new RegionChart(name, unit, write(DashboardCharts.regionChart(unit, regionNames, values)),
                    summary(name, unit, regionNames, values)));
        }
        model.addAttribute("plan", p);
        model.addAttribute("indicatorNames", table.indicatorNames());
        model.addAttribute("units", table.units());
        Map<String, Map<String, String>> shown = new LinkedHashMap<>();
        table.latest().forEach((region, values) -> {
            Map<String, String> row = new LinkedHashMap<>();
            table.indicatorNames().forEach(n -> row.put(n, number(values.get(n))));
            shown.put(region, row);
        });
        model.addAttribute("latest", shown);
        model.addAttribute("charts", charts);
        return "evaluation/regions";
    }

    /** One indicator's small chart: its name and unit, the ECharts option and the sentence that says what it shows. */
    public record RegionChart(String indicator, String unit, String option, String summary) {}

    /** "居民人均可支配收入（元）：青溪区 52,000；青溪街道 54,100", the chart's text alternative. */
    private String summary(String name, String unit, List<String> regionNames, List<Double> values) {
        List<String> parts = new ArrayList<>();
        for (int k = 0; k < regionNames.size(); k++) {
            parts.add(regionNames.get(k) + " " + (values.get(k) == null ? text("dashboard.regions.noValue") : number(values.get(k))));
        }
        return messages.getMessage(unit == null || unit.isBlank() ? "dashboard.regions.summaryNoUnit" : "dashboard.regions.summary",
                new Object[] {name, unit, String.join(text("dashboard.regions.separator"), parts)}, LocaleContextHolder.getLocale());
    }

    /** A value as the page shows it: grouped, at most two decimals; a dash for none. */
    private static String number(Double value) {
        if (value == null) return "\u2014";
        NumberFormat f = NumberFormat.getNumberInstance(LocaleContextHolder.getLocale());
        f.setMaximumFractionDigits(2);
        return f.format(value);
    }

    /** The latest accepted value of each indicator reported below the plan's region, per region, and each indicator's unit. */
    record RegionTable(List<String> indicatorNames, Map<String, String> units, Map<String, Map<String, Double>> latest) {}

    private RegionTable regionTable(Plan p) {
        Map<String, String> names = regions.names();
        Map<String, Map<String, Double>> latest = new LinkedHashMap<>();
        java.util.Set<String> indicatorNames = new java.util.LinkedHashSet<>();
        Map<String, String> units = new LinkedHashMap<>();
        // one row an indicator and region: its latest accepted value
        for (RegionalValue r : indicators.acceptedValuesAcrossRegions(p.id(), p.regionCode())) {
            indicatorNames.add(r.indicatorName());
            if (r.unit() != null && !r.unit().isBlank()) units.put(r.indicatorName(), r.unit());
            latest.computeIfAbsent(names.getOrDefault(r.regionCode(), r.regionCode()), k -> new LinkedHashMap<>())
                    .put(r.indicatorName(), r.value());
        }
        return new RegionTable(List.copyOf(indicatorNames), units, latest);
    }

    /** Every dashboard table as an .xlsx file. */
    @GetMapping("/dashboard/export")
    public ResponseEntity<byte[]> export(@RequestParam long plan, @RequestParam String table,
                                         @RequestParam(required = false) YearMonth month) {
        byte[] file;
        String name;
        switch (table) {
            case "indicators", "lagging" -> {
                PlanEvaluation eval = evaluation.evaluateIndicators(plan, null, month);
                List<List<Object>> rows = new ArrayList<>();
                for (IndicatorEvaluation e : table.equals("lagging") ? eval.mostLagging(Integer.MAX_VALUE) : eval.indicators()) {
                    var a = e.assessment();
                    rows.add(Arrays.asList(e.indicator().domain(), e.indicator().name(), e.indicator().unit(),
                            a.current() == null ? null : a.current().value(), a.goal(), a.targetYear(),
                            a.shownProgress() == null ? null : Math.round(a.shownProgress() * 1000) / 10.0,
                            Math.round(a.expectedProgress() * 1000) / 10.0, statusName(a.status()), reasons.indicator(a)));
                }
                file = TableExport.xlsx(text("export.indicators.sheet"), texts("export.col.domain", "export.col.indicator", "export.col.unit",
                        "export.col.latest", "export.col.goal", "export.col.targetYear", "export.col.progress",
                        "export.col.expectedProgress", "export.col.status", "export.col.reason"), rows);
                name = text(table.equals("lagging") ? "export.lagging.file" : "export.indicators.file");
            }
            case "units" -> {
                List<List<Object>> rows = new ArrayList<>();
                for (UnitRank r : rankings.rank(plan, month)) {
                    rows.add(Arrays.asList(text(r.peerGroup().equals("town") ? "export.group.town" : "export.group.department"), r.result().rank(),
                            r.unitName(), Math.round(r.result().score() * 10) / 10.0, reasons.components(r.result())));
                }
                file = TableExport.xlsx(text("export.units.sheet"), texts("export.col.group", "export.col.rank", "export.col.unitName",
                        "export.col.score", "export.col.components"), rows);
                name = text("export.units.file");
            }
            case "regions" -> {
                RegionTable regionTable = regionTable(plans.get(plan));
                List<String> header = new ArrayList<>(texts("export.col.region"));
                header.addAll(regionTable.indicatorNames());
                List<List<Object>> rows = new ArrayList<>();
                regionTable.latest().forEach((region, values) -> {
                    List<Object> row = new ArrayList<>(List.of(region));
                    regionTable.indicatorNames().forEach(n -> row.add(values.get(n)));
                    rows.add(row);
                });
                file = TableExport.xlsx(text("export.regions.sheet"), header, rows);
                name = text("export.regions.file");
            }
            case "contributions" -> {
                PlanEvaluation eval = evaluation.evaluateIndicators(plan, null, month);
                List<List<Object>> rows = new ArrayList<>();
                if (eval.realization() != null) {
                    eval.realization().contributions().forEach(c -> rows.add(Arrays.asList(c.id(), c.domain(),
                            c.score(), c.weight(), c.contribution(), c.formula())));
                }
                file = TableExport.xlsx(text("export.contributions.sheet"), texts("export.col.indicator", "export.col.domain",
                        "export.col.z", "export.col.weight", "export.col.contribution", "export.col.formula"), rows);
                name = text("export.contributions.file");
            }
            case "tasks" -> {
                List<List<Object>> rows = new ArrayList<>();
                evaluation.evaluate(plan, null, month).tasks().forEach(t -> rows.add(Arrays.asList(t.code(), t.title(),
                        statusName(t.assessment().status()), t.assessment().due(), t.assessment().doneOnTime(),
                        t.assessment().overdue().size(), reasons.task(t.assessment()))));
                file = TableExport.xlsx(text("export.tasks.sheet"), texts("export.col.code", "export.col.task", "export.col.status",
                        "export.col.due", "export.col.doneOnTime", "export.col.overdue", "export.col.reason"), rows);
                name = text("export.tasks.file");
            }
            default -> throw new InvalidParameterException("table", "indicators, lagging, contributions, units, tasks or regions");
        }
        return TableExport.download(name, file);
    }

    /**
     * The month chooser: the month evaluated, the one asked for (kept on the tabs' links), and the months one may
     * choose, from the plan's first to its default (this month, or the last month of a plan that has ended).
     */
    private void addMonthChoice(Model model, PlanEvaluation eval, YearMonth asked) {
        YearMonth latest = evaluation.defaultMonth(eval.plan());
        model.addAttribute("month", asked);
        model.addAttribute("firstMonth", YearMonth.of(eval.plan().startYear(), 1));
        model.addAttribute("lastMonth", latest.isBefore(eval.asOf()) ? eval.asOf() : latest);
        model.addAttribute("planEnded", YearMonth.now(clock).isAfter(YearMonth.of(eval.plan().endYear(), 12)));
    }

    private String statusName(Status s) {
        return text("status." + s.name());
    }

    private String text(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }

    /** Column headers of an export, in the request's language. */
    private List<String> texts(String... keys) {
        return Arrays.stream(keys).map(this::text).toList();
    }

    private String write(Object option) {
        return json.writeValueAsString(option);
    }

}
