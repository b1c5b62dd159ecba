package cn.gongfu.plan;

import cn.gongfu.indicator.IndicatorService;
import cn.gongfu.indicator.IndicatorService.IndicatorSpec;
import cn.gongfu.indicator.IndicatorService.NewObservation;
import cn.gongfu.indicator.IndicatorService.NewTarget;
import cn.gongfu.indicator.StoredNumber;
import cn.gongfu.kernel.BundleText;
import cn.gongfu.plan.PlanDraft.IndicatorDraft;
import cn.gongfu.plan.PlanDraft.MilestoneDraft;
import cn.gongfu.plan.PlanDraft.ObservationDraft;
import cn.gongfu.plan.PlanDraft.SectionDraft;
import cn.gongfu.plan.PlanDraft.TargetDraft;
import cn.gongfu.plan.PlanDraft.TaskDraft;
import cn.gongfu.region.RegionService;
import cn.gongfu.unit.UnitService;
import cn.gongfu.vocabulary.MeasureUnits;
import cn.gongfu.vocabulary.Periods;
import cn.gongfu.vocabulary.Polarity;
import cn.gongfu.vocabulary.TargetComparator;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores a whole {@link PlanDraft} in one transaction: the plan, its sections, tasks with their units and
 * milestones, indicators and targets. Everything is checked first; a draft with any problem stores nothing.
 * A stored plan is published (plans are stored published), and {@link PlanPublished} says so in the same transaction.
 */
@Service
public class PlanWriter {

    /** task.lead_officials (V17): the names joined by 、. */
    static final int LEAD_OFFICIALS_LENGTH = 1000;
    private static final List<String> KINDS = List.of("action_plan", "work_points", "special_plan", "implementation");
    static final List<String> CATEGORIES =
            List.of("measure", "goal", "key_work", "major_reform", "signature_result", "project");

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final RegionService regions;
    private final UnitService units;
    private final IndicatorService indicators;
    private final ApplicationEventPublisher events;

    public PlanWriter(JdbcClient jdbc, JdbcTemplate batch, RegionService regions, UnitService units,
                      IndicatorService indicators, ApplicationEventPublisher events) {
        this.events = events;
        this.jdbc = jdbc;
        this.batch = batch;
        this.regions = regions;
        this.units = units;
        this.indicators = indicators;
    }

    /** Stores the draft and returns the new plan's id; throws {@link DraftException} naming every problem. */
    @Transactional
    public long create(PlanDraft draft) {
        return create(draft, null, null);
    }

    /**
     * Stores an imported draft with the document it came from and, for a new version of a plan, the plan
     * it replaces (which stays as it is).
     */
    @Transactional
    public long create(PlanDraft draft, SourceFile source, Long previousPlanId) {
        Map<String, Long> unitIds = checkAndResolveUnits(draft);
        long planId = insertPlan(draft, source, previousPlanId);
        if (source != null) {
            jdbc.sql("insert into plan_source (plan_id, content_type, content) values (:plan, :type, :content)")
                    .param("plan", planId).param("type", source.contentType()).param("content", source.content())
                    .update();
        }
        Map<String, Long> sectionIds = insertSections(planId, draft.sections());
        List<Long> taskIds = insertTasks(planId, draft.tasks(), sectionIds);
        insertTaskUnits(draft.tasks(), taskIds, unitIds);
        insertMilestones(draft.tasks(), taskIds);
        insertIndicatorsAndTargets(planId, draft, taskIds, unitIds);
        events.publishEvent(new PlanPublished(planId, draft.regionCode(), draft.title(), previousPlanId));
        return planId;
    }

