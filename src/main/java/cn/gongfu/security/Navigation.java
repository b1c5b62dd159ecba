package cn.gongfu.security;

import static cn.gongfu.kernel.Role.ADMIN;
import static cn.gongfu.kernel.Role.LEADER;
import static cn.gongfu.kernel.Role.OFFICE;
import static cn.gongfu.kernel.Role.REPORTER;
import static cn.gongfu.kernel.Role.UNIT_HEAD;

import cn.gongfu.kernel.GongfuUser;
import cn.gongfu.kernel.Role;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The header's links and who sees each: a role sees only what it may use. Every link's roles are a subset of those
 * {@link SecurityConfig} lets through (NavigationTest opens each link as each role it is shown to), and narrower where a
 * role may open a page but has no use for it: a leader reads reports on the dashboards and the board, and does not
 * report, so 填报 is not his; units answer their supervision items (督办事项), the oversight roles reach them from 督办台.
 * The order is the header's.
 */
enum Navigation {
    WORKBENCH("nav-workbench", "/workbench", "nav.workbench", "workbench", Role.values()),
    DASHBOARD("nav-dashboard", "/dashboard", "nav.dashboard", "dashboard", Role.values()),
    PLANS("nav-plans", "/plans", "nav.plans", "plans", Role.values()),
    UNITS("nav-units", "/units", "nav.units", "units", Role.values()),
    INDICATORS("nav-indicators", "/indicators", "nav.indicators", "indicators", Role.values()),
    REPORTS("nav-reports", "/reports", "nav.reports", "reports", REPORTER, UNIT_HEAD, OFFICE, ADMIN),
    PROJECTS("nav-projects", "/projects", "nav.projects", "projects", Role.values()),
    SUPERVISION("nav-supervision", "/supervision", "nav.supervision", "supervision", OFFICE, LEADER, ADMIN),
    ITEMS("nav-items", "/supervision/items", "nav.items", "supervision", REPORTER, UNIT_HEAD),
    IMPORTS("nav-imports", "/imports", "nav.imports", "imports", OFFICE, ADMIN),
    USERS("nav-users", "/admin/users", "nav.admin", "admin", OFFICE, ADMIN),
    BULLETINS("nav-bulletins", "/bulletins", "nav.bulletins", "bulletins", Role.values()),
    ASSESSMENT("nav-assessment", "/assessment", "nav.assessment", "assessment", Role.values()),
    CASES("nav-cases", "/cases", "nav.cases", "cases", Role.values());

    /**
     * Who reads the API documentation from the footer: those who connect other systems. The office runs the machine
     * feeds (statistics bureaus' values) and the chat robots, the administrator everything; a unit whose own system
     * reports through a token finds the link on the token page (令牌), where every integration starts. The documentation
     * itself stays open to everyone signed in: it describes what each token may call, nothing of anyone's data.
     */
    static final Set<Role> API_DOCS = EnumSet.of(OFFICE, ADMIN);

    /** One link as the header shows it: element id, path, message key, and the page code that marks it active. */
    record Link(String id, String path, String key, String active) {}

    private final Link link;
    private final Set<Role> roles;

    Navigation(String id, String path, String key, String active, Role... roles) {
        this.link = new Link(id, path, key, active);
        this.roles = EnumSet.copyOf(Arrays.asList(roles));
    }

    Link link() {
        return link;
    }

    Set<Role> roles() {
        return roles;
    }

    boolean shownTo(GongfuUser user) {
        return user.roles().stream().anyMatch(roles::contains);
    }

    /** The links a user sees, in the header's order; none without a user. */
    static List<Link> linksFor(GongfuUser user) {
        if (user == null) return List.of();
        return Arrays.stream(values()).filter(n -> n.shownTo(user)).map(Navigation::link).toList();
    }

    static boolean readsApiDocs(GongfuUser user) {
        return user != null && user.roles().stream().anyMatch(API_DOCS::contains);
    }
}
