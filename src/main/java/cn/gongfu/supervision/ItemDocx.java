package cn.gongfu.supervision;

import cn.gongfu.region.Region;
import cn.gongfu.region.RegionService;
import cn.gongfu.supervision.SupervisedItem.Detail;
import cn.gongfu.supervision.SupervisedItem.Entry;
import cn.gongfu.supervision.SupervisedItem.EntryKind;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.Locale;
import org.apache.poi.xwpf.usermodel.LineSpacingRule;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTBorder;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPBdr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STBorder;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A supervision order (督办单) — or any supervised item — as a Word document (Apache POI) in the official-document layout
 * the bulletins use (GB/T 9704 in spirit): A4 with the same margins, the office's header line in red 方正小标宋简体 over a
 * red rule, the number in 仿宋_GB2312 centred, the title, then a bordered table of the order's facts (grade, unit,
 * subject, reply date) and its text in 仿宋_GB2312 三号, the timeline so far, the signature and the date. The
 * bulletin's writer is package-private in a module built on this one, so the layout's few constants are restated
 * here (the names and sizes of GB/T 9704, not code). The document is Chinese whatever the reader's language.
 */
@Component
class ItemDocx {

    static final String TITLE_FONT = "方正小标宋简体";
    static final String BODY_FONT = "仿宋_GB2312";
    static final String HEADING_FONT = "黑体";
    static final String RED = "FF0000";

    private final MessageSource messages;
    private final RegionService regions;

    ItemDocx(MessageSource messages, RegionService regions) {
        this.messages = messages;
        this.regions = regions;
    }

    static String fileName(SupervisedItem item) {
        return (item.number() != null ? item.number() : item.kind().name().toLowerCase(Locale.ROOT) + "-" + item.id()) + ".docx";
    }

