package cn.gongfu.reporting.feed;

import static cn.gongfu.kernel.BundleText.both;

import cn.gongfu.reporting.FeedException;
import cn.gongfu.reporting.feed.RowSink.Column;
import java.io.Reader;
import java.util.Arrays;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * A streaming reader of a JSON array of objects with the feed's fields ({@code indicator} as an id or a
 * name, {@code region}, {@code period}, {@code value} as a number or a numeric string, {@code comment},
 * {@code explanation}). Row numbers count the array's elements from 1. Unknown fields are row problems.
 */
final class JsonFeedReader {

    private static final JsonFactory FACTORY = new JsonFactory();

    private final Reader in;

    JsonFeedReader(Reader in) {
        this.in = in;
    }

    long read(RowSink sink) {
        long row = 0;
        try (JsonParser p = FACTORY.createParser(ObjectReadContext.empty(), in)) {
            if (p.nextToken() != JsonToken.START_ARRAY) {
                throw FeedException.of(0, "body", both("feed.error.notArray"));
            }
            String[] fields = new String[Column.COUNT];
            JsonToken t;
            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                if (t == null) throw FeedException.of(row + 1, "body", both("feed.error.notClosed"));
                row++;
                Arrays.fill(fields, null);
                String problem = null;
                if (t != JsonToken.START_OBJECT) {
                    p.skipChildren();
                    sink.row(row, fields, "not-object");
                    continue;
                }
                while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                    String name = p.currentName();
                    JsonToken v = p.nextToken();
                    Column c = Column.named(name);
                    if (c == null) {
                        if (problem == null) problem = "unknown-field:" + name;
                        p.skipChildren();
                    } else if (v == JsonToken.VALUE_NULL) {
                        fields[c.ordinal()] = null;
                    } else if (v.isScalarValue()) {
                        String text = p.getString();
                        fields[c.ordinal()] = text.length() > CsvFeedReader.MAX_FIELD ? text.substring(0, CsvFeedReader.MAX_FIELD) : text;
                        if (text.length() > CsvFeedReader.MAX_FIELD && problem == null) problem = "too-long";
                    } else {
                        p.skipChildren();
                        if (problem == null) problem = "not-scalar:" + name;
                    }
                }
                sink.row(row, fields, problem);
            }
            if (p.nextToken() != null) {
                throw FeedException.of(row, "body", both("feed.error.afterArray"));
            }
        } catch (JacksonException e) {
            throw FeedException.of(row + 1, "body", both("feed.error.malformed", e.getOriginalMessage()));
        }
        return row;
    }
}
