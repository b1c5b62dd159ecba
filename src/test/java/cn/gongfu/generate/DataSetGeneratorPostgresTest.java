package cn.gongfu.generate;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongfu.support.FreshSchema;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * The county data set on PostgreSQL, in a schema of its own (gongfu_generate, dropped and migrated afresh) so the
 * other PostgreSQL tests' demo is untouched: the same shape, and the same rows as the same seed gives on H2.
 */
@EnabledIfEnvironmentVariable(named = "GONGFU_TEST_PG_URL", matches = ".+",
        disabledReason = "GONGFU_TEST_PG_URL is not set: PostgreSQL tests skipped (bash .ci/run sets it)")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK)
@Import(FreshSchema.class)
@TestPropertySource(properties = {
        "spring.datasource.url=${GONGFU_TEST_PG_URL}${GONGFU_TEST_PG_URL_JOIN:?}currentSchema=gongfu_generate",
        "spring.datasource.username=${GONGFU_TEST_PG_USER:${user.name}}",
        "spring.datasource.password=${GONGFU_TEST_PG_PASSWORD:}",
        "spring.flyway.schemas=gongfu_generate",
        "spring.flyway.default-schema=gongfu_generate",
        "spring.flyway.clean-disabled=false",
        "gongfu.demo.enabled=false",
        "gongfu.admin-password=admin-test-password"})
class DataSetGeneratorPostgresTest {

    @Autowired
    DataSetGenerator generator;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aCountyOnPostgresHasTheShapeAndTheSeedsRows() {
        DataSetGenerator.Summary s = generator.generate(Scale.COUNTY, 7, "940000");
        Map<String, Object> f = GeneratedDataSets.fingerprint(jdbc, "940000");
        DataSetGeneratorTest.assertShapeOfOneCounty(jdbc, "940000", s, f);
        generator.generate(Scale.COUNTY, 7, "950000");
        assertThat(GeneratedDataSets.fingerprint(jdbc, "950000")).isEqualTo(f);
    }
}
