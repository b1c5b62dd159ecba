package cn.gongfu.ingest;

import cn.gongfu.ingest.TableColumn.Role;
import cn.gongfu.vocabulary.TargetComparator;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the rows of a task table (重点工作清单, 责任分解表, 民生实事, 完成情况表) into tasks by the meaning of each column:
 * the title column (with units in brackets after it), the lead, co-operating and people columns, the deadline
 * column as milestones, targets from the 目标 columns (or from the title when there is none) — never from a
 * progress column, whose numbers are achievements. Every other column is kept by its header. Group rows are
 * groups; a group's "(12项)" is checked against the rows listed under it, its "(牵头领导:…)" names the people of
 * the rows that have none of their own.
 */
final class TaskTableInterpreter {

    private static final Pattern BARE_NUMBER = Pattern.compile("\\d+(?:\\.\\d+)?");
    /** "城镇新增就业(人)": an indicator and, in brackets, its unit. */
    private static final Pattern GROUP_UNIT = Pattern.compile("^(.+?)[（(]([^（）()]{1,6})[）)]$");
    private static final Pattern GROUP_OFFICIALS = Pattern.compile("[（(](?:牵头领导|分管领导|责任领导|牵头负责领导)[:：]([^（）()]+)[）)]\\s*$");
    /** "陆 明": a two-character name padded to three with a space, as tables align names. */
    private static final Pattern PADDED_NAME = Pattern.compile("^([\\u4e00-\\u9fff]) ([\\u4e00-\\u9fff])(?![\\u4e00-\\u9fff])|^([\\u4e00-\\u9fff]) ([\\u4e00-\\u9fff])");

    /** A completion rate's number: "72%", "完成98%", "100 %". */
    private static final Pattern RATE_NUMBER = Pattern.compile("^\\D{0,4}?(\\d+(?:\\.\\d+)?)\\s*%");

    record Result(List<TaskDraft> tasks, List<ParsedSection> groups, List<Finding> findings) {
    }

    private TaskTableInterpreter() {
    }

    static boolean isTaskTable(Table table) {
        return table.has(Role.TITLE) && !table.isIndicatorTable();
    }

    static Result interpret(Table table, String listName, String parentSectionId, String idPrefix, int year,
                            Integer targetYear, String category) {
        List<TableColumn> columns = table.columns();
        int numberCol = table.column(Role.SERIAL);
        int titleCol = table.column(Role.TITLE);
        boolean hasTargetColumn = table.has(Role.TARGET);
        List<TaskDraft> tasks = new ArrayList<>();
        List<ParsedSection> groups = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        String groupName = null;
        String groupId = null;
        List<String> groupOfficials = List.of();
        int declared = -1;
        int listedInGroup = 0;
        int groupLine = 0;
        int lastNumber = 0;
        for (TableRow row : table.rows()) {
            if (row.group()) {
                checkGroup(listName, groupName, declared, listedInGroup, groupLine, findings);
                String g = row.first();
                Matcher officials = GROUP_OFFICIALS.matcher(g);
                groupOfficials = officials.find() ? ResponsibleUnits.split(officials.group(1)) : List.of();
                if (!groupOfficials.isEmpty()) {
                    g = g.substring(0, officials.start()).trim();
                }
                Matcher m = Markers.ANNEX_GROUP.matcher(g);
                groupName = m.matches() ? m.group(1).trim() : g;
                declared = m.matches() ? Integer.parseInt(m.group(2)) : -1;
                listedInGroup = 0;
                groupLine = row.line();
                groupId = idPrefix + "g" + (groups.size() + 1);
                groups.add(new ParsedSection(groupId, parentSectionId, listName, groupName, "group", row.line()));
                continue;
            }
            String titleCell = row.cell(titleCol);
            if (titleCell.isBlank() || CellAligner.kindOf(titleCell) == CellAligner.Kind.NUMBER) {
                continue;
            }
            TaskDraft t = new TaskDraft();
            t.list = listName;
            t.category = category;
            t.line = row.line();
            t.group = groupName;
            t.sectionId = groupId != null ? groupId : parentSectionId;
            String code = row.cell(numberCol).trim();
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
            if (titleCell.startsWith("★") || titleCell.startsWith("☆")) {
                // "★地区生产总值增长15%": the star marks a key task; it is no part of the title.
                t.columns.put("★", titleCell.substring(0, 1));
                titleCell = titleCell.substring(1).trim();
            }
            ResponsibleUnits.Split split = ResponsibleUnits.trailingBrackets(titleCell);
            t.title = split.rest();
            t.leadUnits.addAll(split.units());
            t.text.append(t.title);
            for (int c = 0; c < columns.size(); c++) {
                String value = row.cell(c).trim();
                Role role = columns.get(c).role();
                if (c == numberCol || c == titleCol || value.isEmpty()) {
                    continue;
                }
                t.columns.put(columns.get(c).header(), value);
                switch (role) {
                    case LEAD_UNITS -> {
                        ResponsibleUnits.Split cell = ResponsibleUnits.unitCell(value);
                        t.leadUnits.addAll(cell.units());
                        t.coUnits.addAll(cell.coUnits());
                    }
                    case CO_UNITS -> t.coUnits.addAll(ResponsibleUnits.split(value));
                    case PEOPLE -> t.leadOfficials.addAll(names(value));
                    case TARGET -> t.targets.addAll(columns.get(c).group() != null && BARE_NUMBER.matcher(value).matches()
                            ? TargetExtractor.extract(underGroup(columns.get(c).group(), value), targetYear, TargetExtractor.Mode.TARGET_TEXT)
                            : named(TargetExtractor.extract(value, targetYear, TargetExtractor.Mode.TARGET_TEXT), t.title, value, targetYear));
                    case DEADLINE -> t.milestones.addAll(ScheduleParser.parse(value, year));
                    default -> {
                        // Progress, rates, notes and other columns are kept by their header only: no targets.
                    }
                }
            }
            if (t.leadOfficials.isEmpty()) {
                t.leadOfficials.addAll(groupOfficials);
            }
            if (table.isProgress()) {
                t.progress = progress(row, columns);
            }
            if (!hasTargetColumn) {
                // "地区生产总值突破1万亿元。": where no column holds the targets, the task states them.
                t.targets.addAll(TargetExtractor.extract(t.title, targetYear, TargetExtractor.Mode.TARGET_TEXT));
            }
            tasks.add(t);
            listedInGroup++;
        }
        checkGroup(listName, groupName, declared, listedInGroup, groupLine, findings);
        return new Result(tasks, groups, findings);
    }

