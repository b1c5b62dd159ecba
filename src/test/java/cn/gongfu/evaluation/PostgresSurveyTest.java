package cn.gongfu.evaluation;

import cn.gongfu.support.PostgresTest;

/** The survey and consistency contract on PostgreSQL (stddev, recursive region walk, numeric summaries). */
@PostgresTest
class PostgresSurveyTest extends SurveyContract {}
