package cn.gongfu.ingest;

import java.util.function.Supplier;

/**
 * OCR in tests: Tesseract may be absent on a developer's machine (the OCR tests are then skipped with a message),
 * but not where GONGFU_REQUIRE_OCR is set (CI), where its absence fails them, as GONGFU_REQUIRE_BROWSER does for
 * the browser.
 */
public final class Ocr {

    private Ocr() {
    }

    public static boolean required() {
        return System.getenv("GONGFU_REQUIRE_OCR") != null;
    }

    public static boolean available() {
        return ScannedPdfOcr.available();
    }

    /** Runs the parse as on a machine without tesseract and returns the refusal's message. */
    static String withoutTesseract(Supplier<?> parse) {
        String before = System.getProperty("gongfu.tesseract");
        System.setProperty("gongfu.tesseract", "/nonexistent/tesseract");
        try {
            parse.get();
            throw new AssertionError("a scan was read without tesseract");
        } catch (DocumentException e) {
            return e.getMessage();
        } finally {
            if (before == null) System.clearProperty("gongfu.tesseract");
            else System.setProperty("gongfu.tesseract", before);
        }
    }
}
