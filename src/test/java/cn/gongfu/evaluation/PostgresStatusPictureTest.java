package cn.gongfu.evaluation;

import cn.gongfu.support.PostgresTest;

@PostgresTest
class PostgresStatusPictureTest extends StatusPictureContract {}
