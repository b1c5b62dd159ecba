package cn.gongfu.plan;

import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * A plan document (规划/方案) as stored: the source file itself is kept apart, see {@code plan_source}. docNumber (文号),
 * indexNumber (索引号) and issuedOn (发文日期) are what the document said about itself, or null.
 */
public record Plan(
        long id,
        String title,
        String regionCode,
        String regionName,
        String issuer,
        int startYear,
        int endYear,
        String kind,
        String state,
        String sourceName,
        String sourceSha256,
        Long previousPlanId,
        LocalDateTime createdAt,
        int taskCount,
        String docNumber,
        String indexNumber,
        LocalDate issuedOn,
        LocalDateTime publicSince) {

    public boolean isPublic() {
        return publicSince != null;
    }
}
