import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
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
import cn.gongfu.kernel.GongfuUser;
import cn.gongfu.kernel.Role;

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
 *
 * On H2 (a jdbc:h2: URL, e.g. jdbc:h2:file:/tmp/gongfu-feedbench;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;
 * DEFAULT_NULL_ORDERING=HIGH;NON_KEYWORDS=YEAR,VALUE) the second argument may be a list of sizes ("8,16,32,100"): for
 * each, raw is H2's own fastest load (CSVREAD of the same CSV into an unindexed five-column table), then the import
 * of all-new values and the same feed again (nothing changed: every value and its previous one looked up); the
 * time per value shows whether the import stays linear.
 */
public class FeedBench {

    static final String COUNTY = "339901";
    static final int INDICATORS = 2000, REGIONS = 50, YEARS = 10;
    /** Sent with each index build (same statement, so same pooled connection): the sort fits in memory. */
    static final String INDEX_MEMORY = "set maintenance_work_mem = '256MB'; ";
    static final String FLOOR_SELECT = """
            insert into observation (indicator_id, region_code, period, value, state, reported_by, reported_at, comment)
            select coalesce(i.id, cast(r.indicator as bigint)), r.region, r.period, r.value, 'approved', 'bench',
                   current_timestamp, r.comment
            from bench_raw r left join indicator i on i.region_code = r.region and i.name = r.indicator""";

