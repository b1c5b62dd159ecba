package cn.gongfu.plan;

import cn.gongfu.support.H2Test;

@H2Test
class H2PlanPublicityTest extends PlanPublicityContract {}
