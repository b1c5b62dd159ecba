package cn.gongfu.ingest;

import cn.gongfu.vocabulary.TargetComparator;
import java.time.Year;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Walks the logical lines once and builds the outline (chapters 一、, sections （一）, themes ——),
 * the tasks (numbered measures "54.", actions "●第十二大行动", unnumbered measures closed by their units,
 * annex table rows) and the indicators (tables with year columns, inline 指标目标 lists).
 */
final class StructureParser {

    private static final Pattern MEASURES_LEAD = Pattern.compile("^(?:工作举措|主要举措|重点举措|具体措施|主要任务|重点任务)\\s*[:：]\\s*");
    private static final Pattern LEADING_DEADLINE = Pattern.compile("^(?:到|至)?\\d{4}年(?:底|末)?前?[，,]");
    /** "(1)" / "（2）" items run together inside one paragraph ("…分别是: (1)加快…。 (2)开工…"). */
    private static final Pattern INLINE_ITEM = Pattern.compile("(?:^|(?<=[\\s。；;：:，,]))[（(](\\d{1,2})[）)]");
    private static final Pattern DECLARED_TOTAL = Pattern.compile("(\\d{1,3})(?:项|个|条)([\\u4e00-\\u9fff]{2,6}?)(?=[，,。；;、和及]|$)");

    private final List<SourceLine> lines;
    /** The document's physical lines (line number − 1), for the spaces and bars between table cells. */
    private final List<String> physical;
    /** The office's choices of what some table columns hold. */
    private final ColumnRoles roles;
    private final Period period;
    private final Integer targetYear;
    private final int docYear;

    final List<ParsedSection> sections = new ArrayList<>();
    final List<TaskDraft> tasks = new ArrayList<>();
    final List<ParsedIndicator> indicators = new ArrayList<>();
    final List<Finding> findings = new ArrayList<>();
    /** Every table read, as the office checks it on review (and reassigns its columns). */
    final List<ParsedTable> tables = new ArrayList<>();
    /** Totals the body announces ("73项重点工作"), checked later against the annex lists. */
    final List<Object[]> declaredTotals = new ArrayList<>();
    final Map<String, Integer> annexRowCounts = new HashMap<>();
    final Map<String, String> annexTitles = new HashMap<>();

    /** "一、朱伟县长牵头重点工作": the leader a group of tasks is keyed by (a person, never a unit). */
    private static final Pattern LEADER_GROUP = Pattern.compile(
            "^([\\u4e00-\\u9fff]{2,4}?)(?:常务)?副?(?:县长|区长|市长|省长|州长|镇长|乡长|书记|主任|主席|秘书长)(?:牵头|负责|分管)");
    /** "(牵头领导:成坤、柯相国、王俊)" closing a group heading. */
    private static final Pattern LEADER_BRACKET = Pattern.compile(
            "\\s*[（(](?:牵头|分管|责任|负责)?(?:县|区|市)?(?:级)?领导\\s*[:：]\\s*([^（()）]+)[）)]\\s*$");

    private final Map<String, List<String>> sectionUnits = new HashMap<>();
    private final Map<String, List<String>> sectionOfficials = new HashMap<>();
    private final Map<String, String> parentOf = new HashMap<>();
    private final Set<String> usedIds = new HashSet<>();
    private final Map<String, Integer> childCount = new HashMap<>();
    private String chapterId;
    private String sectionId;
    private String themeId;
    /** A numbered heading ("1.发展特色产业") whose measures are listed as （1）/①. */
    private String subsectionId;
    /** The next non-blank line after the one being handled (a heading is recognised by what follows it). */
    private String nextLine = "";
    private TaskDraft open;
    private int lastTaskNumber;
    private int generated;

    StructureParser(List<SourceLine> lines, Period period) {
        this(lines, period, null, ColumnRoles.NONE);
    }

    StructureParser(List<SourceLine> lines, Period period, List<String> physical, ColumnRoles roles) {
        this.lines = lines;
        this.roles = roles;
        this.physical = physical;
        this.period = period;
        this.targetYear = period == null ? null : period.to();
        this.docYear = period == null ? Year.now().getValue() : period.to();
    }

