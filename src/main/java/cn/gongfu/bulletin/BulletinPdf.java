package cn.gongfu.bulletin;

import static cn.gongfu.kernel.OfficialStyle.points;

import cn.gongfu.kernel.OfficialStyle;
import cn.gongfu.bulletin.BulletinContent.Table;
import cn.gongfu.bulletin.BulletinLayout.Block;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.stereotype.Component;

/**
 * A bulletin as PDF with PDFBox, in the same layout as the .docx (A4, GB/T 9704 margins, red header line and rule,
 * centred number and title, 16 pt body with 28 pt lines, bordered tables at 12 pt with the header row repeated on a
 * new page, "— 1 —" at the foot), drawn with the CJK fonts of {@link PdfFonts}.
 */
@Component
class BulletinPdf {

    private static final float WIDTH = PDRectangle.A4.getWidth();
    private static final float HEIGHT = PDRectangle.A4.getHeight();
    private static final float LEFT = points(OfficialStyle.MARGIN_LEFT_MM);
    private static final float RIGHT = WIDTH - points(OfficialStyle.MARGIN_RIGHT_MM);
    private static final float TOP = HEIGHT - points(OfficialStyle.MARGIN_TOP_MM);
    private static final float BOTTOM = points(OfficialStyle.MARGIN_BOTTOM_MM);
    private static final float LINE = 28;
    private static final float CELL_PAD = 3;

    private final PdfFonts fonts;

    BulletinPdf(PdfFonts fonts) {
        this.fonts = fonts;
    }

