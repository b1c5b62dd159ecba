package cn.gongfu.evaluation.assessment;

import cn.gongfu.support.PostgresTest;

@PostgresTest
class PostgresAssessmentTest extends AssessmentContract {}
