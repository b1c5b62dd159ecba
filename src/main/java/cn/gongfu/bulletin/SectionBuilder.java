package cn.gongfu.bulletin;

import cn.gongfu.bulletin.BulletinContent.Section;
import cn.gongfu.plan.Plan;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/**
 * Builds one part of a bulletin's body from live data, when the draft is generated or regenerated. Every builder
 * bean is asked in {@link #order()}; each returns its section (or none) and may add figures to the counts the summary
 * states. The narrative parts (summary first, problems and requirements last) are placed around them by
 * {@link BulletinService}.
 *
 * <p>Orders in use: 20 lagging indicators, 30 overdue reports, 35 units named by escalation
 * ({@link EscalatedUnitsSection}, from {@code supervision.Escalations.namedInBulletin}), 40 unit rankings, 50 the open
 * issues, instructions and orders with each unit's closure rate ({@link OpenItemsSection}), 60 the cases selected in
 * the period ({@link CasesSection}).
 */
interface SectionBuilder {

    /** Where the section stands in the body: smaller first. */
    int order();

    /** The section for the bulletin being generated; may put figures into {@code counts}. */
    Optional<Section> build(Context context, Map<String, Integer> counts);

    /**
     * What a builder knows of the bulletin being generated.
     *
     * @param today the day of generation (from the clock): overdue is judged as of it
     */
    record Context(Plan plan, BulletinPeriod period, LocalDate today) {}
}
