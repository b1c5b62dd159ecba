package cn.gongfu.evaluation;

import cn.gongfu.support.H2Test;

/** The survey and consistency contract on the embedded database. */
@H2Test
class H2SurveyTest extends SurveyContract {}
