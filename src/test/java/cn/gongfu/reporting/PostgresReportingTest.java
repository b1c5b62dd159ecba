package cn.gongfu.reporting;

import cn.gongfu.support.PostgresTest;

@PostgresTest
class PostgresReportingTest extends ReportingContract {}
