package cn.gongfu.plan;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Set;

/**
 * A plan document (规划/方案) as stored: the source file itself is kept apart, see {@code plan_source}. docNumber (文号),
 * indexNumber (索引号) and issuedOn (发文日期) are what the document said about itself, or null;
 * publicSince and publicSections say whether and how deep the public portal shows it ({@link PlanPublicity}).
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
        LocalDateTime publicSince,
        String publicSections) {

    public boolean isPublic() {
        return publicSince != null;
    }

    /** What the portal shows of the plan beyond its overview; nothing while the plan is not public. */
    public Set<PublicSection> shownToThePublic() {
        return isPublic() ? PublicSection.parse(publicSections) : Set.of();
    }

    /** Whether the portal shows this section of the plan: the plan is public and the office chose the section. */
    public boolean showsThePublic(PublicSection section) {
        return shownToThePublic().contains(section);
    }
}
