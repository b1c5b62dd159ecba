package cn.gongfu.security;

import static cn.gongfu.kernel.BundleText.englishFirst;

import cn.gongfu.kernel.PersonOnly;
import cn.gongfu.kernel.Scope;
import cn.gongfu.web.FilterProblems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.savedrequest.CookieRequestCache;
import org.springframework.security.web.session.HttpSessionEventPublisher;
import org.springframework.security.web.session.SessionManagementFilter;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Who may reach which URL. The URL rules are the first fence; the services check roles and data scope
 * again (see {@link Scope}), so a route that slips through here still shows nothing it should not.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

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
                                    SessionRegistry sessionRegistry, SignedInSessions signedInSessions, ContainerSessions containerSessions,
                                    CsrfTokenRepository csrfTokens,
                                    @Value("${server.servlet.session.cookie.secure:true}") boolean secureCookies) throws Exception {
        PageRefusals pageRefusals = new PageRefusals();
        CookieRequestCache requestCache = requestCache(secureCookies);
        SavedRequestAwareAuthenticationSuccessHandler signedIn = new SavedRequestAwareAuthenticationSuccessHandler();
        signedIn.setDefaultTargetUrl("/");
        signedIn.setRequestCache(requestCache);
        signedIn.setRedirectStrategy(RelativeRedirects.INSTANCE);
        http
            .authorizeHttpRequests(auth -> auth
                .requestMatchers("/login", "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/favicon.svg", "/error",
                        "/actuator/health", "/actuator/health/**", "/public").permitAll()
                // the public portal reads only; what it shows of a plan is the office's choice (plan.PublicSection)
                .requestMatchers(HttpMethod.GET, "/public/**").permitAll()
                .requestMatchers("/admin/users", "/admin/users/**", "/api/v1/users", "/api/v1/users/**").hasAnyRole("ADMIN", "OFFICE")
                .requestMatchers("/admin/**", "/api/v1/audit/**").hasRole("ADMIN")
                .requestMatchers("/imports/**", "/api/v1/imports/**", "/imports.xlsx").hasAnyRole("OFFICE", "ADMIN")
                // every list's Excel export (issue 14) goes to whoever may read the list: these are everyone's lists (the
                // services keep to the caller's scope); the import history's is the office's above, the delivery log's
                // under /notify/** below
                .requestMatchers(HttpMethod.GET, "/reports.xlsx", "/indicators.xlsx", "/units.xlsx", "/bulletins.xlsx",
                        "/supervision/items.xlsx").authenticated()
                // published plans, tasks, targets and indicators edited; units merged (issue 13)
                .requestMatchers("/plans/*/edit", "/tasks/*/edit", "/tasks/*/targets/*", "/indicators/*/edit", "/indicators/*/targets/*",
                        "/units/merge", "/api/v1/units/merge").hasAnyRole("OFFICE", "ADMIN")
                .requestMatchers(HttpMethod.POST, "/plans/*/tasks", "/tasks/*/delete", "/tasks/*/milestones", "/tasks/*/milestones/*",
                        "/tasks/*/milestones/*/delete").hasAnyRole("OFFICE", "ADMIN")
                .requestMatchers(HttpMethod.PUT, "/api/v1/plans/*/calendar").hasAnyRole("OFFICE", "ADMIN")
                .requestMatchers(HttpMethod.POST, "/api/v1/observations/import").hasAnyRole("OFFICE", "ADMIN")
                .requestMatchers(HttpMethod.POST, "/api/v1/surveys", "/surveys").hasAnyRole("OFFICE", "ADMIN")
                .requestMatchers(HttpMethod.GET, "/api/v1/submissions").hasAnyRole("OFFICE", "ADMIN")
                .requestMatchers(HttpMethod.POST, "/api/v1/submissions/accept", "/reports/accept").hasAnyRole("OFFICE", "ADMIN")
                .requestMatchers("/reports/queue", "/reports/queue.xlsx", "/reports/calendar", "/reports/calendar/**").hasAnyRole("OFFICE", "ADMIN")
                .requestMatchers(HttpMethod.POST, "/reports/*/reopen-late", "/plans/*/public").hasAnyRole("OFFICE", "ADMIN")
                .requestMatchers(HttpMethod.POST, "/reports/*/tasks", "/reports/*/workbook").hasAnyRole("REPORTER", "UNIT_HEAD", "ADMIN")
                // bulletins: the office generates, edits and issues; everyone signed in reads (the service says what)
                .requestMatchers(HttpMethod.POST, "/bulletins", "/bulletins/*/narrative", "/bulletins/*/regenerate",
                        "/bulletins/*/issue", "/api/v1/bulletins", "/api/v1/bulletins/*/regenerate", "/api/v1/bulletins/*/issue")
                    .hasAnyRole("OFFICE", "ADMIN")
                .requestMatchers(HttpMethod.PUT, "/api/v1/bulletins/*/narrative").hasAnyRole("OFFICE", "ADMIN")
                // cases (典型案例): the office selects, returns and publishes; the units write; everyone signed in reads
                // (the service keeps to the caller's scope: a unit its own cases and the published ones)
                .requestMatchers("/cases/queue").hasAnyRole("OFFICE", "LEADER", "ADMIN")
                .requestMatchers(HttpMethod.POST, "/cases/*/select", "/cases/*/return", "/cases/*/publish", "/cases/*/unpublish")
                    .hasAnyRole("OFFICE", "ADMIN")
                .requestMatchers(HttpMethod.GET, "/cases/new", "/cases/*/edit").hasAnyRole("REPORTER", "UNIT_HEAD", "ADMIN")
                .requestMatchers(HttpMethod.POST, "/cases", "/cases/*", "/cases/*/submit", "/cases/*/files", "/cases/*/files/*/delete")
                    .hasAnyRole("REPORTER", "UNIT_HEAD", "ADMIN")
                .requestMatchers(HttpMethod.GET, "/cases.xlsx").authenticated()
                // the issue register, instructions and orders: everyone signed in; the service says who sees and does what
                // (units their own items, offices and leaders their regions; the office registers, a leader instructs)
                .requestMatchers("/supervision/items", "/supervision/items/**", "/api/v1/supervision/items",
                        "/api/v1/supervision/items/**").authenticated()
                // 督办台 and supervision's API: the office, leaders and administrators read; the office acts
                // notify's channels: the delivery log and the robots are the office's; everyone's own inbox is theirs
                .requestMatchers("/notify/**", "/api/v1/notify/deliveries/**", "/api/v1/notify/robots/**").hasAnyRole("OFFICE", "ADMIN")
                .requestMatchers(HttpMethod.GET, "/supervision", "/supervision/**", "/api/v1/supervision/**")
                    .hasAnyRole("OFFICE", "LEADER", "ADMIN")
                .requestMatchers("/supervision/**", "/api/v1/supervision/**").hasAnyRole("OFFICE", "ADMIN")
                // 分级晾晒 (issue 16): the office, leaders and administrators compare the regions below theirs; the office
                // sets the roll-up rules and rolls its region up
                .requestMatchers(HttpMethod.POST, "/levels/**").hasAnyRole("OFFICE", "ADMIN")
                .requestMatchers("/levels", "/levels/**").hasAnyRole("OFFICE", "LEADER", "ADMIN")
                // 考核 (issue 16): everyone signed in reads (the service keeps a unit to its own rows) and units or the office
                // propose bonuses (the service says which); units appeal; the office sets the rules, decides and publishes
                .requestMatchers(HttpMethod.POST, "/assessment/rules", "/assessment/items/*/decide", "/assessment/appeals/*/decide",
                        "/assessment/publish").hasAnyRole("OFFICE", "ADMIN")
                .requestMatchers(HttpMethod.POST, "/assessment/appeals").hasAnyRole("REPORTER", "UNIT_HEAD", "ADMIN")
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
                // projects (项目化, issue 16): the office keeps the list and accepts the monthly reports; the responsible
                // unit reports; everyone signed in reads (the service keeps to the caller's scope)
                .requestMatchers("/projects/new", "/projects/*/edit", "/projects/import", "/projects/import.xlsx")
                    .hasAnyRole("OFFICE", "ADMIN")
                .requestMatchers(HttpMethod.POST, "/projects", "/projects/*/reports/*/accept", "/projects/*/reports/*/reopen")
                    .hasAnyRole("OFFICE", "ADMIN")
                .requestMatchers(HttpMethod.POST, "/projects/*/reports", "/projects/workbook").hasAnyRole("REPORTER", "UNIT_HEAD", "ADMIN")
                .anyRequest().authenticated())
            .formLogin(form -> form
                .loginPage("/login")
                .successHandler(signedIn)
                // one answer for a wrong password, an unknown name, a locked or a disabled account: the page must not
                // tell a stranger which usernames exist or which are locked (LoginEvents audits the real reason)
                .failureHandler((request, response, e) -> RelativeRedirects.INSTANCE.sendRedirect(request, response, "/login?error")))
            .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
            // every sign-in is registered, so that SignedInSessions can end a changed account's sessions, and SessionCap
            // keeps at most five per user
            .sessionManagement(session -> session
                .addSessionAuthenticationStrategy(new SessionCap(signedInSessions, containerSessions))
                .sessionConcurrency(c -> c.maximumSessions(-1).sessionRegistry(sessionRegistry).expiredUrl("/login?expired")))
            // where to return after sign-in is kept in a cookie: an anonymous visitor holds no session until signing in
            .requestCache(cache -> cache.requestCache(requestCache))
            // the CSRF token lives in a cookie for the same reason; token requests carry no session cookie, so there is
            // nothing for a forged request to ride on
            .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens).ignoringRequestMatchers(ApiTokenFilter::hasBearer))
            // set as the handlers (not only as defaults per request kind), so that the CSRF filter uses them too
            .exceptionHandling(e -> e
                .authenticationEntryPoint((request, response, ex) -> {
                    if (API.matches(request)) FilterProblems.write(response, 401, "unauthenticated", englishFirst("problem.unauthenticated"),
                            "sign in or send an API token");
                    else pageRefusals.commence(request, response, ex);
                })
                .accessDeniedHandler((request, response, ex) -> {
                    if (API.matches(request)) FilterProblems.write(response, 403, "forbidden", englishFirst("problem.forbidden"),
                            ex instanceof PersonOnly.RefusedToToken ? ex.getMessage() : "your roles do not allow this");
                    else pageRefusals.handle(request, response, ex);
                }))
            .headers(headers -> headers
                .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                .frameOptions(f -> f.deny()))
            // after the session management filter, which would otherwise take a token's caller for a fresh sign-in and
            // give every token request its own 8-hour session (1,000 calls made 1,000 sessions)
            .addFilterAfter(new ApiTokenFilter(tokens), SessionManagementFilter.class)
            .addFilterBefore(throttleFilter(throttle), UsernamePasswordAuthenticationFilter.class);
        return http.build();
    }

    /**
     * The CSRF token in an HttpOnly cookie (pages read it from their meta tag, never from the cookie), bound to the
     * host by the {@code __Host-} prefix when cookies are Secure, so that no sibling domain can plant one.
     */
    @Bean
    CsrfTokenRepository csrfTokens(@Value("${server.servlet.session.cookie.secure:true}") boolean secure) {
        CookieCsrfTokenRepository repository = new CookieCsrfTokenRepository();
        repository.setCookieName(secure ? "__Host-XSRF-TOKEN" : "XSRF-TOKEN");
        repository.setCookiePath("/");
        repository.setCookieCustomizer(cookie -> cookie.secure(secure).sameSite("Lax"));
        return repository;
    }

    /**
     * Remembers the page a visitor wanted before sign-in (its path, in a cookie); pages only (the API answers 401),
     * and not htmx fragments. Arriving there again forgets it, but the request stays as sent: Spring Security would
     * otherwise stand in the remembered request's headers (none) for the real ones, hiding e.g. htmx's.
     */
    private static CookieRequestCache requestCache(boolean secure) {
        CookieRequestCache cache = new CookieRequestCache() {
            @Override
            public HttpServletRequest getMatchingRequest(HttpServletRequest request, HttpServletResponse response) {
                return super.getMatchingRequest(request, response) == null ? null : request;
            }
        };
        cache.setRequestMatcher(request -> HttpMethod.GET.matches(request.getMethod()) && !API.matches(request)
                && request.getHeader("HX-Request") == null);
        cache.setCookieCustomizer(cookie -> cookie.setSecure(secure));
        return cache;
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
                    RelativeRedirects.INSTANCE.sendRedirect(request, response, "/login?throttled");
                    return;
                }
                chain.doFilter(request, response);
            }
        };
    }
}
