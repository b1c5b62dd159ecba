package cn.gongfu.ingest;

import java.io.ByteArrayInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.sax.BodyContentHandler;

/**
 * PDF and legacy Word through Apache Tika. Kept in its own class so Tika's (slow) static set-up only
 * happens when such a file actually arrives; plain text never touches it.
 */
final class TikaTextExtractor {

    private static final int MAX_CHARS = 20_000_000;

    private TikaTextExtractor() {
    }

    static String extract(byte[] bytes, String fileName) {
        try {
            BodyContentHandler handler = new BodyContentHandler(MAX_CHARS);
            new AutoDetectParser().parse(new ByteArrayInputStream(bytes), handler, new Metadata(), new ParseContext());
            return handler.toString();
        } catch (Exception | LinkageError e) {
            String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
            throw new DocumentException(Texts.both("ingest.error.corrupt", fileName, msg), e);
        }
    }
}
