package cn.gongfu.importing;

import cn.gongfu.support.H2Test;

@H2Test
class H2ProgressImportTest extends ProgressImportContract {}
