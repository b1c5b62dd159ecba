package cn.gongfu.reporting.feed;

import static cn.gongfu.kernel.BundleText.both;

import cn.gongfu.audit.AuditLog;
import cn.gongfu.kernel.GongfuUser;
import cn.gongfu.kernel.Role;
import cn.gongfu.kernel.Rows;
import cn.gongfu.kernel.Scope;
import cn.gongfu.kernel.Sha256;
import cn.gongfu.reporting.ConflictException;
import cn.gongfu.reporting.FeedError;
import cn.gongfu.reporting.FeedException;
import cn.gongfu.reporting.ValueAccepted;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Machine feeds of indicator values (statistics bureaus): a CSV or JSON body is streamed into a staging
 * table (PostgreSQL: COPY; otherwise batched inserts), checked set-based in SQL, and merged into
 * {@code observation} in one statement, all in one transaction: any error stores nothing. Values the feed
 * replaces keep their history as audit events, and the units that reported them are told (one {@link ValueAccepted}
 * per run names the reports whose values were replaced; {@code notify} tells their units); the import itself
 * leaves one summary audit event.
 */
@Service
class FeedImportService {

    public enum Format { CSV, JSON }

    /** Errors listed in a refusal; the total counts them all. */
    public static final int MAX_ERRORS = 1000;

    private static final Logger log = LoggerFactory.getLogger(FeedImportService.class);

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    public FeedImportService(DataSource dataSource, JdbcClient jdbc, JdbcTemplate template, AuditLog audit,
                             ApplicationEventPublisher events, Clock clock) {
        this.events = events;
        this.clock = clock;
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.template = template;
        this.audit = audit;
    }

