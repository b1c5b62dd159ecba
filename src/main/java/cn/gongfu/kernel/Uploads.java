package cn.gongfu.kernel;

import java.io.IOException;
import org.springframework.web.multipart.MultipartFile;

/**
 * The one guard of every upload (plan documents, report templates, evidence, survey sheets): a file is
 * read into memory only once its size is known to be within the limit, and a client's file name is cut
 * down to something safe to store and show. The servlet container spools uploads to disk and refuses only
 * absurd ones (see application.yml), so an oversized file reaches this check and gets a clear 413.
 */
public final class Uploads {

    /** Longest stored file name: well inside the 300 characters of {@code evidence.file_name} and {@code import_job.file_name}. */
    public static final int MAX_NAME_LENGTH = 200;

    /** Largest spreadsheet taken (report templates, survey answer sheets): far above what a form of a few hundred rows weighs. */
    public static final long MAX_SHEET_BYTES = 5L << 20;

    private Uploads() {}

    public static byte[] read(MultipartFile file, long limit) throws IOException {
        if (file == null || file.isEmpty()) {
            throw new InvalidParameterException("file", BundleText.both("upload.missing"));
        }
        if (file.getSize() > limit) throw new UploadTooLargeException(file.getSize(), limit);
        return file.getBytes();
    }

    /**
     * A client's file name as we store it: only its last path segment (old browsers send {@code C:\Users\…\a.pdf},
     * others {@code ../../a.pdf}), without control characters or text {@link StorableText} refuses, at most
     * {@value #MAX_NAME_LENGTH} characters with the extension kept; "upload" when nothing is left.
     */
    public static String fileName(String clientName) {
        if (clientName == null) return "upload";
        String name = clientName.substring(Math.max(clientName.lastIndexOf('/'), clientName.lastIndexOf('\\')) + 1);
        StringBuilder kept = new StringBuilder();
        name.codePoints().filter(c -> !Character.isISOControl(c) && Character.getType(c) != Character.SURROGATE
                        && Character.getType(c) != Character.FORMAT)
                .forEach(kept::appendCodePoint);
        name = kept.toString().strip();
        if (name.isEmpty() || name.equals(".") || name.equals("..")) return "upload";
        if (name.codePointCount(0, name.length()) <= MAX_NAME_LENGTH) return name;
        int dot = name.lastIndexOf('.');
        String extension = dot > 0 && name.length() - dot <= 10 ? name.substring(dot) : "";
        String base = name.substring(0, name.length() - extension.length());
        return base.substring(0, base.offsetByCodePoints(0, MAX_NAME_LENGTH - extension.length())) + extension;
    }
}
