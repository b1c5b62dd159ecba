package cn.gongfu.workbench;

import cn.gongfu.reporting.Obligation;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;

/**
 * A report a unit still owes, as its reporter's 待办 shows it: returned first (someone is waiting for a correction), then
 * overdue (most days late first), then due within a week, then the rest by due date.
 *
 * @param days days late for an overdue report, days left otherwise
 */
public record Duty(Obligation obligation, Kind kind, long days) {

    public enum Kind { RETURNED, OVERDUE, DUE_SOON, OWED }

    /** A report due within this many days is "due soon". */
    static final int SOON_DAYS = 7;

    static List<Duty> of(List<Obligation> obligations, LocalDate today) {
        return obligations.stream().filter(Obligation::stillOwed).map(o -> of(o, today))
                .sorted(Comparator.comparing(Duty::kind).thenComparing(d -> d.kind() == Kind.OVERDUE ? -d.days() : d.days())
                        .thenComparing(d -> d.obligation().unitName()))
                .toList();
    }

    private static Duty of(Obligation o, LocalDate today) {
        long left = ChronoUnit.DAYS.between(today, o.dueOn());
        if ("returned".equals(o.state())) return new Duty(o, Kind.RETURNED, left < 0 ? -left : left);
        if (left < 0) return new Duty(o, Kind.OVERDUE, -left);
        return new Duty(o, left <= SOON_DAYS ? Kind.DUE_SOON : Kind.OWED, left);
    }

    /** Not begun: 开始填报 opens the submission; otherwise the form is there already. */
    public boolean notBegun() {
        return obligation.submissionId() == null;
    }
}
