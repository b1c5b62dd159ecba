package cn.gongfu.robustness;

import cn.gongfu.support.PostgresTest;

@PostgresTest
class PostgresBadInputTest extends BadInputContract {}
