package cn.gongfu.notify;

import cn.gongfu.support.H2Test;

@H2Test
class H2ChannelTest extends ChannelContract {}
