package cn.gongfu.supervision;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;

/**
 * A supervised item (督办事项): an issue of the register (问题清单, {@link Kind#ISSUE}), a leader's instruction (领导批示,
 * {@link Kind#INSTRUCTION}) or a supervision order (督办单, {@link Kind#ORDER}). It is about a subject (a task, an
 * indicator, a report, another item, a milestone, or nothing), came from a source (a returned report, a warning, an
 * overdue milestone, an inspection, an unannounced visit, an instruction, by hand), is assigned to a unit with a
 * deadline and goes OPEN → ANSWERED → CLOSED (reopening puts it back to OPEN). It is overdue while not closed past its
 * deadline. Orders carry a grade (黄/橙/红) and a number in the office's style; {@code version} guards every change.
 */
public record SupervisedItem(long id, Kind kind, SubjectType subjectType, Long subjectId, Source source, Long planId, long unitId,
                             String unitName, String regionCode, String title, String body, Grade grade, LocalDate deadline,
                             State state, String number, LocalDate overdueAt, int version, String createdBy,
                             LocalDateTime createdAt, LocalDateTime updatedAt, LocalDateTime closedAt, int daysOverdue) {

    public enum Kind { ISSUE, INSTRUCTION, ORDER }

    public enum SubjectType { TASK, INDICATOR, REPORT, ITEM, MILESTONE, NONE }

    public enum Source { RETURNED_REPORT, WARNING, OVERDUE_MILESTONE, INSPECTION, UNANNOUNCED_VISIT, INSTRUCTION, MANUAL }

    /** The grades in order of seriousness. */
    public enum Grade {
        YELLOW, ORANGE, RED;

        /** The light's grade in the board's words (yellow, orange, red), for the shared light fragment. */
        public String light() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public enum State { OPEN, ANSWERED, CLOSED }

    /** What happened on an item's timeline. */
    public enum EntryKind { CREATED, ASSIGNED, RECTIFICATION, ANSWER, GRADE_RAISED, CLOSED, REOPENED, OVERDUE }

    /** Not closed and past its deadline. */
    public boolean overdue() {
        return daysOverdue > 0;
    }

    /** The page of the item, where every notice about it points. */
    public String link() {
        return "/supervision/items/" + id;
    }

    /** The item's light: its grade when it has one, else red while overdue; null otherwise. */
    public Light light() {
        if (state == State.CLOSED) return null;
        if (grade != null) return new Light(grade.light(), "item_" + kind.name().toLowerCase(Locale.ROOT));
        return overdue() ? new Light("red", "item_overdue") : null;
    }

    /** One step of the timeline, with the files attached to it. */
    public record Entry(long id, long itemId, EntryKind kind, String text, Grade grade, String author, LocalDateTime createdAt,
                        List<Evidence> evidence) {}

    /** A file attached to an entry, listed without its bytes. */
    public record Evidence(long id, long itemId, long entryId, String fileName, String contentType, long sizeBytes, String sha256,
                           String uploadedBy, LocalDateTime uploadedAt) {}

    /** An item with its timeline, oldest first. */
    public record Detail(SupervisedItem item, List<Entry> entries) {}
}
