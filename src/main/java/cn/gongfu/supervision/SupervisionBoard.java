package cn.gongfu.supervision;

import cn.gongfu.kernel.Role;
import cn.gongfu.kernel.Scope;
import cn.gongfu.reporting.Obligation;
import cn.gongfu.reporting.ReportingService;
import cn.gongfu.supervision.OpenMilestones.Open;
import cn.gongfu.supervision.ReportReminderDue.Level;
import cn.gongfu.supervision.Warnings.OpenWarning;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The office's supervision board (督办台): what is overdue (reports, with days late and the level of the ladder reached;
 * milestones), what has escalated, and the open warnings by grade, each with its light and whether 一键催办 was pressed
 * today, with counts on top; only the plans of the caller's regions. The office, leaders and administrators.
 */
@Service
public class SupervisionBoard {

    private final ReportingService reporting;
    private final OpenMilestones milestones;
    private final Warnings warnings;
    private final ReminderRules rules;
    private final Reminders reminders;
    private final JdbcClient jdbc;
    private final Clock clock;

    SupervisionBoard(ReportingService reporting, OpenMilestones milestones, Warnings warnings, ReminderRules rules, Reminders reminders,
                     JdbcClient jdbc, Clock clock) {
        this.reporting = reporting;
        this.milestones = milestones;
        this.warnings = warnings;
        this.rules = rules;
        this.reminders = reminders;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A report overdue: its plan, unit and period, due date, days late, the ladder's level and the light that level shows. */
    public record OverdueReport(long planId, String planTitle, long unitId, String unitName, String period, LocalDate dueOn,
                                int daysLate, Level level, Long submissionId, Light light, boolean urgedToday) {}

    /** A milestone whose month has passed undone, with its task, lead units, months late and light. */
    public record OverdueMilestone(long milestoneId, long taskId, String taskCode, String taskTitle, String text, String month,
                                   long planId, String planTitle, List<String> units, int monthsLate, int daysLate, Level level, Light light,
                                   boolean urgedToday) {}

    /** An open warning with the name of its item and where it is. */
    public record BoardWarning(long id, String kind, long itemId, String itemName, String link, long planId, String unitName,
                               Light light, Integer monthsLate, LocalDate raisedOn) {}

    public record Counts(int overdueReports, int escalated, int overdueMilestones, int yellow, int orange, int red) {}

    /**
     * The board: {@code escalated} is the overdue reports the ladder took beyond their reporters (unit head, office,
     * bulletin); {@code warnings} by grade, red first.
     */
    public record Board(LocalDate today, Counts counts, List<OverdueReport> overdueReports, List<OverdueReport> escalated,
                        List<OverdueMilestone> overdueMilestones, Map<String, List<BoardWarning>> warnings) {}

    /** The board as of today for the caller (office, leader, administrator). */
    public Board board() {
        Scope.current().require(Role.OFFICE, Role.LEADER, Role.ADMIN);
        return board(reporting.obligations(LocalDate.now(clock)));
    }

    /**
     * The board from the obligations as of today that the caller has read already in its scope
     * ({@link ReportingService#obligations(LocalDate)}), so that a page needing both reads them once.
     */
    public Board board(List<Obligation> obligationsToday) {
        Scope.current().require(Role.OFFICE, Role.LEADER, Role.ADMIN);
        LocalDate today = LocalDate.now(clock);
        Set<String> urged = reminders.urgedOn(today);

        List<Obligation> owed = obligationsToday.stream().filter(o -> o.stillOwed() && o.dueOn().isBefore(today)).toList();
        List<Open> open = milestones.upTo(YearMonth.from(today).minusMonths(1), null, null);
        Map<Long, ReminderRule> ruleOf = rules.rules(java.util.stream.Stream.concat(owed.stream().map(Obligation::planId),
                open.stream().map(Open::planId)).distinct().toList());

        List<OverdueReport> reports = new ArrayList<>();
        for (Obligation o : owed) {
            int late = (int) ChronoUnit.DAYS.between(o.dueOn(), today);
            Level level = ruleOf.get(o.planId()).level(late);
            reports.add(new OverdueReport(o.planId(), o.planTitle(), o.unitId(), o.unitName(), o.period(), o.dueOn(), late, level,
                    o.submissionId(), lightOf(level), urged.contains(Reminders.reportKey(o.planId(), o.unitId(), o.period()))));
        }
        reports.sort(java.util.Comparator.comparingInt(OverdueReport::daysLate).reversed().thenComparing(OverdueReport::unitName));
        List<OverdueReport> escalated = reports.stream().filter(r -> r.level() != Level.REPORTER).toList();

        Map<Long, List<Open>> byMilestone = new LinkedHashMap<>();
        open.forEach(m -> byMilestone.computeIfAbsent(m.milestoneId(), k -> new ArrayList<>()).add(m));
        Map<Long, Light> milestoneLights = warnings.lightsFor(Warnings.MILESTONE, byMilestone.keySet());
        List<OverdueMilestone> overdueMilestones = new ArrayList<>();
        byMilestone.forEach((id, leads) -> {
            Open m = leads.get(0);
            int days = (int) ChronoUnit.DAYS.between(m.dueOn(), today);
            overdueMilestones.add(new OverdueMilestone(id, m.taskId(), m.taskCode(), m.taskTitle(), m.text(), m.month(), m.planId(),
                    m.planTitle(), leads.stream().map(Open::unitName).distinct().toList(), m.monthsLate(today),
                    days, ruleOf.get(m.planId()).level(days), milestoneLights.get(id), urged.contains("milestone:" + id)));
        });

        Map<String, List<BoardWarning>> byGrade = new LinkedHashMap<>();
        for (int g = Light.GRADES.size() - 1; g >= 0; g--) byGrade.put(Light.GRADES.get(g), new ArrayList<>());
        List<OpenWarning> openWarnings = warnings.open();
        Map<Long, String> indicatorNames = names("select id, name from indicator where id in (:ids)",
                openWarnings.stream().filter(w -> w.kind().equals(Warnings.INDICATOR)).map(OpenWarning::itemId).toList());
        Map<Long, String[]> milestoneTasks = new HashMap<>();
        List<Long> ms = openWarnings.stream().filter(w -> w.kind().equals(Warnings.MILESTONE)).map(OpenWarning::itemId).toList();
        if (!ms.isEmpty()) {
            jdbc.sql("select m.id, t.id, t.code, m.text from milestone m join task t on t.id = m.task_id where m.id in (:ids)")
                    .param("ids", ms).query(rs -> {
                        milestoneTasks.put(rs.getLong(1), new String[] {rs.getString(2), rs.getString(3), rs.getString(4)});
                    });
        }
        for (OpenWarning w : openWarnings) {
            String name;
            String link;
            if (w.kind().equals(Warnings.INDICATOR)) {
                name = indicatorNames.getOrDefault(w.itemId(), "#" + w.itemId());
                link = "/indicators/" + w.itemId();
            } else {
                String[] t = milestoneTasks.get(w.itemId());
                name = t == null ? "#" + w.itemId() : (t[1] == null ? "" : t[1] + " ") + Reminders.shortText(t[2]);
                link = t == null ? null : "/tasks/" + t[0];
            }
            byGrade.get(w.grade()).add(new BoardWarning(w.id(), w.kind(), w.itemId(), name, link, w.planId(), w.unitName(), w.light(),
                    w.monthsLate(), w.raisedOn()));
        }
        Counts counts = new Counts(reports.size(), escalated.size(), overdueMilestones.size(), byGrade.get("yellow").size(),
                byGrade.get("orange").size(), byGrade.get("red").size());
        return new Board(today, counts, reports, escalated, overdueMilestones, byGrade);
    }

    /** The light an overdue report shows by the ladder's level: unit head yellow, office orange, bulletin red. */
    static Light lightOf(Level level) {
        return switch (level) {
            case REPORTER -> null;
            case UNIT_HEAD -> new Light("yellow", "report_late");
            case OFFICE -> new Light("orange", "report_late");
            case BULLETIN -> new Light("red", "report_late");
        };
    }

    private Map<Long, String> names(String sql, List<Long> ids) {
        Map<Long, String> result = new HashMap<>();
        if (ids.isEmpty()) return result;
        jdbc.sql(sql).param("ids", ids).query(rs -> {
            result.put(rs.getLong(1), rs.getString(2));
        });
        return result;
    }
}
