package cn.gongfu.evaluation.ranking;

import cn.gongfu.audit.AuditLog;
import cn.gongfu.evaluation.EvaluationService;
import cn.gongfu.evaluation.EvaluationService.IndicatorEvaluation;
import cn.gongfu.evaluation.EvaluationService.PlanEvaluation;
import cn.gongfu.evaluation.EvaluationService.TaskEvaluation;
import cn.gongfu.evaluation.method.Milestone;
import cn.gongfu.evaluation.method.Status;
import cn.gongfu.evaluation.method.UnitScore;
import cn.gongfu.evaluation.method.UnitScore.UnitInput;
import cn.gongfu.evaluation.method.UnitScore.UnitResult;
import cn.gongfu.kernel.InvalidParameterException;
import cn.gongfu.kernel.NotFoundException;
import cn.gongfu.kernel.Role;
import cn.gongfu.kernel.Scope;
import cn.gongfu.kernel.Where;
import cn.gongfu.plan.Plan;
import cn.gongfu.plan.PlanService;
import cn.gongfu.reporting.ConflictException;
import cn.gongfu.reporting.ReportingRecords;
import cn.gongfu.reporting.ReportingRecords.PlanRecord;
import cn.gongfu.reporting.ReportingRecords.UnitRecord;
import cn.gongfu.vocabulary.Periods;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Unit scores and rankings (赛马) by peer group — departments, and towns and streets — from indicator
 * achievement, milestone timeliness, reporting timeliness and reporting quality; and the snapshots the
 * office publishes (晾晒), which stay exactly as published.
 */
@Service
public class RankingService {

    private final JdbcClient jdbc;
    private final EvaluationService evaluation;
    private final ReportingRecords reportingRecords;
    private final PlanService plans;
    private final AuditLog audit;
    private final java.time.Clock clock;
    private final org.springframework.beans.factory.ObjectProvider<cn.gongfu.evaluation.IssueRecord> issues;

    public RankingService(JdbcClient jdbc, EvaluationService evaluation, ReportingRecords reportingRecords, PlanService plans,
                          AuditLog audit, org.springframework.beans.factory.ObjectProvider<cn.gongfu.evaluation.IssueRecord> issues,
                          java.time.Clock clock) {
        this.clock = clock;
        this.issues = issues;
        this.plans = plans;
        this.jdbc = jdbc;
        this.evaluation = evaluation;
        this.reportingRecords = reportingRecords;
        this.audit = audit;
    }

    /** A unit's place: its score, the components behind it, and its rank among its peers. */
    public record UnitRank(long unitId, String unitName, String peerGroup, UnitResult result) {}

    /**
     * Live ranking of the units working on a plan, as of a month, as the caller may see it. Every unit is
     * scored, since a rank depends on all of them; a reporter or unit head gets only its own units' rows
     * (a score is made of the unit's milestones and reports), everyone else every row. Published rankings
     * ({@link #published}) show every unit.
     */
    public List<UnitRank> rank(long planId, YearMonth asOf) {
        Scope scope = Scope.current();
        return rank(evaluation.evaluateEveryUnit(planId, asOf)).stream().filter(r -> scope.coversUnit(r.unitId())).toList();
    }

    /**
     * What a unit's page shows: its rank, the indicators it answers for and the tasks it leads, from one evaluation
     * of the plan over every unit. Empty when the unit has no rank in the plan, or lies outside the caller's units
     * (reporters and unit heads see only their own); the tasks it leads are then all within the caller's scope.
     */
    public record UnitStanding(Plan plan, UnitRank rank, List<IndicatorEvaluation> indicators, List<TaskEvaluation> ledTasks) {}

    public Optional<UnitStanding> standing(long planId, long unitId, YearMonth asOf) {
        if (!Scope.current().coversUnit(unitId)) return Optional.empty();
        PlanEvaluation eval = evaluation.evaluateEveryUnit(planId, asOf);
        return rank(eval).stream().filter(r -> r.unitId() == unitId).findFirst().map(rank -> {
            Set<Long> led = plans.tasksLedBy(planId, unitId);
            return new UnitStanding(eval.plan(), rank,
                    eval.indicators().stream().filter(e -> Long.valueOf(unitId).equals(e.indicator().responsibleUnitId())).toList(),
                    eval.tasks().stream().filter(t -> led.contains(t.taskId())).toList());
        });
    }

