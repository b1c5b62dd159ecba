package cn.gongfu.importing;

import cn.gongfu.support.PostgresTest;

@PostgresTest
class PostgresDraftCorrectionTest extends DraftCorrectionContract {}
