package cn.gongfu.reporting.feed;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongfu.support.H2Test;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The feed contract on the embedded database: staging by batched inserts. */
@H2Test
class H2FeedImportTest extends FeedImportContract {

    @Autowired
    PlatformTransactionManager transactions;

    /**
     * H2 joins by nested loops: a join whose inner side is scanned makes the checks quadratic (16k values took 38 s,
     * 32k 165 s, when the resolved rows were a CTE joined to itself). Untimed, this reads H2's plan of the clean-feed
     * check: the staged rows are scanned only as the driving table, and every join to them (the duplicate keys, the
     * previous period in the feed) and to observation and indicator probes an index. The bench measures the times
     * (bench/FeedBench.java on an H2 URL).
     */
    @Test
    void theChecksProbeIndexesAndScanTheFeedOnlyToDriveThem() {
        List<String> plan = new TransactionTemplate(transactions).execute(tx -> {
            jdbc.sql(FeedSql.CREATE_STAGING_H2).update();
            return List.of(jdbc.sql("explain " + FeedSql.anyError()).query(String.class).single(),
                    jdbc.sql("explain " + FeedSql.errors()).param("limit", 10).query(String.class).single());
        });
        for (String explained : plan) {
            // H2 quotes names at the top level and not inside the plan comments of inlined queries
            String p = explained.replace("\"", "");
            // each table read, with its alias, then H2's comment naming how it is read
            Matcher scan = Pattern.compile("(?:FROM|JOIN) [\\w]+\\.(\\w+)(?: (\\w+))?\\s*/\\* [\\w.]+\\.tableScan").matcher(p);
            List<String> scanned = scan.results().map(m -> m.group(2) != null ? m.group(2) : m.group(1)).toList();
            assertThat(scanned).as(p).isNotEmpty().allMatch(alias -> alias.equals("feed_staging") || alias.equals("s"));
            assertThat(p).as("the previous-period join probes the staging key")
                    .containsPattern("JOIN public\\.feed_staging pf\\s*/\\* public\\.CONSTRAINT_INDEX");
            assertThat(p).as("the duplicate keys are grouped by probing the staging key")
                    .containsPattern("JOIN dup d\\s*/\\* SELECT[^/]*FROM public\\.feed_staging\\s*/\\* public\\.CONSTRAINT_INDEX");
        }
    }
}
