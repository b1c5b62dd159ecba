package cn.gongfu.notify;

import cn.gongfu.support.PostgresTest;

@PostgresTest
class PostgresNoticeTest extends NoticeContract {}
