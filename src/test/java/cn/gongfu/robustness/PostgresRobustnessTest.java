package cn.gongfu.robustness;

import cn.gongfu.support.PostgresTest;

@PostgresTest
class PostgresRobustnessTest extends RobustnessContract {}
