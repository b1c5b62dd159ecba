package cn.gongfu.supervision;

import cn.gongfu.support.H2Test;

@H2Test
class H2ItemTest extends ItemContract {}