    /**
     * Every unit's rank, from an evaluation with the tasks of every unit ({@link EvaluationService#evaluateEveryUnit}),
     * so the plan is not evaluated twice; the caller shows only the rows the scope covers.
     */
    private List<UnitRank> rank(PlanEvaluation eval) {
        List<ScoredUnit> scored = inputs(eval);
        Map<Long, ScoredUnit> byId = new HashMap<>();
        scored.forEach(u -> byId.put(u.unitId(), u));
        return UnitScore.rank(scored.stream().map(ScoredUnit::input).toList()).stream().map(r -> {
            ScoredUnit u = byId.get(Long.parseLong(r.unitId()));
            return new UnitRank(u.unitId(), u.unitName(), r.peerGroup(), r);
        }).toList();
    }

    /**
     * A unit as the ranking scores it: its inputs to {@link UnitScore} (peer group by its kind) and the counts behind
     * them that the assessment (考核) deducts for: reports not submitted by their due date, reports returned.
     */
    public record ScoredUnit(long unitId, String unitName, String kind, String regionCode, UnitInput input,
                             long overdueReports, long returnedReports) {}

    /**
     * The units of a plan with their scoring inputs as of a month, every unit whatever the caller's scope (a rank
     * depends on all of them): what the assessment scores with its office's rule. Units with nothing to be scored on
     * are left out, as in the ranking.
     */
    public List<ScoredUnit> inputs(long planId, YearMonth asOf) {
        return inputs(evaluation.evaluateEveryUnit(planId, asOf));
    }

    private List<ScoredUnit> inputs(PlanEvaluation eval) {
        long planId = eval.plan().id();
        record Unit(long id, String name, String kind, String region) {}
        Map<Long, Unit> units = new LinkedHashMap<>();
        jdbc.sql("""
                select distinct u.id, u.name, u.kind, u.region_code from task_unit tu join task t on t.id = tu.task_id
                join unit u on u.id = tu.unit_id where t.plan_id = :p order by u.id""").param("p", planId)
                .query((rs, i) -> new Unit(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4))).list()
                .forEach(u -> units.put(u.id(), u));
        if (units.isEmpty()) return List.of();

        // indicator achievement: the share of the unit's indicators achieved or on track
        Map<Long, int[]> indicatorCounts = new HashMap<>();
        for (IndicatorEvaluation e : eval.indicators()) {
            Long unit = e.indicator().responsibleUnitId();
            if (unit == null) continue;
            int[] c = indicatorCounts.computeIfAbsent(unit, k -> new int[2]);
            c[1]++;
            if (GOOD.contains(e.assessment().status())) c[0]++;
        }
        // milestone timeliness: of the milestones due on tasks the unit leads, the share done on time
        Map<Long, Long> taskLead = new HashMap<>();
        jdbc.sql("select tu.task_id, tu.unit_id from task_unit tu join task t on t.id = tu.task_id where t.plan_id = :p and tu.role = 'lead'")
                .param("p", planId).query(rs -> {
                    taskLead.putIfAbsent(rs.getLong(1), rs.getLong(2));
                });
        Map<Long, int[]> milestoneCounts = new HashMap<>();
        eval.tasks().forEach(t -> {
            Long unit = taskLead.get(t.taskId());
            if (unit == null) return;
            for (Milestone m : t.milestones()) {
                if (!m.isDueBy(eval.asOf())) continue;
                int[] c = milestoneCounts.computeIfAbsent(unit, k -> new int[2]);
                c[1]++;
                if (m.isDoneOnTime()) c[0]++;
            }
        });
        // reporting timeliness and quality over the periods due so far, as reporting counts them
        PlanRecord reports = reportingRecords.ofPlan(planId);
        long periodsDue = reports.periodsDue();
        // 问题整改: the units' overdue issues as the issue register counts them, when there is one (else not scored)
        cn.gongfu.evaluation.IssueRecord issueRecord = issues.getIfAvailable();
        Map<Long, Integer> overdueIssues = issueRecord == null ? Map.of()
                : issueRecord.overdueIssuesByUnit(planId, eval.asOf().atEndOfMonth());

