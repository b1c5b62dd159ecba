package cn.gongfu.cases;

import java.time.LocalDateTime;
import java.util.List;

/**
 * A case (案例): a 典型案例 ({@link Kind#TYPICAL}) or a 最佳实践 ({@link Kind#PRACTICE}) a unit writes up for a plan and
 * the tasks it belongs to. DRAFT → SUBMITTED (its unit) → SELECTED (入选, the office) or RETURNED with a reason (the unit
 * edits and submits again) → PUBLISHED (the office; the public portal shows it); unpublishing puts it back to SELECTED.
 * {@code version} guards every change.
 */
public record CaseStudy(long id, long planId, String planTitle, long unitId, String unitName, String regionCode, Kind kind, int year,
                        String title, String body, State state, String returnReason, int version, String createdBy,
                        LocalDateTime createdAt, LocalDateTime updatedAt, LocalDateTime publishedAt) {

    public enum Kind { TYPICAL, PRACTICE }

    public enum State {
        DRAFT, SUBMITTED, RETURNED, SELECTED, PUBLISHED;

        /** Whether the unit may still change the case: while it is its own draft or came back to it. */
        public boolean editableByUnit() {
            return this == DRAFT || this == RETURNED;
        }
    }

    /** What happened on a case's history. */
    public enum EntryKind { CREATED, EDITED, FILE_ADDED, FILE_REMOVED, SUBMITTED, RETURNED, SELECTED, PUBLISHED, UNPUBLISHED }

    public String link() {
        return "/cases/" + id;
    }

    /** A task the case belongs to, with its code and title. */
    public record TaskLink(long id, String code, String title) {}

    /** An attachment, listed without its bytes. */
    public record Attachment(long id, long caseId, String fileName, String contentType, long sizeBytes, String sha256,
                             String uploadedBy, LocalDateTime uploadedAt) {}

    /** One step of the history. */
    public record Entry(long id, EntryKind kind, String text, String author, LocalDateTime createdAt) {}

    /** A case with its tasks, attachments and history (oldest first). */
    public record Detail(CaseStudy c, List<TaskLink> tasks, List<Attachment> files, List<Entry> history) {}
}