    public static void main(String[] args) throws Exception {
        String url = args.length > 0 ? args[0] : "jdbc:postgresql://127.0.0.1:5432/gongfu_bench";
        boolean h2 = url.startsWith("jdbc:h2:");
        List<Integer> sizes = new ArrayList<>();
        for (String k : (args.length > 1 ? args[1] : String.valueOf(INDICATORS * REGIONS * YEARS / 1000)).split(",")) {
            sizes.add(Integer.parseInt(k.strip()) * 1000);
        }
        int rows = sizes.stream().mapToInt(Integer::intValue).max().getAsInt();
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
            if (h2) {
                h2Series(ctx, ds, jdbc, regions, sizes);
                return;
            }
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
            Feed feed = new Feed(ctx);

            jdbc.execute("drop table if exists bench_raw");
            jdbc.execute("create table bench_raw (indicator text, region text, period text, value numeric, comment text)");
            jdbc.execute("drop table if exists bench_ceiling");
            jdbc.execute("create table bench_ceiling (like observation including defaults including identity)");
            jdbc.execute("drop table if exists bench_bare");
            jdbc.execute("create table bench_bare (indicator_id bigint not null, region_code varchar(12) collate \"C\" not null,"
                    + " period varchar(7) collate \"C\" not null, value numeric(24, 6), comment varchar(2000))");
            byte[] bareRows = bare(stored);
            double raw = Double.MAX_VALUE, ceiling = Double.MAX_VALUE, bare = Double.MAX_VALUE, floor = Double.MAX_VALUE, noFk = Double.MAX_VALUE, partition = Double.MAX_VALUE, insert = Double.MAX_VALUE, update = Double.MAX_VALUE, same = Double.MAX_VALUE;
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
                int floorRows = jdbc.update(FLOOR_SELECT);
                s = (System.nanoTime() - t) / 1e9;
                floor = Math.min(floor, s);
                System.out.printf("run %d floor INSERT %,d rows %6.2f s %,12.0f values/s%n", run, floorRows, s, n / s);
                jdbc.update("delete from observation where region_code in (select code from region where code = ? or parent_code = ?)", COUNTY, COUNTY);
                jdbc.execute("vacuum observation");
                // what a statement-level foreign-key check would leave (step a): the same INSERT into a copy of
                // observation with its two indexes and no foreign keys (a plain table: no partition routing either)
                jdbc.execute("drop table if exists bench_nofk");
                jdbc.execute("create table bench_nofk (like observation including defaults including indexes)");
                checkpoint(jdbc);
                t = System.nanoTime();
                jdbc.update(FLOOR_SELECT.replace("observation", "bench_nofk"));
                s = (System.nanoTime() - t) / 1e9;
                noFk = Math.min(noFk, s);
                System.out.printf("run %d floor, no FK %,d rows %6.2f s %,12.0f values/s%n", run, n, s, n / s);
                // what a first import into an empty partition could do (step c): the rows into a bare table, then
                // its two indexes built and its two foreign keys validated, each once, set-based
                jdbc.execute("drop table bench_nofk");
                jdbc.execute("create table bench_nofk (like observation including defaults)");
                checkpoint(jdbc);
                t = System.nanoTime();
                jdbc.update(FLOOR_SELECT.replace("observation", "bench_nofk"));
                jdbc.execute(INDEX_MEMORY + "create unique index bench_nofk_key on bench_nofk (indicator_id, region_code, period)");
                jdbc.execute(INDEX_MEMORY + "alter table bench_nofk add primary key (id, period)");
                jdbc.execute("alter table bench_nofk add foreign key (indicator_id) references indicator (id),"
                        + " add foreign key (region_code) references region (code)");
                s = (System.nanoTime() - t) / 1e9;
                partition = Math.min(partition, s);
                System.out.printf("run %d empty table  %,d rows %6.2f s %,12.0f values/s%n", run, n, s, n / s);
                jdbc.execute("drop table bench_nofk");
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
            System.out.printf("the same, no foreign keys:              %6.2f s %,12.0f values/s  ratio %.2f%n", noFk, n / noFk, raw / noFk);
            System.out.printf("the same into an empty table, indexes and keys after: %6.2f s %,12.0f values/s  ratio %.2f%n", partition, n / partition, raw / partition);
            System.out.printf("import, all new values:           %6.2f s %,12.0f values/s  ratio %.2f  (to the ceiling %.2f)%n", insert, n / insert, raw / insert, ceiling / insert);
            System.out.printf("import, every value changed:      %6.2f s %,12.0f values/s  ratio %.2f  (to the ceiling %.2f)%n", update, n / update, raw / update, ceiling / update);
            System.out.printf("import, nothing changed:          %6.2f s %,12.0f values/s  ratio %.2f  (to the ceiling %.2f)%n", same, n / same, raw / same, ceiling / same);
            System.out.printf("load average at the end: %s%n", Files.readString(Path.of("/proc/loadavg")).strip());
        }
    }

    /**
     * The feed service, through reflection: it is package-private (only its API uses it), and a source-file program
     * runs in a class loader of its own, outside the package.
     */
    static final class Feed {
        final Object service;
        final Method importObservations;
        final Object csv;

        @SuppressWarnings({"unchecked", "rawtypes"})
        Feed(ConfigurableApplicationContext ctx) throws Exception {
            Class<?> type = Class.forName("cn.gongfu.reporting.feed.FeedImportService");
            Class<?> format = Class.forName("cn.gongfu.reporting.feed.FeedImportService$Format");
            service = ctx.getBean(type);
            importObservations = type.getDeclaredMethod("importObservations", InputStream.class, format);
            importObservations.setAccessible(true);
            csv = Enum.valueOf((Class) format, "CSV");
        }

        /** rows, inserted, updated, unchanged. */
        long[] run(byte[] body) throws Exception {
            Object r;
            try {
                r = importObservations.invoke(service, new ByteArrayInputStream(body), csv);
            } catch (java.lang.reflect.InvocationTargetException e) {
                throw (Exception) e.getCause();
            }
            long[] out = new long[4];
            String[] names = {"rows", "inserted", "updated", "unchanged"};
            for (int i = 0; i < 4; i++) {
                Method m = r.getClass().getDeclaredMethod(names[i]);
                m.setAccessible(true);
                out[i] = (Long) m.invoke(r);
            }
            return out;
        }
    }

    static double timed(Feed feed, byte[] csv, String what, int run, int n) throws Exception {
        long t = System.nanoTime();
        long[] r = feed.run(csv);
        double s = (System.nanoTime() - t) / 1e9;
        System.out.printf("run %d import %-6s %,d rows %6.2f s %,12.0f values/s  (inserted %,d, updated %,d, unchanged %,d)%n",
                run, what, r[0], s, n / s, r[1], r[2], r[3]);
        return s;
    }

    /** H2: for each size, raw CSVREAD into an unindexed table, then the import all new and again unchanged. */
    static void h2Series(ConfigurableApplicationContext ctx, DataSource ds, JdbcTemplate jdbc, List<String> regions,
                         List<Integer> sizes) throws Exception {
        List<Long> allIds = jdbc.queryForList("select id from indicator where region_code = ? and name like 'bench %' order by name",
                Long.class, COUNTY);
        List<String> allNames = jdbc.queryForList("select name from indicator where region_code = ? and name like 'bench %' order by name",
                String.class, COUNTY);
        GongfuUser office = new GongfuUser(-1, "bench", "基准测试", "", COUNTY, true, null, Set.of(Role.OFFICE), Set.of(), new HashSet<>(regions));
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(office, null, office.getAuthorities()));
        Feed feed = new Feed(ctx);
        jdbc.execute("drop table if exists bench_raw");
        jdbc.execute("create table bench_raw (indicator varchar, region varchar, period varchar, value numeric(24, 6), comment varchar)");
        List<String> lines = new ArrayList<>();
        // warm-up (the JIT, H2's caches): the smallest size once, not reported
        List<Integer> series = new ArrayList<>(sizes);
        series.add(0, sizes.stream().mapToInt(Integer::intValue).min().getAsInt());
        boolean warmUp = true;
        for (int size : series) {
            int k = Math.max(1, size / (REGIONS * YEARS));
            byte[] csv = generate(allIds.subList(0, k), allNames.subList(0, k), regions, 0);
            int n = k * REGIONS * YEARS;
            Path file = Files.createTempFile("feedbench", ".csv");
            Files.write(file, csv);
            double raw = Double.MAX_VALUE, insert = Double.MAX_VALUE, same = Double.MAX_VALUE;
            for (int run = 1; run <= 2; run++) {
                jdbc.execute("truncate table bench_raw");
                long t = System.nanoTime();
                jdbc.update("insert into bench_raw select * from csvread('" + file + "', null, 'charset=UTF-8')");
                raw = Math.min(raw, (System.nanoTime() - t) / 1e9);
                jdbc.update("delete from observation where region_code in (select code from region where code = ? or parent_code = ?)", COUNTY, COUNTY);
                jdbc.update("delete from audit_event where actor = 'bench'");
                insert = Math.min(insert, timed(feed, csv, "insert", run, n));
                same = Math.min(same, timed(feed, csv, "same", run, n));
            }
            Files.delete(file);
            if (warmUp) {
                warmUp = false;
                continue;
            }
            lines.add(String.format("h2 %,d values  raw CSVREAD %6.2f s (%5.1f µs/value)  import all new %7.2f s (%6.1f µs/value, ratio %.3f)"
                            + "  unchanged %7.2f s (%6.1f µs/value, ratio %.3f)",
                    n, raw, raw * 1e6 / n, insert, insert * 1e6 / n, raw / insert, same, same * 1e6 / n, raw / same));
        }
        System.out.println();
        lines.forEach(System.out::println);
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
