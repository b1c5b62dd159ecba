package cn.gongfu.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.security.web.RedirectStrategy;

/**
 * Redirects within the application as a path, never as an absolute URL built from the request's {@code Host}
 * header (which anyone can set). A saved request (where to go after sign-in) is stored as a full URL; only its
 * path and query are used. Tomcat keeps the path relative ({@code server.tomcat.use-relative-redirects}).
 */
final class RelativeRedirects implements RedirectStrategy {

    static final RelativeRedirects INSTANCE = new RelativeRedirects();

    private RelativeRedirects() {}

    @Override
    public void sendRedirect(HttpServletRequest request, HttpServletResponse response, String url) throws IOException {
        response.sendRedirect(response.encodeRedirectURL(path(request.getContextPath(), url)));
    }

    static String path(String contextPath, String url) {
        URI uri = URI.create(url);
        if (!uri.isAbsolute() && uri.getRawAuthority() == null) return contextPath + url;
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? contextPath + "/" : uri.getRawPath();
        return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    }
}
