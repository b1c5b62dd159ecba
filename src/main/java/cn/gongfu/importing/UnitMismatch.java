package cn.gongfu.importing;

/**
 * A review finding: a target written in another unit than the indicator it lands on (500亿元 for an indicator kept
 * in 万元). A warning for the office, not a block: the target is stored with its own unit either way.
 *
 * @param indicator     the indicator's name as the draft uses it
 * @param targetUnit    the unit the target is written in
 * @param indicatorUnit the unit the indicator is kept in: an existing indicator's, else the document's indicator table's,
 *                      else that of the first target that names it (which the new indicator will take)
 * @param list          the task list ("main", "附件二") and {@code code} of the task whose text sets the target;
 *                      both null for the document's indicator table
 */
public record UnitMismatch(String indicator, String targetUnit, String indicatorUnit, String list, String code) {

    /** The finding's kind, in the style of the parser's findings (numbering-gap, conflicting-target). */
    public static final String KIND = "unit-mismatch";

    public String kind() {
        return KIND;
    }

    /** Where the target is written: the task as "list/code" like the parser's references, null for the indicator table. */
    public String ref() {
        return code == null ? null : list + "/" + code;
    }
}
