package cn.gongfu.evaluation;

import cn.gongfu.support.PostgresTest;

@PostgresTest
class PostgresStandingsTest extends StandingsContract {}
