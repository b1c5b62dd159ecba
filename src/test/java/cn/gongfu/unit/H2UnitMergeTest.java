package cn.gongfu.unit;

import cn.gongfu.support.H2Test;

@H2Test
class H2UnitMergeTest extends UnitMergeContract {}
