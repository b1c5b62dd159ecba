package cn.gongfu.cases;

import cn.gongfu.support.PostgresTest;

@PostgresTest
class PostgresCaseTest extends CaseContract {}
