package cn.gongfu.project;

import cn.gongfu.support.H2Test;

@H2Test
class H2ProjectTest extends ProjectContract {}
