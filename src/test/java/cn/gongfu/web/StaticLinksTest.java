package cn.gongfu.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.resource.ResourceHttpRequestHandler;
import org.springframework.web.servlet.resource.ResourceResolver;
import org.springframework.web.servlet.resource.ResourceResolverChain;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

/**
 * Page links pass {@link StaticLinks} without a look into the resource chain (each look was a search of the nested
 * jar); links to static files are still resolved by it (webjars get their version).
 */
class StaticLinksTest {

    /** A resource chain that answers for every path, as the static handler's {@code /**} pattern does, and counts. */
    static final class CountingResolver implements ResourceResolver {
        final List<String> asked = new ArrayList<>();

        @Override
        public Resource resolveResource(HttpServletRequest request, String requestPath, List<? extends Resource> locations,
                                        ResourceResolverChain chain) {
            return null;
        }

        @Override
        public String resolveUrlPath(String resourcePath, List<? extends Resource> locations, ResourceResolverChain chain) {
            asked.add(resourcePath);
            return resourcePath.startsWith("webjars/") ? resourcePath.replace("echarts/", "echarts/5.5.0/") : resourcePath;
        }
    }

    private List<String> render(String contextPath, CountingResolver resolver, String... links) throws Exception {
        ResourceHttpRequestHandler handler = new ResourceHttpRequestHandler();
        handler.setResourceResolvers(List.of(resolver));
        ResourceUrlProvider provider = new ResourceUrlProvider();
        provider.setHandlerMap(Map.of("/**", handler));
        MockHttpServletRequest request = new MockHttpServletRequest("GET", contextPath + "/dashboard");
        request.setContextPath(contextPath);
        request.setAttribute(ResourceUrlProvider.class.getName(), provider);
        List<String> written = new ArrayList<>();
        new StaticLinks().doFilter(request, new MockHttpServletResponse(), new MockFilterChain() {
            @Override
            public void doFilter(jakarta.servlet.ServletRequest req, jakarta.servlet.ServletResponse res) {
                for (String link : links) written.add(((HttpServletResponse) res).encodeURL(link));
            }
        });
        return written;
    }

    @Test
    void pageLinksSkipTheResourceChainStaticLinksAreResolvedByIt() throws Exception {
        CountingResolver resolver = new CountingResolver();
        List<String> written = render("", resolver, "/dashboard?plan=1&month=2025-12", "/indicators/7", "/dashboard/units?plan=1",
                "/public/plans/1#tasks", "/css/app.css", "/webjars/echarts/echarts.min.js?v=1#top", "/cssx/not-static");
        assertThat(written).containsExactly("/dashboard?plan=1&month=2025-12", "/indicators/7", "/dashboard/units?plan=1",
                "/public/plans/1#tasks", "/css/app.css", "/webjars/echarts/5.5.0/echarts.min.js?v=1#top", "/cssx/not-static");
        // the chain was asked about the two static files only, never about a page
        assertThat(resolver.asked).containsExactly("css/app.css", "webjars/echarts/echarts.min.js");
    }

    @Test
    void underAContextPathTheContextIsKept() throws Exception {
        CountingResolver resolver = new CountingResolver();
        List<String> written = render("/gongfu", resolver, "/gongfu/plans", "/gongfu/webjars/echarts/echarts.min.js", "/js/app.js");
        assertThat(written).containsExactly("/gongfu/plans", "/gongfu/webjars/echarts/5.5.0/echarts.min.js", "/js/app.js");
        assertThat(resolver.asked).containsExactly("webjars/echarts/echarts.min.js");
    }
}
