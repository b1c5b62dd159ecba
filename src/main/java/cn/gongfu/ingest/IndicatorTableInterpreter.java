package cn.gongfu.ingest;

import cn.gongfu.ingest.TableColumn.Role;
import cn.gongfu.vocabulary.TargetComparator;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an indicator table: year columns (2022年 … 2027年), optional 领域 / 序号 / 单位 columns, one row per
 * indicator, group rows naming the domain (and, as "收入与支出(元)", the unit of the rows below). Cells keep their raw
 * text ("<3.5", "≥32", "全覆盖", "10.0"); a note in brackets ("78.2(2021年)", "35(某市)") is kept apart from the value.
 * In a target table the first year column is the base year: its cell is the indicator's baseline, where the
 * plan starts from. A table all of whose years lie before the plan (a statistical yearbook) holds actuals.
 */
final class IndicatorTableInterpreter {

    private static final Pattern CELL = Pattern.compile("^(<=|>=|[<>≤≥])?\\s*(\\d+(?:\\.\\d+)?)\\s*(%|‰)?\\s*(以上|以下|以内|左右)?$");
    private static final Pattern UNIT_IN_NAME = Pattern.compile("[（(]([^（）()]{1,12})[）)]$");
    private static final Pattern NOTE = Pattern.compile("^(.+?)\\s*[（(]([^（）()]{1,20})[）)]$");
    private static final Pattern NOTE_YEAR = Pattern.compile("^((?:19|20)\\d{2})年?(?:底|末)?$");
    private static final Pattern NO_VALUE = Pattern.compile("^[-—–/／…]+$");

    private IndicatorTableInterpreter() {
    }

    /**
     * @param planStart     the plan's first year, or null when the document names none: a first year column before
     *                      it is the base year (with no period, the first column always is)
     * @param actualsBefore a table whose years all lie before this year (the plan's start, else the current year)
     *                      and whose headers name no target holds actuals (observed values), not targets
     */
    static List<ParsedIndicator> interpret(Table table, Integer planStart, int actualsBefore) {
        List<TableColumn> columns = table.columns();
        int domainCol = table.column(Role.DOMAIN);
        int codeCol = table.column(Role.SERIAL);
        int unitCol = table.column(Role.MEASURE_UNIT);
        int nameCol = table.column(Role.INDICATOR);
        if (nameCol < 0) {
            nameCol = table.column(Role.TITLE);
        }
        if (nameCol < 0) {
            nameCol = codeCol + 1;
        }
        List<Integer> yearCols = new ArrayList<>();
        for (int c = 0; c < columns.size(); c++) {
            if (columns.get(c).role() == Role.YEAR) {
                yearCols.add(c);
            }
        }
        int lastYear = yearCols.stream().mapToInt(c -> columns.get(c).year()).max().orElse(0);
        boolean targetWords = columns.stream().anyMatch(c -> c.header().matches(".*(?:目标|预期).*"));
        boolean actual = !targetWords && lastYear < actualsBefore;
        List<ParsedIndicator> out = new ArrayList<>();
        String domain = null;
        String groupUnit = null;
        for (TableRow row : table.rows()) {
            if (row.group()) {
                String g = row.first();
                Matcher u = UNIT_IN_NAME.matcher(g);
                groupUnit = u.find() ? u.group(1) : null;
                domain = groupUnit == null ? g : g.substring(0, u.start()).trim();
                continue;
            }
            String name = row.cell(nameCol).trim();
            if (name.isEmpty()) {
                continue;
            }
            if (domainCol >= 0 && !row.cell(domainCol).isBlank()) {
                domain = row.cell(domainCol).trim();
            }
            String code = codeCol >= 0 && !row.cell(codeCol).isBlank() ? row.cell(codeCol).trim() : String.valueOf(out.size() + 1);
            String unit = row.cell(unitCol).trim();
            if (unit.isEmpty()) {
                Matcher u = UNIT_IN_NAME.matcher(name);
                unit = u.find() ? u.group(1) : groupUnit;
            }
            List<ParsedIndicatorValue> values = new ArrayList<>();
            for (int c : yearCols) {
                String raw = row.cell(c).trim();
                if (raw.isEmpty() || NO_VALUE.matcher(raw).matches()) {
                    continue;
                }
                values.add(cell(columns.get(c).year(), raw));
            }
            ParsedIndicatorValue baseline = null;
            int firstYear = yearCols.isEmpty() ? 0 : columns.get(yearCols.get(0)).year();
            if (!actual && yearCols.size() >= 2 && !values.isEmpty() && values.get(0).year() == firstYear
                    && values.get(0).value() != null && (planStart == null || firstYear < planStart)) {
                baseline = baseYear(values.get(0));
            }
            out.add(new ParsedIndicator(code, domain, name, unit, Indicators.polarity(name, values),
                    Indicators.isCumulative(name), values, row.line(), baseline, actual));
        }
        return out;
    }

    /** The base year's cell, dated by its note when the note is a year ("78.2(2021年)": the value is 2021's). */
    private static ParsedIndicatorValue baseYear(ParsedIndicatorValue v) {
        if (v.note() != null) {
            Matcher y = NOTE_YEAR.matcher(v.note());
            if (y.matches()) {
                return new ParsedIndicatorValue(Integer.parseInt(y.group(1)), v.raw(), v.comparator(), v.value(), v.note());
            }
        }
        return v;
    }

    static ParsedIndicatorValue cell(int year, String raw) {
        String text = raw.replace('＜', '<').replace('＞', '>');
        String note = null;
        Matcher n = NOTE.matcher(text);
        if (n.matches() && CELL.matcher(n.group(1).trim()).matches()) {
            text = n.group(1).trim();
            note = n.group(2).trim();
        }
        Matcher m = CELL.matcher(text);
        if (!m.matches()) {
            return new ParsedIndicatorValue(year, raw, TargetComparator.QUALITATIVE, null, note);
        }
        String op = m.group(1);
        String suffix = m.group(4);
        TargetComparator cmp = TargetComparator.EQ;
        if (op != null) {
            cmp = switch (op) {
                case "<" -> TargetComparator.LT;
                case ">" -> TargetComparator.GT;
                case "≤", "<=" -> TargetComparator.LE;
                default -> TargetComparator.GE;
            };
        } else if (suffix != null) {
            cmp = TargetExtractor.comparatorOf(null, suffix, false);
        }
        return new ParsedIndicatorValue(year, raw, cmp, new BigDecimal(m.group(2)), note);
    }
}
