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
                    throw new DocumentException("压缩包条目过多 / too many zip entries in " + fileName);
                }
                long entryBytes = 0;
                int n;
                while ((n = in.read(buffer)) > 0) {
                    entryBytes += n;
                    total += n;
                    if (total > limits.maxExpandedBytes()) {
                        throw new DocumentException("文档解压后超过" + (limits.maxExpandedBytes() >> 20) + "MB（疑似压缩炸弹），条目 "
                                + entry.getName() + " / document expands beyond " + (limits.maxExpandedBytes() >> 20)
                                + " MB (zip bomb?) at entry " + entry.getName() + " of " + fileName);
                    }
                }
                long compressed = entry.getCompressedSize();
                if (compressed > 0 && entryBytes > 1_000_000 && entryBytes / (double) compressed > limits.maxInflateRatio()) {
                    throw new DocumentException("文档压缩比异常（疑似压缩炸弹），条目 " + entry.getName() + " / suspicious compression ratio "
                            + "(zip bomb?) at entry " + entry.getName() + " of " + fileName);
                }
            }
        } catch (IOException e) {
            throw new DocumentException("文档已损坏，无法解压 / the document is corrupt (cannot unzip): " + fileName + ": " + e.getMessage(), e);
        }
        if (entries == 0) {
            throw new DocumentException("文档已损坏（空压缩包） / the document is corrupt (empty zip): " + fileName);
        }
        if (total > 1_000_000 && total / (double) zip.length > limits.maxInflateRatio()) {
            throw new DocumentException("文档压缩比异常（疑似压缩炸弹） / suspicious compression ratio (zip bomb?): " + fileName);
        }
    }
}
