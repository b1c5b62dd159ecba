package cn.gongfu.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * Generates the county data set into an H2 database of its own (no demo, so no other test's counts move): its shape,
 * the same seed giving the same rows under another province code, another seed other rows, and a second run refused.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK)
@TestPropertySource(properties = {
        "spring.datasource.url=jdbc:h2:mem:gongfu-generate;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;NON_KEYWORDS=YEAR,VALUE;DB_CLOSE_DELAY=-1",
        "spring.datasource.username=sa",
        "spring.datasource.password=",
        "gongfu.demo.enabled=false",
        "gongfu.admin-password=admin-test-password"})
class DataSetGeneratorTest {

    @Autowired
    DataSetGenerator generator;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aCountyHasTheShapeAndTheSeedDecidesEveryRow() {
        DataSetGenerator.Summary first = generator.generate(Scale.COUNTY, 7, "940000");
        Map<String, Object> f = GeneratedDataSets.fingerprint(jdbc, "940000");
        assertShapeOfOneCounty(jdbc, "940000", first, f);

        generator.generate(Scale.COUNTY, 7, "950000");
        assertThat(GeneratedDataSets.fingerprint(jdbc, "950000")).as("same seed, same rows").isEqualTo(f);
        generator.generate(Scale.COUNTY, 8, "960000");
        assertThat(GeneratedDataSets.fingerprint(jdbc, "960000")).as("another seed, other rows").isNotEqualTo(f);

        assertThatThrownBy(() -> generator.generate(Scale.COUNTY, 7, "940000"))
                .isInstanceOf(DataSetGenerator.AlreadyGenerated.class).hasMessageContaining("940000");
    }

    /** The shape the issue asks for, from the database, and the summary counting what the database holds. */
    static void assertShapeOfOneCounty(JdbcClient jdbc, String province, DataSetGenerator.Summary s, Map<String, Object> f) {
        long towns = (long) f.get("towns");
        long indicators = (long) f.get("indicators");
        long units = (long) f.get("units");
        assertThat(f.get("counties")).isEqualTo(1L);
        assertThat(towns).isBetween(10L, 19L);
        assertThat(f.get("regions")).isEqualTo(1 + 1 + 1 + towns);
        assertThat(units).isBetween(38L, 40L);
        assertThat((long) f.get("tasks")).isBetween(480L, 520L);
        assertThat(indicators).isBetween(270L, 300L);
        assertThat(f.get("targets")).isEqualTo(5 * indicators);
        // the base year, sixty months, and fifty indicators a year in every town
        assertThat(f.get("observations")).isEqualTo(61 * indicators + towns * DataSetGenerator.TOWN_INDICATORS * 5);
        assertThat(f.get("users")).isEqualTo(units + 1);
        long milestones = (long) f.get("milestones");
        long done = (long) f.get("milestonesDone");
        assertThat(milestones).isGreaterThanOrEqualTo(2 * (long) f.get("tasks"));
        assertThat((double) done / milestones).as("most milestones done, not all").isBetween(0.6, 0.97);

        assertThat((long) s.regions()).isEqualTo(f.get("regions"));
        assertThat((long) s.units()).isEqualTo(units);
        assertThat((long) s.tasks()).isEqualTo(f.get("tasks"));
        assertThat((long) s.milestones()).isEqualTo(milestones);
        assertThat((long) s.milestonesDone()).isEqualTo(done);
        assertThat((long) s.indicators()).isEqualTo(indicators);
        assertThat((long) s.observations()).isEqualTo(f.get("observations"));
        assertThat((long) s.users()).isEqualTo(f.get("users"));
        assertThat(s.checksum()).isEqualByComparingTo(((java.math.BigDecimal) f.get("observationSum")).add((java.math.BigDecimal) f.get("targetSum")));

        // realistic: most higher-is-better indicators end 2025 above 2020, some below (regressing)
        String p = province.substring(0, 2) + "%";
        long higher = GeneratedDataSets.count(jdbc, "select count(*) from indicator where region_code like :p and polarity = 'higher'", p);
        long regressing = GeneratedDataSets.count(jdbc, """
                select count(*) from indicator i
                join observation b on b.indicator_id = i.id and b.region_code = i.region_code and b.period = '2020'
                join observation e on e.indicator_id = i.id and e.region_code = i.region_code and e.period = '2025-12'
                where i.region_code like :p and i.polarity = 'higher' and e.value < b.value""", p);
        assertThat(regressing).isPositive().isLessThan(higher / 4);
        long reporters = GeneratedDataSets.count(jdbc, """
                select count(distinct uu.unit_id) from user_unit uu join app_user u on u.id = uu.user_id
                where u.region_code like :p""", p);
        assertThat(reporters).as("a reporter for every unit").isEqualTo(units);
    }

    @Test
    void badUsageExitsTwoWithOneLineAndStartsNothing() {
        for (String[] args : new String[][] {{"generate"}, {"generate", "--scale", "planet"}, {"generate", "--scale", "county", "--seed", "x"},
                {"generate", "--scale"}, {"generate", "--scale", "county", "--fast"}}) {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code = GenerateCommand.run(args, new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8),
                    Object.class);
            assertThat(code).as(String.join(" ", args)).isEqualTo(2);
            assertThat(err.toString(StandardCharsets.UTF_8).strip()).doesNotContain("\n").contains(" / ");
        }
        assertThat(GenerateCommand.parse(new String[] {"generate", "--scale", "city", "--seed", "42"}))
                .isEqualTo(new GenerateCommand.Arguments(Scale.CITY, 42));
    }
}
