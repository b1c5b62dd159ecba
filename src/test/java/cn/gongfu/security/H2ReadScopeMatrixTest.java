package cn.gongfu.security;

import cn.gongfu.support.H2Test;

@H2Test
class H2ReadScopeMatrixTest extends ReadScopeMatrixContract {}
