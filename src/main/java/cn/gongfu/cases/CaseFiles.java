package cn.gongfu.cases;

import cn.gongfu.kernel.FileTypes;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Which attachments a case takes, by their bytes: a PDF, a JPEG, a PNG, or an Office Open XML package (a zip holding
 * {@code [Content_Types].xml} and {@code word/} or {@code xl/}) named .docx or .xlsx. Anything else is refused, whatever
 * its name says.
 */
final class CaseFiles {

    private CaseFiles() {}

    /** The content type to store and serve, or null when the file is not one a case takes. */
    static String typeOf(String name, byte[] content) {
        String sniffed = FileTypes.sniff(content);
        if (!sniffed.equals(FileTypes.ZIP)) {
            return sniffed.equals(FileTypes.PDF) || sniffed.equals("image/jpeg") || sniffed.equals("image/png") ? sniffed : null;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        String part = lower.endsWith(".docx") ? "word/" : lower.endsWith(".xlsx") ? "xl/" : null;
        if (part == null || !holds(content, part)) return null;
        return part.equals("word/") ? FileTypes.DOCX : CaseService.XLSX;
    }

    /** Whether the package has its content types and a part under {@code folder} within its first entries. */
    private static boolean holds(byte[] content, String folder) {
        boolean types = false;
        boolean part = false;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
            ZipEntry e;
            for (int i = 0; i < 200 && (e = zip.getNextEntry()) != null; i++) {
                if (e.getName().equals("[Content_Types].xml")) types = true;
                if (e.getName().startsWith(folder)) part = true;
                if (types && part) return true;
            }
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
        return false;
    }
}
