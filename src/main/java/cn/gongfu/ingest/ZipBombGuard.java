package cn.gongfu.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Walks a .docx (a zip) once, counting the bytes each entry really expands to, before POI or Tika open it:
 * declared sizes in the zip directory can lie, the inflated stream cannot.
 */
final class ZipBombGuard {

    private ZipBombGuard() {
    }

    static void check(byte[] zip, String fileName, ParserLimits limits) {
        long total = 0;
        int entries = 0;
        byte[] buffer = new byte[64 * 1024];
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                if (++entries > 10_000) {
                    throw new DocumentException(Texts.both("ingest.error.tooManyEntries", fileName));
                }
                long entryBytes = 0;
                int n;
                while ((n = in.read(buffer)) > 0) {
                    entryBytes += n;
                    total += n;
                    if (total > limits.maxExpandedBytes()) {
                        throw new DocumentException(Texts.both("ingest.error.expands", limits.maxExpandedBytes() >> 20, entry.getName(), fileName));
                    }
                }
                long compressed = entry.getCompressedSize();
                if (compressed > 0 && entryBytes > 1_000_000 && entryBytes / (double) compressed > limits.maxInflateRatio()) {
                    throw new DocumentException(Texts.both("ingest.error.ratioAt", entry.getName(), fileName));
                }
            }
        } catch (IOException e) {
            throw new DocumentException(Texts.both("ingest.error.cannotUnzip", fileName, e.getMessage()), e);
        }
        if (entries == 0) {
            throw new DocumentException(Texts.both("ingest.error.emptyZip", fileName));
        }
        if (total > 1_000_000 && total / (double) zip.length > limits.maxInflateRatio()) {
            throw new DocumentException(Texts.both("ingest.error.ratio", fileName));
        }
    }
}
