package cn.gongfu.security;

import cn.gongfu.support.PostgresTest;

@PostgresTest
class PostgresReadScopeMatrixTest extends ReadScopeMatrixContract {}
