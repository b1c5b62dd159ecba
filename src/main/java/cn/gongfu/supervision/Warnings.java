package cn.gongfu.supervision;

import cn.gongfu.evaluation.EvaluationService;
import cn.gongfu.evaluation.EvaluationService.IndicatorStatus;
import cn.gongfu.kernel.Scope;
import cn.gongfu.kernel.PageRequest;
import cn.gongfu.plan.Plan;
import cn.gongfu.plan.PlanService;
import cn.gongfu.supervision.OpenMilestones.Open;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Warnings (预警, 亮灯): an indicator of a published plan whose evaluation (in the plan's region, this month) is lagging,
 * seriously lagging or regressing, and a milestone whose month has passed undone, carry an open warning graded
 * yellow, orange or red by the rules ({@code gongfu.warnings.*}: by default lagging yellow, seriously lagging orange,
 * regressing red; a milestone one month late yellow, two orange, three or more red). A new warning, or one raised to a
 * more serious grade, is published once as a {@link WarningRaised}; a milder grade is recorded without a word; the
 * warning is cleared the day the status recovers or the milestone is done. One open warning per item ({@code open_key}),
 * every grade it had in {@code warning_grade}. Computed by a daily job (ShedLock, system scope) and after every
 * acceptance of values or milestones ({@link WarningTriggers}); {@link #compute} with a date for tests.
 */
@Service
public class Warnings {

    static final String INDICATOR = "indicator";
    static final String MILESTONE = "milestone";

    private final JdbcClient jdbc;
    private final PlanService plans;
    private final EvaluationService evaluation;
    private final OpenMilestones milestones;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final boolean enabled;
    private final Map<String, String> gradeOf = new HashMap<>();
    private final int yellowMonths;
    private final int orangeMonths;
    private final int redMonths;

    Warnings(JdbcClient jdbc, PlanService plans, EvaluationService evaluation, OpenMilestones milestones, ApplicationEventPublisher events,
             TransactionTemplate transaction, Clock clock, @Value("${gongfu.warnings.enabled:true}") boolean enabled,
             @Value("${gongfu.warnings.grade.lagging:yellow}") String lagging,
             @Value("${gongfu.warnings.grade.seriously-lagging:orange}") String seriously,
             @Value("${gongfu.warnings.grade.regressing:red}") String regressing,
             @Value("${gongfu.warnings.milestone.yellow-months:1}") int yellowMonths,
             @Value("${gongfu.warnings.milestone.orange-months:2}") int orangeMonths,
             @Value("${gongfu.warnings.milestone.red-months:3}") int redMonths) {
        this.jdbc = jdbc;
        this.plans = plans;
        this.evaluation = evaluation;
        this.milestones = milestones;
        this.events = events;
        this.transaction = transaction;
        this.clock = clock;
        this.enabled = enabled;
        gradeOf.put("LAGGING", grade("gongfu.warnings.grade.lagging", lagging));
        gradeOf.put("SERIOUSLY_LAGGING", grade("gongfu.warnings.grade.seriously-lagging", seriously));
        gradeOf.put("REGRESSING", grade("gongfu.warnings.grade.regressing", regressing));
        if (!(1 <= yellowMonths && yellowMonths <= orangeMonths && orangeMonths <= redMonths)) {
            throw new IllegalArgumentException("gongfu.warnings.milestone.*: need 1 <= yellow-months <= orange-months <= red-months");
        }
        this.yellowMonths = yellowMonths;
        this.orangeMonths = orangeMonths;
        this.redMonths = redMonths;
    }

    private static String grade(String property, String value) {
        if (!Light.GRADES.contains(value)) throw new IllegalArgumentException(property + " must be one of " + Light.GRADES + ": " + value);
        return value;
    }

    boolean enabled() {
        return enabled;
    }

    @Scheduled(cron = "${gongfu.warnings.cron:0 30 7 * * *}")
    @SchedulerLock(name = "warnings", lockAtMostFor = "PT30M", lockAtLeastFor = "PT1M")
    void daily() {
        if (enabled) compute(LocalDate.now(clock));
    }

    /** The grade of a milestone this many months late, or null when it is not late enough for one. */
    String milestoneGrade(int monthsLate) {
        if (monthsLate >= redMonths) return "red";
        if (monthsLate >= orangeMonths) return "orange";
        if (monthsLate >= yellowMonths) return "yellow";
        return null;
    }

    /** What an item's warning should be today. */
    private record Wanted(String kind, long itemId, String itemName, long planId, String region, List<Long> unitIds, String grade,
                          String reason, Integer monthsLate, String link) {
        String key() {
            return kind + ":" + itemId + ":" + planId;
        }
    }

    private record Current(long id, String key, String grade, String reason, Integer monthsLate, int version) {}

    /** What a run did: warnings raised (new), raised to a more serious grade, made milder, cleared. */
    public record Outcome(int raised, int worsened, int eased, int cleared) {}

    /** Brings every warning up to date as of {@code today}, as the system; returns what changed. */
    public Outcome compute(LocalDate today) {
        return Scope.asSystem(() -> {
            Map<String, Wanted> wanted = new LinkedHashMap<>();
            wantedOfIndicators(today, wanted);
            wantedOfMilestones(today, wanted);
            return transaction.execute(status -> reconcile(today, wanted));
        });
    }

    private void wantedOfIndicators(LocalDate today, Map<String, Wanted> wanted) {
        List<Plan> published = new ArrayList<>();
        for (int page = 0; ; page++) {
            var result = plans.list(null, "published", null, new PageRequest(page, PageRequest.MAX_SIZE));
            published.addAll(result.items());
            if (page + 1 >= result.totalPages()) break;
        }
        for (Plan plan : published) {
            for (IndicatorStatus e : evaluation.indicatorStatuses(plan.id(), YearMonth.from(today))) {
                String grade = gradeOf.get(e.status());
                if (grade == null) continue;
                Long unit = e.indicator().responsibleUnitId();
                Wanted w = new Wanted(INDICATOR, e.indicator().id(), e.indicator().name(), plan.id(), plan.regionCode(),
                        unit == null ? List.of() : List.of(unit), grade, e.status().toLowerCase(), null,
                        "/indicators/" + e.indicator().id());
                wanted.put(w.key(), w);
            }
        }
    }

    private void wantedOfMilestones(LocalDate today, Map<String, Wanted> wanted) {
        Map<Long, List<Open>> byMilestone = new LinkedHashMap<>();
        for (Open m : milestones.upTo(YearMonth.from(today).minusMonths(1), null, null)) {
            byMilestone.computeIfAbsent(m.milestoneId(), k -> new ArrayList<>()).add(m);
        }
        byMilestone.forEach((id, leads) -> {
            Open m = leads.get(0);
            int late = m.monthsLate(today);
            String grade = milestoneGrade(late);
            if (grade == null) return;
            Wanted w = new Wanted(MILESTONE, id, m.taskCode() == null ? Reminders.shortText(m.text()) : m.taskCode() + " " + Reminders.shortText(m.text()),
                    m.planId(), m.regionCode(), leads.stream().map(Open::unitId).distinct().toList(), grade, "milestone_late", late,
                    "/tasks/" + m.taskId());
            wanted.put(w.key(), w);
        });
    }

    private Outcome reconcile(LocalDate today, Map<String, Wanted> wanted) {
        Map<String, Current> open = new HashMap<>();
        jdbc.sql("select id, open_key, grade, reason, months_late, version from warning where cleared_on is null")
                .query((rs, i) -> new Current(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        (Integer) rs.getObject(5, Integer.class), rs.getInt(6)))
                .list().forEach(c -> open.put(c.key(), c));
        int raised = 0, worsened = 0, eased = 0, cleared = 0;
        for (Wanted w : wanted.values()) {
            Current c = open.remove(w.key());
            if (c == null) {
                int inserted = jdbc.sql("""
                        insert into warning (item_kind, item_id, plan_id, region_code, unit_id, grade, reason, months_late, raised_on, open_key)
                        values (:k, :i, :p, :r, :u, :g, :why, :late, :d, :key) on conflict do nothing""")
                        .param("k", w.kind()).param("i", w.itemId()).param("p", w.planId()).param("r", w.region())
                        .param("u", w.unitIds().isEmpty() ? null : w.unitIds().get(0)).param("g", w.grade()).param("why", w.reason())
                        .param("late", w.monthsLate()).param("d", today).param("key", w.key()).update();
                if (inserted == 0) continue; // another run raised it meanwhile, and told
                long id = jdbc.sql("select id from warning where open_key = :key").param("key", w.key()).query(Long.class).single();
                gradeChanged(id, w, today);
                publish(id, w, null, today);
                raised++;
            } else if (!c.grade().equals(w.grade()) || !c.reason().equals(w.reason())) {
                int updated = jdbc.sql("""
                        update warning set grade = :g, reason = :why, months_late = :late, version = version + 1
                        where id = :id and version = :v""")
                        .param("g", w.grade()).param("why", w.reason()).param("late", w.monthsLate()).param("id", c.id())
                        .param("v", c.version()).update();
                if (updated == 0) continue;
                gradeChanged(c.id(), w, today);
                if (Light.GRADES.indexOf(w.grade()) > Light.GRADES.indexOf(c.grade())) {
                    publish(c.id(), w, c.grade(), today);
                    worsened++;
                } else {
                    eased++;
                }
            } else if (!java.util.Objects.equals(c.monthsLate(), w.monthsLate())) {
                jdbc.sql("update warning set months_late = :late where id = :id").param("late", w.monthsLate()).param("id", c.id()).update();
            }
        }
        for (Current gone : open.values()) {
            cleared += jdbc.sql("update warning set cleared_on = :d, open_key = null, version = version + 1 where id = :id and cleared_on is null")
                    .param("d", today).param("id", gone.id()).update();
        }
        return new Outcome(raised, worsened, eased, cleared);
    }

    private void gradeChanged(long id, Wanted w, LocalDate today) {
        jdbc.sql("insert into warning_grade (warning_id, grade, reason, changed_on) values (:id, :g, :why, :d)")
                .param("id", id).param("g", w.grade()).param("why", w.reason()).param("d", today).update();
    }

    private void publish(long id, Wanted w, String previous, LocalDate today) {
        events.publishEvent(new WarningRaised(id, w.kind(), w.itemId(), w.itemName(), w.planId(), w.region(), w.unitIds(),
                w.grade(), previous, w.reason(), w.monthsLate(), today, w.link()));
    }

    /** An open warning as the board lists it. */
    public record OpenWarning(long id, String kind, long itemId, long planId, String regionCode, Long unitId, String unitName,
                              String grade, String reason, Integer monthsLate, LocalDate raisedOn) {

        public Light light() {
            return new Light(grade, reason);
        }
    }

    /** The open warnings of the plans in the caller's regions, most serious first. */
    public List<OpenWarning> open() {
        Scope scope = Scope.current();
        scope.requireCaller();
        StringBuilder sql = new StringBuilder("""
                select w.id, w.item_kind, w.item_id, w.plan_id, w.region_code, w.unit_id, u.name, w.grade, w.reason, w.months_late, w.raised_on
                from warning w left join unit u on u.id = w.unit_id where w.cleared_on is null""");
        Map<String, Object> params = new HashMap<>();
        if (scope.regions() != null) {
            sql.append(" and w.region_code in (:regions)");
            params.put("regions", scope.regions().isEmpty() ? List.of("-") : scope.regions());
        }
        sql.append(" order by case w.grade when 'red' then 0 when 'orange' then 1 else 2 end, w.raised_on, w.id");
        return jdbc.sql(sql.toString()).params(params)
                .query((rs, i) -> new OpenWarning(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getString(5),
                        (Long) rs.getObject(6, Long.class), rs.getString(7), rs.getString(8), rs.getString(9),
                        (Integer) rs.getObject(10, Integer.class), rs.getObject(11, LocalDate.class)))
                .list();
    }

    /** Every grade a warning had, in order: [yellow, red] for one raised from yellow to red. */
    public List<String> grades(long warningId) {
        return jdbc.sql("select grade from warning_grade where warning_id = :id order by id").param("id", warningId).query(String.class).list();
    }

    /**
     * The lights of items (亮灯), for every page that shows them: {@code kind} is {@code indicator}, {@code milestone} or
     * {@code task} (a task shows the most serious light of its milestones); ids without an open warning are absent.
     * An indicator warned in several plans shows its most serious light.
     */
    /** One item's light, or null: {@link #lightsFor} for a single page's item ({@code ${@warnings.lightOf('task', task.id())}}). */
    public Light lightOf(String kind, long id) {
        return lightsFor(kind, List.of(id)).get(id);
    }

    public Map<Long, Light> lightsFor(String kind, Collection<Long> ids) {
        Map<Long, Light> result = new HashMap<>();
        if (ids == null || ids.isEmpty()) return result;
        String sql = switch (kind) {
            case INDICATOR, MILESTONE -> "select item_id, grade, reason from warning where cleared_on is null and item_kind = :k and item_id in (:ids)";
            case "task" -> """
                    select m.task_id, w.grade, w.reason from warning w join milestone m on m.id = w.item_id
                    where w.cleared_on is null and w.item_kind = 'milestone' and m.task_id in (:ids)""";
            default -> throw new IllegalArgumentException("kind of item: " + kind);
        };
        jdbc.sql(sql).param("k", kind).param("ids", ids)
                .query(rs -> {
                    Light light = new Light(rs.getString(2), rs.getString(3));
                    result.merge(rs.getLong(1), light, (a, b) -> a.severity() >= b.severity() ? a : b);
                });
        return result;
    }
}