    void parse() {
        int i = 0;
        while (i < lines.size()) {
            SourceLine l = lines.get(i);
            Table table = l.isBlank() ? null : TableReader.readAt(lines, i, physical, roles);
            if (table != null) {
                handleTable(table, "main", currentParent(), "table");
                i = Math.max(table.end(), i + 1);
                continue;
            }
            if (l.isBlank()) {
                i++;
                continue;
            }
            String t = l.text();
            Matcher annex = Markers.ANNEX.matcher(t);
            if (annex.matches()) {
                closeTask();
                int j = i + 1;
                while (j < lines.size() && !Markers.ANNEX.matcher(lines.get(j).text()).matches()) {
                    j++;
                }
                handleAnnex("附件" + annex.group(1), lines.subList(i + 1, j), l.lineNo());
                i = j;
                continue;
            }
            if (Markers.ANNEX_DIRECTORY.matcher(t).matches()) {
                closeTask();
                i++;
                // The annex directory lists annex titles as "2.…清单"; they are not tasks.
                while (i < lines.size() && (lines.get(i).isBlank()
                        || lines.get(i).text().matches("^\\d{1,2}\\s*[.、．].{2,80}") && !lines.get(i).text().contains("。"))) {
                    i++;
                }
                continue;
            }
            nextLine = nextNonBlank(lines, i + 1);
            handleLine(l);
            i++;
        }
        closeTask();
    }

    private static String nextNonBlank(List<SourceLine> ls, int from) {
        for (int k = from; k < ls.size() && k < from + 50; k++) {
            if (!ls.get(k).isBlank()) {
                return ls.get(k).text();
            }
        }
        return "";
    }

