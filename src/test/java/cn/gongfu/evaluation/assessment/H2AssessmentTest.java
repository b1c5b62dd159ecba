package cn.gongfu.evaluation.assessment;

import cn.gongfu.support.H2Test;

@H2Test
class H2AssessmentTest extends AssessmentContract {}
