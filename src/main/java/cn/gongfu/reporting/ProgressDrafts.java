package cn.gongfu.reporting;

import static cn.gongfu.kernel.BundleText.both;

import cn.gongfu.audit.AuditLog;
import cn.gongfu.kernel.InvalidParameterException;
import cn.gongfu.kernel.Role;
import cn.gongfu.kernel.Scope;
import cn.gongfu.plan.Plan;
import cn.gongfu.plan.PlanService;
import cn.gongfu.vocabulary.Periods;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Progress a document already states (a plan's 进展情况表, imported by the office) written into the units' reports as
 * drafts: for each unit that leads one of the tasks, its submission for the period (begun if need be) gets the task's
 * progress text, the unit's reporters check it and submit it through the normal workflow. Never accepted here: the
 * office's acceptance stays a separate step. A unit whose report for the period is already submitted or accepted is
 * not overwritten: the whole import is refused and nothing is written.
 */
@Service
public class ProgressDrafts {

    /** States of a submission that an import may write into: those its reporters may still change. */
    private static final Set<String> EDITABLE = Set.of("draft", "returned", "approved");
    private static final int MAX_TEXT = 4000;

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final ReportCalendarService calendars;
    private final PlanService plans;
    private final AuditLog audit;
    private final Clock clock;

    public ProgressDrafts(JdbcClient jdbc, JdbcTemplate batch, ReportCalendarService calendars, PlanService plans,
                          AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.calendars = calendars;
        this.plans = plans;
        this.audit = audit;
        this.clock = clock;
    }

    /** What a document reports on one task of the plan: the progress as text, and how far it is, if it says so. */
    public record Entry(long taskId, String text, Integer percentDone) {}

    /**
     * One unit's part: the tasks it leads among those reported, and its submission for the period if it has one
     * (null id and state until the import begins it). locked: submitted or accepted, so the import may not write it.
     */
    public record UnitPart(long unitId, String unitName, List<Long> taskIds, Long submissionId, String state) {
        public boolean locked() {
            return state != null && !EDITABLE.contains(state);
        }
    }

    /**
     * Where the progress of these tasks would go: the period (null when the plan has no reporting calendar, or none
     * begun yet), the periods the office may choose instead (those begun), each leading unit's part, and the tasks no
     * unit leads (their progress has nowhere to go).
     */
    public record Outline(long planId, String period, List<String> periods, List<UnitPart> units, List<Long> unled) {
        public boolean locked() {
            return units.stream().anyMatch(UnitPart::locked);
        }

        public boolean possible() {
            return period != null && !units.isEmpty() && !locked();
        }
    }

    /** Where the progress of the given tasks of a plan would go in a period (null: the current one); writes nothing. */
    public Outline outline(long planId, Collection<Long> taskIds, String period) {
        Scope.current().require(Role.OFFICE, Role.ADMIN);
        Plan plan = plans.get(planId);
        List<String> begun = calendars.calendar(plan.id()).map(c -> c.begunPeriods(LocalDate.now(clock))).orElse(List.of());
        String chosen = period == null || period.isBlank() ? (begun.isEmpty() ? null : begun.get(begun.size() - 1)) : period.strip();
        if (chosen != null && !begun.contains(chosen)) {
            throw new InvalidParameterException("period", both("report.import.period", chosen, begun));
        }
        Set<Long> tasks = new LinkedHashSet<>(taskIds);
        if (tasks.isEmpty()) return new Outline(planId, chosen, begun, List.of(), List.of());
        List<Long> ofPlan = jdbc.sql("select id from task where plan_id = :p and id in (:ids)")
                .param("p", planId).param("ids", tasks).query(Long.class).list();
        if (ofPlan.size() != tasks.size()) {
            tasks.removeAll(ofPlan);
            throw new InvalidParameterException("task", both("report.import.notOfPlan", tasks, plan.title()));
        }
        record Lead(long taskId, long unitId, String unitName) {}
        List<Lead> leads = jdbc.sql("""
                select tu.task_id, u.id, u.name from task_unit tu join unit u on u.id = tu.unit_id join task t on t.id = tu.task_id
                where tu.task_id in (:ids) and tu.role = 'lead' order by t.position, tu.position""")
                .param("ids", tasks).query((rs, i) -> new Lead(rs.getLong(1), rs.getLong(2), rs.getString(3))).list();
        Map<Long, String> names = new LinkedHashMap<>();
        Map<Long, List<Long>> tasksOf = new LinkedHashMap<>();
        for (Lead l : leads) {
            names.put(l.unitId(), l.unitName());
            tasksOf.computeIfAbsent(l.unitId(), k -> new ArrayList<>()).add(l.taskId());
        }
        Set<Long> led = leads.stream().map(Lead::taskId).collect(Collectors.toSet());
        List<Long> unled = tasks.stream().filter(t -> !led.contains(t)).toList();
        Map<Long, Long> submissionOf = new HashMap<>();
        Map<Long, String> stateOf = new HashMap<>();
        if (chosen != null && !names.isEmpty()) {
            jdbc.sql("select unit_id, id, state from submission where plan_id = :p and period = :per and unit_id in (:units)")
                    .param("p", planId).param("per", chosen).param("units", names.keySet())
                    .query(rs -> {
                        submissionOf.put(rs.getLong(1), rs.getLong(2));
                        stateOf.put(rs.getLong(1), rs.getString(3));
                    });
        }
        List<UnitPart> units = names.keySet().stream().map(u -> new UnitPart(u, names.get(u), List.copyOf(tasksOf.get(u)),
                submissionOf.get(u), stateOf.get(u))).toList();
        return new Outline(planId, chosen, begun, units, unled);
    }

    /**
     * Writes the entries into the leading units' reports for the period (null: the current one), all or nothing:
     * reports begun where a unit has none, each reported task's text, per cent and state (done at 100 %, else in
     * progress) replaced, an approved report back to draft (it needs approval again), one audit event per report with
     * what each task said before and after. Refused, with nothing written, when the plan has no period to report for,
     * an entry is too long, or a unit's report is already submitted or accepted. {@code source} names the document in
     * the audit trail.
     */
    @Transactional
    public Outline draft(long planId, List<Entry> entries, String period, String source) {
        Map<Long, Entry> byTask = new LinkedHashMap<>();
        for (Entry e : entries) {
            if (e.text() == null || e.text().isBlank()) continue;
            if (e.text().strip().length() > MAX_TEXT) {
                throw new InvalidParameterException("text", both("report.import.tooLong", e.taskId(), MAX_TEXT));
            }
            if (e.percentDone() != null && (e.percentDone() < 0 || e.percentDone() > 100)) {
                throw new InvalidParameterException("percentDone", both("report.error.percent"));
            }
            byTask.put(e.taskId(), e);
        }
        if (byTask.isEmpty()) throw new InvalidParameterException("entries", both("report.import.nothing"));
        Outline outline = outline(planId, byTask.keySet(), period);
        if (outline.period() == null) {
            throw new InvalidParameterException("period", both("report.import.noPeriod", plans.get(planId).title()));
        }
        if (outline.units().isEmpty()) throw new InvalidParameterException("entries", both("report.import.noUnit"));
        if (outline.locked()) {
            String locked = outline.units().stream().filter(UnitPart::locked)
                    .map(u -> u.unitName() + " (" + u.state() + ")").collect(Collectors.joining(", "));
            throw new ConflictException(both("report.import.locked", outline.period(), locked), outline.units());
        }
        String by = Scope.current().user().username();
        LocalDateTime now = LocalDateTime.now(clock);
        Timestamp stamp = Timestamp.valueOf(now);
        String per = outline.period();
        List<Long> unitIds = outline.units().stream().map(UnitPart::unitId).toList();
        try {
            jdbc.sql("""
                    insert into submission (plan_id, unit_id, period, due_on, updated_by, updated_at)
                    select :p, u.id, :per, :due, :by, :now from unit u
                    where u.id in (:units)
                      and not exists (select 1 from submission s where s.plan_id = :p and s.unit_id = u.id and s.period = :per)""")
                    .param("p", planId).param("per", per).param("units", unitIds).param("by", by).param("now", now)
                    .param("due", Periods.dueOn(per, calendars.calendar(planId).orElseThrow().dueDay())).update();
        } catch (DuplicateKeyException e) {
            throw new ConflictException(both("report.import.meanwhile", per), null);
        }
        Map<Long, Long> submissionOf = new HashMap<>();
        jdbc.sql("select unit_id, id from submission where plan_id = :p and period = :per and unit_id in (:units)")
                .param("p", planId).param("per", per).param("units", unitIds)
                .query(rs -> {
                    submissionOf.put(rs.getLong(1), rs.getLong(2));
                });
        // every task the unit leads or supports has its row, as when the unit opens the report itself (and a task
        // added to the plan since a report was begun gets one now)
        jdbc.sql("""
                insert into task_report (submission_id, task_id, updated_by, updated_at)
                select s.id, t.id, :by, :now from submission s
                join task_unit tu on tu.unit_id = s.unit_id join task t on t.id = tu.task_id and t.plan_id = s.plan_id
                where s.id in (:subs)
                  and not exists (select 1 from task_report r where r.submission_id = s.id and r.task_id = t.id)""")
                .param("subs", submissionOf.values()).param("by", by).param("now", now).update();

        Map<String, String> before = describe(submissionOf.values(), byTask.keySet());
        List<Object[]> rows = new ArrayList<>();
        for (UnitPart u : outline.units()) {
            long s = submissionOf.get(u.unitId());
            for (long task : u.taskIds()) {
                Entry e = byTask.get(task);
                Integer percent = e.percentDone();
                rows.add(new Object[] {percent != null && percent == 100 ? "done" : "in_progress", percent, e.text().strip(),
                        by, stamp, s, task});
            }
        }
        // written only where the report is still editable: a unit that submitted meanwhile makes the count short
        int[] counts = batch.batchUpdate("""
                update task_report set progress = ?, percent_done = ?, narrative = ?, updated_by = ?, updated_at = ?,
                       version = version + 1
                where submission_id = ? and task_id = ?
                  and exists (select 1 from submission s where s.id = task_report.submission_id
                              and s.state in ('draft', 'returned', 'approved'))""",
                rows, new int[] {Types.VARCHAR, Types.INTEGER, Types.VARCHAR, Types.VARCHAR, Types.TIMESTAMP, Types.BIGINT, Types.BIGINT});
        for (int c : counts) {
            if (c == 0) throw new ConflictException(both("report.import.meanwhile", per), null);
        }
        jdbc.sql("""
                update submission set updated_by = :by, updated_at = :now,
                       state = case when state = 'approved' then 'draft' else state end
                where id in (:subs)""").param("by", by).param("now", now).param("subs", submissionOf.values()).update();
        Map<String, String> after = describe(submissionOf.values(), byTask.keySet());
        for (UnitPart u : outline.units()) {
            long s = submissionOf.get(u.unitId());
            String was = u.submissionId() == null ? null : tasksOf(before, s, u.taskIds());
            audit.record("submission.import-progress", "submission:" + s, was,
                    source + " → " + per + ": " + tasksOf(after, s, u.taskIds()));
        }
        return outline(planId, byTask.keySet(), per);
    }

    /** Each reported task's state, per cent and text in the given reports, keyed "submission/task". */
    private Map<String, String> describe(Collection<Long> submissions, Collection<Long> tasks) {
        Map<String, String> out = new HashMap<>();
        jdbc.sql("""
                select tr.submission_id, tr.task_id, t.code, tr.progress, tr.percent_done, tr.narrative
                from task_report tr join task t on t.id = tr.task_id
                where tr.submission_id in (:subs) and tr.task_id in (:tasks)""")
                .param("subs", submissions).param("tasks", tasks)
                .query(rs -> {
                    Integer percent = rs.getObject(5, Integer.class);
                    out.put(rs.getLong(1) + "/" + rs.getLong(2), "task " + rs.getString(3) + " " + rs.getString(4)
                            + (percent == null ? "" : " " + percent + "%") + " " + rs.getString(6));
                });
        return out;
    }

    private static String tasksOf(Map<String, String> described, long submission, List<Long> tasks) {
        return tasks.stream().map(t -> described.get(submission + "/" + t)).collect(Collectors.joining(" | "));
    }
}
