package cn.gongfu.reporting.feed;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongfu.support.PostgresTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The feed contract on PostgreSQL: staging through COPY into a temporary table. */
@PostgresTest
class PostgresFeedImportTest extends FeedImportContract {

    /**
     * Where it may, the feed merges with {@code session_replication_role = replica}, which keeps every ordinary
     * trigger of observation from firing, not only the foreign keys' that the feed checks set-based instead
     * (FeedImportService.lockKeys). So observation and its partitions must have no trigger but those of their
     * foreign keys: a trigger added to observation must be fired by the feed's merge too, and this test says so.
     */
    @Test
    void observationHasNoTriggerTheFeedsMergeWouldSkip() {
        List<String> triggers = jdbc.sql("""
                select c.relname || '.' || t.tgname from pg_trigger t join pg_class c on c.oid = t.tgrelid
                where (c.relname = 'observation' or c.relname like 'observation\\_%') and not t.tgisinternal""")
                .query(String.class).list();
        assertThat(triggers).as("triggers the feed's merge would not fire (see FeedImportService.maySkipRowTriggers)").isEmpty();
        List<String> constraints = jdbc.sql("""
                select pg_get_constraintdef(oid) from pg_constraint
                where conrelid = 'observation'::regclass and contype = 'f' order by 1""").query(String.class).list();
        assertThat(constraints).as("the foreign keys FeedImportService.lockKeys checks (submission: the feed writes none)")
                .hasSize(3).anyMatch(c -> c.contains("REFERENCES indicator(id)")).anyMatch(c -> c.contains("REFERENCES region(code)"))
                .anyMatch(c -> c.contains("(submission_id) REFERENCES submission(id)"));
    }
}
