package cn.gongfu.ingest;

import java.math.BigDecimal;

/**
 * What a row of a progress table (进展情况表, 完成情况表) says about its task: achievements, never targets. text is the
 * progress as written (the 进展情况 / 完成情况 cells that are words: "已完成选址，正在开展设计"), actual a cell of those
 * columns that is a value ("6453人"), rate the 完成率 cell as written ("72%") and ratePercent its number (72), note the
 * row's 备注 (where such tables often say why: "因集体土地征收新政策出台滞后"). Each is null where the row leaves it
 * empty; a task read from a progress table has a ParsedProgress even then, so the importer can tell a progress row with
 * nothing to report from a task of an ordinary table or of the text (whose progress is null).
 */
public record ParsedProgress(String text, String actual, String rate, BigDecimal ratePercent, String note) {

    /** The row reports nothing: no text, no value, no rate, no note. */
    public boolean isEmpty() {
        return text == null && actual == null && rate == null && note == null;
    }
}
