package cn.gongfu.reporting.feed;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/** PostgreSQL: the rows stream into the staging table through one {@code COPY … FROM STDIN} (text format). */
final class CopyStagingWriter extends StagingWriter {

    private static final int FLUSH_AT = 1 << 16;

    private final CopyIn copy;
    private final StringBuilder buf = new StringBuilder(FLUSH_AT + 1024);

    CopyStagingWriter(Connection connection, String table) throws SQLException {
        copy = connection.unwrap(PGConnection.class).getCopyAPI()
                .copyIn("copy " + table + " (" + COLUMNS + ") from stdin");
    }

    @Override
    void write(long rowNo, String problem, Long ref, String name, String region, String period, String prev,
               String valueText, BigDecimal value, String comment, String explanation) throws SQLException {
        buf.append(rowNo);
        field(problem);
        buf.append('\t');
        if (ref == null) buf.append("\\N"); else buf.append(ref.longValue());
        field(name);
        field(region);
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
        byte[] bytes = buf.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        buf.setLength(0);
    }

    @Override
    long finish() throws SQLException {
        flush();
        return copy.endCopy();
    }

    @Override
    void abort() {
        try {
            if (copy.isActive()) copy.cancelCopy();
        } catch (SQLException ignored) {
            // the transaction is rolled back anyway
        }
    }
}