    /**
     * What a progress table's row reports: the words of its progress columns ("已完成选址" — several joined by line
     * breaks), the first of them that is a value ("6453人", an achievement), its completion rate ("72%") and its note.
     */
    static ParsedProgress progress(TableRow row, List<TableColumn> columns) {
        List<String> text = new ArrayList<>();
        String actual = null;
        String rate = null;
        String note = null;
        for (int c = 0; c < columns.size(); c++) {
            String value = row.cell(c).trim();
            if (value.isEmpty()) {
                continue;
            }
            Role role = columns.get(c).role();
            if (role == Role.RATE && rate == null) {
                rate = value;
            } else if (role == Role.NOTE && note == null) {
                note = value;
            } else if (role == Role.PROGRESS) {
                CellAligner.Kind kind = CellAligner.kindOf(value);
                boolean isValue = kind == CellAligner.Kind.NUMBER || kind == CellAligner.Kind.QUANTITY
                        || kind == CellAligner.Kind.PERCENT;
                if (isValue && actual == null) {
                    actual = value;
                } else {
                    text.add(value);
                }
            }
        }
        return new ParsedProgress(text.isEmpty() ? null : String.join("\n", text), actual, rate, percent(rate), note);
    }

    /** "72%", "完成98%", "100 %": the number before the per cent sign; null for a rate written otherwise. */
    private static BigDecimal percent(String rate) {
        if (rate == null) {
            return null;
        }
        Matcher m = RATE_NUMBER.matcher(rate.replace('％', '%'));
        return m.find() ? new BigDecimal(m.group(1)) : null;
    }

    /**
     * A bare number under a group names the group's indicator, its unit in the group's bracket: "27800" under
     * "城镇新增就业(人)" reads "城镇新增就业27800人", "4.3" under "城镇登记失业率低于(%)" reads "城镇登记失业率低于4.3%".
     */
    private static String underGroup(String group, String value) {
        Matcher m = GROUP_UNIT.matcher(group.trim());
        return m.matches() ? m.group(1) + value + m.group(2) : group.trim() + value;
    }

    /** A bare value in a target column ("8950人", "5") is the target of the task's own title ("新增城镇就业"). */
    private static List<ParsedTarget> named(List<ParsedTarget> targets, String title, String cell, Integer year) {
        List<ParsedTarget> out = new ArrayList<>();
        String name = title.replaceAll("[。；;，,\\s]+$", "");
        if (targets.isEmpty() && CellAligner.kindOf(cell) == CellAligner.Kind.NUMBER && cell.matches("\\d+(?:\\.\\d+)?")) {
            out.add(new ParsedTarget(name, TargetComparator.GE, new BigDecimal(cell), null, null, null, year, false, cell));
            return out;
        }
        for (ParsedTarget x : targets) {
            out.add(x.indicator() != null && !x.indicator().isBlank() ? x : new ParsedTarget(name, x.comparator(), x.value(),
                    x.min(), x.max(), x.unit(), x.year(), x.implied(), x.text(), x.approximate()));
        }
        return out;
    }

    /** People in a cell: "成坤、柯相国", "陆 明俞 悦" (two padded names), "俞 悦". */
    static List<String> names(String cell) {
        List<String> out = new ArrayList<>();
        for (String part : cell.trim().split("[、，,；;/]+|\\s{2,}")) {
            String rest = part.trim();
            while (!rest.isEmpty()) {
                Matcher padded = PADDED_NAME.matcher(rest);
                if (padded.find()) {
                    String a = padded.group(1) != null ? padded.group(1) : padded.group(3);
                    String b = padded.group(2) != null ? padded.group(2) : padded.group(4);
                    out.add(a + b);
                    rest = rest.substring(padded.end()).trim();
                    continue;
                }
                int space = rest.indexOf(' ');
                String name = space < 0 ? rest : rest.substring(0, space);
                if (!name.isEmpty()) {
                    out.add(name);
                }
                rest = space < 0 ? "" : rest.substring(space + 1).trim();
            }
        }
        return out;
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
