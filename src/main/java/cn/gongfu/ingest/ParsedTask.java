package cn.gongfu.ingest;

import java.util.List;
import java.util.Map;

/**
 * A task as the document lists it. list is "main" for the body or the annex's name (附件二);
 * code is the number as written, or a generated one (codeGenerated) for unnumbered measures.
 * columns holds the table columns of annex lists (目标体系, 工作体系, …) keyed by their header.
 * leadUnits are the units that lead (牵头); coUnits those named as co-operating (配合单位, or unmarked next to "（牵头）").
 * leadOfficials are people, never units: a 分管领导 / 牵头负责领导 / 责任人 column or line ("俞悦", "成坤"), or the leader a
 * group is keyed by ("一、朱伟县长牵头重点工作").
 * progress is what a progress table's row reports about the task ({@link ParsedProgress}), null for a task of any other
 * table or of the text.
 */
public record ParsedTask(
        String list,
        String code,
        boolean codeGenerated,
        String category,
        String sectionId,
        String group,
        String title,
        String text,
        List<String> leadUnits,
        List<ParsedTarget> targets,
        Map<String, String> columns,
        List<ParsedMilestone> milestones,
        int line,
        List<String> coUnits,
        List<String> leadOfficials,
        ParsedProgress progress) {

    public ParsedTask {
        leadOfficials = leadOfficials == null ? List.of() : List.copyOf(leadOfficials);
    }

    public ParsedTask(String list, String code, boolean codeGenerated, String category, String sectionId, String group,
                      String title, String text, List<String> leadUnits, List<ParsedTarget> targets, Map<String, String> columns,
                      List<ParsedMilestone> milestones, int line, List<String> coUnits) {
        this(list, code, codeGenerated, category, sectionId, group, title, text, leadUnits, targets, columns, milestones,
                line, coUnits, List.of(), null);
    }

    public ParsedTask(String list, String code, boolean codeGenerated, String category, String sectionId, String group,
                      String title, String text, List<String> leadUnits, List<ParsedTarget> targets, Map<String, String> columns,
                      List<ParsedMilestone> milestones, int line, List<String> coUnits, List<String> leadOfficials) {
        this(list, code, codeGenerated, category, sectionId, group, title, text, leadUnits, targets, columns, milestones,
                line, coUnits, leadOfficials, null);
    }
}
