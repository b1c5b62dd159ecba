package cn.gongfu.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.List;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

/**
 * Links to the static files ({@code /css/}, {@code /js/}, {@code /webjars/}) are resolved through Spring's resource
 * chain, so that {@code @{/webjars/echarts/echarts.min.js}} is written with its version; every other link a page
 * renders goes out as it is.
 *
 * <p>Spring Boot's own {@link ResourceUrlEncodingFilter} (registered by the Thymeleaf auto-configuration because
 * webjars-locator-lite turns the resource chain on) sends every link through the chain: a page link such as
 * {@code /dashboard?plan=1} matches the static handler's {@code /**}, is looked for in four classpath locations inside
 * the nested jar, is not found and, not found, is not cached, so it is looked for again on the next link. That was
 * 60–79% of the CPU of the overview, indicator and units pages (issue 15). This filter takes the place of Boot's
 * (same type, so Boot's {@code @ConditionalOnMissingFilterBean} leaves it out) and asks the chain only about the
 * static prefixes.
 */
public class StaticLinks extends ResourceUrlEncodingFilter {

    /** The paths served by the static resource handlers: only links under these can be rewritten by the chain. */
    public static final List<String> PREFIXES = List.of("/css/", "/js/", "/webjars/");

    @Configuration(proxyBeanMethods = false)
    static class Registration {
        @Bean
        FilterRegistrationBean<ResourceUrlEncodingFilter> staticLinksFilter() {
            FilterRegistrationBean<ResourceUrlEncodingFilter> registration = new FilterRegistrationBean<>(new StaticLinks());
            // as Boot registers its own: error pages render links too
            registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
            return registration;
        }
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws ServletException, IOException {
        if (request instanceof HttpServletRequest http && response instanceof HttpServletResponse httpResponse) {
            chain.doFilter(request, new Links(http, httpResponse));
        } else {
            chain.doFilter(request, response);
        }
    }

    /** Whether a link (with the context path) points at a static file the resource chain may rewrite. */
    static boolean isStatic(String url, String contextPath) {
        if (!url.startsWith(contextPath)) return false;
        for (String prefix : PREFIXES) {
            if (url.startsWith(prefix, contextPath.length())) return true;
        }
        return false;
    }

    private static final class Links extends HttpServletResponseWrapper {

        private final HttpServletRequest request;

        Links(HttpServletRequest request, HttpServletResponse response) {
            super(response);
            this.request = request;
        }

        @Override
        public String encodeURL(String url) {
            String contextPath = request.getContextPath();
            if (url != null && isStatic(url, contextPath)
                    && request.getAttribute(ResourceUrlProvider.class.getName()) instanceof ResourceUrlProvider provider) {
                int end = endOfPath(url);
                String resolved = provider.getForLookupPath(url.substring(contextPath.length(), end));
                if (resolved != null) url = contextPath + resolved + url.substring(end);
            }
            return super.encodeURL(url);
        }

        private static int endOfPath(String url) {
            int query = url.indexOf('?'), fragment = url.indexOf('#');
            int end = url.length();
            if (query >= 0) end = query;
            if (fragment >= 0 && fragment < end) end = fragment;
            return end;
        }
    }
}
