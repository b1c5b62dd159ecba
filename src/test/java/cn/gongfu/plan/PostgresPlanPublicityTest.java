package cn.gongfu.plan;

import cn.gongfu.support.PostgresTest;

@PostgresTest
class PostgresPlanPublicityTest extends PlanPublicityContract {}
