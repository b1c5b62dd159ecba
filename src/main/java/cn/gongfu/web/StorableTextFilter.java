package cn.gongfu.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, with a 400 naming the parameter, a request whose query or form parameters hold text that cannot be
 * stored ({@link StorableText}): one check for every filter of every list and every form, API and pages alike.
 * It runs before the security filters, so a refusal costs nothing and no parameter reaches a query.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class StorableTextFilter extends OncePerRequestFilter {

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
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        response.setCharacterEncoding("UTF-8");
        if (request.getRequestURI().startsWith("/api/")) {
            response.setContentType("application/problem+json");
            response.getWriter().write("{\"type\":\"https://gongfu.example/problems/bad-parameter\",\"title\":\"Bad parameter 参数错误\","
                    + "\"status\":400,\"detail\":\"" + json(detail) + "\",\"field\":\"" + json(field) + "\"}");
        } else {
            response.setContentType("text/plain");
            response.getWriter().write("参数错误 Bad parameter — " + detail);
        }
    }

    /** The parameter's name as it can be shown back: what cannot be stored cannot be echoed either. */
    private static String safeName(String name) {
        return StorableText.problem(name) == null ? name : "(parameter name)";
    }

    private static String json(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
