package cn.gongfu.notify;

import java.sql.DriverManager;
import java.util.Map;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The outbox's restart test on the PostgreSQL database of {@code GONGFU_TEST_PG_URL}, in a schema of its own
 * ({@code outbox_restart}), so that dropping it leaves the database the other PostgreSQL suites share untouched.
 */
@EnabledIfEnvironmentVariable(named = "GONGFU_TEST_PG_URL", matches = ".+",
        disabledReason = "GONGFU_TEST_PG_URL is not set: PostgreSQL tests skipped (bash .ci/run sets it)")
class PostgresOutboxRestartTest extends OutboxRestartContract {

    static final String SCHEMA = "outbox_restart";

    private static String url() {
        String url = System.getenv("GONGFU_TEST_PG_URL");
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA;
    }

    private static String user() {
        String user = System.getenv("GONGFU_TEST_PG_USER");
        return user == null ? System.getProperty("user.name") : user;
    }

    private static String password() {
        String password = System.getenv("GONGFU_TEST_PG_PASSWORD");
        return password == null ? "" : password;
    }

    @Override
    Map<String, Object> database() {
        return Map.of("spring.datasource.url", url(), "spring.datasource.username", user(), "spring.datasource.password", password(),
                "spring.flyway.schemas", SCHEMA);
    }

    @Override
    void wipe() throws Exception {
        try (var connection = DriverManager.getConnection(url(), user(), password()); var statement = connection.createStatement()) {
            statement.execute("drop schema if exists " + SCHEMA + " cascade");
        }
    }
}
