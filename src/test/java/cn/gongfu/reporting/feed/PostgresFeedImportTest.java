package cn.gongfu.reporting.feed;

import cn.gongfu.support.PostgresTest;

/** The feed contract on PostgreSQL: staging through COPY into a temporary table. */
@PostgresTest
class PostgresFeedImportTest extends FeedImportContract {}