    private void handleLine(SourceLine l) {
        String t = l.text();
        Matcher m;
        ResponsibleUnits.UnitLine unitLine = ResponsibleUnits.unitLine(t);
        if (unitLine != null) {
            assignUnitLine(unitLine);
            return;
        }
        if ((m = Markers.CHAPTER.matcher(t)).matches()) {
            closeTask();
            String label = m.group(1) != null ? m.group(1) : m.group(3);
            String numeral = m.group(2) != null ? m.group(2) : m.group(4);
            String title = firstSentence(m.group(5));
            chapterId = newId(null, "s" + number(numeral));
            title = takeOfficials(chapterId, title);
            addSection(chapterId, null, label, title, "chapter", l.lineNo());
            sectionId = null;
            themeId = null;
            subsectionId = null;
            return;
        }
        if ((m = Markers.SECTION.matcher(t)).matches() || (m = Markers.SUBCHAPTER.matcher(t)).matches()) {
            closeTask();
            String rest = m.group(3);
            String title = firstSentence(rest);
            String id = newId(chapterId, (chapterId == null ? "s" : chapterId + ".") + number(m.group(2)));
            String withOfficials = title;
            title = takeOfficials(id, title);
            if (!title.equals(withOfficials)) {
                rest = rest.replace(withOfficials, title);
            }
            addSection(id, chapterId, m.group(1), title, "section", l.lineNo());
            sectionId = id;
            themeId = null;
            subsectionId = null;
            ResponsibleUnits.Split units = ResponsibleUnits.labelled(rest);
            if (units.units().isEmpty() && title.equals(rest.replaceAll("[。]$", ""))) {
                // "（三）推进产业升级（县经信局、县发改局）": a heading closed by its units.
                units = trailingUnits(title);
                if (!units.units().isEmpty()) {
                    title = units.rest().replaceAll("。$", "");
                    sections.set(sections.size() - 1, new ParsedSection(id, chapterId, m.group(1), title, "section", l.lineNo()));
                }
            }
            if (!units.units().isEmpty()) {
                sectionUnits.put(id, units.units());
            }
            String body = rest.length() > title.length() ? rest.substring(Math.min(rest.length(), title.length() + 1)) : "";
            collectDeclaredTotals(rest, l.lineNo());
            if (InlineIndicatorList.LEAD.matcher(body).find()) {
                handleIndicatorList(body, l.lineNo());
            } else if (body.length() >= 15 && !opensChildren(nextLine)) {
                // "（一）实施强村行动。……（牵头单位：…）": the section paragraph is itself a measure; kept only
                // if it names its own units or targets (closeTask decides), so a 指导思想 paragraph is not a task.
                TaskDraft task = newTask(l.lineNo(), "measure");
                task.sectionTask = true;
                task.number = ChineseNumerals.parse(m.group(2));
                task.code = m.group(1);
                task.title = title;
                task.text.append(rest);
                open = task;
            }
            return;
        }
        if ((m = Markers.THEME.matcher(t)).matches()) {
            closeTask();
            String rest = m.group(2);
            boolean heading = rest.length() <= 30 && !rest.matches(".*[。；，,].*");
            String title = heading ? rest : firstClause(rest);
            String parent = sectionId != null ? sectionId : chapterId;
            String id = newId(parent, childId(parent, "t"));
            addSection(id, parent, "——", title, "theme", l.lineNo());
            themeId = id;
            subsectionId = null;
            if (!heading) {
                TaskDraft goal = newTask(l.lineNo(), "goal");
                goal.text.append(rest);
                open = goal;
                closeTask();
            }
            return;
        }
        if ((m = Markers.BULLET.matcher(t)).matches()) {
            closeTask();
            String rest = m.group(2);
            Matcher action = Markers.ACTION.matcher(rest);
            TaskDraft task = newTask(l.lineNo(), "action");
            if (action.find()) {
                task.number = ChineseNumerals.parse(action.group(1));
                task.code = String.valueOf(task.number);
                int is = rest.indexOf('是');
                task.title = (is > 0 && is < 16 ? rest.substring(is + 1) : rest.substring(action.end())).replaceAll("^[:：，,\\s]+", "");
                if (task.title.isEmpty()) {
                    task.title = rest;
                }
                task.text.append(rest);
            } else {
                task.text.append(rest);
            }
            open = task;
            return;
        }
        int number = Markers.leadingTaskNumber(t, lastTaskNumber);
        if (number > 0) {
            closeTask();
            Matcher dotted = Markers.TASK_DOTTED.matcher(t);
            String rest = dotted.matches() ? dotted.group(2) : t.substring(String.valueOf(number).length());
            lastTaskNumber = number;
            if (Markers.SUB_ITEM.matcher(nextLine).matches() && isHeading(rest)) {
                openSubsection(number, t.substring(0, t.length() - rest.length()).trim(), rest, l.lineNo());
                return;
            }
            TaskDraft task = newTask(l.lineNo(), "measure");
            task.number = number;
            task.code = String.valueOf(number);
            task.text.append(rest);
            open = task;
            return;
        }
        if ((m = Markers.SUB_ITEM.matcher(t)).matches()) {
            if (open != null && !open.subItem) {
                // "（1）…（2）…" below a measure that has its own text: the items are part of that measure.
                open.text.append(t);
                return;
            }
            closeTask();
            TaskDraft task = newTask(l.lineNo(), "measure");
            task.number = Markers.subItemNumber(m);
            task.subItem = true;
            task.code = t.substring(0, t.length() - m.group(3).length()).trim();
            task.text.append(m.group(3));
            open = task;
            return;
        }
        if (open == null && splitInlineItems(t, l.lineNo())) {
            return;
        }
        if (InlineIndicatorList.LEAD.matcher(t).find()) {
            closeTask();
            handleIndicatorList(t, l.lineNo());
            return;
        }
        if (MEASURES_LEAD.matcher(t).find() || MeasureSplitter.isMeasureParagraph(t)) {
            closeTask();
            String body = MEASURES_LEAD.matcher(t).replaceFirst("");
            for (MeasureSplitter.Measure measure : MeasureSplitter.split(body)) {
                TaskDraft task = newTask(l.lineNo(), "measure");
                task.text.append(measure.text());
                task.leadUnits.addAll(measure.units());
                open = task;
                closeTask();
            }
            return;
        }
        if (open != null) {
            open.text.append(t);
            return;
        }
        collectDeclaredTotals(t, l.lineNo());
        // An unnumbered paragraph with quantified targets (goals of a chapter) is kept as a goal task.
        List<ParsedTarget> targets = TargetExtractor.extract(t, targetYear, TargetExtractor.Mode.PROSE);
        if (targets.stream().anyMatch(x -> x.comparator() != TargetComparator.QUALITATIVE && x.comparator() != TargetComparator.ASSIGNED)) {
            TaskDraft goal = newTask(l.lineNo(), "goal");
            goal.text.append(t);
            open = goal;
            closeTask();
        }
    }

