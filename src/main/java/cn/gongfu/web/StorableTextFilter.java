package cn.gongfu.web;

import cn.gongfu.kernel.BundleText;
import cn.gongfu.kernel.StorableText;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, with a 400 naming the parameter, a request whose query or form parameters hold text that cannot be
 * stored ({@link StorableText}): one check for every filter of every list and every form, API and pages alike.
 * It runs just after the security filters (so a refusal carries the security headers, and a stranger is sent to
 * sign in first) and before any controller, so no such parameter reaches a query.
 */
@Component
@Order(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 1)
class StorableTextFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            String problem = StorableText.problem(parameter.getKey());
            for (String value : parameter.getValue()) {
                if (problem == null) problem = StorableText.problem(value);
            }
            if (problem != null) {
                refuse(request, response, safeName(parameter.getKey()), problem);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, String field, String problem) throws IOException {
        String detail = field + ": " + problem;
        response.setHeader("X-Content-Type-Options", "nosniff");
        if (request.getRequestURI().startsWith("/api/")) {
            FilterProblems.write(response, HttpServletResponse.SC_BAD_REQUEST, "bad-parameter", BundleText.englishFirst("problem.bad-parameter"), detail, field);
        } else {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            response.setCharacterEncoding("UTF-8");
            response.setContentType("text/plain");
            response.getWriter().write(BundleText.both("problem.bad-parameter") + " — " + detail);
        }
    }

    /** The parameter's name as it can be shown back: what cannot be stored cannot be echoed either, and 40 characters do. */
    private static String safeName(String name) {
        if (StorableText.problem(name) != null) return "(parameter name)";
        return PageErrors.shorten(name);
    }
}
