package cn.gongfu.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One column of a table: its header as written and what it holds, learnt from the header words. The words
 * are those Chinese plan, responsibility and progress tables use (序号, 领域, 指标, 2022年, 牵头单位, 完成时限,
 * 进展情况, 备注, …); a header nobody recognises is {@link Role#OTHER} and is kept by name.
 */
record TableColumn(String header, Role role, int year) {

    enum Role {
        SERIAL, DOMAIN, TITLE, INDICATOR, MEASURE_UNIT, YEAR, TARGET, LEAD_UNITS, UNITS, CO_UNITS, PEOPLE, DEADLINE,
        PROGRESS, RATE, NOTE, ENGLISH, OTHER;

        /** Columns whose cells are numbers or short values, never text run over several lines. */
        boolean isValue() {
            return this == YEAR || this == TARGET || this == RATE || this == MEASURE_UNIT || this == PROGRESS;
        }

        boolean isUnits() {
            return this == LEAD_UNITS || this == UNITS || this == CO_UNITS;
        }
    }

    private static final Pattern YEAR = Pattern.compile("^((?:19|20)\\d{2})年?(?:年度)?(?:目标值?|预期(?:目标|值)?|目标任务)?$");
    private static final Pattern SERIAL = Pattern.compile("^(?:序号|编号|序|No\\.?|NO\\.?|项目序号)$");
    private static final Pattern NOTE = Pattern.compile("^(?:备注|说明|备注说明|备考)$");
    private static final Pattern RATE = Pattern.compile(".*(?:完成率|完成比例|完成百分比|完成进度[(（]%[)）]).*");
    /** People, not units: 分管领导, 牵头负责领导, 分管县领导, 责任人. */
    private static final Pattern PEOPLE = Pattern.compile(".*(?:领导|责任人|负责人|联系人|分管).*");
    private static final Pattern CO_UNITS = Pattern.compile(".*(?:配合|协同|协办|协助|参与).*");
    private static final Pattern LEAD_UNITS = Pattern.compile(".*(?:牵头|主要责任|主责).*");
    private static final Pattern UNITS = Pattern.compile(".*(?:责任单位|责任部门|实施单位|承办单位|责任主体|主办单位)$");
    private static final Pattern MEASURE_UNIT = Pattern.compile("^(?:单位|计量单位|指标单位)$");
    private static final Pattern DEADLINE = Pattern.compile(".*(?:时限|时间节点|完成时间|时间安排|进度安排|节点|截止时间|完成期限|完成年限).*");
    private static final Pattern PROGRESS = Pattern.compile(".*(?:进展|完成情况|实际完成|进度|执行情况|落实情况|推进情况|完成数|实际值|完成值).*");
    private static final Pattern DOMAIN = Pattern.compile("^(?:领域|类别|类型|板块|维度|方面|分类|领域类别|指标类别|专项|类)$");
    private static final Pattern INDICATOR = Pattern.compile(".*(?:指标|Item|item).*");
    private static final Pattern TARGET = Pattern.compile(".*(?:目标|预期值|计划数|任务数).*");
    private static final Pattern TITLE = Pattern.compile(".*(?:任务|工作|内容|事项|项目|名称|举措|措施|实事|要求|成果|改革|工程).*");
    private static final Pattern BRACKETED = Pattern.compile("[（(][^（）()]*[）)]");
    private static final Pattern LATIN = Pattern.compile("[A-Za-z][A-Za-z .'’,-]*");

    /** Joins a cell of a header's upper row (目标值) and one of the cells under it (2022年): "目标值·2022年". */
    static final char GROUP_MARK = '·';

    /** The role of one header cell on its own (before the columns are weighed against each other). */
    static TableColumn of(String header) {
        int mark = header.indexOf(GROUP_MARK);
        if (mark > 0) {
            // A column under a group: its own cell says what it holds (2022年 → a year, 进度 → progress), else the group does.
            TableColumn sub = of(header.substring(mark + 1));
            Role role = sub.role() != Role.OTHER ? sub.role() : of(header.substring(0, mark)).role();
            return new TableColumn(header.trim(), role, sub.year());
        }
        String h = header.replaceAll("\\s", "");
        // "重点工作(责任单位)": the bracket says where the units are written, the column is the work.
        String bare = BRACKETED.matcher(h).replaceAll("");
        String chinese = LATIN.matcher(bare).replaceAll("");
        if (chinese.isEmpty() && !bare.isEmpty()) {
            chinese = bare;
        }
        Matcher y = YEAR.matcher(chinese);
        if (y.matches()) {
            return new TableColumn(header.trim(), Role.YEAR, Integer.parseInt(y.group(1)));
        }
        return new TableColumn(header.trim(), roleOf(chinese), 0);
    }

    private static Role roleOf(String h) {
        if (h.isEmpty()) {
            return Role.OTHER;
        }
        if (SERIAL.matcher(h).matches()) {
            return Role.SERIAL;
        }
        if (NOTE.matcher(h).matches()) {
            return Role.NOTE;
        }
        if (RATE.matcher(h).matches()) {
            return Role.RATE;
        }
        if (PEOPLE.matcher(h).matches() && !h.endsWith("单位")) {
            return Role.PEOPLE;
        }
        if (h.endsWith("单位") || h.endsWith("部门") || h.equals("责任主体")) {
            if (MEASURE_UNIT.matcher(h).matches()) {
                return Role.MEASURE_UNIT;
            }
            if (CO_UNITS.matcher(h).matches()) {
                return Role.CO_UNITS;
            }
            if (LEAD_UNITS.matcher(h).matches()) {
                return Role.LEAD_UNITS;
            }
            if (UNITS.matcher(h).matches()) {
                return Role.UNITS;
            }
        }
        if (DEADLINE.matcher(h).matches()) {
            return Role.DEADLINE;
        }
        if (PROGRESS.matcher(h).matches()) {
            return Role.PROGRESS;
        }
        if (DOMAIN.matcher(h).matches()) {
            return Role.DOMAIN;
        }
        if (INDICATOR.matcher(h).matches()) {
            return Role.INDICATOR;
        }
        if (TARGET.matcher(h).matches()) {
            return Role.TARGET;
        }
        if (TITLE.matcher(h).matches()) {
            return Role.TITLE;
        }
        return Role.OTHER;
    }

    /** True for a cell that can stand in a header: short, no sentence, no number other than a year or a month span. */
    static boolean isHeaderLike(String cell) {
        String h = cell.replaceAll("\\s", "");
        if (h.isEmpty() || h.length() > 20) {
            return false;
        }
        String bare = BRACKETED.matcher(h).replaceAll("");
        if (bare.matches(".*[。；;，,:：!！?？].*")) {
            return false;
        }
        if (YEAR.matcher(LATIN.matcher(bare).replaceAll("")).matches()) {
            return true;
        }
        // "1-7月实际完成情况" names a column; "12月底前" or "3.52" is a cell.
        if (bare.matches(".*\\d.*") && !bare.matches("^\\d{1,2}[-—~至]\\d{1,2}月.*")) {
            return false;
        }
        return true;
    }

    /**
     * Weighs the columns against each other: a 目标 column is the work itself when no column names the work
     * (目标与任务, 目标任务); a plain 责任单位 is the lead column unless a 牵头 column exists (then its units co-operate);
     * in an indicator table the first text column names the indicator.
     */
    static List<TableColumn> resolve(List<TableColumn> columns) {
        List<TableColumn> out = new ArrayList<>(columns);
        boolean hasTitle = has(out, Role.TITLE) || has(out, Role.INDICATOR);
        boolean years = out.stream().filter(c -> c.role() == Role.YEAR).count() >= 2;
        if (!hasTitle && !out.isEmpty() && out.get(0).role() == Role.OTHER && out.stream().anyMatch(c -> c.group() != null)) {
            // "地区 | 城镇新增就业(人): 目标任务 进度 …": the rows are keyed by their first cell, the groups hold the targets.
            out.set(0, new TableColumn(out.get(0).header(), Role.TITLE, 0));
            hasTitle = true;
        }
        if (!hasTitle) {
            for (int i = 0; i < out.size(); i++) {
                TableColumn c = out.get(i);
                if (c.role() == Role.TARGET && !years) {
                    out.set(i, new TableColumn(c.header(), Role.TITLE, 0));
                    hasTitle = true;
                    break;
                }
            }
        }
        if (years && !has(out, Role.INDICATOR)) {
            for (int i = 0; i < out.size(); i++) {
                TableColumn c = out.get(i);
                if (c.role() == Role.TITLE || c.role() == Role.OTHER && !hasTitle) {
                    out.set(i, new TableColumn(c.header(), Role.INDICATOR, 0));
                    break;
                }
            }
        }
        // One column names the work (or the indicator); a second 工作体系 beside 重点工作 is just another column.
        boolean seenTitle = false;
        for (int i = 0; i < out.size(); i++) {
            TableColumn c = out.get(i);
            if (c.role() == Role.TITLE || c.role() == Role.INDICATOR) {
                if (seenTitle) {
                    out.set(i, new TableColumn(c.header(), Role.OTHER, 0));
                }
                seenTitle = true;
            }
        }
        boolean lead = has(out, Role.LEAD_UNITS);
        for (int i = 0; i < out.size(); i++) {
            TableColumn c = out.get(i);
            if (c.role() == Role.UNITS) {
                out.set(i, new TableColumn(c.header(), lead ? Role.CO_UNITS : Role.LEAD_UNITS, 0));
                lead = true;
            }
        }
        return out;
    }

    /** The upper header cell this column stands under ("城镇新增就业(人)" of "城镇新增就业(人)·目标任务"), or null. */
    String group() {
        int mark = header.indexOf(GROUP_MARK);
        return mark > 0 ? header.substring(0, mark) : null;
    }

    static boolean has(List<TableColumn> columns, Role role) {
        return columns.stream().anyMatch(c -> c.role() == role);
    }

    static int indexOf(List<TableColumn> columns, Role role) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).role() == role) {
                return i;
            }
        }
        return -1;
    }
}
