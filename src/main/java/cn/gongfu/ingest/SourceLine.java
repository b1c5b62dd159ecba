package cn.gongfu.ingest;

import java.util.List;

/**
 * A logical line after normalisation: a paragraph (possibly joined from OCR-wrapped physical lines), an
 * empty line (kept where empty lines carry meaning, e.g. empty table cells), or a table row (cells != null)
 * when the source line was tab-separated. lineNo is the first physical line it came from.
 */
record SourceLine(String text, int lineNo, List<String> cells) {

    boolean isBlank() {
        return cells == null && text.isEmpty();
    }

    boolean isTableRow() {
        return cells != null;
    }
}
