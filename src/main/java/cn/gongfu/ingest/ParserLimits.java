package cn.gongfu.ingest;

/**
 * Bounds that keep a hostile or broken upload from exhausting memory or time: the raw file size; for zipped
 * formats (.docx, .xlsx, OFD) the total bytes a zip may expand to and the expansion ratio (zip bombs); for
 * spreadsheets and web pages the number of table cells read; for scanned PDFs the pages given to OCR and the
 * seconds each page may take.
 */
public record ParserLimits(long maxFileBytes, long maxExpandedBytes, double maxInflateRatio, int maxCells,
        int maxOcrPages, int ocrSecondsPerPage) {

    public static final ParserLimits DEFAULT = new ParserLimits(50L << 20, 200L << 20, 100.0);

    /** A spreadsheet's XML is held in memory whole by POI: its zip may expand to at most this much. */
    static final long SPREADSHEET_MAX_EXPANDED = 40L << 20;

    public ParserLimits(long maxFileBytes, long maxExpandedBytes, double maxInflateRatio) {
        this(maxFileBytes, maxExpandedBytes, maxInflateRatio, 200_000, 30, 60);
    }

    ParserLimits withMaxExpandedBytes(long bytes) {
        return new ParserLimits(maxFileBytes, bytes, maxInflateRatio, maxCells, maxOcrPages, ocrSecondsPerPage);
    }
}
