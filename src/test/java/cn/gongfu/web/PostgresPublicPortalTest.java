package cn.gongfu.web;

import cn.gongfu.support.PostgresTest;

@PostgresTest
class PostgresPublicPortalTest extends PublicPortalContract {}
