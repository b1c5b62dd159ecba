package cn.gongfu.ingest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A task while it is being read; turned into an immutable {@link ParsedTask} at the end. */
final class TaskDraft {
    String list = "main";
    String code;
    int number = -1;
    boolean codeGenerated;
    /** A "（1）" / "①" item listed as a task (below a numbered heading); numbered in its own sequence. */
    boolean subItem;
    /** A section paragraph that is itself a measure ("（一）…（牵头单位：…）"); its code is the section label. */
    boolean sectionTask;
    String category = "measure";
    String sectionId;
    String group;
    String title;
    final StringBuilder text = new StringBuilder();
    List<String> leadUnits = new ArrayList<>();
    /** 配合单位 / 协办单位: units that co-operate but do not lead. */
    List<String> coUnits = new ArrayList<>();
    /** Units of a "责任单位：" line: lead units unless a "牵头单位：" line named the lead, then co-units. */
    List<String> dutyUnits = new ArrayList<>();
    /** A "牵头单位：" line named the lead units. */
    boolean leadLine;
    /** People (牵头负责领导, 分管领导, 责任人), never units. */
    List<String> leadOfficials = new ArrayList<>();
    List<ParsedTarget> targets = new ArrayList<>();
    Map<String, String> columns = new LinkedHashMap<>();
    List<ParsedMilestone> milestones = new ArrayList<>();
    /** What a progress table's row reports; null for a task of any other table or of the text. */
    ParsedProgress progress;
    int line;

    ParsedTask build() {
        return new ParsedTask(list, code, codeGenerated, category, sectionId, group, title, text.toString(),
                List.copyOf(leadUnits), List.copyOf(targets), columns.isEmpty()
                        ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(columns)),
                List.copyOf(milestones), line, List.copyOf(coUnits), List.copyOf(leadOfficials), progress);
    }
}
