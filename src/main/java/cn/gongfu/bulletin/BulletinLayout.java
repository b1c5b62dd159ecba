package cn.gongfu.bulletin;

import static cn.gongfu.kernel.BundleText.zh;

import cn.gongfu.bulletin.BulletinContent.Section;
import cn.gongfu.bulletin.BulletinContent.Table;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A bulletin laid out as the lines of an official document, in order, for the .docx, the PDF and the preview alike:
 * the header line, the number, the title, the addressee, then each section with its heading ("一、"), paragraphs and
 * tables (their captions "（一）"), and the signature with the date.
 */
record BulletinLayout(String office, String number, String title, String addressee, List<Block> blocks, String signature,
                      String date) {

    /** One block of the body. */
    sealed interface Block permits Heading, Subheading, Paragraph, TableBlock {}

    record Heading(String text) implements Block {}

    record Subheading(String text) implements Block {}

    record Paragraph(String text) implements Block {}

    record TableBlock(Table table) implements Block {}

    static BulletinLayout of(Bulletin b, String number, LocalDate date) {
        BulletinContent c = b.content();
        List<Block> blocks = new ArrayList<>();
        int first = 0;
        for (Section s : c.sections()) {
            first++;
            blocks.add(new Heading(zh("bulletin.numeral." + first) + zh("bulletin.heading.mark") + s.heading()));
            if (s.hasNarrative()) {
                for (String p : paragraphs(b.narrative(s.narrative()))) blocks.add(new Paragraph(p));
                continue;
            }
            s.paragraphs().forEach(p -> blocks.add(new Paragraph(p)));
            int second = 0;
            for (Table t : s.tables()) {
                if (t.caption() != null) {
                    second++;
                    blocks.add(new Subheading(zh("bulletin.subheading", zh("bulletin.numeral." + second)) + t.caption()));
                }
                if (t.rows().isEmpty()) blocks.add(new Paragraph(t.empty()));
                else blocks.add(new TableBlock(t));
            }
        }
        return new BulletinLayout(c.office(), number, b.title(), zh("bulletin.addressee"), blocks, c.office(),
                zh("bulletin.date", String.valueOf(date.getYear()), String.valueOf(date.getMonthValue()),
                        String.valueOf(date.getDayOfMonth())));
    }

    /** The office's text as paragraphs: one per non-blank line. */
    static List<String> paragraphs(String text) {
        if (text == null) return List.of();
        return text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }
}
