package cn.gongfu.reporting.feed;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/** Other databases (H2): batched inserts into the staging table, a chunk at a time. */
final class BatchStagingWriter extends StagingWriter {

    private static final int CHUNK = 1000;

    private final JdbcTemplate jdbc;
    private final String sql;
    private final List<Object[]> chunk = new ArrayList<>(CHUNK);
    private long rows;

    BatchStagingWriter(JdbcTemplate jdbc, String table, FeedKeys keys) {
        super(keys);
        this.jdbc = jdbc;
        this.sql = "insert into " + table + " (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    }

    @Override
    void write(long rowNo, String problem, Long ref, String name, Long id, String region, boolean knownRegion, String period,
               String prev, String valueText, BigDecimal value, String comment, String explanation) {
        chunk.add(new Object[] {rowNo, problem, ref, name, id, region, knownRegion, period, prev, valueText, value, comment, explanation});
        if (chunk.size() == CHUNK) flush();
    }

    private void flush() {
        if (chunk.isEmpty()) return;
        jdbc.batchUpdate(sql, chunk);
        rows += chunk.size();
        chunk.clear();
    }

    @Override
    long finish() {
        flush();
        return rows;
    }

    @Override
    void abort() {
        chunk.clear();
    }
}
