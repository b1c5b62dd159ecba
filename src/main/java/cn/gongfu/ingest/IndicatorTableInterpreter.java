package cn.gongfu.ingest;

import cn.gongfu.vocabulary.TargetComparator;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an indicator table: a header with year columns (2022年 … 2027年), optional 领域 / 序号 / 单位
 * columns, then one row per indicator. Cells keep their raw text ("<3.5", "≥32", "全覆盖", "10.0").
 */
final class IndicatorTableInterpreter {

    private static final Pattern YEAR = Pattern.compile("^(\\d{4})\\s*年?(?:目标|目标值)?$");
    private static final Pattern CELL = Pattern.compile("^(<=|>=|[<>≤≥])?\\s*(\\d+(?:\\.\\d+)?)\\s*(%|‰)?\\s*(以上|以下|以内|左右)?$");
    private static final Pattern UNIT_IN_NAME = Pattern.compile("[（(]([^（）()]{1,12})[）)]$");

    private IndicatorTableInterpreter() {
    }

    static boolean isIndicatorHeader(List<String> header) {
        return header.stream().filter(h -> YEAR.matcher(h.trim()).matches()).count() >= 2;
    }

    static List<ParsedIndicator> interpret(List<String> header, List<TableRow> rows) {
        int domainCol = -1;
        int codeCol = -1;
        int nameCol = -1;
        int unitCol = -1;
        List<Integer> yearCols = new ArrayList<>();
        List<Integer> years = new ArrayList<>();
        for (int c = 0; c < header.size(); c++) {
            String h = header.get(c).replaceAll("\\s", "");
            Matcher y = YEAR.matcher(h);
            if (y.matches()) {
                yearCols.add(c);
                years.add(Integer.parseInt(y.group(1)));
            } else if (h.matches(".*(?:领域|类别|维度|板块|方面).*")) {
                domainCol = c;
            } else if (h.matches("序号|编号|序|No\\.?")) {
                codeCol = c;
            } else if (h.matches("单位|计量单位")) {
                unitCol = c;
            } else if (nameCol < 0 && h.matches(".*(?:指标|名称|项目).*")) {
                nameCol = c;
            }
        }
        if (nameCol < 0) {
            nameCol = codeCol + 1;
        }
        List<ParsedIndicator> out = new ArrayList<>();
        String domain = null;
        for (TableRow row : rows) {
            List<String> cells = row.cells();
            if (nameCol >= cells.size() || cells.get(nameCol).isBlank()) {
                continue;
            }
            if (domainCol >= 0 && domainCol < cells.size() && !cells.get(domainCol).isBlank()) {
                domain = cells.get(domainCol).trim();
            }
            String name = cells.get(nameCol).trim();
            String code = codeCol >= 0 && codeCol < cells.size() ? cells.get(codeCol).trim() : String.valueOf(out.size() + 1);
            String unit = unitCol >= 0 && unitCol < cells.size() ? cells.get(unitCol).trim() : null;
            if (unit == null || unit.isEmpty()) {
                Matcher u = UNIT_IN_NAME.matcher(name);
                unit = u.find() ? u.group(1) : null;
            }
            List<ParsedIndicatorValue> values = new ArrayList<>();
            for (int k = 0; k < yearCols.size(); k++) {
                int c = yearCols.get(k);
                if (c >= cells.size() || cells.get(c).isBlank()) {
                    continue;
                }
                values.add(cell(years.get(k), cells.get(c).trim()));
            }
            out.add(new ParsedIndicator(code, domain, name, unit, Indicators.polarity(name, values),
                    Indicators.isCumulative(name), values, row.line()));
        }
        return out;
    }

    static ParsedIndicatorValue cell(int year, String raw) {
        Matcher m = CELL.matcher(raw.replace('＜', '<').replace('＞', '>'));
        if (!m.matches()) {
            return new ParsedIndicatorValue(year, raw, TargetComparator.QUALITATIVE, null);
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
        return new ParsedIndicatorValue(year, raw, cmp, new BigDecimal(m.group(2)));
    }
}
