package cn.gongfu.unit;

import cn.gongfu.support.PostgresTest;

@PostgresTest
class PostgresUnitMergeTest extends UnitMergeContract {}
