package cn.gongfu.ingest;

/**
 * Bounds that keep a hostile or broken upload from exhausting memory: the raw file size, and for .docx
 * the total bytes a zip may expand to and the expansion ratio (zip bombs).
 */
public record ParserLimits(long maxFileBytes, long maxExpandedBytes, double maxInflateRatio) {

    public static final ParserLimits DEFAULT = new ParserLimits(50L << 20, 200L << 20, 100.0);
}
