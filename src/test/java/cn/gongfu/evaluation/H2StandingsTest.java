package cn.gongfu.evaluation;

import cn.gongfu.support.H2Test;

@H2Test
class H2StandingsTest extends StandingsContract {}
