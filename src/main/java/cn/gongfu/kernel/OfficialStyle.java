package cn.gongfu.kernel;

import java.math.BigInteger;
import org.apache.poi.xwpf.usermodel.LineSpacingRule;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTBorder;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPBdr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STBorder;

/**
 * The layout of an official document (党政机关公文格式, GB/T 9704 in spirit) that bulletins and supervision orders share,
 * in .docx, PDF and preview: A4, the margins, the fonts offices expect and their sizes, and the few Word (POI) pieces
 * built from them. Font names are the ones Chinese office machines have; a machine without one falls back to a
 * similar font, the document still names it.
 */
public final class OfficialStyle {

    public static final double PAGE_WIDTH_MM = 210;
    public static final double PAGE_HEIGHT_MM = 297;
    public static final double MARGIN_TOP_MM = 37;
    public static final double MARGIN_BOTTOM_MM = 35;
    public static final double MARGIN_LEFT_MM = 28;
    public static final double MARGIN_RIGHT_MM = 26;

    /** The header line (发文机关标志) and the title. */
    public static final String TITLE_FONT = "方正小标宋简体";
    /** The body, the number, the tables (三号 / 小四). */
    public static final String BODY_FONT = "仿宋_GB2312";
    /** First-level headings (一、). */
    public static final String HEADING_FONT = "黑体";
    /** Second-level headings (（一）). */
    public static final String SUBHEADING_FONT = "楷体_GB2312";
    /** The page number (四号半角宋体). */
    public static final String PAGE_NUMBER_FONT = "宋体";

    public static final int HEADER_PT = 26;
    public static final int TITLE_PT = 22;
    public static final int BODY_PT = 16;
    public static final int TABLE_PT = 12;
    public static final int PAGE_NUMBER_PT = 14;

    /** Punctuation that may not begin a line (避头), kept at the end of the line before. */
    public static final String NO_LINE_START = "、，。；：？！）》」』”’,.;:?!)%";

    /** The red of the header line and the rule under it. */
    public static final String RED = "FF0000";

    private OfficialStyle() {}

    public static int twips(double mm) {
        return (int) Math.round(mm / 25.4 * 1440);
    }

    public static float points(double mm) {
        return (float) (mm / 25.4 * 72);
    }

    /** A4 with the official margins. */
    public static void page(XWPFDocument doc) {
        CTSectPr sect = doc.getDocument().getBody().isSetSectPr() ? doc.getDocument().getBody().getSectPr()
                : doc.getDocument().getBody().addNewSectPr();
        CTPageSz size = sect.isSetPgSz() ? sect.getPgSz() : sect.addNewPgSz();
        size.setW(BigInteger.valueOf(twips(PAGE_WIDTH_MM)));
        size.setH(BigInteger.valueOf(twips(PAGE_HEIGHT_MM)));
        CTPageMar margins = sect.isSetPgMar() ? sect.getPgMar() : sect.addNewPgMar();
        margins.setTop(BigInteger.valueOf(twips(MARGIN_TOP_MM)));
        margins.setBottom(BigInteger.valueOf(twips(MARGIN_BOTTOM_MM)));
        margins.setLeft(BigInteger.valueOf(twips(MARGIN_LEFT_MM)));
        margins.setRight(BigInteger.valueOf(twips(MARGIN_RIGHT_MM)));
        margins.setFooter(BigInteger.valueOf(twips(20)));
        margins.setHeader(BigInteger.valueOf(twips(15)));
    }

    public static XWPFParagraph centred(XWPFDocument doc) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(ParagraphAlignment.CENTER);
        return p;
    }

    /** A body paragraph: justified, 28 pt line spacing, indented two characters when {@code indent}. */
    public static XWPFParagraph body(XWPFDocument doc, boolean indent) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(ParagraphAlignment.BOTH);
        p.setSpacingBetween(28 * 20, LineSpacingRule.EXACT);
        if (indent) p.setIndentationFirstLine(BODY_PT * 20 * 2);
        return p;
    }

    public static XWPFRun text(XWPFParagraph p, String text, String font, int points, boolean bold, String color) {
        XWPFRun run = p.createRun();
        run.setText(text == null ? "" : text);
        font(run, font);
        run.setFontSize(points);
        run.setBold(bold);
        if (color != null) run.setColor(color);
        return run;
    }

    /** Names the font for every range, East Asian included (w:rFonts w:eastAsia), as Word needs for Chinese text. */
    public static void font(XWPFRun run, String font) {
        CTRPr rpr = run.getCTR().isSetRPr() ? run.getCTR().getRPr() : run.getCTR().addNewRPr();
        CTFonts fonts = rpr.sizeOfRFontsArray() > 0 ? rpr.getRFontsArray(0) : rpr.addNewRFonts();
        fonts.setAscii(font);
        fonts.setHAnsi(font);
        fonts.setEastAsia(font);
        fonts.setCs(font);
    }

    /** The red rule under the header line (红线). */
    public static void redRule(XWPFParagraph p) {
        var ppr = p.getCTP().isSetPPr() ? p.getCTP().getPPr() : p.getCTP().addNewPPr();
        CTPBdr borders = ppr.isSetPBdr() ? ppr.getPBdr() : ppr.addNewPBdr();
        CTBorder bottom = borders.addNewBottom();
        bottom.setVal(STBorder.SINGLE);
        bottom.setSz(BigInteger.valueOf(18));
        bottom.setSpace(BigInteger.valueOf(6));
        bottom.setColor(RED);
    }
}
