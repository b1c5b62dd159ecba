package cn.gongfu.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the rows of a task list table (annex 重点工作清单 / 重大改革清单) into tasks: one column is the task
 * with its units in brackets, the schedule column becomes milestones, the other columns are kept by header
 * name; one-cell rows are groups, and a group's "(12项)" is checked against the rows listed under it.
 */
final class TaskTableInterpreter {

    private static final Pattern SCHEDULE_HEADER = Pattern.compile(".*(?:进度|时间|节点|安排|时限).*");
    private static final Pattern TITLE_HEADER = Pattern.compile(".*(?:工作|任务|项目|改革|名称|事项|内容|举措|成果).*");
    /** A column of its own for the lead units ("牵头单位", "责任单位") or for the co-operating ones ("配合单位"). */
    private static final Pattern LEAD_UNIT_HEADER = Pattern.compile("(?:牵头|责任|主责|主要责任)(?:单位|部门)");
    private static final Pattern CO_UNIT_HEADER = Pattern.compile("(?:配合|协办|协同|参与)(?:单位|部门)");
    private static final Pattern NUMBER_HEADER = Pattern.compile("序号|编号|序|No\\.?");

    record Result(List<TaskDraft> tasks, List<ParsedSection> groups, List<Finding> findings) {
    }

    private TaskTableInterpreter() {
    }

    static boolean isTaskHeader(List<String> header) {
        long named = header.stream().filter(h -> !h.isBlank()).count();
        return named >= 3 && header.stream().anyMatch(h -> TITLE_HEADER.matcher(h).matches() || h.contains("责任单位"));
    }

    static Result interpret(List<String> header, List<TableRow> rows, String listName, String parentSectionId,
                            String idPrefix, int year, Integer targetYear, String category) {
        int numberCol = -1;
        int titleCol = -1;
        int scheduleCol = -1;
        int leadCol = -1;
        int coCol = -1;
        int targetTitleCol = -1;
        for (int c = 0; c < header.size(); c++) {
            String h = header.get(c).replaceAll("\\s", "");
            boolean titleLike = TITLE_HEADER.matcher(h).matches();
            if (numberCol < 0 && NUMBER_HEADER.matcher(h).matches()) {
                numberCol = c;
            } else if (!titleLike && CO_UNIT_HEADER.matcher(h).find()) {
                coCol = c;
            } else if (!titleLike && leadCol < 0 && LEAD_UNIT_HEADER.matcher(h).find()) {
                leadCol = c;
            } else if (titleCol < 0 && titleLike && h.contains("目标") && !h.contains("责任单位")) {
                // "工作目标" names a task only when no column names the work itself.
                targetTitleCol = targetTitleCol < 0 ? c : targetTitleCol;
            } else if (titleCol < 0 && (h.contains("责任单位") || titleLike)) {
                titleCol = c;
            } else if (SCHEDULE_HEADER.matcher(h).matches()) {
                scheduleCol = c;
            }
        }
        if (titleCol < 0) {
            titleCol = targetTitleCol;
        }
        if (titleCol < 0) {
            titleCol = numberCol == 0 ? 1 : 0;
        }
        List<TaskDraft> tasks = new ArrayList<>();
        List<ParsedSection> groups = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        String groupName = null;
        String groupId = null;
        int declared = -1;
        int listedInGroup = 0;
        int groupLine = 0;
        int lastNumber = 0;
        for (TableRow row : rows) {
            if (row.nonEmpty() == 1 && (numberCol < 0 || !row.first().matches("\\d{1,3}"))) {
                checkGroup(listName, groupName, declared, listedInGroup, groupLine, findings);
                String g = row.first();
                Matcher m = Markers.ANNEX_GROUP.matcher(g);
                groupName = m.matches() ? m.group(1).trim() : g;
                declared = m.matches() ? Integer.parseInt(m.group(2)) : -1;
                listedInGroup = 0;
                groupLine = row.line();
                groupId = idPrefix + "g" + (groups.size() + 1);
                groups.add(new ParsedSection(groupId, parentSectionId, listName, groupName, "group", row.line()));
                continue;
            }
            List<String> cells = row.cells();
            String titleCell = titleCol < cells.size() ? cells.get(titleCol) : "";
            if (titleCell.isBlank()) {
                continue;
            }
            TaskDraft t = new TaskDraft();
            t.list = listName;
            t.category = category;
            t.line = row.line();
            t.group = groupName;
            t.sectionId = groupId != null ? groupId : parentSectionId;
            String code = numberCol >= 0 && numberCol < cells.size() ? cells.get(numberCol).trim() : "";
            if (code.isEmpty()) {
                code = String.valueOf(tasks.size() + 1);
                t.codeGenerated = true;
            }
            t.code = code;
            if (code.matches("\\d{1,4}")) {
                int n = Integer.parseInt(code);
                t.number = n;
                if (lastNumber > 0 && n != lastNumber + 1) {
                    findings.add(new Finding("numbering-gap", listName + "：序号" + lastNumber + "之后是" + n + " / "
                            + listName + ": number " + n + " follows " + lastNumber,
                            List.of(listName + "/" + code), row.line()));
                }
                lastNumber = n;
            }
            ResponsibleUnits.Split split = ResponsibleUnits.trailingBrackets(titleCell);
            t.title = split.rest();
            t.leadUnits.addAll(split.units());
            if (leadCol >= 0 && leadCol < cells.size() && !cells.get(leadCol).isBlank()) {
                ResponsibleUnits.Split cell = ResponsibleUnits.unitCell(cells.get(leadCol));
                t.leadUnits.addAll(cell.units());
                t.coUnits.addAll(cell.coUnits());
            }
            if (coCol >= 0 && coCol < cells.size() && !cells.get(coCol).isBlank()) {
                t.coUnits.addAll(ResponsibleUnits.split(cells.get(coCol)));
            }
            t.text.append(t.title);
            for (int c = 0; c < header.size() && c < cells.size(); c++) {
                if (c == numberCol || c == titleCol) {
                    continue;
                }
                String value = cells.get(c).trim();
                if (!value.isEmpty()) {
                    t.columns.put(header.get(c).trim(), value);
                }
            }
            for (int c = 0; c < header.size() && c < cells.size(); c++) {
                String h = header.get(c);
                if (c != numberCol && c != titleCol && c != scheduleCol && h.contains("目标") && !cells.get(c).isBlank()) {
                    t.targets.addAll(TargetExtractor.extract(cells.get(c), targetYear, TargetExtractor.Mode.TARGET_TEXT));
                }
            }
            if (scheduleCol >= 0 && scheduleCol < cells.size() && !cells.get(scheduleCol).isBlank()) {
                t.milestones.addAll(ScheduleParser.parse(cells.get(scheduleCol), year));
            }
            tasks.add(t);
            listedInGroup++;
        }
        checkGroup(listName, groupName, declared, listedInGroup, groupLine, findings);
        return new Result(tasks, groups, findings);
    }

    private static void checkGroup(String list, String group, int declared, int listed, int line, List<Finding> findings) {
        if (group != null && declared >= 0 && declared != listed) {
            findings.add(new Finding("declared-count-mismatch",
                    list + "「" + group + "」标明" + declared + "项，实际列出" + listed + "项 / group declares " + declared
                            + " items but lists " + listed,
                    List.of(list + "/" + group), line));
        }
    }
}
