package cn.gongfu.kernel;

/** A file's type by its first bytes, never by the name a user gave it. */
public final class FileTypes {

    public static final String PDF = "application/pdf";
    public static final String ZIP = "application/zip";
    public static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private FileTypes() {}

    public static String sniff(byte[] c) {
        if (startsWith(c, '%', 'P', 'D', 'F')) return PDF;
        if (startsWith(c, 0xFF, 0xD8, 0xFF)) return "image/jpeg";
        if (startsWith(c, 0x89, 'P', 'N', 'G')) return "image/png";
        if (startsWith(c, 'P', 'K', 3, 4)) return ZIP;
        return "application/octet-stream";
    }

    private static boolean startsWith(byte[] content, int... magic) {
        if (content.length < magic.length) return false;
        for (int i = 0; i < magic.length; i++) if ((content[i] & 0xFF) != magic[i]) return false;
        return true;
    }
}