    private Map<String, Long> checkAndResolveUnits(PlanDraft d) {
        List<String> problems = new ArrayList<>();
        if (d.title() == null || d.title().isBlank()) problems.add("title: required");
        if (d.regionCode() == null || regions.find(d.regionCode()).isEmpty()) {
            problems.add("regionCode: unknown region " + d.regionCode());
        }
        if (d.endYear() < d.startYear()) problems.add("endYear: " + d.endYear() + " is before startYear " + d.startYear());
        if (!KINDS.contains(d.kind())) problems.add("kind: must be one of " + KINDS);

        Set<String> sectionKeys = new HashSet<>();
        for (int i = 0; i < d.sections().size(); i++) {
            SectionDraft s = d.sections().get(i);
            if (s.parentKey() != null && !sectionKeys.contains(s.parentKey())) {
                problems.add("sections[" + i + "].parentKey: " + s.parentKey() + " is not a section listed before it");
            }
            if (!sectionKeys.add(s.key())) problems.add("sections[" + i + "].key: " + s.key() + " appears twice");
        }
        Set<String> codes = new HashSet<>();
        Set<String> unitNames = new LinkedHashSet<>();
        for (int i = 0; i < d.tasks().size(); i++) {
            TaskDraft t = d.tasks().get(i);
            String at = "tasks[" + i + "] (" + t.code() + ")";
            if (!codes.add(t.list() + "/" + t.code())) problems.add(at + ".code: appears twice in list " + t.list());
            if (t.sectionKey() != null && !sectionKeys.contains(t.sectionKey())) {
                problems.add(at + ".sectionKey: unknown section " + t.sectionKey());
            }
            if (!CATEGORIES.contains(t.category())) problems.add(at + ".category: must be one of " + CATEGORIES);
            unitNames.addAll(t.leadUnits());
            unitNames.addAll(t.coUnits());
            if (String.join(TaskInput.LIST_SEPARATOR, t.leadOfficials()).length() > LEAD_OFFICIALS_LENGTH) {
                problems.add(at + ".leadOfficials: longer than " + LEAD_OFFICIALS_LENGTH + " characters together");
            }
            for (int m = 0; m < t.milestones().size(); m++) {
                MilestoneDraft ms = t.milestones().get(m);
                if (!Periods.isMonth(ms.from()) || !Periods.isMonth(ms.to()) || ms.to().compareTo(ms.from()) < 0) {
                    problems.add(at + ".milestones[" + m + "]: months must be YYYY-MM with from ≤ to, got " + ms.from() + " – " + ms.to());
                }
            }
        }
        for (IndicatorDraft ind : d.indicators()) {
            if (ind.responsibleUnit() != null) unitNames.add(ind.responsibleUnit());
        }
        problems.addAll(targetProblems(d));
        Map<String, Long> resolved = d.regionCode() == null ? Map.of() : units.resolve(d.regionCode(), unitNames);
        unitNames.stream().filter(n -> !resolved.containsKey(n))
                .forEach(n -> problems.add("unit: " + n + " is not a known unit or alias in region " + d.regionCode()));
        if (!problems.isEmpty()) throw new DraftException(problems);
        return resolved;
    }

