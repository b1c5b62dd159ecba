package cn.gongfu.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;

/**
 * How pages turn a visitor away (the API answers problem details instead). A signed-in user without the right
 * role, or whose form carries no valid CSRF token, gets the 403 error page in their language. A visitor who is
 * not (or no longer) signed in goes to sign-in: with "your session expired" when a session ended under them or
 * they were sending a form, since what they were doing needs them signed in again.
 */
final class PageRefusals implements AuthenticationEntryPoint, AccessDeniedHandler {

    static final String SIGN_IN = "/login";
    static final String SESSION_EXPIRED = "/login?timeout";

    private static final AuthenticationTrustResolver TRUST = new AuthenticationTrustResolverImpl();

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e) throws IOException {
        boolean sessionEnded = request.getRequestedSessionId() != null && !request.isRequestedSessionIdValid();
        boolean sendingForm = !HttpMethod.GET.matches(request.getMethod()) && !HttpMethod.HEAD.matches(request.getMethod());
        toSignIn(request, response, sessionEnded || sendingForm ? SESSION_EXPIRED : SIGN_IN);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e) throws IOException {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        // null when the CSRF filter refuses, before anonymous callers are named: a form sent without a session
        if (caller == null || TRUST.isAnonymous(caller)) {
            toSignIn(request, response, SESSION_EXPIRED);
            return;
        }
        // the container's error dispatch renders error.html with status 403 (a forward would lose the status); the
        // request attribute tells the page which message to show
        request.setAttribute("messageKey", e instanceof CsrfException ? "error.csrf" : "error.forbidden");
        response.sendError(403);
    }

    /** htmx swaps responses into part of the page, so it is told to load the sign-in page as a whole. */
    private static void toSignIn(HttpServletRequest request, HttpServletResponse response, String target) throws IOException {
        if (request.getHeader("HX-Request") != null) {
            response.setHeader("HX-Redirect", request.getContextPath() + target);
            response.setStatus(401);
            return;
        }
        RelativeRedirects.INSTANCE.sendRedirect(request, response, target);
    }
}
