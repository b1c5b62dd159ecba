package cn.gongfu.cases;

import cn.gongfu.support.H2Test;

@H2Test
class H2CaseTest extends CaseContract {}
