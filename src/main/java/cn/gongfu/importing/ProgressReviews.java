package cn.gongfu.importing;

import cn.gongfu.ingest.ParsedDocument;
import cn.gongfu.ingest.ParsedProgress;
import cn.gongfu.ingest.ParsedTask;
import cn.gongfu.kernel.BundleText;
import cn.gongfu.kernel.PageRequest;
import cn.gongfu.plan.Plan;
import cn.gongfu.plan.PlanService;
import cn.gongfu.plan.PlanService.TaskText;
import cn.gongfu.reporting.ProgressDrafts;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Component;

/**
 * Sees whether an uploaded document is the progress of a published plan of its region: its tasks come (mostly) from
 * progress tables, and at least half of those rows match tasks of one plan ({@link ProgressMatcher}). Of several such
 * plans, one whose title the document names (《…》进展情况) goes first, then the one with most rows matched, then the newest.
 */
@Component
class ProgressReviews {

    /** The published plans of a region a document's rows are tried against, newest first. */
    private static final int CANDIDATES = 20;

    private final PlanService plans;
    private final ProgressDrafts drafts;

    ProgressReviews(PlanService plans, ProgressDrafts drafts) {
        this.plans = plans;
        this.drafts = drafts;
    }

    /**
     * The document as progress of a plan, or null when it is not one. An import already reported is shown against the
     * plan it was reported to.
     */
    ProgressReview of(ImportJob job, ParsedDocument doc, String period) {
        List<ParsedTask> rows = doc.tasks().stream().filter(t -> t.progress() != null).toList();
        if (rows.isEmpty() || rows.size() * 2 < doc.tasks().size()) return null;
        List<Plan> candidates = job.planId() != null
                ? plans.find(job.planId()).stream().toList()
                : plans.list(job.regionCode(), "published", null, new PageRequest(0, CANDIDATES)).items();
        Plan best = null;
        List<TaskText> bestMatch = null;
        long bestCount = 0;
        boolean bestNamed = false;
        for (Plan plan : candidates) {
            List<TaskText> match = ProgressMatcher.match(rows, plans.taskTexts(plan.id()));
            long count = match.stream().filter(Objects::nonNull).count();
            boolean named = doc.title() != null && doc.title().contains(withoutPeriod(plan.title()));
            if (count * 2 < rows.size() || count == 0) continue;
            if (best == null || named && !bestNamed || named == bestNamed && count > bestCount) {
                best = plan;
                bestMatch = match;
                bestCount = count;
                bestNamed = named;
            }
        }
        if (best == null) return null;
        List<ProgressReview.Row> out = new ArrayList<>();
        List<Long> reported = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            ParsedTask row = rows.get(i);
            TaskText task = bestMatch.get(i);
            String text = text(row.progress());
            out.add(new ProgressReview.Row(row.code(), row.title(), text, percent(row.progress()),
                    task == null ? null : task.id(), task == null ? null : task.code(), task == null ? null : task.title(),
                    task == null ? List.of() : task.leadUnits()));
            if (task != null && text != null) reported.add(task.id());
        }
        return new ProgressReview(best, out, drafts.outline(best.id(), reported, period));
    }

    /**
     * "…实施方案（2026—2027年）" as a progress table names it: 《…实施方案》, the title up to its bracketed period. The
     * bracket is found by its code point (0xFF08 is the full-width one), so no Chinese literal is needed here.
     */
    static String withoutPeriod(String title) {
        for (int i = 4; i < title.length(); i++) {
            char c = title.charAt(i);
            if (c == '(' || c == 0xFF08) return title.substring(0, i).strip();
        }
        return title;
    }

    /**
     * The text a unit's report gets: the progress as written, then the achieved value, the rate where the per cent
     * field cannot hold it (105%, 超额完成) or it is all the row says, and the note, each on its line; null when the row
     * says nothing. It is the document's text, so it is stored in the document's language.
     */
    static String text(ParsedProgress p) {
        if (p == null || p.isEmpty()) return null;
        List<String> lines = new ArrayList<>();
        if (p.text() != null) lines.add(p.text());
        if (p.actual() != null) lines.add(BundleText.zh("imports.progress.actualLine", p.actual()));
        boolean percentHoldsRate = p.ratePercent() != null && p.ratePercent().compareTo(BigDecimal.valueOf(100)) <= 0;
        if (p.rate() != null && (!percentHoldsRate || lines.isEmpty() && p.note() == null)) {
            lines.add(BundleText.zh("imports.progress.rateLine", p.rate()));
        }
        if (p.note() != null) lines.add(BundleText.zh("imports.progress.noteLine", p.note()));
        return lines.isEmpty() ? null : String.join("\n", lines);
    }

    /** The rate as the per cent done of the task: rounded, and 100 for a task done beyond its target (105%). */
    static Integer percent(ParsedProgress p) {
        if (p == null || p.ratePercent() == null) return null;
        return p.ratePercent().min(BigDecimal.valueOf(100)).max(BigDecimal.ZERO).setScale(0, RoundingMode.HALF_UP).intValueExact();
    }
}
