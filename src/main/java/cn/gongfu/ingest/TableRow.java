package cn.gongfu.ingest;

import java.util.List;

/** One row of a table as read from the text: its cells (empty strings for empty cells) and first line. */
record TableRow(List<String> cells, int line) {

    long nonEmpty() {
        return cells.stream().filter(c -> !c.isBlank()).count();
    }

    String first() {
        return cells.stream().filter(c -> !c.isBlank()).findFirst().orElse("");
    }
}
