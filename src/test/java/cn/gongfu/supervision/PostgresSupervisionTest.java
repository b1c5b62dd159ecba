package cn.gongfu.supervision;

import cn.gongfu.support.PostgresTest;

@PostgresTest
class PostgresSupervisionTest extends SupervisionContract {}
