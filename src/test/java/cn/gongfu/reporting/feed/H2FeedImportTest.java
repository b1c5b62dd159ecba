package cn.gongfu.reporting.feed;

import cn.gongfu.support.H2Test;

/** The feed contract on the embedded database: staging by batched inserts. */
@H2Test
class H2FeedImportTest extends FeedImportContract {}
