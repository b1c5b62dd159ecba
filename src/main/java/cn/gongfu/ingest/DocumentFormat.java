package cn.gongfu.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * What a document is, by its bytes first and its name only where the bytes leave it open. Three formats are zips
 * that all start with "PK" (.docx, .xlsx, OFD) and two are OLE2 containers (.doc, .xls): their entries tell them
 * apart (word/…, xl/…, OFD.xml; WordDocument, Workbook).
 */
public enum DocumentFormat {
    TEXT("text/plain"),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    OFD("application/ofd"),
    PDF("application/pdf"),
    DOC("application/msword"),
    XLS("application/vnd.ms-excel"),
    HTML("text/html");

    private final String mimeType;

    DocumentFormat(String mimeType) {
        this.mimeType = mimeType;
    }

    public String mimeType() {
        return mimeType;
    }

    /** The format of the bytes; a name that claims a format the bytes are not is refused with a clear message. */
    public static DocumentFormat detect(String fileName, byte[] bytes) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        boolean zip = startsWith(bytes, 'P', 'K', 3, 4);
        boolean pdf = startsWith(bytes, '%', 'P', 'D', 'F');
        boolean ole = startsWith(bytes, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1);
        if (zip) {
            Set<String> entries = zipEntryNames(bytes);
            if (entries.contains("OFD.xml")) return OFD;
            if (entries.stream().anyMatch(e -> e.startsWith("xl/"))) return XLSX;
            if (entries.stream().anyMatch(e -> e.startsWith("word/"))) return DOCX;
            if (name.endsWith(".xlsx")) return XLSX;
            if (name.endsWith(".ofd")) return OFD;
            return DOCX; // POI then says what is wrong with it
        }
        if (name.endsWith(".docx")) throw new DocumentException(Texts.both("ingest.error.notDocx", fileName));
        if (name.endsWith(".xlsx")) throw new DocumentException(Texts.both("ingest.error.notXlsx", fileName));
        if (name.endsWith(".ofd")) throw new DocumentException(Texts.both("ingest.error.notOfd", fileName));
        if (pdf) return PDF;
        if (name.endsWith(".pdf")) throw new DocumentException(Texts.both("ingest.error.notPdf", fileName));
        if (ole) {
            Set<String> entries = oleEntryNames(bytes);
            if (entries.contains("Workbook") || entries.contains("Book")) return XLS;
            if (entries.contains("WordDocument")) return DOC;
            return name.endsWith(".xls") ? XLS : DOC;
        }
        // web systems export "Excel" and "Word" files that are HTML tables under an .xls or .doc name
        if (name.endsWith(".html") || name.endsWith(".htm") || looksLikeHtml(bytes)) return HTML;
        if (name.endsWith(".xls")) throw new DocumentException(Texts.both("ingest.error.notXls", fileName));
        if (name.endsWith(".doc")) return DOC; // Tika also reads the RTF that some tools save as .doc
        return TEXT;
    }

    /** A saved page starts, after a BOM and blanks, with a doctype, an html tag or a comment before them. */
    private static boolean looksLikeHtml(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, 1024), StandardCharsets.ISO_8859_1)
                .replace("\u00EF\u00BB\u00BF", "").stripLeading().toLowerCase(Locale.ROOT);
        return head.startsWith("<!doctype html") || head.startsWith("<html")
                || head.startsWith("<!--") && head.contains("<html");
    }

    /**
     * The entry names of a zip from its central directory, read from the bytes without inflating anything (so a
     * zip bomb costs nothing here; ZipBombGuard checks the contents before a reader opens them).
     */
    static Set<String> zipEntryNames(byte[] b) {
        Set<String> names = new HashSet<>();
        int eocd = -1;
        for (int i = b.length - 22; i >= Math.max(0, b.length - 22 - 65_535); i--) {
            if (b[i] == 'P' && b[i + 1] == 'K' && b[i + 2] == 5 && b[i + 3] == 6) {
                eocd = i;
                break;
            }
        }
        if (eocd < 0) return names;
        int count = u16(b, eocd + 10);
        long offset = u32(b, eocd + 16);
        int p = (int) Math.min(offset, Integer.MAX_VALUE);
        for (int n = 0; n < count && p >= 0 && p + 46 <= b.length; n++) {
            if (!(b[p] == 'P' && b[p + 1] == 'K' && b[p + 2] == 1 && b[p + 3] == 2)) break;
            int nameLength = u16(b, p + 28);
            int extra = u16(b, p + 30);
            int comment = u16(b, p + 32);
            if (p + 46 + nameLength > b.length) break;
            names.add(new String(b, p + 46, nameLength, StandardCharsets.UTF_8).replace('\\', '/'));
            p += 46 + nameLength + extra + comment;
        }
        return names;
    }

    private static Set<String> oleEntryNames(byte[] bytes) {
        try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(bytes))) {
            return new HashSet<>(fs.getRoot().getEntryNames());
        } catch (IOException | RuntimeException e) {
            return Set.of(); // the reader chosen by name reports the damage
        }
    }

    private static int u16(byte[] b, int i) {
        return (b[i] & 0xFF) | (b[i + 1] & 0xFF) << 8;
    }

    private static long u32(byte[] b, int i) {
        return (b[i] & 0xFFL) | (b[i + 1] & 0xFFL) << 8 | (b[i + 2] & 0xFFL) << 16 | (b[i + 3] & 0xFFL) << 24;
    }

    private static boolean startsWith(byte[] content, int... magic) {
        if (content.length < magic.length) return false;
        for (int i = 0; i < magic.length; i++) if ((content[i] & 0xFF) != magic[i]) return false;
        return true;
    }
}
