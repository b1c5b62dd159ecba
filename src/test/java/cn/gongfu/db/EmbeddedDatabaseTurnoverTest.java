package cn.gongfu.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The embedded default, as a user runs it: a file database with the URL options of application.yml. When
 * the pool retires its connections (Hikari does so every 30 minutes by default), the database must stay open
 * and writable: a database that closed with its last connection answered the next write with
 * "Check constraint invalid … The database has been closed".
 */
@SpringBootTest(properties = {"gongfu.demo.enabled=false", "gongfu.admin-password=admin-test-password"})
class EmbeddedDatabaseTurnoverTest {

    static final Path DIR = temporaryDirectory();

    @DynamicPropertySource
    static void fileDatabase(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> defaultUrl().replace("./data/gongfu", DIR.resolve("gongfu").toString()));
    }

    @Autowired
    HikariDataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theDatabaseSurvivesThePoolRetiringEveryConnection() throws Exception {
        assertThat(dataSource.getJdbcUrl()).startsWith("jdbc:h2:file:").contains(DIR.toString());
        write("before");
        // Hikari retires connections one at a time, so the database never closes meanwhile; a connection outside
        // the pool keeps it open here while every pooled one (the one that ran the migrations among them) is replaced
        try (Connection outside = DriverManager.getConnection(dataSource.getJdbcUrl(), dataSource.getUsername(),
                dataSource.getPassword())) {
            for (int round = 0; round < 2; round++) {
                dataSource.getHikariPoolMXBean().softEvictConnections();
                write("after eviction " + round);
            }
            assertThat(outside.isValid(1)).isTrue();
        }
        assertThat(jdbc.sql("select count(*) from region where code like '99999%'").query(Long.class).single()).isEqualTo(3);
    }

    /** A write that checks constraints, as the failed import upload and feed MERGE did. */
    private void write(String name) {
        long n = jdbc.sql("select count(*) from region where code like '99999%'").query(Long.class).single();
        jdbc.sql("insert into region (code, name, level) values (:c, :n, 'county')")
                .param("c", "99999" + n).param("n", name).update();
    }

    /** The H2 URL application.yml uses when GONGFU_DB_URL is not set. */
    static String defaultUrl() {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource("application.yml"));
        Properties properties = yaml.getObject();
        String url = properties.getProperty("spring.datasource.url");
        return url.substring("${GONGFU_DB_URL:".length(), url.length() - 1);
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("gongfu-h2-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
