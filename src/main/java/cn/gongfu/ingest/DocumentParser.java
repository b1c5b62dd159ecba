package cn.gongfu.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Entry point: turns one plan document into a {@link ParsedDocument}: .txt in UTF-8 or GB18030, .docx, .xlsx and
 * .xls, a saved web page (.html), OFD, .pdf (scanned ones through OCR where Tesseract is installed) and Word 97 .doc
 * ({@link DocumentFormat} tells them apart by their bytes).
 * Pure Java, no Spring, no database; safe to call from several threads (it keeps no state).
 * Bad input throws {@link DocumentException} with a bilingual message naming the file and what is wrong.
 */
public final class DocumentParser {

    private final ParserLimits limits;

    public DocumentParser() {
        this(ParserLimits.DEFAULT);
    }

    public DocumentParser(ParserLimits limits) {
        this.limits = limits;
    }

    /** Reads the file, refusing it before reading when it is over the size limit. */
    public ParsedDocument parse(Path file) {
        String name = file.getFileName().toString();
        try {
            if (!Files.isRegularFile(file)) {
                throw new DocumentException(Texts.both("ingest.error.notFound", file));
            }
            long size = Files.size(file);
            checkSize(size, name);
            try (InputStream in = Files.newInputStream(file)) {
                return parse(name, in);
            }
        } catch (IOException e) {
            throw new DocumentException(Texts.both("ingest.error.cannotRead", file, e.getMessage()), e);
        }
    }

    /** Reads at most the size limit from the stream; a longer stream is refused without reading it all. */
    public ParsedDocument parse(String fileName, InputStream in) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        try {
            int n;
            while ((n = in.read(buffer)) > 0) {
                total += n;
                checkSize(total, fileName);
                out.write(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new DocumentException(Texts.both("ingest.error.cannotRead", fileName, e.getMessage()), e);
        }
        return parse(fileName, out.toByteArray());
    }

    public ParsedDocument parse(String fileName, byte[] bytes) {
        return parse(fileName, bytes, ColumnRoles.NONE);
    }

    /** Reads the document with the office's choices of what some table columns hold (see {@link ColumnRoles}). */
    public ParsedDocument parse(String fileName, byte[] bytes, ColumnRoles roles) {
        checkSize(bytes.length, fileName);
        String text = extractText(fileName, bytes);
        return parseText(fileName, text, roles);
    }

    /** Parses text that was already extracted (used by tests and by callers holding a String). */
    public ParsedDocument parseText(String fileName, String text) {
        return parseText(fileName, text, ColumnRoles.NONE);
    }

    public ParsedDocument parseText(String fileName, String text, ColumnRoles roles) {
        PageFurniture furniture = new PageFurniture();
        List<SourceLine> lines = TextNormalizer.normalize(text, furniture);
        if (lines.stream().allMatch(SourceLine::isBlank)) {
            throw new DocumentException(Texts.both("ingest.error.noText", fileName));
        }
        TitleFinder.Result head = TitleFinder.find(lines, furniture.headline());
        StructureParser sp = new StructureParser(lines, head.period(), TextNormalizer.splitLines(text), roles);
        sp.parse();
        List<Finding> findings = new ArrayList<>(sp.findings);
        FindingsAnalyzer.checkNumbering(sp.tasks, sp.sections, findings);
        FindingsAnalyzer.checkDeclaredTotals(sp.declaredTotals, sp.annexRowCounts, sp.annexTitles, findings);
        FindingsAnalyzer.checkIndicatorSeries(sp.indicators, findings);
        FindingsAnalyzer.checkConflicts(sp.indicators, sp.tasks, findings);
        FindingsAnalyzer.makeCodesUnique(sp.tasks);
        if (lines.stream().anyMatch(l -> ResponsibleUnits.statesFirstListedLeads(l.text()))) {
            ResponsibleUnits.firstListedLeads(sp.tasks);
        }
        List<ParsedTask> tasks = sp.tasks.stream().map(TaskDraft::build).toList();
        return new ParsedDocument(fileName, head.title(), head.period(), List.copyOf(sp.sections), tasks,
                List.copyOf(sp.indicators), List.copyOf(findings), furniture.metadata(), List.copyOf(sp.tables));
    }

    private String extractText(String fileName, byte[] bytes) {
        if (bytes.length == 0) {
            throw new DocumentException(Texts.both("ingest.error.empty", fileName));
        }
        return switch (DocumentFormat.detect(fileName, bytes)) {
            case DOCX -> DocxTextExtractor.extract(bytes, fileName, limits);
            case XLSX -> SpreadsheetTextExtractor.extract(bytes, fileName, true, limits);
            case XLS -> SpreadsheetTextExtractor.extract(bytes, fileName, false, limits);
            case HTML -> HtmlTextExtractor.extract(bytes, fileName, limits);
            case OFD -> OfdTextExtractor.extract(bytes, fileName, limits);
            case PDF -> pdfText(fileName, bytes);
            case DOC -> TikaTextExtractor.extract(bytes, fileName);
            case TEXT -> TextDecoder.decode(bytes, fileName);
        };
    }

    /**
     * A PDF's text layer; a PDF without one (a scan) goes to OCR. "Without" is fewer than 20 letters and digits in
     * all: a scanner's stamped page numbers or a file name in the footer are no text layer.
     */
    private String pdfText(String fileName, byte[] bytes) {
        String text = TikaTextExtractor.extract(bytes, fileName);
        boolean hasText = text.codePoints().filter(Character::isLetterOrDigit).limit(20).count() >= 20;
        return hasText ? text : ScannedPdfOcr.read(bytes, fileName, limits);
    }

    private void checkSize(long size, String fileName) {
        if (size > limits.maxFileBytes()) {
            throw new DocumentException(Texts.both("ingest.error.tooLarge", limits.maxFileBytes() >> 20, fileName));
        }
    }
}
