package cn.gongfu.plan;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A plan as it arrives from outside (demo data, and later the document importer): everything named,
 * nothing resolved to database ids yet. {@link PlanWriter} stores one in a single transaction.
 * Units are referred to by name or alias; sections by a key local to the draft. publication holds the document's 文号,
 * 索引号 and 发文日期 where it gave them ({@link Publication#NONE} otherwise).
 */
public record PlanDraft(
        String title,
        String regionCode,
        String issuer,
        int startYear,
        int endYear,
        String kind,
        List<SectionDraft> sections,
        List<TaskDraft> tasks,
        List<IndicatorDraft> indicators,
        Publication publication) {

    public PlanDraft {
        sections = orEmpty(sections);
        tasks = orEmpty(tasks);
        indicators = orEmpty(indicators);
        publication = publication == null ? Publication.NONE : publication;
    }

    /** A draft whose document gave no 文号, 索引号 or 发文日期. */
    public PlanDraft(String title, String regionCode, String issuer, int startYear, int endYear, String kind,
            List<SectionDraft> sections, List<TaskDraft> tasks, List<IndicatorDraft> indicators) {
        this(title, regionCode, issuer, startYear, endYear, kind, sections, tasks, indicators, Publication.NONE);
    }

    /** 文号 (e.g. 长政办发〔2023〕7号), 索引号 and 发文日期 of the published document; each may be null. */
    public record Publication(String docNumber, String indexNumber, LocalDate issuedOn) {
        public static final Publication NONE = new Publication(null, null, null);
    }

    static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    public record SectionDraft(String key, String parentKey, String label, String title) {}

    public record TaskDraft(
            String list,
            String code,
            String sectionKey,
            String category,
            String group,
            String title,
            String text,
            List<String> leadUnits,
            List<String> coUnits,
            String targetSystem,
            String workSystem,
            String policySystem,
            String evaluationSystem,
            List<MilestoneDraft> milestones,
            List<TargetDraft> targets,
            List<String> leadOfficials) {

        public TaskDraft {
            leadUnits = orEmpty(leadUnits);
            coUnits = orEmpty(coUnits);
            milestones = orEmpty(milestones);
            targets = orEmpty(targets);
            leadOfficials = orEmpty(leadOfficials);
        }

        /** A task whose document names no lead official (people: 牵头负责领导, 分管领导, 责任人). */
        public TaskDraft(String list, String code, String sectionKey, String category, String group, String title,
                         String text, List<String> leadUnits, List<String> coUnits, String targetSystem, String workSystem,
                         String policySystem, String evaluationSystem, List<MilestoneDraft> milestones,
                         List<TargetDraft> targets) {
            this(list, code, sectionKey, category, group, title, text, leadUnits, coUnits, targetSystem, workSystem,
                    policySystem, evaluationSystem, milestones, targets, List.of());
        }
    }

    public record MilestoneDraft(String from, String to, String text) {}

    /** A target as written: {@code indicator} is the indicator's name; {@code unit} its measurement unit. */
    public record TargetDraft(
            String indicator,
            String comparator,
            BigDecimal value,
            BigDecimal min,
            BigDecimal max,
            String unit,
            int year,
            String text) {}

    public record IndicatorDraft(
            String code,
            String domain,
            String name,
            String unit,
            String polarity,
            boolean cumulative,
            String responsibleUnit,
            String dataSource,
            List<TargetDraft> targets,
            List<ObservationDraft> observations) {

        public IndicatorDraft {
            targets = orEmpty(targets);
            observations = orEmpty(observations);
        }

        public IndicatorDraft(String code, String domain, String name, String unit, String polarity, boolean cumulative,
                              String responsibleUnit, String dataSource, List<TargetDraft> targets) {
            this(code, domain, name, unit, polarity, cumulative, responsibleUnit, dataSource, targets, List.of());
        }
    }

    /**
     * A value the document states as observed, not aimed at: the base year's cell of an indicator table (where the
     * plan starts from) or a yearbook's actuals. {@code period} is the year ("2022"); {@code text} the cell as written.
     */
    public record ObservationDraft(String period, BigDecimal value, String text) {}
}
