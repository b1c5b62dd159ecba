package cn.gongfu.workbench;

import cn.gongfu.support.PostgresTest;

@PostgresTest
class PostgresVisitsTest extends VisitsContract {}
