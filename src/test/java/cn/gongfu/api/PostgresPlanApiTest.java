package cn.gongfu.api;

import cn.gongfu.support.PostgresTest;

/** The same API contract on PostgreSQL: proves the migrations and every query portable. */
@PostgresTest
class PostgresPlanApiTest extends PlanApiContract {}
