package cn.gongfu.workbench;

import cn.gongfu.support.H2Test;

@H2Test
class H2VisitsTest extends VisitsContract {}
