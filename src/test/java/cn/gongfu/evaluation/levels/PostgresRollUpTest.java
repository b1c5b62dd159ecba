package cn.gongfu.evaluation.levels;

import cn.gongfu.support.PostgresTest;

@PostgresTest
class PostgresRollUpTest extends RollUpContract {}
