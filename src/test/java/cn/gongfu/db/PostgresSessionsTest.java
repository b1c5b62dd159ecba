package cn.gongfu.db;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongfu.support.PostgresTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The pool's PostgreSQL sessions run without JIT (kernel.PostgresSessions): compiling cost more than the application's
 * short queries take (926 ms against 62 ms for the indicator list at province scale, docs/scaling.md).
 */
@PostgresTest
class PostgresSessionsTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyPooledSessionRunsWithoutJit() {
        assertThat(jdbc.sql("show jit").query(String.class).single()).isEqualTo("off");
    }

    @Test
    void aTasksLeadUnitIsReadByTheIndexOfTaskAndRole() {
        assertThat(jdbc.sql("select count(*) from pg_indexes where schemaname = current_schema() and indexname = 'task_unit_task_role'").query(Long.class).single())
                .isOne();
    }
}
