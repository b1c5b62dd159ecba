package cn.gongfu.reporting;

import cn.gongfu.support.PostgresTest;

@PostgresTest
class PostgresReportLockTest extends ReportLockContract {}
