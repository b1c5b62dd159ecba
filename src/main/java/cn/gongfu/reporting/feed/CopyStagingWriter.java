package cn.gongfu.reporting.feed;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/**
 * PostgreSQL: the rows stream into the staging table through {@code COPY … FROM STDIN} (text format). A COPY holds
 * the connection, so when {@link FeedKeys} must ask the database (the first row naming a region's indicators) the
 * COPY in progress is ended and the next row starts another: a few COPYs per feed.
 */
final class CopyStagingWriter extends StagingWriter {

    private static final int FLUSH_AT = 1 << 16;

    private final CopyManager copies;
    private final String sql;
    private CopyIn copy;
    private long rows;
    private final StringBuilder buf = new StringBuilder(FLUSH_AT + 1024);

    CopyStagingWriter(Connection connection, String table, FeedKeys keys) throws SQLException {
        super(keys);
        copies = connection.unwrap(PGConnection.class).getCopyAPI();
        sql = "copy " + table + " (" + COLUMNS + ") from stdin";
        keys.beforeQuery(this::pause);
    }

    /** Ends the COPY in progress (if any), so the connection can run a query; the next row starts a new one. */
    private void pause() {
        try {
            if (copy != null) {
                flush();
                rows += copy.endCopy();
                copy = null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("staging the feed failed: " + e.getMessage(), e);
        }
    }

    @Override
    void write(long rowNo, String problem, Long ref, String name, Long id, String region, boolean knownRegion, String period,
               String prev, String valueText, BigDecimal value, String comment, String explanation) throws SQLException {
        if (copy == null) copy = copies.copyIn(sql);
        buf.append(rowNo);
        field(problem);
        buf.append('\t');
        if (ref == null) buf.append("\\N"); else buf.append(ref.longValue());
        field(name);
        buf.append('\t');
        if (id == null) buf.append("\\N"); else buf.append(id.longValue());
        field(region);
        buf.append(knownRegion ? "\tt" : "\tf");
        field(period);
        field(prev);
        field(valueText);
        buf.append('\t');
        if (value == null) buf.append("\\N"); else buf.append(value.toPlainString());
        field(comment);
        field(explanation);
        buf.append('\n');
        if (buf.length() >= FLUSH_AT) flush();
    }

    private void field(String s) {
        buf.append('\t');
        if (s == null) {
            buf.append("\\N");
            return;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> buf.append("\\\\");
                case '\t' -> buf.append("\\t");
                case '\n' -> buf.append("\\n");
                case '\r' -> buf.append("\\r");
                case '\0' -> { }                     // PostgreSQL text cannot hold NUL
                default -> buf.append(c);
            }
        }
    }

    private void flush() throws SQLException {
        if (buf.isEmpty()) return;
        byte[] bytes = buf.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        buf.setLength(0);
    }

    @Override
    long finish() throws SQLException {
        pause();
        return rows;
    }

    @Override
    void abort() {
        try {
            if (copy != null && copy.isActive()) copy.cancelCopy();
        } catch (SQLException ignored) {
            // the transaction is rolled back anyway
        }
    }
}