    byte[] write(Detail detail) {
        SupervisedItem item = detail.item();
        String region = regions.find(item.regionCode()).map(Region::name).orElse(item.regionCode());
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            page(doc);
            XWPFParagraph header = centred(doc);
            header.setSpacingAfter(120);
            run(header, zh("item.docx.office", region), TITLE_FONT, 26, RED);
            redRule(header);
            XWPFParagraph number = centred(doc);
            number.setSpacingBefore(240);
            number.setSpacingAfter(360);
            run(number, item.number() == null ? "" : item.number(), BODY_FONT, 16, null);
            XWPFParagraph title = centred(doc);
            title.setSpacingAfter(360);
            run(title, zh("item.docx.title." + item.kind().name()), TITLE_FONT, 22, null);

            XWPFTable facts = doc.createTable(6, 2);
            facts.setWidth("100%");
            fact(facts.getRow(0), zh("item.field.number"), item.number() == null ? "" : item.number());
            fact(facts.getRow(1), zh("item.field.grade"), item.grade() == null ? "" : zh("item.grade." + item.grade().name()));
            fact(facts.getRow(2), zh("item.field.unit"), item.unitName());
            fact(facts.getRow(3), zh("item.field.subject"), item.title());
            fact(facts.getRow(4), zh("item.field.deadline"), dateText(item.deadline()));
            fact(facts.getRow(5), zh("item.field.state"), zh("item.state." + item.state().name()));

            heading(doc, zh("item.docx.body"));
            for (String line : (item.body() == null || item.body().isBlank() ? item.title() : item.body()).split("\\R")) {
                run(body(doc), line, BODY_FONT, 16, null);
            }
            heading(doc, zh("item.docx.requirement"));
            run(body(doc), zh("item.docx.reply", item.unitName(), dateText(item.deadline())), BODY_FONT, 16, null);
            if (detail.entries().stream().anyMatch(e -> e.kind() != EntryKind.CREATED && e.kind() != EntryKind.ASSIGNED)) {
                heading(doc, zh("item.docx.timeline"));
                for (Entry e : detail.entries()) {
                    if (e.kind() == EntryKind.CREATED || e.kind() == EntryKind.ASSIGNED) continue;
                    String grade = e.grade() == null ? "" : " " + zh("item.grade." + e.grade().name());
                    run(body(doc), e.createdAt().toLocalDate() + " " + zh("item.entry." + e.kind().name()) + grade
                            + (e.text().isBlank() ? "" : zh("item.docx.colon") + e.text()), BODY_FONT, 16, null);
                }
            }
            XWPFParagraph signature = doc.createParagraph();
            signature.setAlignment(ParagraphAlignment.RIGHT);
            signature.setSpacingBefore(720);
            run(signature, zh("item.docx.office", region), BODY_FONT, 16, null);
            XWPFParagraph date = doc.createParagraph();
            date.setAlignment(ParagraphAlignment.RIGHT);
            run(date, dateText(item.createdAt().toLocalDate()), BODY_FONT, 16, null);
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String zh(String key, Object... args) {
        return messages.getMessage(key, args, Locale.SIMPLIFIED_CHINESE);
    }

    /** 2026年7月31日, as official documents write dates. */
    String dateText(LocalDate d) {
        return zh("item.docx.date", String.valueOf(d.getYear()), String.valueOf(d.getMonthValue()), String.valueOf(d.getDayOfMonth()));
    }

    private static void fact(XWPFTableRow row, String label, String value) {
        XWPFParagraph l = row.getCell(0).getParagraphs().get(0);
        run(l, label, HEADING_FONT, 14, null);
        row.getCell(0).setWidth("25%");
        XWPFParagraph v = row.getCell(1).getParagraphs().get(0);
        run(v, value, BODY_FONT, 14, null);
    }

    private static void heading(XWPFDocument doc, String text) {
        XWPFParagraph p = body(doc);
        p.setSpacingBefore(240);
        run(p, text, HEADING_FONT, 16, null);
    }

    private static void page(XWPFDocument doc) {
        CTSectPr sect = doc.getDocument().getBody().isSetSectPr() ? doc.getDocument().getBody().getSectPr()
                : doc.getDocument().getBody().addNewSectPr();
        CTPageSz size = sect.isSetPgSz() ? sect.getPgSz() : sect.addNewPgSz();
        size.setW(BigInteger.valueOf(twips(210)));
        size.setH(BigInteger.valueOf(twips(297)));
        CTPageMar margins = sect.isSetPgMar() ? sect.getPgMar() : sect.addNewPgMar();
        margins.setTop(BigInteger.valueOf(twips(37)));
        margins.setBottom(BigInteger.valueOf(twips(35)));
        margins.setLeft(BigInteger.valueOf(twips(28)));
        margins.setRight(BigInteger.valueOf(twips(26)));
    }

    private static int twips(double mm) {
        return (int) Math.round(mm / 25.4 * 1440);
    }

    private static XWPFParagraph centred(XWPFDocument doc) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(ParagraphAlignment.CENTER);
        return p;
    }

    private static XWPFParagraph body(XWPFDocument doc) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(ParagraphAlignment.BOTH);
        p.setSpacingBetween(28 * 20, LineSpacingRule.EXACT);
        p.setIndentationFirstLine(16 * 20 * 2);
        return p;
    }

    private static XWPFRun run(XWPFParagraph p, String text, String font, int points, String color) {
        XWPFRun run = p.createRun();
        run.setText(text == null ? "" : text);
        CTRPr rpr = run.getCTR().isSetRPr() ? run.getCTR().getRPr() : run.getCTR().addNewRPr();
        CTFonts fonts = rpr.sizeOfRFontsArray() > 0 ? rpr.getRFontsArray(0) : rpr.addNewRFonts();
        fonts.setAscii(font);
        fonts.setHAnsi(font);
        fonts.setEastAsia(font);
        fonts.setCs(font);
        run.setFontSize(points);
        if (color != null) run.setColor(color);
        return run;
    }

    private static void redRule(XWPFParagraph p) {
        var ppr = p.getCTP().isSetPPr() ? p.getCTP().getPPr() : p.getCTP().addNewPPr();
        CTPBdr borders = ppr.isSetPBdr() ? ppr.getPBdr() : ppr.addNewPBdr();
        CTBorder bottom = borders.addNewBottom();
        bottom.setVal(STBorder.SINGLE);
        bottom.setSz(BigInteger.valueOf(18));
        bottom.setSpace(BigInteger.valueOf(6));
        bottom.setColor(RED);
    }
}
