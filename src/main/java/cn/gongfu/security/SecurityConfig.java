package cn.gongfu.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.web.session.HttpSessionEventPublisher;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Who may reach which URL. The URL rules are the first fence; the services check roles and data scope
 * again (see {@link Scope}), so a route that slips through here still shows nothing it should not.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfig {

    /** Only the app's own scripts; inline styles are allowed because ECharts and Swagger UI set them. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    static final RequestMatcher API = request -> request.getRequestURI().startsWith(request.getContextPath() + "/api/");

    @Bean
    SessionRegistry sessionRegistry() {
        return new SessionRegistryImpl();
    }

    /** Tells the session registry when the servlet container ends a session, so it keeps no dead ones. */
    @Bean
    HttpSessionEventPublisher httpSessionEventPublisher() {
        return new HttpSessionEventPublisher();
    }

    @Bean
    SecurityFilterChain filterChain(HttpSecurity http, TokenService tokens, LoginThrottle throttle,
                                    SessionRegistry sessionRegistry) throws Exception {
        http
            .authorizeHttpRequests(auth -> auth
                .requestMatchers("/login", "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/error",
                        "/actuator/health", "/actuator/health/**", "/public").permitAll()
                .requestMatchers("/admin/users", "/admin/users/**", "/api/v1/users", "/api/v1/users/**").hasAnyRole("ADMIN", "OFFICE")
                .requestMatchers("/admin/**", "/api/v1/audit/**").hasRole("ADMIN")
                .requestMatchers("/imports/**", "/api/v1/imports/**").hasAnyRole("OFFICE", "ADMIN")
                .requestMatchers(HttpMethod.PUT, "/api/v1/plans/*/calendar").hasAnyRole("OFFICE", "ADMIN")
                .requestMatchers(HttpMethod.POST, "/api/v1/observations/import").hasAnyRole("OFFICE", "ADMIN")
                .requestMatchers(HttpMethod.POST, "/api/v1/surveys", "/surveys").hasAnyRole("OFFICE", "ADMIN")
                .requestMatchers(HttpMethod.GET, "/api/v1/submissions").hasAnyRole("OFFICE", "ADMIN")
                .requestMatchers(HttpMethod.POST, "/api/v1/submissions/accept", "/reports/accept").hasAnyRole("OFFICE", "ADMIN")
                .requestMatchers("/reports/queue").hasAnyRole("OFFICE", "ADMIN")
                .requestMatchers(HttpMethod.POST, "/dashboard/units/publish", "/api/v1/evaluation/plans/*/rankings")
                    .hasAnyRole("OFFICE", "ADMIN")
                .requestMatchers(HttpMethod.POST, "/api/v1/submissions", "/reports/open").hasAnyRole("REPORTER", "UNIT_HEAD", "ADMIN")
                .requestMatchers(HttpMethod.PUT, "/api/v1/submissions/*/tasks/*", "/api/v1/submissions/*/values/*")
                    .hasAnyRole("REPORTER", "UNIT_HEAD", "ADMIN")
                .requestMatchers(HttpMethod.PUT, "/api/v1/submissions/*/tasks/*/milestones/*").hasAnyRole("REPORTER", "UNIT_HEAD", "ADMIN")
                .requestMatchers(HttpMethod.POST, "/api/v1/submissions/*/evidence", "/reports/*/evidence",
                        "/reports/*/tasks/*/milestones/*").hasAnyRole("REPORTER", "UNIT_HEAD", "ADMIN")
                .requestMatchers(HttpMethod.POST, "/reports/*/tasks/*", "/reports/*/values/*")
                    .hasAnyRole("REPORTER", "UNIT_HEAD", "ADMIN")
                .requestMatchers(HttpMethod.POST, "/api/v1/submissions/*/workbook").hasAnyRole("REPORTER", "UNIT_HEAD", "ADMIN")
                .anyRequest().authenticated())
            .formLogin(form -> form
                .loginPage("/login")
                .defaultSuccessUrl("/", false)
                .failureHandler((request, response, e) -> response.sendRedirect(request.getContextPath() + "/login?"
                        + (e instanceof LockedException ? "locked" : e instanceof DisabledException ? "disabled" : "error"))))
            .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
            // every sign-in is registered, so that SignedInSessions can end a changed account's sessions
            .sessionManagement(session -> session.maximumSessions(-1).sessionRegistry(sessionRegistry)
                .expiredUrl("/login?expired"))
            // token requests carry no session cookie, so there is nothing for a forged request to ride on
            .csrf(csrf -> csrf.ignoringRequestMatchers(ApiTokenFilter::hasBearer))
            .exceptionHandling(e -> e
                .defaultAuthenticationEntryPointFor((request, response, ex) -> Problems.write(response, 401,
                        "unauthenticated", "Sign-in required 需要登录", "sign in or send an API token"), API)
                .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"), request -> true)
                .defaultAccessDeniedHandlerFor((request, response, ex) -> Problems.write(response, 403,
                        "forbidden", "Forbidden 无权操作", "your roles do not allow this"), API)
                .defaultAccessDeniedHandlerFor(accessDeniedPage(), request -> true))
            .headers(headers -> headers
                .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                .frameOptions(f -> f.deny()))
            .addFilterBefore(new ApiTokenFilter(tokens), UsernamePasswordAuthenticationFilter.class)
            .addFilterBefore(throttleFilter(throttle), UsernamePasswordAuthenticationFilter.class);
        return http.build();
    }

    private static AccessDeniedHandlerImpl accessDeniedPage() {
        AccessDeniedHandlerImpl handler = new AccessDeniedHandlerImpl();
        handler.setErrorPage("/error");
        return handler;
    }

    /** Refuses sign-in attempts from an address that failed too often lately, before any password is checked. */
    private static OncePerRequestFilter throttleFilter(LoginThrottle throttle) {
        return new OncePerRequestFilter() {
            @Override
            protected boolean shouldNotFilter(HttpServletRequest request) {
                return !(HttpMethod.POST.matches(request.getMethod())
                        && request.getRequestURI().equals(request.getContextPath() + "/login"));
            }

            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                if (throttle.blocked(request.getRemoteAddr())) {
                    response.sendRedirect(request.getContextPath() + "/login?throttled");
                    return;
                }
                chain.doFilter(request, response);
            }
        };
    }
}
