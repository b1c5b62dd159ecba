package cn.gongfu.ingest;

import cn.gongfu.ingest.TableColumn.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Puts the cells of a row whose empty cells the text dropped back under their columns. Each cell is typed by what
 * it looks like (a number, a quantity, a percentage, a deadline, a list of units, a person's name, a sentence), each
 * column accepts some types better than others, and the best assignment keeping the cells in order is found by
 * dynamic programming. Several cells may fall into one column (three unit lines under 责任单位); a sentence after
 * the last column starts the row over at the title column (one serial holding two items, each with its deadline).
 */
final class CellAligner {

    enum Kind { NUMBER, QUANTITY, PERCENT, DEADLINE, UNITS, PERSON, LATIN, SENTENCE, TEXT }

    private static final Pattern NUMBER = Pattern.compile("^[<>≤≥＜＞]?=?\\s*-?\\d+(?:\\.\\d+)?$");
    private static final Pattern PERCENT = Pattern.compile("^[<>≤≥＜＞]?=?\\s*-?\\d+(?:\\.\\d+)?\\s*[%‰](?:以上|以下|左右)?$");
    private static final Pattern QUANTITY = Pattern.compile("^(?:[<>≤≥＜＞]=?|不低于|不少于|达到|超过)?\\s*-?\\d+(?:\\.\\d+)?\\s*[^\\d\\s，,。；;]{0,6}(?:[(（][^()（）]{1,10}[)）])?$");
    private static final Pattern DEADLINE = Pattern.compile("^(?:\\d{4}年)?(?:\\d{1,2}(?:月|-\\d{1,2}月)(?:底|末|中旬|下旬|上旬|份)?(?:前|以前)?|年底前?|年内|全年|上半年|下半年|[一二三四]季度(?:末|底)?(?:前)?|长期坚持|持续推进).{0,8}$");
    /** "俞悦", "成坤、柯相国、王俊": names of two to four characters, alone or listed. */
    private static final Pattern PERSON = Pattern.compile("^[\\u4e00-\\u9fff]{2,4}$|^[\\u4e00-\\u9fff]{2,3}(?:[、，,\\s]+[\\u4e00-\\u9fff]{2,3})+$");
    /** "建成县残疾人综合服务中心。" ends like a unit but is a task: units lists hold no such verbs. */
    private static final Pattern TASK_VERB = Pattern.compile("建设|建成|新建|启动|完成|推进|实施|开工|迁建|改造|提升|加快|开展|打造|创建|举办|实现|落实|推动|深化|优化|新增|提高|扩建|改建");
    private static final double SKIP = -0.3;
    private static final double LAP = -2;
    private static final double TITLE_SKIP = -3;

    private CellAligner() {
    }

    static Kind kindOf(String cell) {
        String c = cell.trim();
        if (PERCENT.matcher(c).matches()) {
            return Kind.PERCENT;
        }
        if (NUMBER.matcher(c).matches()) {
            return Kind.NUMBER;
        }
        if (DEADLINE.matcher(c).matches()) {
            return Kind.DEADLINE;
        }
        if (QUANTITY.matcher(c).matches()) {
            return Kind.QUANTITY;
        }
        if (TableReader.isLatin(c)) {
            return Kind.LATIN;
        }
        if (isUnitList(c) && !TASK_VERB.matcher(c).find()) {
            return Kind.UNITS;
        }
        if (c.length() <= 16 && PERSON.matcher(c).matches()) {
            return Kind.PERSON;
        }
        if (c.length() >= 15 || c.matches(".*[。，,；;：:].*")) {
            return Kind.SENTENCE;
        }
        return Kind.TEXT;
    }

    /** "区政府有关部门,各乡镇人民政府、街道办事处。": every listed name ends like an organisation (or 部门, 单位). */
    static boolean isUnitList(String c) {
        if (ResponsibleUnits.looksLikeUnits(c)) {
            return true;
        }
        List<String> parts = ResponsibleUnits.split(c);
        if (parts.isEmpty() || c.length() > 300) {
            return false;
        }
        for (String p : parts) {
            if (!(p.length() <= 20 && p.matches("^[\\u4e00-\\u9fff]{2,18}(?:单位|部门)$") || ResponsibleUnits.looksLikeUnits(p))) {
                return false;
            }
        }
        return true;
    }

    /** How well a cell of this kind sits in a column of this role (higher is better). */
    static double fit(Kind k, Role r) {
        return switch (r) {
            case TITLE -> switch (k) {
                case SENTENCE -> 3; case TEXT -> 2; case UNITS -> 1; case QUANTITY, PERSON -> 0; case DEADLINE -> -1; case PERCENT -> -2; default -> -3;
            };
            case INDICATOR -> switch (k) {
                case TEXT -> 3; case SENTENCE -> 1; case PERSON -> 1; case UNITS -> -1; default -> -3;
            };
            case DOMAIN -> switch (k) {
                case TEXT -> 2; case PERSON -> 1; case UNITS -> -1; default -> -3;
            };
            case LEAD_UNITS, UNITS, CO_UNITS -> switch (k) {
                case UNITS -> 4; case TEXT -> 0; case PERSON -> -1; case SENTENCE -> -2; case DEADLINE -> -3; default -> -4;
            };
            case PEOPLE -> switch (k) {
                case PERSON -> 3; case TEXT -> 1; case UNITS -> -2; case SENTENCE, DEADLINE -> -3; default -> -4;
            };
            case DEADLINE -> switch (k) {
                case DEADLINE -> 4; case TEXT -> 0; case SENTENCE -> -1; case QUANTITY -> -2; default -> -3;
            };
            case YEAR -> switch (k) {
                case NUMBER, QUANTITY -> 3; case PERCENT -> 2; case TEXT -> 1; case SENTENCE -> -2; default -> -3;
            };
            case TARGET -> switch (k) {
                case NUMBER, QUANTITY -> 3; case PERCENT -> 2; case TEXT, SENTENCE -> 1; case DEADLINE, PERSON -> -2; default -> -4;
            };
            case PROGRESS -> switch (k) {
                case NUMBER, QUANTITY -> 2; case PERCENT, TEXT -> 1; case SENTENCE -> 0.5; case DEADLINE -> 0; default -> -3;
            };
            case RATE -> switch (k) {
                case PERCENT -> 4; case NUMBER -> 1; case QUANTITY -> -1; default -> -3;
            };
            case NOTE -> switch (k) {
                case SENTENCE -> 2; case TEXT -> 1; case DEADLINE -> 0; default -> -1;
            };
            case MEASURE_UNIT -> k == Kind.TEXT || k == Kind.PERSON ? 2 : -3;
            case ENGLISH -> k == Kind.LATIN ? 3 : -4;
            case SERIAL -> k == Kind.NUMBER ? 2 : -6;
            case OTHER -> k == Kind.SENTENCE ? 1 : 0;
        };
    }

    /** The cost of a further cell in a column that already has one. */
    private static double again(Kind k, Role r) {
        if (r.isUnits() && (k == Kind.UNITS || k == Kind.TEXT)) {
            // Several unit lines stay under one unit column; beside a co-operating column the first leads, the rest co-operate.
            return r == Role.CO_UNITS ? -0.1 : -0.3;
        }
        if (r == Role.PEOPLE && k == Kind.PERSON) {
            return 0;
        }
        if (r.isValue() || r == Role.SERIAL || r == Role.ENGLISH) {
            return -6;
        }
        return -1.5;
    }

    /**
     * Aligns the cells of a row that starts with its serial (or of a row read from one cell per line, serial
     * removed): the result has one cell per column (the serial column gets the first cell when it is a number).
     */
    static List<String> alignSerialRow(List<String> cells, List<TableColumn> columns, boolean mayStartOver) {
        int serial = TableColumn.indexOf(columns, Role.SERIAL);
        List<String> rest = new ArrayList<>(cells);
        String code = "";
        if (serial >= 0 && !rest.isEmpty() && kindOf(rest.get(0)) == Kind.NUMBER) {
            code = rest.remove(0).replaceAll("[.、．]$", "");
        }
        List<String> out = align(rest, rest, columns, serial, mayStartOver);
        if (serial >= 0) {
            out.set(serial, code);
        }
        return out;
    }

    /**
     * The best in-order assignment of cells to the columns other than skip; cells sharing a column are joined.
     * raws are the cells as written (spaces kept), used for the names in a people column ("陆 明俞 悦").
     */
    static List<String> align(List<String> cells, List<String> raws, List<TableColumn> columns, int skip, boolean mayStartOver) {
        int n = cells.size();
        int m = columns.size();
        List<String> out = new ArrayList<>();
        for (int k = 0; k < m; k++) {
            out.add("");
        }
        if (n == 0) {
            return out;
        }
        int title = -1;
        for (int k = 0; k < m; k++) {
            if (columns.get(k).role() == Role.TITLE || columns.get(k).role() == Role.INDICATOR) {
                title = k;
                break;
            }
        }
        Kind[] kinds = new Kind[n];
        for (int i = 0; i < n; i++) {
            kinds[i] = kindOf(cells.get(i));
        }
        double[][] best = new double[n][m];
        int[][] from = new int[n][m];
        for (double[] row : best) {
            java.util.Arrays.fill(row, Double.NEGATIVE_INFINITY);
        }
        for (int k = 0; k < m; k++) {
            if (k != skip) {
                best[0][k] = fit(kinds[0], columns.get(k).role()) + skipCost(columns, -1, k, skip);
                from[0][k] = -1;
            }
        }
        for (int i = 1; i < n; i++) {
            for (int k = 0; k < m; k++) {
                if (k == skip) {
                    continue;
                }
                double f = fit(kinds[i], columns.get(k).role());
                for (int j = 0; j < m; j++) {
                    if (best[i - 1][j] == Double.NEGATIVE_INFINITY) {
                        continue;
                    }
                    double score;
                    if (k == j) {
                        score = best[i - 1][j] + f + again(kinds[i], columns.get(k).role());
                    } else if (k > j) {
                        score = best[i - 1][j] + f + skipCost(columns, j, k, skip);
                    } else if (mayStartOver && k == title && j > title && kinds[i] == Kind.SENTENCE) {
                        score = best[i - 1][j] + f + LAP;
                    } else {
                        continue;
                    }
                    if (score > best[i][k]) {
                        best[i][k] = score;
                        from[i][k] = j;
                    }
                }
            }
        }
        int k = -1;
        double top = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < m; c++) {
            if (best[n - 1][c] > top) {
                top = best[n - 1][c];
                k = c;
            }
        }
        int[] column = new int[n];
        for (int i = n - 1; i >= 0; i--) {
            column[i] = k;
            k = from[i][k];
        }
        for (int i = 0; i < n; i++) {
            int c = column[i];
            Role role = columns.get(c).role();
            out.set(c, joinCell(out.get(c), role == Role.PEOPLE ? raws.get(i) : cells.get(i), role));
        }
        return out;
    }

    /** Leaving the columns between from and to empty: cheap, except the title column (a row without its work is rare). */
    private static double skipCost(List<TableColumn> columns, int from, int to, int skip) {
        double cost = 0;
        for (int c = from + 1; c < to; c++) {
            if (c != skip) {
                Role r = columns.get(c).role();
                cost += r == Role.TITLE || r == Role.INDICATOR ? TITLE_SKIP : SKIP;
            }
        }
        return cost;
    }

    private static String joinCell(String before, String cell, Role role) {
        if (before.isEmpty()) {
            return cell;
        }
        if (role.isUnits() || role == Role.PEOPLE) {
            return before + "、" + cell;
        }
        if (role == Role.DEADLINE) {
            return before + " " + cell;
        }
        return before.matches(".*[。；;.!！?？]$") ? before + cell : before + " " + cell;
    }
}