        List<ScoredUnit> scored = new ArrayList<>();
        for (Unit u : units.values()) {
            int[] ic = indicatorCounts.get(u.id());
            int[] mc = milestoneCounts.get(u.id());
            UnitRecord rc = reports.of(u.id());
            UnitInput in = new UnitInput(String.valueOf(u.id()), peerGroup(u.kind()),
                    ic == null ? null : (double) ic[0] / ic[1],
                    mc == null ? null : (double) mc[0] / mc[1],
                    periodsDue == 0 ? null : Math.min(1.0, (double) rc.submittedOnTime() / periodsDue),
                    rc.submitted() == 0 ? null : Math.max(0, 1 - (double) rc.returned() / rc.submitted()),
                    overdueIssues.get(u.id()));
            boolean nothing = in.indicatorAchievement() == null && in.milestoneTimeliness() == null && in.reportingTimeliness() == null
                    && in.reportingQuality() == null;
            // a unit without items of its own scores full marks on 问题整改 once the plan has any, but is not ranked for that alone
            if (!overdueIssues.isEmpty() && in.overdueIssues() == null && !nothing) {
                in = new UnitInput(in.unitId(), in.peerGroup(), in.indicatorAchievement(), in.milestoneTimeliness(),
                        in.reportingTimeliness(), in.reportingQuality(), 0);
            }
            // a unit with nothing to be scored on (no indicator, no milestone due, no report owed — a plan without a
            // calendar, early on) cannot be ranked; it is left out rather than failing the whole ranking
            if (nothing && in.overdueIssues() == null) continue;
            scored.add(new ScoredUnit(u.id(), u.name(), u.kind(), u.region(), in, Math.max(0, periodsDue - rc.submittedOnTime()),
                    rc.returned()));
        }
        return scored;
    }

    /** The statuses that count as achieving an indicator. */
    private static final Set<Status> GOOD = Set.of(Status.ACHIEVED, Status.ON_TRACK);

    private static BigDecimal round(double x) {
        return BigDecimal.valueOf(x).setScale(2, RoundingMode.HALF_UP);
    }

    static String peerGroup(String unitKind) {
        return "town".equals(unitKind) ? "town" : "department";
    }

    // ---- published snapshots (晾晒)

    /** {@code revision} is 1 as first published, one more each time an appeal's decision revised it. */
    public record Snapshot(long id, String regionCode, String peerGroup, String period, String method, String publishedBy,
                           LocalDateTime publishedAt, List<Entry> entries, int revision, LocalDateTime revisedAt,
                           String revisionNote) {}

    /**
     * One unit of a published ranking: its rank, score and the share (0–1) of each score component
     * ({@code UnitScore.Component} names) as published.
     */
    public record Entry(long unitId, String unitName, int rank, double score, Map<String, Double> components) {}

    /** The components as stored with a published entry: {@code {"INDICATOR_ACHIEVEMENT":0.4286,…}}, shares to 4 places. */
    static String storedComponents(Map<UnitScore.Component, Double> components) {
        return components.entrySet().stream()
                .map(c -> "\"" + c.getKey().name() + "\":" + String.format(java.util.Locale.ROOT, "%.4f", c.getValue()))
                .collect(Collectors.joining(",", "{", "}"));
    }

    /**
     * The components of a stored entry, in their order; reads what {@link #storedComponents} writes and what entries
     * published before it hold (a map's text, {@code {INDICATOR_ACHIEVEMENT=1.0, …}}). A part it cannot read is skipped.
     */
    static Map<String, Double> readComponents(String stored) {
        Map<String, Double> components = new LinkedHashMap<>();
        if (stored == null) return components;
        String body = stored.strip().replaceAll("^\\{|\\}$", "");
        for (String part : body.split(",")) {
            String[] kv = part.split("[=:]", 2);
            if (kv.length != 2) continue;
            try {
                components.put(kv[0].strip().replace("\"", ""), Double.parseDouble(kv[1].strip()));
            } catch (NumberFormatException unreadable) {
                // a part that is no number is left out rather than shown wrong
            }
        }
        return components;
    }

    /** Publishes the live ranking of a plan's units for a period; a published period is never overwritten. */
    @Transactional
    public List<Snapshot> publish(long planId, String period) {
        Scope scope = Scope.current();
        scope.require(Role.OFFICE, Role.ADMIN);
        if (!Periods.valid(period)) throw new InvalidParameterException("period", "a period such as 2025 or 2025Q4");
        PlanEvaluation eval = evaluation.evaluateEveryUnit(planId, YearMonth.from(Periods.lastDay(period)));
        List<UnitRank> ranks = rank(eval);
        String region = eval.regionCode();
        List<Snapshot> published = new ArrayList<>();
        Map<String, List<UnitRank>> byGroup = ranks.stream().collect(Collectors.groupingBy(UnitRank::peerGroup, LinkedHashMap::new, Collectors.toList()));
        for (var group : byGroup.entrySet()) {
            boolean exists = jdbc.sql("select count(*) from ranking_snapshot where region_code = :r and peer_group = :g and period = :p")
                    .param("r", region).param("g", group.getKey()).param("p", period).query(Long.class).single() > 0;
            if (exists) {
                throw new ConflictException("the " + group.getKey() + " ranking for " + period
                        + " is already published and stays as published", null);
            }
            GeneratedKeyHolder key = new GeneratedKeyHolder();
            jdbc.sql("""
                    insert into ranking_snapshot (region_code, peer_group, period, method, published_by)
                    values (:r, :g, :p, :m, :by)""")
                    .param("r", region).param("g", group.getKey()).param("p", period)
                    .param("m", "weights " + UnitScore.DEFAULT_WEIGHTS + "; missing components rescaled; ties share a rank")
                    .param("by", scope.user().username()).update(key, "id");
            long id = key.getKey().longValue();
            for (UnitRank r : group.getValue()) {
                jdbc.sql("""
                        insert into ranking_entry (snapshot_id, unit_id, unit_name, rank, score, components)
                        values (:s, :u, :n, :rank, :score, :c)""")
                        .param("s", id).param("u", r.unitId()).param("n", r.unitName()).param("rank", r.result().rank())
                        .param("score", round(r.result().score())).param("c", storedComponents(r.result().components()))
                        .update();
            }
            audit.record("ranking.publish", "ranking_snapshot:" + id, null, group.getKey() + " " + period);
            published.add(snapshot(id));
        }
        return published;
    }

    /**
     * Published snapshots of a region (all when null) within the caller's regions, newest first, with every
     * unit: published for everyone to see (the public view shows those of published plans).
     */
    public List<Snapshot> published(String regionCode) {
        Where where = Scope.current().restrictRegion(new Where().and("region_code = :r", "r", regionCode), "region_code");
        List<Long> ids = jdbc.sql("select id from ranking_snapshot" + where.sql() + " order by published_at desc, id desc")
                .params(where.params()).query(Long.class).list();
        return ids.stream().map(this::snapshot).toList();
    }

    /** One snapshot; its region was checked by the caller. */
    private Snapshot snapshot(long id) {
        record Head(long id, String region, String group, String period, String method, String by, LocalDateTime at, int revision,
                    LocalDateTime revisedAt, String note) {}
        Head h = jdbc.sql("""
                        select id, region_code, peer_group, period, method, published_by, published_at, revision, revised_at, revision_note
                        from ranking_snapshot where id = :id""")
                .param("id", id).query((rs, i) -> new Head(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getObject(7, LocalDateTime.class), rs.getInt(8),
                        rs.getObject(9, LocalDateTime.class), rs.getString(10)))
                .optional().orElseThrow(() -> new NotFoundException("ranking", id));
        List<Entry> entries = jdbc.sql("select unit_id, unit_name, rank, score, components from ranking_entry where snapshot_id = :id order by rank, unit_name")
                .param("id", id).query((rs, i) -> new Entry(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getDouble(4), readComponents(rs.getString(5))))
                .list();
        return new Snapshot(h.id(), h.region(), h.group(), h.period(), h.method(), h.by(), h.at(), entries, h.revision(),
                h.revisedAt(), h.note());
    }

    /** One unit's line as the assessment (考核) publishes it: its rank and total, and the shares of its components. */
    public record ScoreLine(long unitId, String unitName, int rank, double score, Map<UnitScore.Component, Double> components) {}

    /** Whether a region's ranking of a period is published (in any peer group). */
    public boolean isPublished(String regionCode, String period) {
        return jdbc.sql("select count(*) from ranking_snapshot where region_code = :r and period = :p")
                .param("r", regionCode).param("p", period).query(Long.class).single() > 0;
    }

    /**
     * Publishes the assessment's scores of a region's period by peer group (晾晒); a group already published is revised
     * instead: its entries as they stood are kept in {@code ranking_entry_revision}, it gets the new ones, one more
     * revision and {@code note} (why: an appeal decided, the assessment published). Audited either way.
     */
    @Transactional
    public List<Snapshot> publishScores(String regionCode, String period, String method, Map<String, List<ScoreLine>> byGroup,
                                        String note) {
        Scope scope = Scope.current();
        scope.require(Role.OFFICE, Role.ADMIN);
        if (!Periods.valid(period)) throw new InvalidParameterException("period", "a period such as 2025 or 2025Q4");
        List<Snapshot> out = new ArrayList<>();
        for (var group : byGroup.entrySet()) {
            Optional<Long> existing = jdbc.sql("select id from ranking_snapshot where region_code = :r and peer_group = :g and period = :p")
                    .param("r", regionCode).param("g", group.getKey()).param("p", period).query(Long.class).optional();
            long id;
            if (existing.isPresent()) {
                id = existing.get();
                int revision = jdbc.sql("select revision from ranking_snapshot where id = :id").param("id", id).query(Integer.class).single();
                jdbc.sql("""
                        insert into ranking_entry_revision (snapshot_id, revision, unit_id, unit_name, rank, score, components)
                        select snapshot_id, :rev, unit_id, unit_name, rank, score, components from ranking_entry where snapshot_id = :id""")
                        .param("rev", revision).param("id", id).update();
                jdbc.sql("delete from ranking_entry where snapshot_id = :id").param("id", id).update();
                jdbc.sql("update ranking_snapshot set revision = :rev, revised_at = :at, revision_note = :note, method = :m where id = :id")
                        .param("rev", revision + 1).param("at", LocalDateTime.now(clock)).param("note", note).param("m", method)
                        .param("id", id).update();
                audit.record("ranking.revise", "ranking_snapshot:" + id, "revision " + revision, "revision " + (revision + 1) + ": " + note);
            } else {
                GeneratedKeyHolder key = new GeneratedKeyHolder();
                jdbc.sql("insert into ranking_snapshot (region_code, peer_group, period, method, published_by) values (:r, :g, :p, :m, :by)")
                        .param("r", regionCode).param("g", group.getKey()).param("p", period).param("m", method)
                        .param("by", scope.user().username()).update(key, "id");
                id = key.getKey().longValue();
                audit.record("ranking.publish", "ranking_snapshot:" + id, null, group.getKey() + " " + period + ": " + note);
            }
            for (ScoreLine l : group.getValue()) {
                jdbc.sql("""
                        insert into ranking_entry (snapshot_id, unit_id, unit_name, rank, score, components)
                        values (:s, :u, :n, :rank, :score, :c)""")
                        .param("s", id).param("u", l.unitId()).param("n", l.unitName()).param("rank", l.rank())
                        .param("score", round(l.score())).param("c", storedComponents(l.components())).update();
            }
            out.add(snapshot(id));
        }
        return out;
    }
}
