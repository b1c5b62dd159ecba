package cn.gongfu.api;

import cn.gongfu.support.H2Test;

/** The API contract on the embedded default database. */
@H2Test
class H2PlanApiTest extends PlanApiContract {}