    @Transactional
    public FeedResult importObservations(InputStream body, Format format) {
        Scope scope = Scope.current();
        GongfuUser user = scope.require(Role.OFFICE, Role.ADMIN);
        MessageDigest sha = Sha256.digest();
        Connection connection = DataSourceUtils.getConnection(dataSource);
        boolean postgres = isPostgres(connection);
        jdbc.sql(postgres ? FeedSql.CREATE_STAGING_POSTGRES : FeedSql.CREATE_STAGING_H2).update();
        if (postgres) jdbc.sql("set local work_mem = '256MB'").update();

        long t0 = System.nanoTime();
        FeedKeys keys = new FeedKeys(template, scope.regions());
        StagingWriter writer = writer(connection, postgres, keys);
        long rows = stage(new DigestInputStream(body, sha), format, writer);
        long t1 = System.nanoTime();
        if (postgres) jdbc.sql("analyze " + FeedSql.STAGING).update();
        String hash = HexFormat.of().formatHex(sha.digest());
        if (rows == 0) throw FeedException.of(1, "body", both("feed.error.noRows"));

        long t2 = System.nanoTime();
        check();
        long t3 = System.nanoTime();

        Map<String, Object> none = new HashMap<>();
        int updated = audit.recordEach("observation.import", FeedSql.REPLACED, none);
        List<ValueAccepted.ReplacedReport> replaced = jdbc.sql(FeedSql.REPLACED_REPORTS)
                .query(Rows.of(ValueAccepted.ReplacedReport.class)).list();
        long t4 = System.nanoTime();
        boolean setBasedKeys = postgres && maySkipRowTriggers(connection);
        if (setBasedKeys) lockKeys(writer);
        int merged;
        try {
            // the foreign keys were checked set-based by lockKeys: the merge need not check them again row by row
            if (setBasedKeys) jdbc.sql("set local session_replication_role = replica").update();
            merged = jdbc.sql(FeedSql.MERGE).param("by", user.username()).param("at", LocalDateTime.now(clock)).update();
            if (setBasedKeys) jdbc.sql("set local session_replication_role = origin").update();
        } catch (DuplicateKeyException e) {
            // another import wrote some of the same values between our checks and our merge: nothing is stored
            throw new ConflictException(both("feed.error.concurrent"), null);
        }
        long t5 = System.nanoTime();
        log.debug("feed of {} rows: staged in {} ms ({} lookups), analysed {} ms, checked {} ms, history and notices {} ms, merged {} ms"
                        + " (foreign keys {})", rows, (t1 - t0) / 1_000_000, keys.queries(), (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000,
                (t4 - t3) / 1_000_000, (t5 - t4) / 1_000_000, setBasedKeys ? "set-based" : "per row");
        long inserted = merged - updated;
        FeedResult result = new FeedResult(rows, inserted, updated, rows - merged, hash);
        if (merged > 0) {
            events.publishEvent(new ValueAccepted(ValueAccepted.FEED, "feed:" + UUID.randomUUID(), null, merged, replaced));
        }
        audit.record("observation.feed", "feed:" + hash.substring(0, 16), null,
                "format=" + format.name().toLowerCase() + " rows=" + rows + " inserted=" + inserted + " updated=" + updated
                        + " unchanged=" + result.unchanged() + " sha256=" + hash);
        return result;
    }

    private StagingWriter writer(Connection connection, boolean postgres, FeedKeys keys) {
        try {
            return postgres ? new CopyStagingWriter(connection, FeedSql.STAGING, keys)
                    : new BatchStagingWriter(template, FeedSql.STAGING, keys);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot start COPY into the staging table", e);
        }
    }

    private long stage(InputStream body, Format format, StagingWriter writer) {
        boolean done = false;
        try {
            Reader reader = utf8(body);
            if (format == Format.CSV) new CsvFeedReader(reader).read(writer);
            else new JsonFeedReader(reader).read(writer);
            long staged = writer.finish();
            done = true;
            return staged;
        } catch (CharacterCodingException e) {
            throw FeedException.of(0, "body", both("feed.error.notUtf8"));
        } catch (IOException e) {
            throw new IllegalStateException("reading the feed failed: " + e.getMessage(), e);
        } catch (SQLException e) {
            throw new IllegalStateException("staging the feed failed: " + e.getMessage(), e);
        } finally {
            if (!done) writer.abort();
        }
    }

    /**
     * Runs the set-based checks (the scope was applied as the rows were resolved); throws with the first
     * {@value #MAX_ERRORS} errors and their total.
     */
    private void check() {
        if (jdbc.sql(FeedSql.anyError()).query(Integer.class).single() == 0) return;
        var query = jdbc.sql(FeedSql.errors()).param("limit", MAX_ERRORS);
        long[] total = {0};
        List<FeedError> errors = new ArrayList<>();
        query.query(rs -> {
            total[0] = rs.getLong("total");
            BigDecimal n1 = rs.getBigDecimal("n1");
            BigDecimal n2 = rs.getBigDecimal("n2");
            errors.add(new FeedError(rs.getLong("row_no"), rs.getString("field"),
                    FeedMessages.message(rs.getString("code"), rs.getString("text"), n1, n2)));
        });
        if (!errors.isEmpty()) throw new FeedException(errors, total[0]);
    }

    /** Ids per locking query: well inside PostgreSQL's 65,535 parameters. */
    private static final int LOCK_CHUNK = 5000;

    /**
     * The foreign keys of the merged rows, checked once for the feed instead of once per row: every indicator and
     * region the rows name is locked {@code for key share}, as each row's foreign-key trigger would lock it, so none
     * can be deleted (or its key changed) until this transaction ends; one that is gone since the rows were resolved
     * refuses the feed (409, nothing stored) where the trigger would have failed the merge.
     */
    private void lockKeys(StagingWriter writer) {
        List<Long> ids = List.copyOf(writer.indicators);
        List<String> codes = List.copyOf(writer.regions);
        int locked = 0;
        for (int i = 0; i < ids.size(); i += LOCK_CHUNK) {
            locked += jdbc.sql("select id from indicator where id in (:ids) order by id for key share")
                    .param("ids", ids.subList(i, Math.min(ids.size(), i + LOCK_CHUNK))).query(Long.class).list().size();
        }
        for (int i = 0; i < codes.size(); i += LOCK_CHUNK) {
            locked += jdbc.sql("select code from region where code in (:codes) order by code for key share")
                    .param("codes", codes.subList(i, Math.min(codes.size(), i + LOCK_CHUNK))).query(String.class).list().size();
        }
        if (locked != ids.size() + codes.size()) throw new ConflictException(both("feed.error.keysGone"), null);
    }

    /**
     * Whether this connection may set {@code session_replication_role} (a superuser, or on PostgreSQL 15 and later
     * a role granted {@code SET} on it), which keeps the row-level foreign-key triggers of the merge from firing.
     * Without it the merge checks its foreign keys row by row, as every other write does.
     */
    private boolean maySkipRowTriggers(Connection connection) {
        try {
            if (connection.getMetaData().getDatabaseMajorVersion() < 15) {
                return Boolean.TRUE.equals(jdbc.sql("select rolsuper from pg_roles where rolname = current_user").query(Boolean.class).single());
            }
        } catch (SQLException e) {
            return false;
        }
        return Boolean.TRUE.equals(jdbc.sql("select has_parameter_privilege('session_replication_role', 'SET')").query(Boolean.class).single());
    }

    private static boolean isPostgres(Connection connection) {
        try {
            return connection.isWrapperFor(PGConnection.class);
        } catch (SQLException e) {
            return false;
        }
    }

    /** UTF-8, strictly decoded, with or without a byte-order mark. */
    private static Reader utf8(InputStream in) throws IOException {
        PushbackInputStream p = new PushbackInputStream(in, 3);
        byte[] head = new byte[3];
        int n = p.readNBytes(head, 0, 3);
        boolean bom = n == 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF;
        if (!bom && n > 0) p.unread(head, 0, n);
        return new InputStreamReader(p, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
    }
}
