import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import cn.gongfu.GongfuApplication;
import cn.gongfu.reporting.feed.FeedImportService;
import cn.gongfu.reporting.feed.FeedResult;
import cn.gongfu.security.GongfuUser;
import cn.gongfu.security.Role;

/**
 * Timed harness for the observation feed on PostgreSQL (not a unit test: timings depend on the machine).
 *
 *   createdb -h 127.0.0.1 gongfu_bench
 *   ./mvnw -B -o -q compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 *   java -Xmx1g -cp target/classes:$(cat target/cp.txt) bench/FeedBench.java jdbc:postgresql://127.0.0.1:5432/gongfu_bench [ROWS_IN_THOUSANDS]
 *
 * Starts the application (on a random port, no demo) on the given database, which Flyway migrates; creates a
 * county with 49 towns and 2,000 indicators (a quarter percentages, a quarter cumulative); generates a CSV
 * of 2,000 indicators × 50 regions × 10 years = 1,000,000 values (the county's rows name the indicator,
 * the towns' rows give its id). Then, best of the runs:
 *   raw     COPY of the same CSV bytes into an unindexed table (the yardstick);
 *   ceiling the rows as they end up in observation (ids resolved, state, reporter, time) COPYed into a copy of
 *           observation's columns with no constraint, then its unique (indicator, region, period) index built:
 *           the least any import must do to leave the values stored and findable by key, so raw / ceiling
 *           bounds the ratio of every possible import path on this machine;
 *   bare    the same for the barest storage imaginable: only indicator id, region, period, value and comment, in
 *           "C" collation (cheapest comparisons), unique index built after the load, nothing checked;
 *   floor   the already copied rows put into observation by one plain INSERT … SELECT, no checks (what the
 *           table's indexes and foreign keys cost whatever the import does);
 *   insert  the full import path into an empty observation table (parse, COPY to staging, checks, MERGE);
 *   update  the same feed with every value changed (1,000,000 updates, each keeping its history);
 *   same    the same feed again (nothing changes).
 * It prints values per second for each and the ratio import / raw.
 */
public class FeedBench {

    static final String COUNTY = "339901";
    static final int INDICATORS = 2000, REGIONS = 50, YEARS = 10;
    /** Sent with each index build (same statement, so same pooled connection): the sort fits in memory. */
    static final String INDEX_MEMORY = "set maintenance_work_mem = '256MB'; ";

