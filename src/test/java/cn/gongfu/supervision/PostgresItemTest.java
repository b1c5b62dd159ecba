package cn.gongfu.supervision;

import cn.gongfu.support.PostgresTest;

@PostgresTest
class PostgresItemTest extends ItemContract {}
