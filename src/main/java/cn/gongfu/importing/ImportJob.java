package cn.gongfu.importing;

import java.time.LocalDateTime;

/** An uploaded document waiting for review, or already published as a plan, or discarded. */
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
        LocalDateTime createdAt) {

    public boolean inReview() {
        return "review".equals(state);
    }
}
