package cn.gongfu.ingest;

import java.util.List;

/**
 * One row of a table as read from the text: its cells, one per column of the table's header (empty strings for
 * empty cells), and its first line. A group row ("一、未来五年主要工作任务", "就业 | Employment | |||") has group
 * set and a single cell, the group's name.
 */
record TableRow(List<String> cells, int line, boolean group) {

    TableRow(List<String> cells, int line) {
        this(cells, line, false);
    }

    String cell(int column) {
        return column >= 0 && column < cells.size() ? cells.get(column) : "";
    }

    long nonEmpty() {
        return cells.stream().filter(c -> !c.isBlank()).count();
    }

    String first() {
        return cells.stream().filter(c -> !c.isBlank()).findFirst().orElse("");
    }
}