    /**
     * "牵头单位：…" / "责任单位：…" / "配合单位：…" / "牵头负责领导：…" on a line of its own: it belongs to the open task (several
     * lines in a row each fill their own field), or, right under a heading, to that heading's tasks.
     */
    private void assignUnitLine(ResponsibleUnits.UnitLine u) {
        String parent = currentParent();
        if (open == null) {
            if (parent != null && u.role() == ResponsibleUnits.Role.PERSON) {
                sectionOfficials.put(parent, u.names());
            } else if (parent != null && u.role() != ResponsibleUnits.Role.CO) {
                sectionUnits.put(parent, u.names());
            }
            return;
        }
        open.leadLine |= u.role() == ResponsibleUnits.Role.LEAD;
        List<String> into = switch (u.role()) {
            case LEAD -> open.leadUnits;
            case DUTY -> open.dutyUnits;
            case CO -> open.coUnits;
            case PERSON -> open.leadOfficials;
        };
        for (String name : u.names()) {
            if (!into.contains(name)) {
                into.add(name);
            }
        }
    }

    /** Takes the leader a group heading names out of its title and keeps it for the tasks below. */
    private String takeOfficials(String id, String title) {
        Matcher bracket = LEADER_BRACKET.matcher(title);
        if (bracket.find()) {
            sectionOfficials.put(id, ResponsibleUnits.people(bracket.group(1)));
            return title.substring(0, bracket.start()).trim();
        }
        Matcher leader = LEADER_GROUP.matcher(title);
        if (leader.find()) {
            sectionOfficials.put(id, List.of(leader.group(1)));
        }
        return title;
    }

    /**
     * A paragraph holding items "(1)…(2)…(3)…" one after the other (numbered from 1, at least two): each item is a task,
     * the words before the first item only introduce them. Not used below an open measure, whose items stay its text.
     */
    private boolean splitInlineItems(String t, int line) {
        if (!t.contains("(1)") && !t.contains("（1）")) {
            return false;
        }
        Matcher m = INLINE_ITEM.matcher(t);
        List<int[]> marks = new ArrayList<>();
        int expected = 1;
        while (m.find()) {
            if (Integer.parseInt(m.group(1)) == expected) {
                marks.add(new int[] {m.start(), m.end(), expected});
                expected++;
            }
        }
        if (marks.size() < 2) {
            return false;
        }
        collectDeclaredTotals(t.substring(0, marks.get(0)[0]), line);
        for (int k = 0; k < marks.size(); k++) {
            int[] mark = marks.get(k);
            int end = k + 1 < marks.size() ? marks.get(k + 1)[0] : t.length();
            // A copied page leaves a stray table bar after the last item.
            String item = t.substring(mark[1], end).replaceAll("[\\s|｜]+$", "").trim();
            if (item.isEmpty()) {
                continue;
            }
            TaskDraft task = newTask(line, "measure");
            task.number = mark[2];
            task.subItem = true;
            task.code = t.substring(mark[0], mark[1]);
            task.text.append(item);
            open = task;
            closeTask();
        }
        return true;
    }

