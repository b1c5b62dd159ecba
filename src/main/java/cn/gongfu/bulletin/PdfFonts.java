package cn.gongfu.bulletin;

import java.io.Closeable;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.fontbox.ttf.OpenTypeFont;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The fonts the PDF draws Chinese with. PDFBox 3 embeds (as a subset) fonts with TrueType outlines only; the Noto CJK
 * fonts of Debian's fonts-noto-cjk have CFF outlines and cannot be embedded, so the default is AR PL UMing (a Ming/Song
 * face, fonts-arphic-uming) for the body and WenQuanYi Zen Hei (a Hei face, fonts-wqy-zenhei) for the headings, both
 * TrueType collections. {@code gongfu.bulletin.pdf-font} names another .ttf or .ttc (with
 * {@code gongfu.bulletin.pdf-font-name} choosing a font of a collection by its PostScript name), and
 * {@code gongfu.bulletin.pdf-heading-font} the headings' one. Without any, the PDF is refused with
 * {@link PdfFontMissingException}, never a broken page of boxes.
 */
@Component
class PdfFonts {

    /** A font file and, for a collection, the PostScript name of the font in it (null: the first usable). */
    record Candidate(String path, String name) {}

    static final List<Candidate> BODY = List.of(
            new Candidate("/usr/share/fonts/truetype/arphic/uming.ttc", "UMingCN"),
            new Candidate("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", "WenQuanYiZenHei"),
            new Candidate("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", null),
            new Candidate("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf", null),
            new Candidate("/usr/share/fonts/truetype/arphic/ukai.ttc", null));

    static final List<Candidate> HEADING = List.of(
            new Candidate("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", "WenQuanYiZenHei"),
            new Candidate("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", null));

    private final List<Candidate> body;
    private final List<Candidate> heading;

    PdfFonts(@Value("${gongfu.bulletin.pdf-font:}") String font, @Value("${gongfu.bulletin.pdf-font-name:}") String fontName,
             @Value("${gongfu.bulletin.pdf-heading-font:}") String headingFont) {
        this.body = font.isBlank() ? BODY : List.of(new Candidate(font.strip(), fontName.isBlank() ? null : fontName.strip()));
        List<Candidate> h = new ArrayList<>();
        if (!headingFont.isBlank()) h.add(new Candidate(headingFont.strip(), null));
        else if (font.isBlank()) h.addAll(HEADING);
        this.heading = h;
    }

    /** The body and heading fonts loaded into {@code doc}; close after the document is saved (the subsets are read then). */
    Loaded load(PDDocument doc) {
        List<Closeable> open = new ArrayList<>();
        PDType0Font bodyFont = first(body, doc, open);
        if (bodyFont == null) {
            close(open);
            throw new PdfFontMissingException(String.join(", ", body.stream().map(Candidate::path).toList()));
        }
        PDType0Font headingFont = first(heading, doc, open);
        return new Loaded(bodyFont, headingFont == null ? bodyFont : headingFont, open);
    }

    record Loaded(PDType0Font body, PDType0Font heading, List<Closeable> open) implements Closeable {
        @Override
        public void close() {
            PdfFonts.close(open);
        }
    }

    private static PDType0Font first(List<Candidate> candidates, PDDocument doc, List<Closeable> open) {
        for (Candidate c : candidates) {
            File file = new File(c.path());
            if (!file.isFile()) continue;
            try {
                TrueTypeFont font = null;
                if (c.path().toLowerCase().endsWith(".ttc")) {
                    TrueTypeCollection collection = new TrueTypeCollection(file);
                    open.add(collection);
                    font = c.name() == null ? null : collection.getFontByName(c.name());
                    if (font == null) {
                        TrueTypeFont[] any = new TrueTypeFont[1];
                        collection.processAllFonts(f -> {
                            if (any[0] == null && usable(f)) any[0] = f;
                        });
                        font = any[0];
                    }
                } else {
                    font = new TTFParser().parse(new RandomAccessReadBufferedFile(file));
                    open.add(font);
                }
                if (font != null && usable(font)) return PDType0Font.load(doc, font, true);
            } catch (IOException | RuntimeException e) {
                // not a font PDFBox can embed: try the next
            }
        }
        return null;
    }

    /** TrueType outlines (embeddable) and a glyph for a common Chinese character. */
    static boolean usable(TrueTypeFont font) {
        try {
            if (font instanceof OpenTypeFont otf && otf.isPostScript()) return false;
            return font.getUnicodeCmapLookup().getGlyphId(0x901a) > 0;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    static void close(List<Closeable> open) {
        for (Closeable c : open) {
            try {
                c.close();
            } catch (IOException ignored) {
                // closing a font file read only
            }
        }
    }
}
