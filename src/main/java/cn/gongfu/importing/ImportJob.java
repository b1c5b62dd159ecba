package cn.gongfu.importing;

import cn.gongfu.ingest.ColumnRoles;
import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.LocalDateTime;

/**
 * An uploaded document waiting for review, or already published as a plan, or imported as the progress reports of a
 * plan (reported; planId is then that plan), or discarded.
 *
 * @param draftVersion how many corrections the office has made to the draft (a correction names the version it was made on)
 * @param corrected    whether the office has corrected the draft: the review then shows the corrected draft, not the parse
 * @param reportedPeriod the reporting period a progress document's drafts went to (state reported), else null
 * @param columnRoles  the office's choices of what table columns hold, as stored ({@link ColumnChoices}); null for none
 */
public record ImportJob(
        long id,
        String fileName,
        String contentType,
        String sha256,
        long sizeBytes,
        String regionCode,
        String kind,
        Long previousPlanId,
        String title,
        Integer startYear,
        Integer endYear,
        String state,
        Long planId,
        LocalDateTime createdAt,
        int draftVersion,
        boolean corrected,
        String reportedPeriod,
        @JsonIgnore String columnRoles) {

    /** The office's column choices the document is read with. */
    public ColumnRoles roles() {
        return ColumnChoices.read(columnRoles);
    }

    public boolean inReview() {
        return "review".equals(state);
    }

    public boolean reported() {
        return "reported".equals(state);
    }
}