    /** A line that starts a task or item below the current heading: the heading is then a container. */
    private boolean opensChildren(String next) {
        return Markers.leadingTaskNumber(next, lastTaskNumber) > 0 || Markers.SUB_ITEM.matcher(next).matches()
                || Markers.THEME.matcher(next).matches() || Markers.BULLET.matcher(next).matches();
    }

    /** A short line with no sentence in it ("发展特色产业" or "发展特色产业。"). */
    private static boolean isHeading(String rest) {
        int end = rest.length();
        if (end > 0 && "。：:".indexOf(rest.charAt(end - 1)) >= 0) {
            end--;
        }
        if (end == 0 || end > 30) {
            return false;
        }
        for (int i = 0; i < end; i++) {
            if ("。；;，,：:（(".indexOf(rest.charAt(i)) >= 0) {
                return false;
            }
        }
        return true;
    }

    private void openSubsection(int number, String label, String title, int line) {
        String parent = sectionId != null ? sectionId : chapterId;
        String id = newId(parent, (parent == null ? "s" : parent + ".") + "p" + number);
        addSection(id, parent, label, title.replaceAll("[。：:]$", ""), "subsection", line);
        subsectionId = id;
        themeId = null;
    }

    private void handleIndicatorList(String text, int line) {
        String domain = null;
        String parent = sectionId != null ? sectionId : chapterId;
        for (ParsedSection s : sections) {
            if (s.id().equals(parent)) {
                domain = s.title();
            }
        }
        String prefix = (parent == null ? "i" : parent) + "-";
        indicators.addAll(InlineIndicatorList.parse(text, domain, docYear, prefix, line));
    }

    private void handleTable(Table table, String list, String parent, String category) {
        closeTask();
        if (table.columns().isEmpty()) {
            return;
        }
        tables.add(ParsedTable.of(list, table));
        if (table.isProgress()) {
            findings.add(new Finding("progress-table", Texts.both("ingest.finding.progressTable", list, table.line()),
                    List.of(list + "/" + String.join("|", table.headers())), table.line()));
        }
        if (table.rows().isEmpty()) {
            findings.add(new Finding("table-unread", Texts.both("ingest.finding.tableUnread", list, table.line()),
                    List.of(list + "/" + String.join("|", table.headers())), table.line()));
            return;
        }
        if (table.isIndicatorTable()) {
            indicators.addAll(IndicatorTableInterpreter.interpret(table, period == null ? null : period.from(),
                    period == null ? docYear : period.from()));
        } else if (TaskTableInterpreter.isTaskTable(table)) {
            addTableTasks(table, list, parent, category);
        }
    }

    private void handleAnnex(String name, List<SourceLine> annexLines, int line) {
        String parentId = newId(null, "a" + name.substring(2));
        String title = annexLines.stream().filter(x -> !x.isBlank() && !x.isTableRow()).map(SourceLine::text).findFirst().orElse(name);
        addSection(parentId, null, name, title, "annex", line);
        annexTitles.put(name, title);
        // An annex of tables (an indicator table and a task list, say) is read table by table; the lines between
        // them are titles and notes.
        boolean tables = false;
        for (int k = 0; k < annexLines.size(); k++) {
            Table table = annexLines.get(k).isBlank() ? null : TableReader.readAt(annexLines, k, physical, roles);
            if (table != null && !table.columns().isEmpty()) {
                handleTable(table, name, parentId, category(title));
                tables = true;
                k = Math.max(k, table.end() - 1);
            }
        }
        if (tables) {
            return;
        }
        // Not a table: read the annex like body text, its tasks listed under the annex's name.
        String savedChapter = chapterId;
        chapterId = parentId;
        sectionId = null;
        themeId = null;
        subsectionId = null;
        for (int k = 0; k < annexLines.size(); k++) {
            SourceLine l = annexLines.get(k);
            if (!l.isBlank() && !l.isTableRow()) {
                nextLine = nextNonBlank(annexLines, k + 1);
                handleLine(l);
            }
        }
        closeTask();
        for (TaskDraft t : tasks) {
            if (t.sectionId != null && t.sectionId.startsWith(parentId) && "main".equals(t.list)) {
                t.list = name;
            }
        }
        chapterId = savedChapter;
    }

