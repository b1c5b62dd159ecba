package cn.gongfu.evaluation;

import cn.gongfu.audit.AuditLog;
import cn.gongfu.evaluation.EvaluationService.IndicatorEvaluation;
import cn.gongfu.evaluation.EvaluationService.PlanEvaluation;
import cn.gongfu.evaluation.method.Milestone;
import cn.gongfu.evaluation.method.UnitScore;
import cn.gongfu.evaluation.method.UnitScore.UnitInput;
import cn.gongfu.evaluation.method.UnitScore.UnitResult;
import cn.gongfu.kernel.InvalidParameterException;
import cn.gongfu.kernel.NotFoundException;
import cn.gongfu.kernel.Role;
import cn.gongfu.kernel.Scope;
import cn.gongfu.kernel.Where;
import cn.gongfu.reporting.ReportCalendar;
import cn.gongfu.reporting.ReportCalendarService;
import cn.gongfu.vocabulary.Periods;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    private final ReportCalendarService calendars;
    private final AuditLog audit;

    public RankingService(JdbcClient jdbc, EvaluationService evaluation, ReportCalendarService calendars, AuditLog audit) {
        this.jdbc = jdbc;
        this.evaluation = evaluation;
        this.calendars = calendars;
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
     * Every unit's rank, from an evaluation with the tasks of every unit ({@link EvaluationService#evaluateEveryUnit}),
     * so the plan is not evaluated twice; the caller shows only the rows the scope covers.
     */
    List<UnitRank> rank(PlanEvaluation eval) {
        long planId = eval.plan().id();
        record Unit(long id, String name, String kind) {}
        Map<Long, Unit> units = new LinkedHashMap<>();
        jdbc.sql("""
                select distinct u.id, u.name, u.kind from task_unit tu join task t on t.id = tu.task_id join unit u on u.id = tu.unit_id
                where t.plan_id = :p order by u.id""").param("p", planId)
                .query((rs, i) -> new Unit(rs.getLong(1), rs.getString(2), rs.getString(3))).list()
                .forEach(u -> units.put(u.id(), u));
        if (units.isEmpty()) return List.of();

        // indicator achievement: the share of the unit's indicators achieved or on track
        Map<Long, int[]> indicatorCounts = new HashMap<>();
        for (IndicatorEvaluation e : eval.indicators()) {
            Long unit = e.indicator().responsibleUnitId();
            if (unit == null) continue;
            int[] c = indicatorCounts.computeIfAbsent(unit, k -> new int[2]);
            c[1]++;
            if (EvaluationService.GOOD.contains(e.assessment().status())) c[0]++;
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
        // reporting timeliness and quality over the periods due so far
        LocalDate today = LocalDate.now();
        ReportCalendar calendar = calendars.calendar(planId).orElse(null);
        long periodsDue = calendar == null ? 0 : calendar.periods().stream()
                .filter(p -> Periods.dueOn(p, calendar.dueDay()).isBefore(today)).count();
        Map<Long, long[]> reports = new HashMap<>();
        jdbc.sql("""
                select s.unit_id,
                       sum(case when s.submitted_at is not null and cast(s.submitted_at as date) <= s.due_on then 1 else 0 end),
                       sum(case when s.submitted_at is not null then 1 else 0 end),
                       (select count(*) from audit_event a where a.action = 'submission.return'
                          and a.target in (select 'submission:' || cast(x.id as varchar(20)) from submission x
                                           where x.plan_id = :p and x.unit_id = s.unit_id))
                from submission s where s.plan_id = :p group by s.unit_id""")
                .param("p", planId).query(rs -> {
                    reports.put(rs.getLong(1), new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4)});
                });

        List<UnitInput> inputs = new ArrayList<>();
        for (Unit u : units.values()) {
            int[] ic = indicatorCounts.get(u.id());
            int[] mc = milestoneCounts.get(u.id());
            long[] rc = reports.getOrDefault(u.id(), new long[3]);
            inputs.add(new UnitInput(String.valueOf(u.id()), peerGroup(u.kind()),
                    ic == null ? null : (double) ic[0] / ic[1],
                    mc == null ? null : (double) mc[0] / mc[1],
                    periodsDue == 0 ? null : Math.min(1.0, (double) rc[0] / periodsDue),
                    rc[1] == 0 ? null : Math.max(0, 1 - (double) rc[2] / rc[1]),
                    null));
        }
        // a unit with nothing to be scored on (no indicator, no milestone due, no report owed — a plan without a
        // calendar, early on) cannot be ranked; it is left out rather than failing the whole ranking
        inputs.removeIf(in -> in.indicatorAchievement() == null && in.milestoneTimeliness() == null
                && in.reportingTimeliness() == null && in.reportingQuality() == null && in.overdueIssues() == null);
        return UnitScore.rank(inputs).stream().map(r -> {
            Unit u = units.get(Long.parseLong(r.unitId()));
            return new UnitRank(u.id(), u.name(), r.peerGroup(), r);
        }).toList();
    }

    static String peerGroup(String unitKind) {
        return "town".equals(unitKind) ? "town" : "department";
    }

    // ---- published snapshots (晾晒)

    public record Snapshot(long id, String regionCode, String peerGroup, String period, String method, String publishedBy,
                           LocalDateTime publishedAt, List<Entry> entries) {}

    public record Entry(long unitId, String unitName, int rank, double score, String components) {}

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
                throw new cn.gongfu.reporting.ConflictException("the " + group.getKey() + " ranking for " + period
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
                        .param("score", EvaluationService.round(r.result().score())).param("c", r.result().components().toString())
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
        record Head(long id, String region, String group, String period, String method, String by, LocalDateTime at) {}
        Head h = jdbc.sql("select id, region_code, peer_group, period, method, published_by, published_at from ranking_snapshot where id = :id")
                .param("id", id).query((rs, i) -> new Head(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getObject(7, LocalDateTime.class)))
                .optional().orElseThrow(() -> new NotFoundException("ranking", id));
        List<Entry> entries = jdbc.sql("select unit_id, unit_name, rank, score, components from ranking_entry where snapshot_id = :id order by rank, unit_name")
                .param("id", id).query((rs, i) -> new Entry(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getDouble(4), rs.getString(5)))
                .list();
        return new Snapshot(h.id(), h.region(), h.group(), h.period(), h.method(), h.by(), h.at(), entries);
    }
}
