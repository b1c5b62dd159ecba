package cn.gongfu.ingest;

import java.util.List;

/**
 * A table the {@link TableReader} found: its columns (header and meaning), its rows aligned to those columns,
 * the line index just after it (end) and the line of its header. A table with a 进展情况 / 完成情况 / 完成率
 * column reports progress: its numbers are achievements, never targets.
 */
record Table(List<TableColumn> columns, List<TableRow> rows, int end, int line) {

    int column(TableColumn.Role role) {
        return TableColumn.indexOf(columns, role);
    }

    boolean has(TableColumn.Role role) {
        return TableColumn.has(columns, role);
    }

    boolean isProgress() {
        return has(TableColumn.Role.PROGRESS) || has(TableColumn.Role.RATE);
    }

    boolean isIndicatorTable() {
        return columns.stream().filter(c -> c.role() == TableColumn.Role.YEAR).count() >= 2;
    }

    List<String> headers() {
        return columns.stream().map(TableColumn::header).toList();
    }
}