    byte[] write(BulletinLayout layout) {
        try (PDDocument doc = new PDDocument(); PdfFonts.Loaded loaded = fonts.load(doc)) {
            Writer w = new Writer(doc, loaded.body(), loaded.heading());
            w.centred(layout.office(), loaded.body(), OfficialStyle.HEADER_PT, Color.RED, 40);
            w.rule();
            w.y -= 24;
            w.centred(layout.number(), loaded.body(), OfficialStyle.BODY_PT, Color.BLACK, LINE);
            w.y -= 20;
            w.wrapped(layout.title(), loaded.body(), OfficialStyle.TITLE_PT, 0, true, 34);
            w.y -= 16;
            w.wrapped(layout.addressee(), loaded.body(), OfficialStyle.BODY_PT, 0, false, LINE);
            float indent = OfficialStyle.BODY_PT * 2;
            for (Block block : layout.blocks()) {
                if (block instanceof BulletinLayout.Heading h) w.wrapped(h.text(), loaded.heading(), OfficialStyle.BODY_PT, indent, false, LINE);
                else if (block instanceof BulletinLayout.Subheading s) w.wrapped(s.text(), loaded.heading(), OfficialStyle.BODY_PT, indent, false, LINE);
                else if (block instanceof BulletinLayout.Paragraph p) w.wrapped(p.text(), loaded.body(), OfficialStyle.BODY_PT, indent, false, LINE);
                else if (block instanceof BulletinLayout.TableBlock t) w.table(t.table());
            }
            w.y -= LINE * 1.5f;
            w.right(layout.signature(), OfficialStyle.BODY_PT, 4 * OfficialStyle.BODY_PT);
            w.right(layout.date(), OfficialStyle.BODY_PT, 6 * OfficialStyle.BODY_PT);
            w.close();
            w.pageNumbers();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Lays text out on pages, a cursor going down. */
    private static final class Writer {

        final PDDocument doc;
        final PDType0Font body;
        final PDType0Font heading;
        final Map<PDFont, Map<Integer, Boolean>> glyphs = new HashMap<>();
        PDPageContentStream cs;
        float y;

        Writer(PDDocument doc, PDType0Font body, PDType0Font heading) throws IOException {
            this.doc = doc;
            this.body = body;
            this.heading = heading;
            newPage();
        }

        void newPage() throws IOException {
            if (cs != null) cs.close();
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            cs = new PDPageContentStream(doc, page);
            y = TOP;
        }

        void close() throws IOException {
            cs.close();
        }

        void need(float height) throws IOException {
            if (y - height < BOTTOM) newPage();
        }

        /** Text the font can draw: a character it has no glyph for becomes a space rather than failing the page. */
        String drawable(String text, PDFont font) {
            Map<Integer, Boolean> known = glyphs.computeIfAbsent(font, f -> new HashMap<>());
            StringBuilder sb = new StringBuilder();
            text.codePoints().forEach(cp -> {
                boolean ok = known.computeIfAbsent(cp, c -> {
                    try {
                        font.encode(new String(Character.toChars(c)));
                        return true;
                    } catch (IOException | IllegalArgumentException e) {
                        return false;
                    }
                });
                sb.appendCodePoint(ok ? cp : ' ');
            });
            return sb.toString();
        }

        float width(String text, PDFont font, float size) throws IOException {
            return font.getStringWidth(text) / 1000 * size;
        }

        void show(String text, PDFont font, float size, float x, float baseline, Color color) throws IOException {
            cs.beginText();
            cs.setNonStrokingColor(color);
            cs.setFont(font, size);
            cs.newLineAtOffset(x, baseline);
            cs.showText(text);
            cs.endText();
        }

        void centred(String text, PDFont font, float size, Color color, float lineHeight) throws IOException {
            String t = drawable(text, font);
            need(lineHeight);
            y -= lineHeight;
            show(t, font, size, (LEFT + RIGHT - width(t, font, size)) / 2, y, color);
        }

        void right(String text, float size, float fromRight) throws IOException {
            String t = drawable(text, body);
            need(LINE);
            y -= LINE;
            show(t, body, size, RIGHT - fromRight - width(t, body, size), y, Color.BLACK);
        }

        /** A paragraph broken into lines by characters (Chinese breaks anywhere), the first line indented. */
        void wrapped(String text, PDFont font, float size, float indent, boolean centre, float lineHeight) throws IOException {
            String t = drawable(text, font);
            List<String> lines = lines(t, font, size, RIGHT - LEFT, indent);
            for (int i = 0; i < lines.size(); i++) {
                need(lineHeight);
                y -= lineHeight;
                String line = lines.get(i);
                float x = centre ? (LEFT + RIGHT - width(line, font, size)) / 2 : LEFT + (i == 0 ? indent : 0);
                show(line, font, size, x, y, Color.BLACK);
            }
        }

        List<String> lines(String text, PDFont font, float size, float width, float firstIndent) throws IOException {
            List<String> lines = new ArrayList<>();
            StringBuilder line = new StringBuilder();
            float available = width - firstIndent;
            int[] cps = text.codePoints().toArray();
            for (int cp : cps) {
                String next = line + new String(Character.toChars(cp));
                // a closing mark never begins a line (避头): it stays at the end of this one
                if (width(next, font, size) > available && line.length() > 0 && OfficialStyle.NO_LINE_START.indexOf(cp) < 0) {
                    lines.add(line.toString());
                    line.setLength(0);
                    available = width;
                }
                line.appendCodePoint(cp);
            }
            if (line.length() > 0 || lines.isEmpty()) lines.add(line.toString());
            return lines;
        }

        void rule() throws IOException {
            y -= 8;
            cs.setStrokingColor(Color.RED);
            cs.setLineWidth(1.5f);
            cs.moveTo(LEFT, y);
            cs.lineTo(RIGHT, y);
            cs.stroke();
            cs.setStrokingColor(Color.BLACK);
        }

        /** A bordered table: column widths by the longest text of each column, the header row repeated on each page. */
        void table(Table t) throws IOException {
            float size = OfficialStyle.TABLE_PT;
            float total = RIGHT - LEFT;
            int n = t.columns().size();
            float[] want = new float[n];
            List<List<String>> all = new ArrayList<>();
            all.add(t.columns());
            all.addAll(t.rows());
            for (List<String> row : all) {
                for (int c = 0; c < n; c++) {
                    String cell = drawable(c < row.size() ? row.get(c) : "", body);
                    want[c] = Math.max(want[c], Math.min(width(cell, body, size) + 2 * CELL_PAD, total * 0.45f));
                }
            }
            // narrow columns (numbers, states) keep their width; the wide ones share what is left by what they want
            float fair = total / n;
            float fixed = 0;
            float wide = 0;
            for (int c = 0; c < n; c++) {
                want[c] = Math.max(want[c], size * 2 + 2 * CELL_PAD);
                if (want[c] <= fair) fixed += want[c];
                else wide += want[c];
            }
            float[] widths = new float[n];
            for (int c = 0; c < n; c++) {
                widths[c] = wide == 0 ? want[c] / fixed * total
                        : want[c] <= fair ? want[c] : want[c] / wide * (total - fixed);
            }
            y -= 6;
            row(t.columns(), widths, size, true, null);
            for (List<String> r : t.rows()) row(r, widths, size, false, t.columns());
            y -= 10;
        }

        /** Draws a row; one that does not fit begins a new page, headed by {@code header} again. */
        void row(List<String> cells, float[] widths, float size, boolean header, List<String> headerRow) throws IOException {
            float lineHeight = size * 1.5f;
            List<List<String>> wrapped = new ArrayList<>();
            int most = 1;
            for (int c = 0; c < widths.length; c++) {
                String cell = drawable(c < cells.size() ? cells.get(c) : "", body);
                List<String> lines = lines(cell, body, size, widths[c] - 2 * CELL_PAD, 0);
                wrapped.add(lines);
                most = Math.max(most, lines.size());
            }
            float height = most * lineHeight + 2 * CELL_PAD;
            if (y - height < BOTTOM) {
                newPage();
                if (headerRow != null) row(headerRow, widths, size, true, null);
            }
            float x = LEFT;
            cs.setLineWidth(0.5f);
            for (int c = 0; c < widths.length; c++) {
                cs.addRect(x, y - height, widths[c], height);
                cs.stroke();
                float ty = y - CELL_PAD - size;
                for (String line : wrapped.get(c)) {
                    float tx = header || c == 0 ? x + (widths[c] - width(line, body, size)) / 2 : x + CELL_PAD;
                    show(line, header ? heading : body, size, tx, ty, Color.BLACK);
                    ty -= lineHeight;
                }
                x += widths[c];
            }
            y -= height;
        }

        /** "— n —" centred at the foot of every page. */
        void pageNumbers() throws IOException {
            int count = doc.getNumberOfPages();
            for (int i = 0; i < count; i++) {
                PDPage page = doc.getPage(i);
                try (PDPageContentStream foot = new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.APPEND, true)) {
                    String text = drawable("\u2014 " + (i + 1) + " \u2014", body);
                    float w = width(text, body, OfficialStyle.PAGE_NUMBER_PT);
                    foot.beginText();
                    foot.setNonStrokingColor(Color.BLACK);
                    foot.setFont(body, OfficialStyle.PAGE_NUMBER_PT);
                    foot.newLineAtOffset((WIDTH - w) / 2, BOTTOM - 40);
                    foot.showText(text);
                    foot.endText();
                }
            }
        }
    }
}
