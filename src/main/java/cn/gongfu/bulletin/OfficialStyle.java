package cn.gongfu.bulletin;

/**
 * The layout of an official document (党政机关公文格式, GB/T 9704 in spirit) that the .docx, the PDF and the preview share:
 * A4, the margins, the fonts offices expect and their sizes. Font names are the ones Chinese office machines have; a
 * machine without one falls back to a similar font, the document still names it.
 */
final class OfficialStyle {

    static final double PAGE_WIDTH_MM = 210;
    static final double PAGE_HEIGHT_MM = 297;
    static final double MARGIN_TOP_MM = 37;
    static final double MARGIN_BOTTOM_MM = 35;
    static final double MARGIN_LEFT_MM = 28;
    static final double MARGIN_RIGHT_MM = 26;

    /** The header line (发文机关标志) and the title. */
    static final String TITLE_FONT = "方正小标宋简体";
    /** The body, the number, the tables (三号 / 小四). */
    static final String BODY_FONT = "仿宋_GB2312";
    /** First-level headings (一、). */
    static final String HEADING_FONT = "黑体";
    /** Second-level headings (（一）). */
    static final String SUBHEADING_FONT = "楷体_GB2312";
    /** The page number (四号半角宋体). */
    static final String PAGE_NUMBER_FONT = "宋体";

    static final int HEADER_PT = 26;
    static final int TITLE_PT = 22;
    static final int BODY_PT = 16;
    static final int TABLE_PT = 12;
    static final int PAGE_NUMBER_PT = 14;

    /** Punctuation that may not begin a line (避头), kept at the end of the line before. */
    static final String NO_LINE_START = "、，。；：？！）》」』”’,.;:?!)%";

    /** The red of the header line and the rule under it. */
    static final String RED = "FF0000";

    private OfficialStyle() {}

    static int twips(double mm) {
        return (int) Math.round(mm / 25.4 * 1440);
    }

    static float points(double mm) {
        return (float) (mm / 25.4 * 72);
    }
}
