package cn.gongfu.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import cn.gongfu.support.H2Test;
import cn.gongfu.users.UserService;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The pages respect the role's scope (issue 14): every link a role is shown leads somewhere it may go. Signed in as
 * each demo role, the test follows the links of every page it reaches from its workbench (GET only, a few pages of
 * each kind) and fails on a link that answers 403, 404 or 5xx: a reporter is never shown another unit's task, a
 * Gantt bar into a 404, or a link the navigation should not have offered.
 */
@H2Test
class NoDeadLinksForAnyRoleTest {

    /** Pages whose GET changes what a later test counts (messages marked read) or that are not pages of the app. */
    private static final List<String> NOT_FOLLOWED = List.of("/logout", "/notifications", "/swagger-ui", "/v3/api-docs",
            "/css/", "/js/", "/webjars/", "/favicon");

    private static final int PAGES_PER_KIND = 3;
    private static final int MAX_PAGES = 400;

    @Autowired
    MockMvc mvc;

    @Autowired
    UserService users;

    @ParameterizedTest
    @ValueSource(strings = {"reporter", "head", "leader", "office"})
    void everyLinkShownLeadsSomewhereTheRoleMayGo(String role) throws Exception {
        var me = user(users.loadUserByUsername(role).withoutPassword());
        Deque<String[]> queue = new ArrayDeque<>();
        queue.add(new String[] {"(start)", "/"});
        Set<String> seen = new HashSet<>(Set.of("/"));
        Map<String, Integer> perKind = new HashMap<>();
        List<String> dead = new ArrayList<>();
        int visited = 0;
        while (!queue.isEmpty() && visited < MAX_PAGES) {
            String[] link = queue.poll();
            MockHttpServletResponse response = mvc.perform(get(URI.create(link[1])).with(me)).andReturn().getResponse();
            visited++;
            int status = response.getStatus();
            if (status == 302 && response.getRedirectedUrl() != null && response.getRedirectedUrl().contains("/login")) {
                dead.add(link[0] + " -> " + link[1] + ": sent to sign in");
            } else if (status / 100 == 3 && response.getRedirectedUrl() != null) {
                String to = URI.create("http://localhost" + link[1]).resolve(response.getRedirectedUrl()).toString()
                        .substring("http://localhost".length());
                if (seen.add(to)) queue.add(new String[] {link[1], to});
            } else if (status == 403 || status == 404 || status >= 500) {
                dead.add(link[0] + " -> " + link[1] + ": " + status);
            }
            String type = response.getContentType();
            if (status != 200 || type == null || !type.startsWith("text/html")) continue;
            for (String href : Jsoup.parse(response.getContentAsString(StandardCharsets.UTF_8), "http://localhost" + link[1])
                    .select("a[href]").eachAttr("abs:href")) {
                if (!href.startsWith("http://localhost/")) continue;
                String path = href.substring("http://localhost".length()).replaceAll("#.*$", "");
                if (path.contains("lang=") || NOT_FOLLOWED.stream().anyMatch(path::startsWith) || !seen.add(path)) continue;
                if (perKind.merge(kind(path), 1, Integer::sum) > PAGES_PER_KIND) continue;
                queue.add(new String[] {link[1], path});
            }
        }
        assertThat(visited).as(role + " reached pages").isGreaterThan(10);
        assertThat(dead).as(role + ": links shown that lead nowhere the role may go").isEmpty();
    }

    /** Pages of one kind: the same path with numbers as placeholders and the same query parameter names. */
    private static String kind(String path) {
        String[] parts = path.split("\\?", 2);
        String names = parts.length == 1 ? "" : String.join("&", java.util.Arrays.stream(parts[1].split("&"))
                .map(p -> p.split("=", 2)[0]).sorted().toList());
        return parts[0].replaceAll("\\d+", "{n}") + "?" + names;
    }
}
