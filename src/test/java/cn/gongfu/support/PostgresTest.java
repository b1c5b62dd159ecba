package cn.gongfu.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * The whole application over the PostgreSQL database named by {@code GONGFU_TEST_PG_URL} (a JDBC URL;
 * user and password from {@code GONGFU_TEST_PG_USER} / {@code GONGFU_TEST_PG_PASSWORD}, default the
 * current OS user with trust auth). The schema is dropped and migrated afresh, then the demo loaded.
 * Without the variable the class is skipped, and the build log says so.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@EnabledIfEnvironmentVariable(named = "GONGFU_TEST_PG_URL", matches = ".+",
        disabledReason = "GONGFU_TEST_PG_URL is not set: PostgreSQL tests skipped (bash .ci/run sets it)")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@Import({FreshSchema.class, SignedInAsAdmin.class, MovableClock.AsTheApplicationClock.class})
@TestPropertySource(properties = {
        "spring.datasource.url=${GONGFU_TEST_PG_URL}",
        "spring.datasource.username=${GONGFU_TEST_PG_USER:${user.name}}",
        "spring.datasource.password=${GONGFU_TEST_PG_PASSWORD:}",
        "spring.flyway.clean-disabled=false",
        "gongfu.demo.enabled=true",
        "gongfu.admin-password=admin-test-password"})
public @interface PostgresTest {}
