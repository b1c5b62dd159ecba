package cn.gongfu.ingest;

import cn.gongfu.ingest.TableColumn.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A header written over two rows: an upper cell names a group (目标值) and spans the cells under it on the next
 * row (2022年 | 2025年), while the other upper cells (序号, 指标, 牵头单位) span both rows. Each column under a group
 * is named {@code group·cell} ({@link TableColumn#GROUP_MARK}), so its cell gives its meaning (a year, 进度) and the
 * group its subject.
 *
 * <p>Text gives the two rows in two shapes. <b>In place</b> (Word and spreadsheet tables, bars with empty cells): the
 * lower row has a cell for every column, empty under the cells that span both rows, and the upper row is empty
 * where its group spans further (or repeats what a merged region covers). <b>Compact</b> (a web table copied as
 * text): the lower row holds only the cells under the groups; which group spans how many is then told by count —
 * one group takes them all, several share them equally, or, where more upper cells could be groups than the cells
 * divide among, the ones naming a measurement unit in brackets (城镇新增就业(人)) are the groups and the others are
 * captions of further levels (工程, 子项, a unit over several indicators), which are no columns.
 */
final class TwoLevelHeader {

    /** Roles of cells that stand under a group: years, targets, progress, rates. */
    private static final Set<Role> SUB_ROLES = Set.of(Role.YEAR, Role.TARGET, Role.PROGRESS, Role.RATE);
    /** Roles of upper cells that may name a group (an unknown one only when it names a measurement unit). */
    private static final Set<Role> GROUP_ROLES = Set.of(Role.TARGET, Role.PROGRESS, Role.OTHER);
    private static final Pattern MEASURE_BRACKET = Pattern.compile(".*[（(][^（）()]{1,6}[）)]$");

    private TwoLevelHeader() {
    }

    /**
     * Rows in place: the merged header's texts, or null when the lower row is no second header row (a row of data,
     * or a row that only repeats the upper one).
     */
    static List<String> inPlace(List<String> upper, List<String> lower) {
        // In place, the lower row is as wide as the upper one and empty under the cells spanning both rows.
        if (upper.size() < 2 || lower.size() < upper.size() - 1 || lower.size() > upper.size() + 1
                || lower.stream().noneMatch(String::isBlank) && lower.size() == upper.size() && !repeatsSome(upper, lower)) {
            return null;
        }
        int width = Math.max(upper.size(), lower.size());
        List<String> out = new ArrayList<>();
        String group = null;
        int under = 0;
        for (int i = 0; i < width; i++) {
            String u = i < upper.size() ? upper.get(i).trim() : "";
            String l = i < lower.size() ? lower.get(i).trim() : "";
            if (!u.isEmpty()) {
                group = u;
            }
            if (l.isEmpty() || l.equals(u)) {
                if (u.isEmpty()) {
                    return null; // a column named by neither row
                }
                out.add(u);
                continue;
            }
            if (!TableColumn.isHeaderLike(l) || !SUB_ROLES.contains(TableColumn.of(l).role()) || group == null) {
                return null;
            }
            out.add(group + TableColumn.GROUP_MARK + l);
            under++;
        }
        return under >= 2 ? out : null;
    }

    /** Compact rows: the merged header's texts, or null when lower does not read as the cells under upper's groups. */
    static List<String> compact(List<String> upper, List<String> lower) {
        if (lower.size() < 2 || upper.size() < 2 || !lower.stream().allMatch(TwoLevelHeader::isSubCell)) {
            return null;
        }
        List<Integer> named = new ArrayList<>();
        List<Integer> candidates = new ArrayList<>();
        // The first cell keys the rows (序号, 地区): it spans both rows, never a group.
        for (int i = 1; i < upper.size(); i++) {
            String u = upper.get(i);
            Role role = TableColumn.of(u).role();
            if (GROUP_ROLES.contains(role) && CellAligner.kindOf(u) != CellAligner.Kind.UNITS) {
                candidates.add(i);
                if (role != Role.OTHER) {
                    named.add(i); // 目标值, 完成情况: words that name a group
                }
            }
        }
        List<Integer> groups = named;
        boolean captions = false;
        if (named.isEmpty() || lower.size() % named.size() != 0) {
            groups = candidates.stream().filter(i -> MEASURE_BRACKET.matcher(upper.get(i)).matches()).toList();
            captions = true;
            if (groups.size() < 2 || lower.size() % groups.size() != 0) {
                return null;
            }
        }
        int span = lower.size() / groups.size();
        if (groups.size() > 1 && !repeats(lower, span)) {
            return null;
        }
        List<String> out = new ArrayList<>();
        int next = 0;
        for (int i = 0; i < upper.size(); i++) {
            if (groups.contains(i)) {
                for (int k = 0; k < span; k++) {
                    out.add(upper.get(i) + TableColumn.GROUP_MARK + lower.get(next++));
                }
            } else if (!captions || i == 0) {
                out.add(upper.get(i));
            }
        }
        return out;
    }

    /**
     * A header written one cell per line gives both rows as one run: the cells under the groups are the run of
     * sub-cells (years, 目标, 进度, 完成比例) that ends it. Returns the merged texts, or null for a one-row header.
     */
    static List<String> fromRun(List<String> cells) {
        int start = cells.size();
        while (start > 0 && isSubCell(cells.get(start - 1))) {
            start--;
        }
        if (start < 2 || cells.size() - start < 2) {
            return null;
        }
        return compact(cells.subList(0, start), cells.subList(start, cells.size()));
    }

    /** A spreadsheet repeats a merged region's value down: 序号 and 指标 stand in both rows. */
    private static boolean repeatsSome(List<String> upper, List<String> lower) {
        for (int i = 0; i < Math.min(upper.size(), lower.size()); i++) {
            if (!upper.get(i).isBlank() && upper.get(i).trim().equals(lower.get(i).trim())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isSubCell(String cell) {
        return TableColumn.isHeaderLike(cell) && SUB_ROLES.contains(TableColumn.of(cell).role());
    }

    /** The lower cells repeat one block per group (目标任务 进度 完成比例, five times). */
    private static boolean repeats(List<String> lower, int span) {
        for (int i = span; i < lower.size(); i++) {
            if (!TableColumn.of(lower.get(i)).role().equals(TableColumn.of(lower.get(i - span)).role())) {
                return false;
            }
        }
        return true;
    }
}