    public static void main(String[] args) throws Exception {
        String url = args.length > 0 ? args[0] : "jdbc:postgresql://127.0.0.1:5432/gongfu_bench";
        int rows = args.length > 1 ? Integer.parseInt(args[1]) * 1000 : INDICATORS * REGIONS * YEARS;
        int indicators = Math.max(1, rows / (REGIONS * YEARS));
        SpringApplication app = new SpringApplication(GongfuApplication.class);
        String[] props = {
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=" + System.getProperty("user.name"),
                "--spring.datasource.password=",
                "--server.port=0",
                "--gongfu.demo.enabled=false",
                "--gongfu.admin-password=bench-admin-password",
                "--logging.level.root=WARN", "--logging.level.cn.gongfu.reporting.feed=DEBUG"};
        try (ConfigurableApplicationContext ctx = app.run(props)) {
            DataSource ds = ctx.getBean(DataSource.class);
            JdbcTemplate jdbc = new JdbcTemplate(ds);
            List<String> regions = setUp(jdbc, indicators);
            List<Long> ids = jdbc.queryForList("select id from indicator where region_code = ? and name like 'bench %' order by name",
                    Long.class, COUNTY);
            List<String> names = jdbc.queryForList("select name from indicator where region_code = ? and name like 'bench %' order by name",
                    String.class, COUNTY);
            byte[] csv = generate(ids, names, regions, 0);
            byte[] changed = generate(ids, names, regions, 1);
            byte[] stored = generateStored(ids, regions);
            int n = ids.size() * regions.size() * YEARS;
            System.out.printf("%,d rows, %.1f MB of CSV%n", n, csv.length / 1e6);

            Set<String> scope = new HashSet<>(regions);
            GongfuUser office = new GongfuUser(-1, "bench", "基准测试", "", COUNTY, true, null, Set.of(Role.OFFICE), Set.of(), scope);
            SecurityContextHolder.getContext().setAuthentication(
                    UsernamePasswordAuthenticationToken.authenticated(office, null, office.getAuthorities()));
            FeedImportService feed = ctx.getBean(FeedImportService.class);

            jdbc.execute("drop table if exists bench_raw");
            jdbc.execute("create table bench_raw (indicator text, region text, period text, value numeric, comment text)");
            jdbc.execute("drop table if exists bench_ceiling");
            jdbc.execute("create table bench_ceiling (like observation including defaults including identity)");
            jdbc.execute("drop table if exists bench_bare");
            jdbc.execute("create table bench_bare (indicator_id bigint not null, region_code varchar(12) collate \"C\" not null,"
                    + " period varchar(7) collate \"C\" not null, value numeric(24, 6), comment varchar(2000))");
            byte[] bareRows = bare(stored);
            double raw = Double.MAX_VALUE, ceiling = Double.MAX_VALUE, bare = Double.MAX_VALUE, floor = Double.MAX_VALUE, insert = Double.MAX_VALUE, update = Double.MAX_VALUE, same = Double.MAX_VALUE;
            int runs = 2;
            for (int run = 1; run <= runs; run++) {
                jdbc.execute("truncate bench_raw");
                checkpoint(jdbc);
                long t = System.nanoTime();
                long copied = rawCopy(ds, csv);
                double s = (System.nanoTime() - t) / 1e9;
                raw = Math.min(raw, s);
                System.out.printf("run %d raw COPY     %,d rows %6.2f s %,12.0f values/s%n", run, copied, s, n / s);

                s = copyAndIndex(ds, jdbc, "bench_ceiling", "(indicator_id, region_code, period, value, state, reported_by,"
                        + " reported_at, comment)", stored);
                ceiling = Math.min(ceiling, s);
                System.out.printf("run %d ceiling      %,d rows %6.2f s %,12.0f values/s%n", run, n, s, n / s);
                s = copyAndIndex(ds, jdbc, "bench_bare", "", bareRows);
                bare = Math.min(bare, s);
                System.out.printf("run %d bare         %,d rows %6.2f s %,12.0f values/s%n", run, n, s, n / s);

                jdbc.update("delete from observation where region_code in (select code from region where code = ? or parent_code = ?)", COUNTY, COUNTY);
                jdbc.update("delete from audit_event where actor = 'bench'");
                jdbc.execute("vacuum observation");
                jdbc.execute("vacuum audit_event");
                checkpoint(jdbc);
                // the floor of any path into observation: the same rows, already parsed, in one INSERT … SELECT
                // (unique and primary-key indexes, three foreign-key triggers per row), then removed again
                t = System.nanoTime();
                int floorRows = jdbc.update("""
                        insert into observation (indicator_id, region_code, period, value, state, reported_by, reported_at, comment)
                        select coalesce(i.id, cast(r.indicator as bigint)), r.region, r.period, r.value, 'approved', 'bench',
                               current_timestamp, r.comment
                        from bench_raw r left join indicator i on i.region_code = r.region and i.name = r.indicator""");
                s = (System.nanoTime() - t) / 1e9;
                floor = Math.min(floor, s);
                System.out.printf("run %d floor INSERT %,d rows %6.2f s %,12.0f values/s%n", run, floorRows, s, n / s);
                jdbc.update("delete from observation where region_code in (select code from region where code = ? or parent_code = ?)", COUNTY, COUNTY);
                jdbc.execute("vacuum observation");
                checkpoint(jdbc);
                s = timed(feed, csv, "insert", run, n);
                insert = Math.min(insert, s);
                if (run == 1) {
                    checkpoint(jdbc);
                    update = timed(feed, changed, "update", run, n);
                    checkpoint(jdbc);
                    same = timed(feed, changed, "same", run, n);
                }
            }
            System.out.println();
            System.out.printf("raw COPY into an unindexed table: %6.2f s %,12.0f values/s%n", raw, n / raw);
            System.out.printf("ceiling: final rows COPYed, key indexed: %6.2f s %,12.0f values/s  ratio %.2f%n", ceiling, n / ceiling, raw / ceiling);
            System.out.printf("bare: five columns COPYed, key indexed: %6.2f s %,12.0f values/s  ratio %.2f%n", bare, n / bare, raw / bare);
            System.out.printf("plain INSERT … SELECT into observation: %6.2f s %,12.0f values/s  ratio %.2f%n", floor, n / floor, raw / floor);
            System.out.printf("import, all new values:           %6.2f s %,12.0f values/s  ratio %.2f%n", insert, n / insert, raw / insert);
            System.out.printf("import, every value changed:      %6.2f s %,12.0f values/s  ratio %.2f%n", update, n / update, raw / update);
            System.out.printf("import, nothing changed:          %6.2f s %,12.0f values/s  ratio %.2f%n", same, n / same, raw / same);
        }
    }

    static double timed(FeedImportService feed, byte[] csv, String what, int run, int n) {
        long t = System.nanoTime();
        FeedResult r = feed.importObservations(new ByteArrayInputStream(csv), FeedImportService.Format.CSV);
        double s = (System.nanoTime() - t) / 1e9;
        System.out.printf("run %d import %-6s %,d rows %6.2f s %,12.0f values/s  (inserted %,d, updated %,d, unchanged %,d)%n",
                run, what, r.rows(), s, n / s, r.inserted(), r.updated(), r.unchanged());
        return s;
    }