    private static String category(String annexTitle) {
        if (annexTitle.contains("重点工作")) {
            return "key-work";
        }
        if (annexTitle.contains("改革")) {
            return "reform";
        }
        if (annexTitle.contains("标志性成果")) {
            return "signature-result";
        }
        if (annexTitle.contains("项目")) {
            return "project";
        }
        return "item";
    }

    private void addTableTasks(Table table, String list, String parent, String category) {
        TaskTableInterpreter.Result r = TaskTableInterpreter.interpret(table, list, parent,
                (parent == null ? "x" : parent) + ".", docYear, targetYear, category);
        sections.addAll(r.groups());
        r.groups().forEach(g -> usedIds.add(g.id()));
        tasks.addAll(r.tasks());
        findings.addAll(r.findings());
        annexRowCounts.merge(list, r.tasks().size(), Integer::sum);
    }

    private TaskDraft newTask(int line, String category) {
        TaskDraft t = new TaskDraft();
        t.line = line;
        t.category = category;
        t.sectionId = currentParent();
        return t;
    }

    private void closeTask() {
        TaskDraft t = open;
        open = null;
        if (t == null) {
            return;
        }
        String text = t.text.toString().trim();
        ResponsibleUnits.Split labelled = ResponsibleUnits.labelled(text);
        if (labelled.units().isEmpty()) {
            labelled = ResponsibleUnits.unbracketed(text);
        }
        if (!labelled.units().isEmpty()) {
            t.leadUnits.addAll(labelled.units());
            t.coUnits.addAll(labelled.coUnits());
            text = labelled.rest();
        } else if (t.leadUnits.isEmpty()) {
            ResponsibleUnits.Split trailing = trailingUnits(text);
            if (!trailing.units().isEmpty()) {
                t.leadUnits.addAll(trailing.units());
                t.coUnits.addAll(trailing.coUnits());
                text = trailing.rest();
            }
        }
        if (t.sectionTask && t.leadUnits.isEmpty()) {
            List<ParsedTarget> found = TargetExtractor.extract(text, targetYear, TargetExtractor.Mode.PROSE);
            if (found.stream().noneMatch(x -> x.comparator() != TargetComparator.QUALITATIVE && x.comparator() != TargetComparator.ASSIGNED)) {
                return;
            }
            // Targets without units: the section's goals.
            t.category = "goal";
            t.code = null;
            t.number = -1;
            t.sectionTask = false;
        }
        // A "责任单位：" line names the lead units, or the co-units where a "牵头单位：" line named the lead.
        List<String> dutyCo = new ArrayList<>();
        for (String u : t.dutyUnits) {
            List<String> into = t.leadLine ? dutyCo : t.leadUnits;
            if (!t.leadUnits.contains(u) && !t.coUnits.contains(u)) {
                into.add(u);
            }
        }
        // Co-units in the order the lines gave them: the 责任单位 line before the 配合单位 line.
        t.coUnits.addAll(0, dutyCo);
        if (t.leadUnits.isEmpty()) {
            t.leadUnits.addAll(inheritedUnits(t.sectionId));
        }
        if (t.leadOfficials.isEmpty()) {
            t.leadOfficials.addAll(inherited(sectionOfficials, t.sectionId));
        }
        t.text.setLength(0);
        t.text.append(text);
        if (t.title == null) {
            t.title = taskTitle(text);
        }
        // In annual work points every measure is this year's work, so its counts are targets without "到YYYY年".
        boolean annual = period != null && period.from() == period.to();
        TargetExtractor.Mode mode = "goal".equals(t.category) || annual ? TargetExtractor.Mode.TARGET_TEXT : TargetExtractor.Mode.PROSE;
        t.targets.addAll(TargetExtractor.extract(text, targetYear, mode));
        if (t.milestones.isEmpty()) {
            t.milestones.addAll(ProseDeadlines.find(text, docYear));
        }
        if (t.code == null) {
            generated++;
            t.code = (t.sectionId == null ? "p" : t.sectionId) + "#" + generated;
            t.codeGenerated = true;
        }
        tasks.add(t);
    }

