package cn.gongfu.ingest;

import java.util.ArrayList;
import java.util.List;

/**
 * A table as the reader understood it, for the office to check: where its header is, each column's header and the
 * meaning the reader gave it (a {@link ColumnRoles#CHOICES} name, or the office's choice), and how many rows it read.
 */
public record ParsedTable(String list, int line, List<Column> columns, int rows, boolean progress) {

    public record Column(int index, String header, String role) {
    }

    static ParsedTable of(String list, Table table) {
        List<Column> columns = new ArrayList<>();
        for (TableColumn c : table.columns()) {
            // The English name column is one the reader inserts itself; the header, and so the office's choices, lack it.
            if (c.role() != TableColumn.Role.ENGLISH) {
                columns.add(new Column(columns.size(), c.header(), c.role().name()));
            }
        }
        long rows = table.rows().stream().filter(r -> !r.group()).count();
        return new ParsedTable(list, table.line(), List.copyOf(columns), (int) rows, table.isProgress());
    }
}