    /** Seconds to COPY {@code rows} into an emptied {@code table} and then build its unique key index. */
    static double copyAndIndex(DataSource ds, JdbcTemplate jdbc, String table, String columns, byte[] rows) throws Exception {
        jdbc.execute("drop index if exists " + table + "_key");
        jdbc.execute("truncate " + table);
        checkpoint(jdbc);
        long t = System.nanoTime();
        copy(ds, "copy " + table + " " + columns + " from stdin (format csv)", rows);
        jdbc.execute(INDEX_MEMORY + "create unique index " + table + "_key on " + table + " (indicator_id, region_code, period)");
        return (System.nanoTime() - t) / 1e9;
    }

    static long rawCopy(DataSource ds, byte[] csv) throws Exception {
        return copy(ds, "copy bench_raw from stdin (format csv, header true)", csv);
    }

    static long copy(DataSource ds, String sql, byte[] csv) throws Exception {
        try (Connection c = ds.getConnection()) {
            return c.unwrap(PGConnection.class).getCopyAPI().copyIn(sql, new ByteArrayInputStream(csv));
        }
    }

    static void checkpoint(JdbcTemplate jdbc) {
        try {
            jdbc.execute("checkpoint");
        } catch (RuntimeException e) {
            // not a superuser: timings get a little noisier
        }
    }

    static List<String> setUp(JdbcTemplate jdbc, int indicators) {
        if (jdbc.queryForObject("select count(*) from region where code = ?", Integer.class, COUNTY) == 0) {
            jdbc.update("insert into region (code, name, level, parent_code) values (?, '基准县', 'county', '330200')", COUNTY);
            for (int i = 1; i < REGIONS; i++) {
                jdbc.update("insert into region (code, name, level, parent_code) values (?, ?, 'town', ?)",
                        COUNTY + String.format("%03d", i), "基准镇" + i, COUNTY);
            }
        }
        int have = jdbc.queryForObject("select count(*) from indicator where region_code = ? and name like 'bench %'", Integer.class, COUNTY);
        List<Object[]> batch = new ArrayList<>();
        for (int i = have; i < indicators; i++) {
            String unit = i % 4 == 0 ? "%" : "个";
            boolean cumulative = i % 4 == 1;
            batch.add(new Object[] {String.format("bench 指标 %05d", i), unit, cumulative, COUNTY});
        }
        jdbc.batchUpdate("insert into indicator (name, unit, polarity, cumulative, region_code) values (?, ?, 'higher', ?, ?)", batch);
        return jdbc.queryForList("select code from region where code = ? or parent_code = ? order by code", String.class, COUNTY, COUNTY);
    }

    /** The same values as observation rows: indicator id, region, period, value, state, reporter, time, comment. */
    static byte[] generateStored(List<Long> ids, List<String> regions) {
        String at = java.time.LocalDateTime.now().withNano(0).toString().replace('T', ' ');
        StringBuilder sb = new StringBuilder(64 * ids.size() * regions.size() * YEARS);
        for (int i = 0; i < ids.size(); i++) {
            boolean percent = i % 4 == 0;
            for (int r = 0; r < regions.size(); r++) {
                double base = percent ? 40 + (i + r) % 40 : 1000 + (i * 7 + r * 13) % 5000;
                for (int y = 0; y < YEARS; y++) {
                    sb.append(ids.get(i)).append(',').append(regions.get(r)).append(',').append(2016 + y).append(',')
                            .append(String.format("%.2f", base * (1 + 0.02 * y))).append(",approved,bench,").append(at).append(',');
                    if (y == YEARS - 1) sb.append("统计局年报");
                    sb.append('\n');
                }
            }
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The stored rows cut to indicator id, region, period, value and comment. */
    static byte[] bare(byte[] stored) {
        StringBuilder sb = new StringBuilder(stored.length);
        for (String line : new String(stored, StandardCharsets.UTF_8).split("\n")) {
            String[] f = line.split(",", -1);
            sb.append(f[0]).append(',').append(f[1]).append(',').append(f[2]).append(',').append(f[3]).append(',').append(f[7]).append('\n');
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** indicator,region,period,value,comment: values grow 2% a year, so no rule is broken; {@code shift} changes every value. */
    static byte[] generate(List<Long> ids, List<String> names, List<String> regions, int shift) {
        StringBuilder sb = new StringBuilder(48 * ids.size() * regions.size() * YEARS);
        sb.append("indicator,region,period,value,comment\n");
        for (int i = 0; i < ids.size(); i++) {
            boolean percent = i % 4 == 0;
            for (int r = 0; r < regions.size(); r++) {
                String region = regions.get(r);
                String indicator = region.equals(COUNTY) ? names.get(i) : ids.get(i).toString();
                double base = percent ? 40 + (i + r) % 40 : 1000 + (i * 7 + r * 13) % 5000;
                for (int y = 0; y < YEARS; y++) {
                    double v = base * (1 + 0.02 * y) + shift * 0.5;
                    sb.append(indicator).append(',').append(region).append(',').append(2016 + y).append(',')
                            .append(String.format("%.2f", v)).append(',');
                    if (y == YEARS - 1) sb.append("统计局年报");
                    sb.append('\n');
                }
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(sb.length() * 2);
        out.writeBytes(sb.toString().getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }
}
