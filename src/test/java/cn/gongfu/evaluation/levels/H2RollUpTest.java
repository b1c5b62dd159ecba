package cn.gongfu.evaluation.levels;

import cn.gongfu.support.H2Test;

@H2Test
class H2RollUpTest extends RollUpContract {}
