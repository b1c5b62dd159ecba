package cn.gongfu.supervision;

import static cn.gongfu.kernel.OfficialStyle.BODY_FONT;
import static cn.gongfu.kernel.OfficialStyle.HEADING_FONT;
import static cn.gongfu.kernel.OfficialStyle.RED;
import static cn.gongfu.kernel.OfficialStyle.TITLE_FONT;
import static cn.gongfu.kernel.OfficialStyle.body;
import static cn.gongfu.kernel.OfficialStyle.centred;
import static cn.gongfu.kernel.OfficialStyle.page;
import static cn.gongfu.kernel.OfficialStyle.redRule;
import static cn.gongfu.kernel.OfficialStyle.text;

import cn.gongfu.region.Region;
import cn.gongfu.region.RegionService;
import cn.gongfu.supervision.SupervisedItem.Detail;
import cn.gongfu.supervision.SupervisedItem.Entry;
import cn.gongfu.supervision.SupervisedItem.EntryKind;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Locale;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A supervision order (督办单) — or any supervised item — as a Word document (Apache POI) in the official-document layout
 * the bulletins use (GB/T 9704 in spirit): A4 with the same margins, the office's header line in red 方正小标宋简体 over a
 * red rule, the number in 仿宋_GB2312 centred, the title, then a bordered table of the order's facts (grade, unit,
 * subject, reply date) and its text in 仿宋_GB2312 三号, the timeline so far, the signature and the date.  The layout's
 * constants and Word pieces are the kernel's {@link cn.gongfu.kernel.OfficialStyle}, shared with the bulletins. The document is Chinese whatever the reader's language.
 */
@Component
class ItemDocx {

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
            text(header, zh("item.docx.office", region), TITLE_FONT, 26, false, RED);
            redRule(header);
            XWPFParagraph number = centred(doc);
            number.setSpacingBefore(240);
            number.setSpacingAfter(360);
            text(number, item.number() == null ? "" : item.number(), BODY_FONT, 16, false, null);
            XWPFParagraph title = centred(doc);
            title.setSpacingAfter(360);
            text(title, zh("item.docx.title." + item.kind().name()), TITLE_FONT, 22, false, null);

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
                text(body(doc, true), line, BODY_FONT, 16, false, null);
            }
            heading(doc, zh("item.docx.requirement"));
            text(body(doc, true), zh("item.docx.reply", item.unitName(), dateText(item.deadline())), BODY_FONT, 16, false, null);
            if (detail.entries().stream().anyMatch(e -> e.kind() != EntryKind.CREATED && e.kind() != EntryKind.ASSIGNED)) {
                heading(doc, zh("item.docx.timeline"));
                for (Entry e : detail.entries()) {
                    if (e.kind() == EntryKind.CREATED || e.kind() == EntryKind.ASSIGNED) continue;
                    String grade = e.grade() == null ? "" : " " + zh("item.grade." + e.grade().name());
                    text(body(doc, true), e.createdAt().toLocalDate() + " " + zh("item.entry." + e.kind().name()) + grade
                            + (e.text().isBlank() ? "" : zh("item.docx.colon") + e.text()), BODY_FONT, 16, false, null);
                }
            }
            XWPFParagraph signature = doc.createParagraph();
            signature.setAlignment(ParagraphAlignment.RIGHT);
            signature.setSpacingBefore(720);
            text(signature, zh("item.docx.office", region), BODY_FONT, 16, false, null);
            XWPFParagraph date = doc.createParagraph();
            date.setAlignment(ParagraphAlignment.RIGHT);
            text(date, dateText(item.createdAt().toLocalDate()), BODY_FONT, 16, false, null);
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
        text(l, label, HEADING_FONT, 14, false, null);
        row.getCell(0).setWidth("25%");
        XWPFParagraph v = row.getCell(1).getParagraphs().get(0);
        text(v, value, BODY_FONT, 14, false, null);
    }

    private static void heading(XWPFDocument doc, String text) {
        XWPFParagraph p = body(doc, true);
        p.setSpacingBefore(240);
        text(p, text, HEADING_FONT, 16, false, null);
    }

}
