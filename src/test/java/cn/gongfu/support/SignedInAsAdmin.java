package cn.gongfu.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import cn.gongfu.kernel.GongfuUser;
import cn.gongfu.users.UserService;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * MockMvc requests run as the administrator the first start creates (with a CSRF token), unless a test
 * says otherwise with its own {@code .with(user(...))} or {@code .with(anonymous())}. Security tests do.
 */
@TestConfiguration(proxyBeanMethods = false)
public class SignedInAsAdmin {

    @Bean
    MockMvcBuilderCustomizer signedInAsAdmin(UserService users) {
        // resolved per request: the administrator exists only once the application has started
        return builder -> builder.defaultRequest(get("/")
                .with(request -> user(users.loadUserByUsername("admin").withoutPassword()).postProcessRequest(request))
                .with(csrf()));
    }

    /** Runs service calls outside MockMvc as the given user. */
    public static void signIn(GongfuUser user) {
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    }

    public static void signOut() {
        SecurityContextHolder.clearContext();
    }
}
