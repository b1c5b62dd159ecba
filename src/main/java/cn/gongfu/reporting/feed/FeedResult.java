package cn.gongfu.reporting.feed;

/** What an accepted feed did: rows read, observations inserted, updated (version + 1) and left unchanged. */
record FeedResult(long rows, long inserted, long updated, long unchanged, String sha256) {}
