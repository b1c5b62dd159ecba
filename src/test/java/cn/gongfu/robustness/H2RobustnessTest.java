package cn.gongfu.robustness;

import cn.gongfu.support.H2Test;

@H2Test
class H2RobustnessTest extends RobustnessContract {}
