package cn.gongfu.project;

import cn.gongfu.support.PostgresTest;

@PostgresTest
class PostgresProjectTest extends ProjectContract {}
