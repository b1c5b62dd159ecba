package cn.gongfu.bulletin;

import cn.gongfu.support.H2Test;

@H2Test
class H2BulletinTest extends BulletinContract {}
