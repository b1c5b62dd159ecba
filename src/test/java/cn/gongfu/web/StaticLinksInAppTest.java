package cn.gongfu.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongfu.support.H2Test;
import cn.gongfu.support.HttpVisitor;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationContext;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/** On the real container, {@link StaticLinks} stands in for Spring Boot's link filter: webjars still get their version. */
@H2Test
class StaticLinksInAppTest {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Test
    void theOnlyLinkFilterIsStaticLinksAndWebjarsKeepTheirVersion() throws Exception {
        @SuppressWarnings("rawtypes")
        Map<String, FilterRegistrationBean> registrations = context.getBeansOfType(FilterRegistrationBean.class);
        assertThat(registrations.values().stream().filter(r -> r.getFilter() instanceof ResourceUrlEncodingFilter)
                .map(r -> r.getFilter().getClass().getName())).containsExactly(StaticLinks.class.getName());
        String page = new HttpVisitor(port).get("/login").body();
        assertThat(page).containsPattern("src=\"/webjars/echarts/\\d[^/\"]*/echarts.min.js\"")
                .containsPattern("src=\"/webjars/htmx.org/\\d[^/\"]*/dist/htmx.min.js\"")
                .contains("src=\"/js/app.js\"", "href=\"/public\"");
    }
}
