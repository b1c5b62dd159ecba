package cn.gongfu.db;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongfu.support.PostgresTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * On PostgreSQL the observations are partitioned by year (issue 15, V26 of db/vendor/postgresql): each value lies in
 * its year's partition whatever its period's form, a period outside the planned years in the default partition, a
 * query for one year's periods reads one partition (pruning, as EXPLAIN shows it), and ids keep coming from one
 * sequence. The rest of the suite runs on the same partitioned table.
 */
@PostgresTest
class PostgresObservationPartitionsTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void theObservationsArePartitionedByYear() {
        assertThat(jdbc.sql("select count(*) from pg_partitioned_table where partrelid = 'observation'::regclass")
                .query(Long.class).single()).isOne();
        // the demo's values, moved over by the migration, each in its year's partition
        List<String> misplaced = jdbc.sql("""
                select o.period || ' in ' || o.tableoid::regclass from observation o
                where o.tableoid::regclass::text <> 'observation_y' || substring(o.period, 1, 4)""").query(String.class).list();
        assertThat(misplaced).isEmpty();
        assertThat(jdbc.sql("select count(*) from observation").query(Long.class).single()).as("the demo's values").isPositive();
    }

    @Test
    void everyFormOfAPeriodLandsInItsYearAndAnUnplannedYearInTheDefault() {
        long indicator = jdbc.sql("select min(id) from indicator").query(Long.class).single();
        String region = jdbc.sql("select region_code from indicator where id = :i").param("i", indicator).query(String.class).single();
        long before = jdbc.sql("select coalesce(max(id), 0) from observation").query(Long.class).single();
        try {
            for (String period : List.of("2031", "2031Q2", "2031-11", "2051")) {
                jdbc.sql("insert into observation (indicator_id, region_code, period, value, state) values (:i, :r, :p, 1, 'draft')")
                        .param("i", indicator).param("r", region).param("p", period).update();
            }
            assertThat(jdbc.sql("""
                    select o.period || '@' || o.tableoid::regclass from observation o
                    where o.indicator_id = :i and o.region_code = :r and o.period in ('2031', '2031Q2', '2031-11', '2051')
                    order by o.period""").param("i", indicator).param("r", region).query(String.class).list())
                    .containsExactly("2031@observation_y2031", "2031-11@observation_y2031", "2031Q2@observation_y2031",
                            "2051@observation_other");
            assertThat(jdbc.sql("select min(id) from observation where id > :b").param("b", before).query(Long.class).single())
                    .as("ids go on from the sequence").isGreaterThan(before);
        } finally {
            jdbc.sql("delete from observation where indicator_id = :i and region_code = :r and period in ('2031', '2031Q2', '2031-11', '2051')")
                    .param("i", indicator).param("r", region).update();
        }
    }

    @Test
    void aQueryForOneYearReadsOnePartition() {
        String plan = String.join("\n", jdbc.sql("""
                explain select count(*) from observation where period >= '2024' and period < '2025'""").query(String.class).list());
        assertThat(plan).contains("observation_y2024").doesNotContain("observation_y2023", "observation_y2025", "observation_other");
        String one = String.join("\n", jdbc.sql("explain select * from observation where period = '2024Q3'").query(String.class).list());
        assertThat(one).contains("observation_y2024").doesNotContain("observation_y2023", "observation_other");
    }
}