    /** "…完成市下达任务(区经信局)。" or "…（县发改局牵头，县财政局配合）" — units in a bracket at the very end of a task. */
    private static ResponsibleUnits.Split trailingUnits(String text) {
        String trimmed = text.replaceAll("[。；;.\\s]+$", "");
        if (trimmed.endsWith(")") || trimmed.endsWith("）")) {
            int open = ResponsibleUnits.matchingOpen(trimmed, trimmed.length() - 1);
            if (open > 0) {
                String content = trimmed.substring(open + 1, trimmed.length() - 1);
                String rest = trimmed.substring(0, open).trim();
                rest = rest.endsWith("。") ? rest : rest + "。";
                if (ResponsibleUnits.looksLikeUnits(content)) {
                    return new ResponsibleUnits.Split(ResponsibleUnits.split(content), rest);
                }
                ResponsibleUnits.Split verbs = ResponsibleUnits.leadVerbs(content, rest);
                if (verbs != null) {
                    return verbs;
                }
            }
        }
        return new ResponsibleUnits.Split(List.of(), text);
    }

    private List<String> inheritedUnits(String id) {
        return inherited(sectionUnits, id);
    }

    private List<String> inherited(Map<String, List<String>> byId, String id) {
        String cur = id;
        while (cur != null) {
            List<String> u = byId.get(cur);
            if (u != null) {
                return u;
            }
            cur = parentOf.get(cur);
        }
        return List.of();
    }

    /** A task's title is its first sentence, or its first clause when the sentence is long. */
    static String taskTitle(String text) {
        // A goal paragraph opens with its deadline ("到2027年，…"); the title is what follows.
        String sentence = firstSentence(LEADING_DEADLINE.matcher(text).replaceFirst(""));
        if (sentence.length() > 40) {
            return firstClause(sentence);
        }
        return sentence;
    }

    static String firstSentence(String text) {
        int end = indexOfAny(text, "。；;！？");
        String s = end < 0 ? text : text.substring(0, end);
        return s.trim();
    }

    static String firstClause(String text) {
        int end = indexOfAny(text, "，,。；;：:");
        return (end < 0 ? text : text.substring(0, end)).trim();
    }

    private static int indexOfAny(String s, String chars) {
        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '“' || c == '（' || c == '(' || c == '《') {
                depth++;
            } else if ((c == '”' || c == '）' || c == ')' || c == '》') && depth > 0) {
                depth--;
            } else if (depth == 0 && chars.indexOf(c) >= 0) {
                return i;
            }
        }
        return -1;
    }

    private void collectDeclaredTotals(String text, int line) {
        Matcher m = DECLARED_TOTAL.matcher(text);
        while (m.find()) {
            declaredTotals.add(new Object[] {Integer.parseInt(m.group(1)), m.group(2), line});
        }
    }

    private String currentParent() {
        return themeId != null ? themeId : subsectionId != null ? subsectionId : sectionId != null ? sectionId : chapterId;
    }

    private void addSection(String id, String parent, String label, String title, String kind, int line) {
        sections.add(new ParsedSection(id, parent, label, title, kind, line));
        usedIds.add(id);
        if (parent != null) {
            parentOf.put(id, parent);
        }
    }

    private String childId(String parent, String orphanPrefix) {
        String key = parent == null ? "#" + orphanPrefix : parent;
        int n = childCount.merge(key, 1, Integer::sum);
        return parent == null ? orphanPrefix + n : parent + "." + n;
    }

    private String newId(String parent, String wanted) {
        String id = wanted;
        int k = 2;
        while (usedIds.contains(id)) {
            id = wanted + "_" + k++;
        }
        return id;
    }

    private static String number(String numeral) {
        int n = ChineseNumerals.parse(numeral);
        return n < 0 ? numeral : String.valueOf(n);
    }
}
