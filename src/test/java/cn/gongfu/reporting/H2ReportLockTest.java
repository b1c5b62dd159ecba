package cn.gongfu.reporting;

import cn.gongfu.support.H2Test;

@H2Test
class H2ReportLockTest extends ReportLockContract {}
