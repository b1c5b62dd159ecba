package cn.gongfu.bulletin;

import java.time.LocalDateTime;

/**
 * A bulletin (通报) of a plan for a month or a quarter: its frozen content, the narrative parts the office edits
 * while it is a draft, and, once issued, its number. {@code version} guards the edits (409 on a stale one).
 */
public record Bulletin(long id, long planId, String regionCode, String kind, String period, String title, String state,
                       String number, String summary, String problems, String requirements, BulletinContent content,
                       int version, String createdBy, LocalDateTime generatedAt, LocalDateTime updatedAt, String issuedBy,
                       LocalDateTime issuedAt) {

    public static final String DRAFT = "draft";
    public static final String ISSUED = "issued";

    public boolean isDraft() {
        return DRAFT.equals(state);
    }

    /** The narrative part named by a section ({@code summary}, {@code problems}, {@code requirements}). */
    public String narrative(String key) {
        return switch (key) {
            case "summary" -> summary;
            case "problems" -> problems;
            case "requirements" -> requirements;
            default -> "";
        };
    }

    /** A row of the archive: what the list shows. */
    public record Row(long id, long planId, String planTitle, String kind, String period, String title, String state,
                      String number, LocalDateTime generatedAt, LocalDateTime issuedAt) {}
}
