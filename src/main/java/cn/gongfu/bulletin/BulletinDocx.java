package cn.gongfu.bulletin;

import static cn.gongfu.kernel.OfficialStyle.BODY_FONT;
import static cn.gongfu.kernel.OfficialStyle.BODY_PT;
import static cn.gongfu.kernel.OfficialStyle.HEADER_PT;
import static cn.gongfu.kernel.OfficialStyle.HEADING_FONT;
import static cn.gongfu.kernel.OfficialStyle.PAGE_NUMBER_FONT;
import static cn.gongfu.kernel.OfficialStyle.PAGE_NUMBER_PT;
import static cn.gongfu.kernel.OfficialStyle.RED;
import static cn.gongfu.kernel.OfficialStyle.SUBHEADING_FONT;
import static cn.gongfu.kernel.OfficialStyle.TABLE_PT;
import static cn.gongfu.kernel.OfficialStyle.TITLE_FONT;
import static cn.gongfu.kernel.OfficialStyle.TITLE_PT;
import static cn.gongfu.kernel.OfficialStyle.body;
import static cn.gongfu.kernel.OfficialStyle.centred;
import static cn.gongfu.kernel.OfficialStyle.page;
import static cn.gongfu.kernel.OfficialStyle.redRule;
import static cn.gongfu.kernel.OfficialStyle.text;
import static cn.gongfu.kernel.OfficialStyle.twips;


import cn.gongfu.bulletin.BulletinContent.Table;
import cn.gongfu.bulletin.BulletinLayout.Block;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableRowAlign;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSimpleField;

/**
 * A bulletin as a Word document with Apache POI, in the layout of official documents: A4 with the GB/T 9704 margins,
 * the office's header line in red 方正小标宋简体 over a red rule, the number in 仿宋_GB2312 16pt centred, the title in
 * 方正小标宋简体 22pt centred, the body in 仿宋_GB2312 16pt (三号) with a two-character indent, first-level headings in
 * 黑体, second-level in 楷体_GB2312, tables with a repeated header row and borders in 仿宋_GB2312 12pt, and the page number
 * "— 1 —" at the foot. Every run names its font for ASCII and East Asian text (w:rFonts ascii, hAnsi, eastAsia).
 */
final class BulletinDocx {

    private BulletinDocx() {}

    static byte[] write(BulletinLayout layout) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            page(doc);
            XWPFParagraph header = centred(doc);
            header.setSpacingAfter(120);
            text(header, layout.office(), TITLE_FONT, HEADER_PT, false, RED);
            redRule(header);
            XWPFParagraph number = centred(doc);
            number.setSpacingBefore(240);
            number.setSpacingAfter(480);
            text(number, layout.number(), BODY_FONT, BODY_PT, false, null);
            XWPFParagraph title = centred(doc);
            title.setSpacingAfter(480);
            text(title, layout.title(), TITLE_FONT, TITLE_PT, false, null);
            text(body(doc, false), layout.addressee(), BODY_FONT, BODY_PT, false, null);
            for (Block block : layout.blocks()) {
                if (block instanceof BulletinLayout.Heading h) text(body(doc, true), h.text(), HEADING_FONT, BODY_PT, false, null);
                else if (block instanceof BulletinLayout.Subheading sh) text(body(doc, true), sh.text(), SUBHEADING_FONT, BODY_PT, false, null);
                else if (block instanceof BulletinLayout.Paragraph p) text(body(doc, true), p.text(), BODY_FONT, BODY_PT, false, null);
                else if (block instanceof BulletinLayout.TableBlock t) table(doc, t.table());
            }
            XWPFParagraph signature = doc.createParagraph();
            signature.setAlignment(ParagraphAlignment.RIGHT);
            signature.setSpacingBefore(720);
            signature.setIndentationRight(twips(8));
            text(signature, layout.signature(), BODY_FONT, BODY_PT, false, null);
            XWPFParagraph date = doc.createParagraph();
            date.setAlignment(ParagraphAlignment.RIGHT);
            date.setIndentationRight(twips(8) + 320 * 2);
            text(date, layout.date(), BODY_FONT, BODY_PT, false, null);
            pageNumbers(doc);
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void table(XWPFDocument doc, Table t) {
        XWPFTable table = doc.createTable(t.rows().size() + 1, t.columns().size());
        table.setWidth("100%");
        table.setTableAlignment(TableRowAlign.CENTER);
        fill(table.getRow(0), t.columns(), true);
        table.getRow(0).setRepeatHeader(true);
        for (int r = 0; r < t.rows().size(); r++) fill(table.getRow(r + 1), t.rows().get(r), false);
        doc.createParagraph();
    }

    private static void fill(XWPFTableRow row, List<String> cells, boolean header) {
        for (int c = 0; c < cells.size(); c++) {
            XWPFTableCell cell = row.getCell(c);
            XWPFParagraph p = cell.getParagraphs().get(0);
            p.setAlignment(header || c == 0 ? ParagraphAlignment.CENTER : ParagraphAlignment.LEFT);
            text(p, cells.get(c), BODY_FONT, TABLE_PT, header, null);
        }
    }

    /** "— 1 —" centred in the footer: the dashes and the PAGE field in 宋体 14pt. */
    private static void pageNumbers(XWPFDocument doc) {
        XWPFFooter footer = doc.createFooter(HeaderFooterType.DEFAULT);
        XWPFParagraph p = footer.createParagraph();
        p.setAlignment(ParagraphAlignment.CENTER);
        text(p, "\u2014 ", PAGE_NUMBER_FONT, PAGE_NUMBER_PT, false, null);
        CTSimpleField field = p.getCTP().addNewFldSimple();
        field.setInstr("PAGE \\* MERGEFORMAT");
        var r = field.addNewR();
        r.addNewT().setStringValue("1");
        CTRPr rpr = r.addNewRPr();
        CTFonts fonts = rpr.addNewRFonts();
        fonts.setAscii(PAGE_NUMBER_FONT);
        fonts.setHAnsi(PAGE_NUMBER_FONT);
        fonts.setEastAsia(PAGE_NUMBER_FONT);
        rpr.addNewSz().setVal(BigInteger.valueOf(PAGE_NUMBER_PT * 2L));
        text(p, " \u2014", PAGE_NUMBER_FONT, PAGE_NUMBER_PT, false, null);
    }
}
