package cn.gongfu.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Entry point: turns one plan document (.txt in UTF-8 or GB18030, .docx, .pdf) into a {@link ParsedDocument}.
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
        checkSize(bytes.length, fileName);
        String text = extractText(fileName, bytes);
        return parseText(fileName, text);
    }

    /** Parses text that was already extracted (used by tests and by callers holding a String). */
    public ParsedDocument parseText(String fileName, String text) {
        PageFurniture furniture = new PageFurniture();
        List<SourceLine> lines = TextNormalizer.normalize(text, furniture);
        if (lines.stream().allMatch(SourceLine::isBlank)) {
            throw new DocumentException(Texts.both("ingest.error.noText", fileName));
        }
        TitleFinder.Result head = TitleFinder.find(lines, furniture.headline());
        StructureParser sp = new StructureParser(lines, head.period());
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
                List.copyOf(sp.indicators), List.copyOf(findings), furniture.metadata());
    }

    private String extractText(String fileName, byte[] bytes) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        if (bytes.length == 0) {
            throw new DocumentException(Texts.both("ingest.error.empty", fileName));
        }
        boolean zip = bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;
        boolean pdf = bytes.length >= 5 && bytes[0] == '%' && bytes[1] == 'P' && bytes[2] == 'D' && bytes[3] == 'F';
        boolean ole = bytes.length >= 8 && (bytes[0] & 0xFF) == 0xD0 && (bytes[1] & 0xFF) == 0xCF && (bytes[2] & 0xFF) == 0x11
                && (bytes[3] & 0xFF) == 0xE0;
        if (lower.endsWith(".docx") || zip) {
            if (!zip) {
                throw new DocumentException(Texts.both("ingest.error.notDocx", fileName));
            }
            return DocxTextExtractor.extract(bytes, fileName, limits);
        }
        if (lower.endsWith(".pdf") || pdf) {
            if (!pdf) {
                throw new DocumentException(Texts.both("ingest.error.notPdf", fileName));
            }
            return TikaTextExtractor.extract(bytes, fileName);
        }
        if (lower.endsWith(".doc") || ole) {
            return TikaTextExtractor.extract(bytes, fileName);
        }
        return TextDecoder.decode(bytes, fileName);
    }

    private void checkSize(long size, String fileName) {
        if (size > limits.maxFileBytes()) {
            throw new DocumentException(Texts.both("ingest.error.tooLarge", limits.maxFileBytes() >> 20, fileName));
        }
    }
}
