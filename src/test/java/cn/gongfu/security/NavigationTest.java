package cn.gongfu.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.anonymous;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import cn.gongfu.kernel.Role;
import cn.gongfu.support.H2Test;
import cn.gongfu.users.UserService;
import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The header shows each role only what it may use ({@link Navigation}), every link it shows opens for that role, the
 * footer's 接口文档 is for the office and the administrator (everyone finds it on the token page), and a first visitor
 * meets a sign-in page that names the system and the district, links the public information, and a favicon.
 */
@H2Test
class NavigationTest {

    @Autowired MockMvc mvc;
    @Autowired UserService users;

    /** The demo's users, one per role. */
    static final Map<Role, String> DEMO_USER = Map.of(Role.REPORTER, "reporter", Role.UNIT_HEAD, "head", Role.LEADER, "leader",
            Role.OFFICE, "office", Role.ADMIN, "admin");

    static final Set<String> READ = Set.of("nav-workbench", "nav-dashboard", "nav-plans", "nav-units", "nav-indicators", "nav-bulletins",
            "nav-projects", "nav-assessment", "nav-cases");

    /** What each demo user's header holds, written out by hand: the enum is what is under test. */
    static final Map<String, Set<String>> SEES = Map.of(
            "reporter", union(READ, "nav-reports", "nav-items"),
            "head", union(READ, "nav-reports", "nav-items"),
            "leader", union(READ, "nav-supervision"),
            "office", union(READ, "nav-reports", "nav-supervision", "nav-imports", "nav-users", "nav-api"),
            "admin", union(READ, "nav-reports", "nav-supervision", "nav-imports", "nav-users", "nav-api"));

    @Test
    void eachRoleSeesTheLinksItMayUseAndNoOther() throws Exception {
        for (var e : SEES.entrySet()) {
            Document page = page("/plans", as(e.getKey()));
            Set<String> links = page.select("#site-nav > a[id^=nav-], #nav-api").stream().map(Element::id).collect(Collectors.toSet());
            assertThat(links).as(e.getKey() + "'s links").containsExactlyInAnyOrderElementsOf(e.getValue());
        }
        // in the reporter's words: no 用户管理, 导入 or 接口文档 anywhere on the page
        Document reporter = page("/plans", as("reporter"));
        assertThat(reporter.select("header, footer").text()).doesNotContain("用户管理", "导入", "接口文档", "督办台").contains("填报", "督办事项");
        assertThat(page("/plans", as("leader")).select("header").text()).doesNotContain("填报", "导入", "用户管理").contains("督办台");
    }

    @Test
    void everyLinkAHeaderShowsOpensForTheRoleItIsShownTo() throws Exception {
        for (Navigation link : Navigation.values()) {
            for (Role role : link.roles()) {
                MockHttpServletResponse answer = mvc.perform(get(link.link().path()).with(as(DEMO_USER.get(role)))).andReturn().getResponse();
                assertThat(answer.getStatus()).as(link + " for " + role).isEqualTo(200);
            }
        }
        for (String who : DEMO_USER.values()) {
            if (Navigation.readsApiDocs(users.loadUserByUsername(who))) {
                assertThat(mvc.perform(get("/swagger-ui.html").with(as(who))).andReturn().getResponse().getStatus()).isIn(200, 302);
            }
        }
    }

    @Test
    void theActivePageIsMarkedForAssistiveTechnologyToo() throws Exception {
        Element active = page("/plans", as("reporter")).selectFirst("#site-nav a.active");
        assertThat(active).isNotNull();
        assertThat(active.id()).isEqualTo("nav-plans");
        assertThat(active.attr("aria-current")).isEqualTo("page");
        Element toggle = page("/plans", as("reporter")).getElementById("nav-toggle");
        assertThat(toggle.tagName()).isEqualTo("button");
        assertThat(toggle.attr("aria-expanded")).isEqualTo("false");
        assertThat(toggle.attr("aria-controls")).isEqualTo("site-nav");
    }

    @Test
    void everyoneFindsTheApiDocumentationOnTheTokenPage() throws Exception {
        for (String who : DEMO_USER.values()) {
            assertThat(page("/tokens", as(who)).getElementById("tokens-api-docs")).as(who).isNotNull();
        }
    }

    @Test
    void theSignInPageNamesTheSystemAndTheDistrictAndLinksThePublicInformation() throws Exception {
        Document login = page("/login", anonymous());
        assertThat(login.getElementById("login-system").text()).isEqualTo("共同富裕任务清单与评价系统");
        assertThat(login.getElementById("login-district").text()).isEqualTo("浙江省 宁波市 青溪区");
        assertThat(login.getElementById("public-link").attr("href")).isEqualTo("/public");
        assertThat(login.getElementById("login-public").text()).isEqualTo("无需登录即可查看公开信息：已发布方案的评价与排名");
        assertThat(login.select("#site-nav a").isEmpty()).isTrue();
    }

    @Test
    void theFaviconIsAnSvgServedToAnyoneAndLinkedFromEveryPage() throws Exception {
        MockHttpServletResponse icon = mvc.perform(get("/favicon.svg").with(anonymous())).andReturn().getResponse();
        assertThat(icon.getStatus()).isEqualTo(200);
        assertThat(icon.getContentType()).startsWith("image/svg+xml");
        assertThat(icon.getContentAsString(StandardCharsets.UTF_8)).startsWith("<svg").contains("viewBox=\"0 0 32 32\"");
        for (Document page : new Document[] {page("/login", anonymous()), page("/public", anonymous()), page("/plans", as("reporter"))}) {
            Element link = page.selectFirst("head link[rel=icon]");
            assertThat(link).isNotNull();
            assertThat(link.attr("type")).isEqualTo("image/svg+xml");
            assertThat(link.attr("href")).isEqualTo("/favicon.svg");
        }
    }

    private Document page(String path, RequestPostProcessor who) throws Exception {
        MockHttpServletResponse answer = mvc.perform(get(path).with(who).cookie(new Cookie("gongfu-lang", "zh-CN"))).andReturn().getResponse();
        assertThat(answer.getStatus()).as(path).isEqualTo(200);
        return Jsoup.parse(answer.getContentAsString(StandardCharsets.UTF_8));
    }

    private RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username).withoutPassword());
    }

    private static Set<String> union(Set<String> base, String... more) {
        return java.util.stream.Stream.concat(base.stream(), java.util.Arrays.stream(more)).collect(Collectors.toSet());
    }
}
