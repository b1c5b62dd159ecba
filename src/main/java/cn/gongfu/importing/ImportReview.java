package cn.gongfu.importing;

import cn.gongfu.ingest.Finding;
import cn.gongfu.ingest.ParsedDocument;
import cn.gongfu.ingest.ParsedTable;
import cn.gongfu.plan.Plan;
import cn.gongfu.plan.PlanDraft;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the office checks before publishing an import: what was read, how its units resolve, which
 * targets land on known indicators, what changes against the previous version, and what still blocks it.
 *
 * @param draft      null when the document lacks what a plan needs (see problems)
 * @param indicators each indicator name the draft uses, with the id of the existing indicator it matches or null for new
 * @param unitMismatches targets written in another unit than their indicator: warnings, publishing stays possible
 * @param diff       null unless the import is a new version of {@code previousPlan}
 * @param progress   the document as the progress of a published plan (its tables report progress), or null
 */
public record ImportReview(
        ImportJob job,
        @JsonIgnore ParsedDocument document,
        PlanDraft draft,
        List<UnitResolution> units,
        Map<String, Long> indicators,
        List<String> problems,
        List<UnitMismatch> unitMismatches,
        Plan previousPlan,
        PlanDiff diff,
        ProgressReview progress) {

    /** What the parser noticed in the document: count mismatches, numbering gaps, targets that move the wrong way. */
    public List<Finding> findings() {
        return document.findings();
    }

    /** The tables the parser read, each column with the meaning it was read with (the office can reassign it). */
    @JsonProperty
    public List<ParsedTable> tables() {
        return document.tables();
    }

    /** Whether the findings section has anything to show: the parser's findings or the review's own. */
    public boolean hasFindings() {
        return !document.findings().isEmpty() || !unitMismatches.isEmpty();
    }

    public boolean canPublish() {
        return job.inReview() && problems.isEmpty();
    }

    public long unknownUnits() {
        return units.stream().filter(UnitResolution::unknown).count();
    }

    public long newIndicators() {
        return indicators.values().stream().filter(Objects::isNull).count();
    }

    // The counts describe what would be published: the draft (the parse as the office corrected it) where there is
    // one, the parse where the document lacks what a plan needs and there is no draft.

    public int sectionCount() {
        return draft != null ? draft.sections().size() : document.sections().size();
    }

    public int taskCount() {
        return draft != null ? draft.tasks().size() : document.tasks().size();
    }

    /** The targets tasks set (an indicator table's yearly targets are the indicators'). */
    public int targetCount() {
        return draft != null ? draft.tasks().stream().mapToInt(t -> t.targets().size()).sum()
                : document.tasks().stream().mapToInt(t -> t.targets().size()).sum();
    }

    public int milestoneCount() {
        return draft != null ? draft.tasks().stream().mapToInt(t -> t.milestones().size()).sum()
                : document.tasks().stream().mapToInt(t -> t.milestones().size()).sum();
    }

    public int indicatorCount() {
        return draft != null ? draft.indicators().size() : document.indicators().size();
    }
}
