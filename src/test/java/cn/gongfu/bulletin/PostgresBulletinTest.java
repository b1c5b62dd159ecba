package cn.gongfu.bulletin;

import cn.gongfu.support.PostgresTest;

@PostgresTest
class PostgresBulletinTest extends BulletinContract {}
