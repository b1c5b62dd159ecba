package cn.gongfu.importing;

import cn.gongfu.support.PostgresTest;

@PostgresTest
class PostgresProgressImportTest extends ProgressImportContract {}
