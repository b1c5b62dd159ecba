package cn.gongfu.importing;

import cn.gongfu.ingest.DocumentMetadata;
import cn.gongfu.ingest.ParsedDocument;
import cn.gongfu.ingest.ParsedIndicator;
import cn.gongfu.ingest.ParsedIndicatorValue;
import cn.gongfu.ingest.ParsedMilestone;
import cn.gongfu.ingest.ParsedTarget;
import cn.gongfu.ingest.ParsedTask;
import cn.gongfu.plan.PlanDraft;
import cn.gongfu.plan.PlanDraft.IndicatorDraft;
import cn.gongfu.plan.PlanDraft.MilestoneDraft;
import cn.gongfu.plan.PlanDraft.ObservationDraft;
import cn.gongfu.plan.PlanDraft.SectionDraft;
import cn.gongfu.plan.PlanDraft.TargetDraft;
import cn.gongfu.plan.PlanDraft.TaskDraft;
import cn.gongfu.vocabulary.Polarity;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns what the parser read into a {@link PlanDraft}: a pure mapping, no database. Unit names stay as
 * the document writes them; the plan writer resolves them through aliases once the office has decided.
 */
final class DraftMapper {

    /** The parser's task categories (contract names) to the plan model's. */
    private static final Map<String, String> CATEGORIES = Map.of(
            "measure", "measure", "goal", "goal", "key-work", "key_work", "reform", "major_reform",
            "signature-result", "signature_result", "project", "project", "item", "measure");

    static final String TARGET_SYSTEM = "目标体系";
    static final String WORK_SYSTEM = "工作体系";
    static final String POLICY_SYSTEM = "政策体系";
    static final String EVALUATION_SYSTEM = "评价体系";

    private DraftMapper() {}

    /** @param title, start, end the document's title and period, or what the office entered where it has none */
    static PlanDraft toDraft(ParsedDocument doc, String title, String regionCode, String kind, int start, int end) {
        List<SectionDraft> sections = doc.sections().stream()
                .map(s -> new SectionDraft(s.id(), s.parentId(), s.label(), s.title())).toList();
        List<TaskDraft> tasks = doc.tasks().stream().map(t -> task(t, end)).toList();
        List<IndicatorDraft> indicators = doc.indicators().stream().map(DraftMapper::indicator).toList();
        DocumentMetadata meta = doc.metadata() == null ? DocumentMetadata.EMPTY : doc.metadata();
        return new PlanDraft(title, regionCode, null, start, end, kind, sections, tasks, indicators,
                new PlanDraft.Publication(meta.docNumber(), meta.indexNumber(), meta.issuedOn()));
    }

    static String category(String parsed) {
        return CATEGORIES.getOrDefault(parsed, "measure");
    }

    private static TaskDraft task(ParsedTask t, int endYear) {
        Map<String, String> columns = t.columns() == null ? Map.of() : t.columns();
        List<MilestoneDraft> milestones = t.milestones().stream().filter(ParsedMilestone::isDated)
                .map(m -> new MilestoneDraft(m.from().toString(), m.to().toString(), m.text())).toList();
        List<TargetDraft> targets = t.targets().stream()
                .filter(x -> x.indicator() != null && !x.indicator().isBlank())
                .map(x -> target(x, endYear)).toList();
        return new TaskDraft(t.list(), t.code(), t.sectionId(), category(t.category()), t.group(), t.title(),
                t.text(), t.leadUnits(), t.coUnits() == null ? List.of() : t.coUnits(), columns.get(TARGET_SYSTEM), columns.get(WORK_SYSTEM),
                columns.get(POLICY_SYSTEM), columns.get(EVALUATION_SYSTEM), milestones, targets, t.leadOfficials());
    }

    private static TargetDraft target(ParsedTarget t, int endYear) {
        return new TargetDraft(t.indicator(), t.comparator().code(), t.value(), t.min(), t.max(), t.unit(),
                t.year() == null ? endYear : t.year(), t.text());
    }

    /**
     * The table's yearly cells are targets, except the base year's (the baseline, where the plan starts from) and
     * the cells of a table of actuals (a yearbook): those are observations of their years.
     */
    private static IndicatorDraft indicator(ParsedIndicator i) {
        List<TargetDraft> values = i.targetValues().stream().map(v -> value(i, v)).toList();
        List<ParsedIndicatorValue> observed = i.actual() ? i.values() : i.baseline() == null ? List.of() : List.of(i.baseline());
        List<ObservationDraft> observations = observed.stream().filter(v -> v.value() != null)
                .map(v -> new ObservationDraft(String.valueOf(v.year()), v.value(), v.raw())).toList();
        String polarity = (i.polarity() == null ? Polarity.HIGHER : i.polarity()).code();
        return new IndicatorDraft(i.code(), i.domain(), i.name(), i.unit(), polarity, i.cumulative(),
                null, null, values, observations);
    }

    private static TargetDraft value(ParsedIndicator i, ParsedIndicatorValue v) {
        return new TargetDraft(i.name(), v.comparator().code(), v.value(), null, null, i.unit(), v.year(), v.raw());
    }

    /** Every unit name the draft uses, in document order, with how many tasks name it. */
    static Map<String, Integer> unitNames(PlanDraft draft) {
        Map<String, Integer> names = new LinkedHashMap<>();
        for (TaskDraft t : draft.tasks()) {
            t.leadUnits().forEach(n -> names.merge(n, 1, Integer::sum));
            t.coUnits().forEach(n -> names.merge(n, 1, Integer::sum));
        }
        return names;
    }
}
