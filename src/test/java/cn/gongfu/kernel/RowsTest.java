package cn.gongfu.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.DataClassRowMapper;
import org.springframework.jdbc.core.RowMapper;

/**
 * {@link Rows} maps multi-word columns to records without one {@link SQLException} per column per row (which H2 wrote
 * to its trace file each time), over a real H2 result set in the application's PostgreSQL mode.
 */
class RowsTest {

    record PlanRow(long id, String title, String regionCode, String regionName, int startYear, Long previousPlanId,
                   LocalDateTime createdAt, int taskCount, String sourceSha256, LocalDate issuedOn, BigDecimal weight) {}

    record Missing(long id, String notAColumn) {}

    private Connection connection;

    @BeforeEach
    void table() throws SQLException {
        connection = DriverManager.getConnection("jdbc:h2:mem:rows-test;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE", "sa", "");
        try (Statement s = connection.createStatement()) {
            s.execute("""
                    create table plan_row (id bigint primary key, title varchar(100), region_code varchar(12),
                      start_year int, previous_plan_id bigint, created_at timestamp, source_sha256 char(64), issued_on date,
                      weight numeric(6, 2))""");
            for (int i = 1; i <= 200; i++) {
                s.execute("insert into plan_row values (" + i + ", 'plan " + i + "', '330299', 2021, "
                        + (i % 2 == 0 ? "null" : String.valueOf(i - 1)) + ", timestamp '2025-01-02 03:04:05', 'ab', "
                        + (i % 3 == 0 ? "null" : "date '2024-06-30'") + ", " + (i % 5 == 0 ? "null" : "1.25") + ")");
            }
        }
    }

    @AfterEach
    void close() throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("drop table plan_row");
        }
        connection.close();
    }

    private static final String QUERY = """
            select id, title, region_code, 'Qingxi' as region_name, start_year, previous_plan_id, created_at,
                   (select count(*) from plan_row) as task_count, source_sha256, issued_on, weight
            from plan_row order by id""";

    /** Maps every row of the query through {@code mapper}, counting the SQLExceptions the result set threw. */
    private <T> List<T> mapCounting(String sql, RowMapper<T> mapper, AtomicInteger thrown) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet real = s.executeQuery(sql)) {
            ResultSet counting = (ResultSet) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {ResultSet.class},
                    (proxy, method, args) -> {
                        try {
                            return method.invoke(real, args);
                        } catch (InvocationTargetException e) {
                            if (e.getCause() instanceof SQLException) thrown.incrementAndGet();
                            throw e.getCause();
                        }
                    });
            List<T> rows = new ArrayList<>();
            for (int i = 0; counting.next(); i++) rows.add(mapper.mapRow(counting, i));
            return rows;
        }
    }

    @Test
    void mapsMultiWordColumnsWithoutAnExceptionPerRow() throws SQLException {
        AtomicInteger thrown = new AtomicInteger();
        List<PlanRow> rows = mapCounting(QUERY, Rows.of(PlanRow.class), thrown);
        assertThat(thrown).hasValue(0);
        assertThat(rows).hasSize(200);
        assertThat(rows.get(0)).isEqualTo(new PlanRow(1, "plan 1", "330299", "Qingxi", 2021, 0L,
                LocalDateTime.of(2025, 1, 2, 3, 4, 5), 200, "ab" + " ".repeat(62), LocalDate.of(2024, 6, 30), new BigDecimal("1.25")));
        // SQL NULL: null for an object, as the row says
        assertThat(rows.get(1).previousPlanId()).isNull();
        assertThat(rows.get(2).issuedOn()).isNull();
        assertThat(rows.get(4).weight()).isNull();
    }

    @Test
    void springsDataClassRowMapperThrowsOncePerMultiWordColumnPerRow() throws SQLException {
        // the yardstick: what the application's mappers did before, on the same rows
        AtomicInteger thrown = new AtomicInteger();
        List<PlanRow> rows = mapCounting(QUERY, new DataClassRowMapper<>(PlanRow.class), thrown);
        long multiWord = Stream.of(PlanRow.class.getRecordComponents()).filter(c -> !c.getName().equals(c.getName().toLowerCase()))
                .count();
        assertThat(thrown).hasValue((int) (rows.size() * multiWord));
        // and the values are the same
        assertThat(rows).isEqualTo(mapCounting(QUERY, Rows.of(PlanRow.class), new AtomicInteger()));
    }

    @Test
    void aPrimitiveComponentGetsItsDefaultForSqlNull() throws SQLException {
        AtomicInteger thrown = new AtomicInteger();
        List<PlanRow> rows = mapCounting(QUERY.replace("start_year,", "cast(null as int) as start_year,"), Rows.of(PlanRow.class),
                thrown);
        assertThat(rows).extracting(PlanRow::startYear).containsOnly(0);
        assertThat(thrown).hasValue(0);
    }

    @Test
    void aQueryWithoutAComponentsColumnIsRefusedNamingTheComponent() {
        assertThatThrownBy(() -> mapCounting("select id from plan_row", Rows.of(Missing.class), new AtomicInteger()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("notAColumn");
    }

    @Test
    void noMainSourceUsesSpringsNameGuessingRowMappers() throws IOException {
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            List<Path> offenders = sources.filter(p -> p.toString().endsWith(".java")).filter(p -> {
                try {
                    String text = Files.readString(p);
                    return text.contains("DataClassRowMapper") && !p.endsWith("Rows.java") || text.contains("BeanPropertyRowMapper");
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }).toList();
            assertThat(offenders).as("use kernel.Rows: DataClassRowMapper throws an SQLException per multi-word column per row")
                    .isEmpty();
        }
    }
}
