package cn.gongfu.web;

import cn.gongfu.support.H2Test;

@H2Test
class H2PublicPortalTest extends PublicPortalContract {}
