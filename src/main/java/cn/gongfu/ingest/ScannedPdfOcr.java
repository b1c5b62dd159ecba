package cn.gongfu.ingest;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * A scanned PDF (pages that are pictures, no text layer) read by OCR: PDFBox renders each page at 300 dpi in
 * grey and the Tesseract command line (Debian's tesseract-ocr with tesseract-ocr-chi-sim) reads it as simplified
 * Chinese; wide gaps on a line are table columns ({@link #columns}). Bounded: at most {@link ParserLimits#maxOcrPages()} pages, each given
 * {@link ParserLimits#ocrSecondsPerPage()} seconds before Tesseract is stopped. Where Tesseract or its Chinese data
 * is missing the upload is refused with a message that says so; it never becomes an empty plan.
 */
final class ScannedPdfOcr {

    private static final int DPI = 300;
    /** Tesseract writes a space between Chinese characters; between two of them it is never meant. */
    private static final Pattern COLUMN_GAP = Pattern.compile(" {3,}");
    /** In a table line, a ruled vertical line often comes out as "|" (or "｜"): a cell boundary too. */
    private static final Pattern CELL_BOUNDARY = Pattern.compile(" {3,}|\\s*[|｜]\\s*");
    private static final Pattern SPACE_IN_CHINESE =
            Pattern.compile("(?<=[\\u3000-\\u9FFF\\uFF00-\\uFFEF])[ ]+(?=[\\u3000-\\u9FFF\\uFF00-\\uFFEF])");

    private ScannedPdfOcr() {
    }

    /** The Tesseract command: on the PATH, or where the system property gongfu.tesseract says. */
    static String command() {
        return System.getProperty("gongfu.tesseract", "tesseract");
    }

    /** Whether `tesseract` runs here and knows chi_sim (checked on each call: an install needs no restart). */
    static boolean available() {
        try {
            Process p = new ProcessBuilder(command(), "--list-langs").redirectErrorStream(true).start();
            String out;
            try (InputStream in = p.getInputStream()) {
                out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0 && out.lines().anyMatch(l -> l.strip().equals("chi_sim"));
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static String read(byte[] pdf, String fileName, ParserLimits limits) {
        if (!available()) {
            throw new DocumentException(Texts.both("ingest.error.ocrMissing", fileName));
        }
        Path dir = null;
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            int pages = doc.getNumberOfPages();
            if (pages > limits.maxOcrPages()) {
                throw new DocumentException(Texts.both("ingest.error.ocrTooManyPages", pages, limits.maxOcrPages(), fileName));
            }
            dir = Files.createTempDirectory("gongfu-ocr-");
            PDFRenderer renderer = new PDFRenderer(doc);
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < pages; i++) {
                BufferedImage image = renderer.renderImageWithDPI(i, DPI, ImageType.GRAY);
                Path png = dir.resolve("page-" + (i + 1) + ".png");
                ImageIO.write(image, "png", png.toFile());
                out.append(tesseract(png, i + 1, fileName, limits)).append('\n');
            }
            String text = columns(out.toString());
            if (text.isBlank()) {
                throw new DocumentException(Texts.both("ingest.error.ocrNothing", pages, fileName));
            }
            return text;
        } catch (DocumentException e) {
            throw e;
        } catch (IOException e) {
            throw new DocumentException(Texts.both("ingest.error.corrupt", fileName, e.getMessage()), e);
        } finally {
            deleteQuietly(dir);
        }
    }

    /**
     * Tesseract keeps the gaps between words (preserve_interword_spaces): a run of three or more spaces is the gap
     * between two table columns, so such a line is written as tab-separated cells like a Word table row (a "|" on it
     * is a ruled line between cells); a single space between two Chinese characters is Tesseract's own and removed.
     */
    static String columns(String ocr) {
        StringBuilder out = new StringBuilder();
        for (String line : ocr.split("\n", -1)) {
            String t = line.strip();
            if (COLUMN_GAP.matcher(t).find()) {
                out.append('\t');
                String[] cells = CELL_BOUNDARY.split(t);
                for (int i = 0; i < cells.length; i++) {
                    out.append(i == 0 ? "" : "\t").append(SPACE_IN_CHINESE.matcher(cells[i]).replaceAll(""));
                }
            } else {
                out.append(SPACE_IN_CHINESE.matcher(t).replaceAll(""));
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static String tesseract(Path png, int page, String fileName, ParserLimits limits) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command(), png.toString(), "stdout", "-l", "chi_sim", "--psm", "3",
                "-c", "preserve_interword_spaces=1"); // automatic layout: reads a table's rows (--psm 6 stops at ruled lines)
        pb.environment().put("OMP_THREAD_LIMIT", "1"); // one core per page: the machine is shared
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        Path text = png.resolveSibling(png.getFileName() + ".txt");
        pb.redirectOutput(text.toFile());
        Process p = pb.start();
        try {
            if (!p.waitFor(limits.ocrSecondsPerPage(), TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new DocumentException(Texts.both("ingest.error.ocrTimeout", page, limits.ocrSecondsPerPage(), fileName));
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new DocumentException(Texts.both("ingest.error.ocrTimeout", page, limits.ocrSecondsPerPage(), fileName));
        }
        if (p.exitValue() != 0) {
            throw new DocumentException(Texts.both("ingest.error.ocrFailed", page, p.exitValue(), fileName));
        }
        return Files.readString(text, StandardCharsets.UTF_8);
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) return;
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> {
                try {
                    Files.deleteIfExists(f);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // a temporary file left behind is no reason to fail an import
        }
    }
}