    /**
     * What is wrong with the draft's targets, each problem naming its place: an unknown comparator, numbers the
     * comparator needs but lacks ({@link TargetComparator#isSatisfiedBy}), a number that cannot be stored exactly.
     * The import review shows the same problems before the office publishes.
     */
    public static List<String> targetProblems(PlanDraft d) {
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < d.tasks().size(); i++) {
            TaskDraft t = d.tasks().get(i);
            checkTargets("tasks[" + i + "] (" + t.code() + ")", t.targets(), problems);
        }
        for (int i = 0; i < d.indicators().size(); i++) {
            IndicatorDraft ind = d.indicators().get(i);
            checkTargets("indicators[" + i + "] (" + ind.name() + ")", ind.targets(), problems);
        }
        return problems;
    }

    private static void checkTargets(String at, List<TargetDraft> targets, List<String> problems) {
        for (int k = 0; k < targets.size(); k++) {
            TargetDraft t = targets.get(k);
            String where = at + ".targets[" + k + "]";
            if (t.indicator() == null || t.indicator().isBlank()) problems.add(where + ".indicator: required");
            if (!TargetComparator.isCode(t.comparator())) {
                problems.add(where + ".comparator: must be one of " + TargetComparator.codes());
            } else {
                TargetComparator comparator = TargetComparator.fromCode(t.comparator());
                if (!comparator.isSatisfiedBy(t.value(), t.min(), t.max())) {
                    problems.add(where + ": comparator " + t.comparator() + " needs " + comparator.needs());
                }
            }
            storable(where + ".value", t.value(), problems);
            storable(where + ".min", t.min(), problems);
            storable(where + ".max", t.max(), problems);
        }
    }

    /** Targets are numeric(24, 6), like the values reported against them: stored exactly, or the draft is refused. */
    private static void storable(String where, BigDecimal n, List<String> problems) {
        String problem = StoredNumber.problem(n);
        if (problem != null) problems.add(where + ": " + problem);
    }

    private long insertPlan(PlanDraft d, SourceFile source, Long previousPlanId) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into plan (title, region_code, issuer, start_year, end_year, kind, state,
                                  source_name, source_sha256, previous_plan_id, doc_number, index_number, issued_on)
                values (:title, :region, :issuer, :start, :end, :kind, 'published', :sourceName, :sha, :previous,
                        :docNumber, :indexNumber, :issuedOn)""")
                .param("title", d.title()).param("region", d.regionCode()).param("issuer", d.issuer())
                .param("docNumber", d.publication().docNumber(), Types.VARCHAR)
                .param("indexNumber", d.publication().indexNumber(), Types.VARCHAR)
                .param("issuedOn", d.publication().issuedOn(), Types.DATE)
                .param("start", d.startYear()).param("end", d.endYear()).param("kind", d.kind())
                .param("sourceName", source == null ? null : source.name())
                .param("sha", source == null ? null : source.sha256())
                .param("previous", previousPlanId, Types.BIGINT)
                .update(key, "id");
        return key.getKey().longValue();
    }

    /** Sections go in one at a time because each child needs its parent's generated id; plans have tens of them. */
    private Map<String, Long> insertSections(long planId, List<SectionDraft> sections) {
        Map<String, Long> ids = new HashMap<>();
        for (int i = 0; i < sections.size(); i++) {
            SectionDraft s = sections.get(i);
            GeneratedKeyHolder key = new GeneratedKeyHolder();
            jdbc.sql("insert into section (plan_id, parent_id, label, title, position) values (:plan, :parent, :label, :title, :pos)")
                    .param("plan", planId).param("parent", s.parentKey() == null ? null : ids.get(s.parentKey()), Types.BIGINT)
                    .param("label", s.label()).param("title", s.title()).param("pos", i)
                    .update(key, "id");
            ids.put(s.key(), key.getKey().longValue());
        }
        return ids;
    }

    private List<Long> insertTasks(long planId, List<TaskDraft> tasks, Map<String, Long> sectionIds) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        batch.batchUpdate(con -> con.prepareStatement("""
                insert into task (plan_id, section_id, list_name, code, category, group_name, title, body,
                                  target_system, work_system, policy_system, evaluation_system, position, lead_officials)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", new String[] {"id"}),
                new BatchPreparedStatementSetter() {
                    @Override
                    public void setValues(PreparedStatement ps, int i) throws SQLException {
                        TaskDraft t = tasks.get(i);
                        ps.setLong(1, planId);
                        ps.setObject(2, t.sectionKey() == null ? null : sectionIds.get(t.sectionKey()), Types.BIGINT);
                        ps.setString(3, t.list() == null ? "main" : t.list());
                        ps.setString(4, t.code());
                        ps.setString(5, t.category());
                        ps.setString(6, t.group());
                        ps.setString(7, t.title());
                        ps.setString(8, t.text());
                        ps.setString(9, t.targetSystem());
                        ps.setString(10, t.workSystem());
                        ps.setString(11, t.policySystem());
                        ps.setString(12, t.evaluationSystem());
                        ps.setInt(13, i);
                        ps.setString(14, t.leadOfficials().isEmpty() ? null : String.join(TaskInput.LIST_SEPARATOR, t.leadOfficials()));
                    }

                    @Override
                    public int getBatchSize() {
                        return tasks.size();
                    }
                }, keys);
        return keys.getKeyList().stream().map(k -> ((Number) k.values().iterator().next()).longValue()).toList();
    }

    private void insertTaskUnits(List<TaskDraft> tasks, List<Long> taskIds, Map<String, Long> unitIds) {
        record Row(long taskId, long unitId, String role, int position) {}
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < tasks.size(); i++) {
            TaskDraft t = tasks.get(i);
            Set<Long> seen = new HashSet<>();
            int position = 0;
            for (String name : t.leadUnits()) {
                if (seen.add(unitIds.get(name))) rows.add(new Row(taskIds.get(i), unitIds.get(name), "lead", position++));
            }
            for (String name : t.coUnits()) {
                if (seen.add(unitIds.get(name))) rows.add(new Row(taskIds.get(i), unitIds.get(name), "co", position++));
            }
        }
        batch.batchUpdate("insert into task_unit (task_id, unit_id, role, position) values (?, ?, ?, ?)",
                rows, rows.size(), (ps, r) -> {
                    ps.setLong(1, r.taskId());
                    ps.setLong(2, r.unitId());
                    ps.setString(3, r.role());
                    ps.setInt(4, r.position());
                });
    }

    private void insertMilestones(List<TaskDraft> tasks, List<Long> taskIds) {
        record Row(long taskId, MilestoneDraft m) {}
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < tasks.size(); i++) {
            for (MilestoneDraft m : tasks.get(i).milestones()) rows.add(new Row(taskIds.get(i), m));
        }
        batch.batchUpdate("insert into milestone (task_id, from_month, to_month, text) values (?, ?, ?, ?)",
                rows, rows.size(), (ps, r) -> {
                    ps.setLong(1, r.taskId());
                    ps.setString(2, r.m().from());
                    ps.setString(3, r.m().to());
                    ps.setString(4, r.m().text());
                });
    }

    private void insertIndicatorsAndTargets(long planId, PlanDraft d, List<Long> taskIds, Map<String, Long> unitIds) {
        List<IndicatorSpec> specs = new ArrayList<>();
        for (IndicatorDraft ind : d.indicators()) {
            specs.add(new IndicatorSpec(ind.code(), ind.name(), ind.unit(), ind.polarity(), ind.cumulative(),
                    ind.domain(), ind.responsibleUnit() == null ? null : unitIds.get(ind.responsibleUnit()),
                    ind.dataSource()));
        }
        // Targets named only inside a task's text become indicators of their own, polarity read off the comparator,
        // and what the text does not say comes from the task: its action (the top section) as the domain, its
        // first lead unit as the responsible unit. Whatever is still missing the indicator list flags.
        Map<String, SectionDraft> sections = new HashMap<>();
        d.sections().forEach(s -> sections.put(s.key(), s));
        for (TaskDraft task : d.tasks()) {
            Long lead = task.leadUnits().isEmpty() ? null : unitIds.get(task.leadUnits().get(0));
            String domain = topSectionTitle(sections, task.sectionKey());
            task.targets().forEach(t -> specs.add(new IndicatorSpec(null, t.indicator(), MeasureUnits.clean(t.unit()),
                    Polarity.impliedBy(TargetComparator.fromCode(t.comparator())).code(), false, domain, lead, null)));
        }
        Map<String, Long> indicatorIds = indicators.ensure(d.regionCode(), specs);

        List<NewTarget> targets = new ArrayList<>();
        for (IndicatorDraft ind : d.indicators()) {
            ind.targets().forEach(t -> targets.add(newTarget(indicatorIds.get(ind.name()), d.regionCode(), t, planId, null)));
        }
        for (int i = 0; i < d.tasks().size(); i++) {
            long taskId = taskIds.get(i);
            d.tasks().get(i).targets().forEach(t ->
                    targets.add(newTarget(indicatorIds.get(t.indicator()), d.regionCode(), t, planId, taskId)));
        }
        indicators.addTargets(targets);

        // The base year's values the plan states become observations, so evaluation finds its baseline; a value
        // already reported for that year stays as it is.
        List<NewObservation> observed = new ArrayList<>();
        for (IndicatorDraft ind : d.indicators()) {
            for (ObservationDraft o : ind.observations()) {
                if (o.value() != null) {
                    observed.add(new NewObservation(indicatorIds.get(ind.name()), d.regionCode(), o.period(), o.value(),
                            "approved", "import", BundleText.joined(" / ", "plan.observation.fromImport", o.text())));
                }
            }
        }
        indicators.addObservationsIfAbsent(observed);
    }

    /** The title of the top-level section (the action, 攻坚行动) a section lies in; null for a task outside any. */
    private static String topSectionTitle(Map<String, SectionDraft> sections, String key) {
        SectionDraft s = key == null ? null : sections.get(key);
        // a section's parent comes before it (checked above), so the walk ends; the bound only guards it
        for (int depth = 0; s != null && s.parentKey() != null && sections.containsKey(s.parentKey()) && depth < 20; depth++) {
            s = sections.get(s.parentKey());
        }
        return s == null || s.title() == null || s.title().isBlank() ? null : s.title().strip();
    }

    private static NewTarget newTarget(long indicatorId, String region, TargetDraft t, long planId, Long taskId) {
        return new NewTarget(indicatorId, region, t.year(), t.comparator(), t.value(), t.min(), t.max(),
                MeasureUnits.clean(t.unit()), t.text(), planId, taskId);
    }
}
