package cn.gongfu.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.anonymous;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import cn.gongfu.support.H2Test;
import cn.gongfu.users.UserService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every route of the application, API and pages, against every role: who is let through and who is
 * turned away. The expected access of each route is written down here; a route that is not listed fails
 * the build, so nobody adds an endpoint without deciding who may use it. Which rows each role sees behind
 * an open evaluation read or dashboard is {@link ReadScopeMatrixContract}'s matter.
 */
@H2Test
class AuthorizationMatrixTest {

    /** Who may use a route. */
    enum Access { PUBLIC, SIGNED_IN, UNIT, OFFICE, ADMIN, OVERSIGHT }
    // OVERSIGHT: the office, leaders and administrators (the supervision board and its reads)

    static final Map<String, Access> MATRIX = new TreeMap<>(Map.ofEntries(
            Map.entry("GET /login", Access.PUBLIC),
            Map.entry("GET /error", Access.PUBLIC),
            // reading plans and what hangs off them: everyone signed in, within their scope
            Map.entry("GET /", Access.SIGNED_IN),
            Map.entry("GET /plans", Access.SIGNED_IN),
            Map.entry("GET /workbench", Access.SIGNED_IN),
            Map.entry("GET /plans/{id}/breakdown.{format:xlsx|docx}", Access.SIGNED_IN),
            Map.entry("GET /plans/{id}", Access.SIGNED_IN),
            Map.entry("GET /plans/{planId}/sections/{sectionId}", Access.SIGNED_IN),
            Map.entry("GET /tasks/{id}", Access.SIGNED_IN),
            Map.entry("GET /units", Access.SIGNED_IN),
            Map.entry("GET /units.xlsx", Access.SIGNED_IN),
            Map.entry("GET /units/{id}", Access.SIGNED_IN),
            Map.entry("GET /indicators", Access.SIGNED_IN),
            Map.entry("GET /indicators.xlsx", Access.SIGNED_IN),
            Map.entry("GET /indicators/{id}", Access.SIGNED_IN),
            Map.entry("GET /api/v1/plans", Access.SIGNED_IN),
            Map.entry("GET /api/v1/plans/{id}", Access.SIGNED_IN),
            Map.entry("GET /api/v1/sections", Access.SIGNED_IN),
            Map.entry("GET /api/v1/sections/{id}", Access.SIGNED_IN),
            Map.entry("GET /api/v1/tasks", Access.SIGNED_IN),
            Map.entry("GET /api/v1/tasks/{id}", Access.SIGNED_IN),
            Map.entry("GET /api/v1/units", Access.SIGNED_IN),
            Map.entry("GET /api/v1/units/{id}", Access.SIGNED_IN),
            Map.entry("GET /api/v1/regions", Access.SIGNED_IN),
            Map.entry("GET /api/v1/regions/{code}", Access.SIGNED_IN),
            Map.entry("GET /api/v1/indicators", Access.SIGNED_IN),
            Map.entry("GET /api/v1/indicators/{id}", Access.SIGNED_IN),
            Map.entry("GET /api/v1/targets", Access.SIGNED_IN),
            Map.entry("GET /v3/api-docs", Access.SIGNED_IN),
            Map.entry("GET /v3/api-docs.yaml", Access.SIGNED_IN),
            Map.entry("GET /v3/api-docs/swagger-config", Access.SIGNED_IN),
            Map.entry("GET /swagger-ui.html", Access.SIGNED_IN),
            // everyone's own API tokens
            Map.entry("GET /account", Access.SIGNED_IN),
            Map.entry("POST /account/password", Access.SIGNED_IN),
            Map.entry("GET /tokens", Access.SIGNED_IN),
            Map.entry("POST /tokens", Access.SIGNED_IN),
            Map.entry("POST /tokens/{id}/revoke", Access.SIGNED_IN),
            Map.entry("GET /api/v1/tokens", Access.SIGNED_IN),
            Map.entry("POST /api/v1/tokens", Access.SIGNED_IN),
            Map.entry("DELETE /api/v1/tokens/{id}", Access.SIGNED_IN),
            // reporting: units report, the office reviews; the service checks unit and action in detail
            Map.entry("GET /api/v1/plans/{id}/calendar", Access.SIGNED_IN),
            Map.entry("PUT /api/v1/plans/{id}/calendar", Access.OFFICE),
            Map.entry("GET /api/v1/obligations", Access.SIGNED_IN),
            Map.entry("POST /api/v1/submissions", Access.UNIT),
            Map.entry("GET /api/v1/submissions", Access.OFFICE),
            Map.entry("GET /api/v1/submissions/{id}", Access.SIGNED_IN),
            Map.entry("PUT /api/v1/submissions/{id}/tasks/{taskId}", Access.UNIT),
            Map.entry("PUT /api/v1/submissions/{id}/values/{indicatorId}", Access.UNIT),
            Map.entry("POST /api/v1/submissions/{id}/actions", Access.SIGNED_IN),
            Map.entry("POST /api/v1/submissions/accept", Access.OFFICE),
            Map.entry("GET /api/v1/submissions/{id}/history", Access.SIGNED_IN),
            Map.entry("PUT /api/v1/submissions/{id}/tasks/{taskId}/milestones/{milestoneId}", Access.UNIT),
            Map.entry("POST /api/v1/submissions/{id}/evidence", Access.UNIT),
            Map.entry("GET /api/v1/submissions/{id}/evidence/{evidenceId}", Access.SIGNED_IN),
            Map.entry("POST /reports/{id}/tasks/{taskId}/milestones/{milestoneId}", Access.UNIT),
            Map.entry("POST /reports/{id}/evidence", Access.UNIT),
            Map.entry("GET /reports", Access.SIGNED_IN),
            Map.entry("GET /reports.xlsx", Access.SIGNED_IN),
            // evaluation: dashboards for everyone signed in; the public view for anyone; publishing for the office
            Map.entry("GET /public", Access.PUBLIC),
            Map.entry("GET /public/plans/{id}", Access.PUBLIC),
            Map.entry("GET /public/plans/{id}/tasks", Access.PUBLIC),
            Map.entry("GET /public/plans/{id}/tasks/{taskId}", Access.PUBLIC),
            Map.entry("GET /public/plans/{id}/indicators", Access.PUBLIC),
            Map.entry("GET /public/plans/{id}/indicators/{indicatorId}", Access.PUBLIC),
            Map.entry("GET /public/plans/{id}/rankings", Access.PUBLIC),
            Map.entry("GET /public/plans/{id}/bulletins", Access.PUBLIC),
            Map.entry("GET /public/bulletins/{id}", Access.PUBLIC),
            Map.entry("GET /public/bulletins/{id}/pdf", Access.PUBLIC),
            Map.entry("GET /api/v1/evaluation/plans/{id}", Access.SIGNED_IN),
            Map.entry("GET /api/v1/evaluation/plans/{id}/units", Access.SIGNED_IN),
            Map.entry("POST /api/v1/evaluation/plans/{id}/rankings", Access.OFFICE),
            Map.entry("GET /api/v1/evaluation/rankings", Access.SIGNED_IN),
            Map.entry("GET /dashboard", Access.SIGNED_IN),
            Map.entry("GET /dashboard/indicators/{id}", Access.SIGNED_IN),
            Map.entry("GET /dashboard/tasks", Access.SIGNED_IN),
            Map.entry("GET /dashboard/units", Access.SIGNED_IN),
            Map.entry("GET /dashboard/units/{unitId}", Access.SIGNED_IN),
            Map.entry("POST /dashboard/units/publish", Access.OFFICE),
            Map.entry("GET /dashboard/regions", Access.SIGNED_IN),
            Map.entry("GET /dashboard/export", Access.SIGNED_IN),
            Map.entry("GET /surveys/export", Access.SIGNED_IN),
            Map.entry("GET /consistency/export", Access.SIGNED_IN),
            Map.entry("POST /reports/open", Access.UNIT),
            Map.entry("GET /reports/{id}", Access.SIGNED_IN),
            Map.entry("POST /reports/{id}/tasks/{taskId}", Access.UNIT),
            Map.entry("POST /reports/{id}/values/{indicatorId}", Access.UNIT),
            Map.entry("POST /reports/{id}/actions", Access.SIGNED_IN),
            Map.entry("GET /reports/queue", Access.OFFICE),
            Map.entry("GET /reports/queue.xlsx", Access.OFFICE),
            Map.entry("POST /reports/{id}/tasks", Access.UNIT),
            Map.entry("GET /reports/{id}/workbook", Access.SIGNED_IN),
            Map.entry("POST /reports/{id}/workbook", Access.UNIT),
            Map.entry("POST /reports/{id}/reopen-late", Access.OFFICE),
            Map.entry("GET /reports/calendar", Access.OFFICE),
            Map.entry("POST /reports/calendar/{planId}", Access.OFFICE),
            Map.entry("POST /plans/{id}/public", Access.OFFICE),
            Map.entry("POST /reports/accept", Access.OFFICE),
            Map.entry("GET /notifications", Access.SIGNED_IN),
            Map.entry("POST /notifications/read", Access.SIGNED_IN),
            // channels (issue 12): everyone's own inbox; the office's delivery log and chat robots
            Map.entry("GET /notifications/{id}/open", Access.SIGNED_IN),
            Map.entry("POST /notifications/{id}/done", Access.SIGNED_IN),
            Map.entry("GET /api/v1/notify/notifications", Access.SIGNED_IN),
            Map.entry("POST /api/v1/notify/notifications/read", Access.SIGNED_IN),
            Map.entry("POST /api/v1/notify/notifications/{id}/read", Access.SIGNED_IN),
            Map.entry("POST /api/v1/notify/notifications/{id}/done", Access.SIGNED_IN),
            Map.entry("POST /account/email", Access.SIGNED_IN),
            Map.entry("GET /notify/deliveries", Access.OFFICE),
            Map.entry("GET /notify/deliveries.xlsx", Access.OFFICE),
            Map.entry("POST /notify/deliveries/{id}/retry", Access.OFFICE),
            Map.entry("GET /notify/channels", Access.OFFICE),
            Map.entry("POST /notify/channels", Access.OFFICE),
            Map.entry("POST /notify/channels/{id}", Access.OFFICE),
            Map.entry("POST /notify/channels/{id}/enabled", Access.OFFICE),
            Map.entry("POST /notify/channels/{id}/test", Access.OFFICE),
            Map.entry("GET /api/v1/notify/deliveries", Access.OFFICE),
            Map.entry("POST /api/v1/notify/deliveries/{id}/retry", Access.OFFICE),
            Map.entry("GET /api/v1/notify/robots", Access.OFFICE),
            Map.entry("POST /api/v1/notify/robots", Access.OFFICE),
            Map.entry("GET /api/v1/notify/robots/{id}", Access.OFFICE),
            Map.entry("PUT /api/v1/notify/robots/{id}", Access.OFFICE),
            Map.entry("POST /api/v1/notify/robots/{id}/test", Access.OFFICE),
            Map.entry("GET /api/v1/submissions/{id}/workbook", Access.SIGNED_IN),
            Map.entry("POST /api/v1/submissions/{id}/workbook", Access.UNIT),
            // machine feeds of indicator values (statistics bureaus): the office, usually through a token
            Map.entry("POST /api/v1/observations/import", Access.OFFICE),
            // evaluation: four-senses survey waves (imported by the office) and target consistency
            Map.entry("GET /surveys", Access.SIGNED_IN),
            Map.entry("POST /surveys", Access.OFFICE),
            Map.entry("GET /api/v1/surveys", Access.SIGNED_IN),
            Map.entry("POST /api/v1/surveys", Access.OFFICE),
            Map.entry("GET /api/v1/surveys/{id}", Access.SIGNED_IN),
            Map.entry("GET /consistency", Access.SIGNED_IN),
            Map.entry("GET /api/v1/consistency", Access.SIGNED_IN),
            // importing documents: the plan office
            Map.entry("GET /imports", Access.OFFICE),
            Map.entry("GET /imports.xlsx", Access.OFFICE),
            Map.entry("POST /imports", Access.OFFICE),
            Map.entry("GET /imports/{id}", Access.OFFICE),
            Map.entry("POST /imports/{id}/details", Access.OFFICE),
            Map.entry("POST /imports/{id}/units", Access.OFFICE),
            Map.entry("POST /imports/{id}/units/settle", Access.OFFICE),
            Map.entry("POST /imports/{id}/publish", Access.OFFICE),
            Map.entry("POST /imports/{id}/discard", Access.OFFICE),
            Map.entry("POST /imports/{id}/progress", Access.OFFICE),
            Map.entry("POST /imports/{id}/columns", Access.OFFICE),
            Map.entry("PUT /api/v1/imports/{id}/draft/columns", Access.OFFICE),
            Map.entry("POST /api/v1/imports/{id}/draft/columns/reset", Access.OFFICE),
            Map.entry("GET /api/v1/imports", Access.OFFICE),
            Map.entry("POST /api/v1/imports", Access.OFFICE),
            Map.entry("GET /api/v1/imports/{id}", Access.OFFICE),
            Map.entry("PUT /api/v1/imports/{id}/details", Access.OFFICE),
            Map.entry("PUT /api/v1/imports/{id}/units", Access.OFFICE),
            Map.entry("POST /api/v1/imports/{id}/units/settle", Access.OFFICE),
            Map.entry("POST /api/v1/imports/{id}/publish", Access.OFFICE),
            Map.entry("POST /api/v1/imports/{id}/discard", Access.OFFICE),
            Map.entry("POST /api/v1/imports/{id}/progress", Access.OFFICE),
            Map.entry("GET /api/v1/imports/{id}/source", Access.OFFICE),
            // issue 13: the draft corrected, the published plan edited, units merged
            Map.entry("PUT /api/v1/imports/{id}/draft/tasks/{index}", Access.OFFICE),
            Map.entry("POST /api/v1/imports/{id}/draft/tasks", Access.OFFICE),
            Map.entry("DELETE /api/v1/imports/{id}/draft/tasks/{index}", Access.OFFICE),
            Map.entry("PUT /api/v1/imports/{id}/draft/{owner}/{index}/targets/{target}", Access.OFFICE),
            Map.entry("POST /api/v1/imports/{id}/draft/{owner}/{index}/targets", Access.OFFICE),
            Map.entry("DELETE /api/v1/imports/{id}/draft/{owner}/{index}/targets/{target}", Access.OFFICE),
            Map.entry("PUT /api/v1/imports/{id}/draft/indicators/{index}", Access.OFFICE),
            Map.entry("POST /api/v1/imports/{id}/draft/indicators", Access.OFFICE),
            Map.entry("DELETE /api/v1/imports/{id}/draft/indicators/{index}", Access.OFFICE),
            Map.entry("POST /api/v1/imports/{id}/draft/revert", Access.OFFICE),
            Map.entry("POST /api/v1/units/merge", Access.OFFICE),
            Map.entry("GET /imports/{id}/tasks/{index}", Access.OFFICE),
            Map.entry("GET /imports/{id}/tasks/new", Access.OFFICE),
            Map.entry("POST /imports/{id}/tasks/{index}", Access.OFFICE),
            Map.entry("POST /imports/{id}/tasks", Access.OFFICE),
            Map.entry("POST /imports/{id}/tasks/{index}/delete", Access.OFFICE),
            Map.entry("GET /imports/{id}/indicators/{index}", Access.OFFICE),
            Map.entry("GET /imports/{id}/indicators/new", Access.OFFICE),
            Map.entry("POST /imports/{id}/indicators/{index}", Access.OFFICE),
            Map.entry("POST /imports/{id}/indicators", Access.OFFICE),
            Map.entry("POST /imports/{id}/indicators/{index}/delete", Access.OFFICE),
            Map.entry("POST /imports/{id}/{owner}/{index}/targets/{target}", Access.OFFICE),
            Map.entry("POST /imports/{id}/{owner}/{index}/targets", Access.OFFICE),
            Map.entry("POST /imports/{id}/{owner}/{index}/targets/{target}/delete", Access.OFFICE),
            Map.entry("POST /imports/{id}/draft/revert", Access.OFFICE),
            Map.entry("GET /plans/{id}/edit", Access.OFFICE),
            Map.entry("POST /plans/{id}/edit", Access.OFFICE),
            Map.entry("GET /tasks/{id}/edit", Access.OFFICE),
            Map.entry("POST /tasks/{id}/edit", Access.OFFICE),
            Map.entry("POST /plans/{id}/tasks", Access.OFFICE),
            Map.entry("POST /tasks/{id}/delete", Access.OFFICE),
            Map.entry("POST /tasks/{id}/milestones", Access.OFFICE),
            Map.entry("POST /tasks/{id}/milestones/{milestone}", Access.OFFICE),
            Map.entry("POST /tasks/{id}/milestones/{milestone}/delete", Access.OFFICE),
            Map.entry("POST /tasks/{id}/targets/{target}", Access.OFFICE),
            Map.entry("GET /indicators/{id}/edit", Access.OFFICE),
            Map.entry("POST /indicators/{id}/edit", Access.OFFICE),
            Map.entry("POST /indicators/{id}/targets/{target}", Access.OFFICE),
            Map.entry("GET /units/merge", Access.OFFICE),
            Map.entry("POST /units/merge", Access.OFFICE),
            // bulletins (通报): the office generates, edits and issues; everyone signed in reads what the service lets them
            // projects (项目化, issue 16): the office keeps the list and accepts; the responsible unit reports monthly
            Map.entry("GET /projects", Access.SIGNED_IN),
            Map.entry("GET /projects.xlsx", Access.SIGNED_IN),
            Map.entry("GET /projects/{id}", Access.SIGNED_IN),
            Map.entry("GET /projects/new", Access.OFFICE),
            Map.entry("POST /projects", Access.OFFICE),
            Map.entry("GET /projects/{id}/edit", Access.OFFICE),
            Map.entry("POST /projects/{id}/edit", Access.OFFICE),
            Map.entry("POST /projects/{id}/reports", Access.UNIT),
            Map.entry("POST /projects/{id}/reports/{period}/accept", Access.OFFICE),
            Map.entry("POST /projects/{id}/reports/{period}/reopen", Access.OFFICE),
            Map.entry("GET /projects/import.xlsx", Access.OFFICE),
            Map.entry("POST /projects/import", Access.OFFICE),
            Map.entry("GET /projects/workbook.xlsx", Access.SIGNED_IN),
            Map.entry("POST /projects/workbook", Access.UNIT),
            Map.entry("GET /bulletins", Access.SIGNED_IN),
            Map.entry("GET /bulletins.xlsx", Access.SIGNED_IN),
            Map.entry("POST /bulletins", Access.OFFICE),
            Map.entry("GET /bulletins/{id}", Access.SIGNED_IN),
            Map.entry("POST /bulletins/{id}/narrative", Access.OFFICE),
            Map.entry("POST /bulletins/{id}/regenerate", Access.OFFICE),
            Map.entry("POST /bulletins/{id}/issue", Access.OFFICE),
            Map.entry("GET /bulletins/{id}/docx", Access.SIGNED_IN),
            Map.entry("GET /bulletins/{id}/pdf", Access.SIGNED_IN),
            Map.entry("GET /api/v1/bulletins", Access.SIGNED_IN),
            Map.entry("POST /api/v1/bulletins", Access.OFFICE),
            Map.entry("GET /api/v1/bulletins/{id}", Access.SIGNED_IN),
            Map.entry("PUT /api/v1/bulletins/{id}/narrative", Access.OFFICE),
            Map.entry("POST /api/v1/bulletins/{id}/regenerate", Access.OFFICE),
            Map.entry("POST /api/v1/bulletins/{id}/issue", Access.OFFICE),
            Map.entry("GET /api/v1/bulletins/{id}/docx", Access.SIGNED_IN),
            Map.entry("GET /api/v1/bulletins/{id}/pdf", Access.SIGNED_IN),
            // users, roles and scopes: administrators, and offices for their regions' unit and leader accounts
            Map.entry("GET /admin/users", Access.OFFICE),
            Map.entry("POST /admin/users", Access.OFFICE),
            Map.entry("GET /admin/users/{id}", Access.OFFICE),
            Map.entry("POST /admin/users/{id}/roles", Access.OFFICE),
            Map.entry("POST /admin/users/{id}/units", Access.OFFICE),
            Map.entry("POST /admin/users/{id}/enabled", Access.OFFICE),
            Map.entry("POST /admin/users/{id}/password-reset", Access.OFFICE),
            // the audit log: administrators
            Map.entry("GET /admin/audit", Access.ADMIN),
            Map.entry("GET /api/v1/users", Access.OFFICE),
            Map.entry("POST /api/v1/users", Access.OFFICE),
            Map.entry("GET /api/v1/users/{id}", Access.OFFICE),
            Map.entry("PUT /api/v1/users/{id}/roles", Access.OFFICE),
            Map.entry("PUT /api/v1/users/{id}/units", Access.OFFICE),
            Map.entry("PUT /api/v1/users/{id}/enabled", Access.OFFICE),
            Map.entry("POST /api/v1/users/{id}/password-reset", Access.OFFICE),
            // supervision: the board 督办台 and its reads for the office, leaders, administrators; the office acts
            // the issue register, instructions and orders: everyone signed in; the service decides by role, unit and region
            Map.entry("GET /supervision/items", Access.SIGNED_IN),
            Map.entry("GET /supervision/items.xlsx", Access.SIGNED_IN),
            Map.entry("GET /supervision/items/new", Access.OFFICE),
            Map.entry("POST /supervision/items", Access.SIGNED_IN),
            Map.entry("GET /supervision/items/{id}", Access.SIGNED_IN),
            Map.entry("POST /supervision/items/{id}/answer", Access.SIGNED_IN),
            Map.entry("POST /supervision/items/{id}/rectify", Access.SIGNED_IN),
            Map.entry("POST /supervision/items/{id}/close", Access.SIGNED_IN),
            Map.entry("POST /supervision/items/{id}/reopen", Access.SIGNED_IN),
            Map.entry("POST /supervision/items/{id}/raise", Access.SIGNED_IN),
            Map.entry("GET /supervision/items/{id}/docx", Access.SIGNED_IN),
            Map.entry("GET /supervision/items/{id}/evidence/{evidenceId}", Access.SIGNED_IN),
            Map.entry("GET /api/v1/supervision/items", Access.SIGNED_IN),
            Map.entry("POST /api/v1/supervision/items", Access.SIGNED_IN),
            Map.entry("GET /api/v1/supervision/items/{id}", Access.SIGNED_IN),
            Map.entry("POST /api/v1/supervision/items/{id}/answer", Access.SIGNED_IN),
            Map.entry("GET /api/v1/supervision/items/{id}/entries", Access.SIGNED_IN),
            Map.entry("POST /api/v1/supervision/items/{id}/entries", Access.SIGNED_IN),
            Map.entry("POST /api/v1/supervision/items/{id}/evidence", Access.SIGNED_IN),
            Map.entry("GET /api/v1/supervision/items/{id}/evidence/{evidenceId}", Access.SIGNED_IN),
            Map.entry("POST /api/v1/supervision/items/{id}/close", Access.SIGNED_IN),
            Map.entry("POST /api/v1/supervision/items/{id}/reopen", Access.SIGNED_IN),
            Map.entry("POST /api/v1/supervision/items/{id}/raise", Access.SIGNED_IN),
            Map.entry("GET /api/v1/supervision/items/{id}/docx", Access.SIGNED_IN),
            Map.entry("GET /api/v1/supervision/items/stats", Access.SIGNED_IN),
            // 分级晾晒 (issue 16): the oversight roles compare the regions below; the office sets rules and rolls up
            Map.entry("GET /levels", Access.OVERSIGHT),
            Map.entry("GET /levels/export", Access.OVERSIGHT),
            Map.entry("POST /levels/rules", Access.OFFICE),
            Map.entry("POST /levels/pull", Access.OFFICE),
            // 考核 (issue 16): everyone reads within scope and units or the office propose bonuses (the service decides
            // which); units appeal; the office sets the rules, decides and publishes
            Map.entry("GET /assessment", Access.SIGNED_IN),
            Map.entry("GET /assessment/export", Access.SIGNED_IN),
            Map.entry("POST /assessment/items", Access.SIGNED_IN),
            Map.entry("GET /assessment/items/{id}/file", Access.SIGNED_IN),
            Map.entry("POST /assessment/rules", Access.OFFICE),
            Map.entry("POST /assessment/items/{id}/decide", Access.OFFICE),
            Map.entry("POST /assessment/appeals", Access.UNIT),
            Map.entry("POST /assessment/appeals/{id}/decide", Access.OFFICE),
            Map.entry("POST /assessment/publish", Access.OFFICE),
            Map.entry("GET /supervision", Access.OVERSIGHT),
            Map.entry("GET /supervision/export", Access.OVERSIGHT),
            Map.entry("POST /supervision/plans/{id}/reminder-rule", Access.OFFICE),
            Map.entry("POST /supervision/reports/urge", Access.OFFICE),
            Map.entry("POST /supervision/milestones/{id}/urge", Access.OFFICE),
            Map.entry("GET /api/v1/supervision/board", Access.OVERSIGHT),
            Map.entry("GET /api/v1/supervision/plans/{id}/reminder-rule", Access.OVERSIGHT),
            Map.entry("PUT /api/v1/supervision/plans/{id}/reminder-rule", Access.OFFICE),
            Map.entry("POST /api/v1/supervision/reports/urge", Access.OFFICE),
            Map.entry("POST /api/v1/supervision/milestones/{id}/urge", Access.OFFICE),
            Map.entry("GET /api/v1/supervision/plans/{id}/bulletin-escalations", Access.OVERSIGHT),
            // cases (典型案例 / 最佳实践): the units write and submit, the office selects, returns and publishes, all read
            Map.entry("GET /cases", Access.SIGNED_IN),
            Map.entry("GET /cases.xlsx", Access.SIGNED_IN),
            Map.entry("GET /cases/queue", Access.OVERSIGHT),
            Map.entry("GET /cases/new", Access.UNIT),
            Map.entry("POST /cases", Access.UNIT),
            Map.entry("GET /cases/{id}", Access.SIGNED_IN),
            Map.entry("GET /cases/{id}/edit", Access.UNIT),
            Map.entry("POST /cases/{id}", Access.UNIT),
            Map.entry("POST /cases/{id}/files", Access.UNIT),
            Map.entry("POST /cases/{id}/files/{fileId}/delete", Access.UNIT),
            Map.entry("GET /cases/{id}/files/{fileId}", Access.SIGNED_IN),
            Map.entry("POST /cases/{id}/submit", Access.UNIT),
            Map.entry("POST /cases/{id}/select", Access.OFFICE),
            Map.entry("POST /cases/{id}/return", Access.OFFICE),
            Map.entry("POST /cases/{id}/publish", Access.OFFICE),
            Map.entry("POST /cases/{id}/unpublish", Access.OFFICE),
            Map.entry("GET /public/plans/{id}/cases", Access.PUBLIC),
            Map.entry("GET /public/cases/{id}", Access.PUBLIC),
            Map.entry("GET /api/v1/audit", Access.ADMIN)));

    /** The demo users, one per role, and what each access level lets them do. */
    static final Map<String, Set<Access>> ALLOWED = Map.of(
            "anonymous", Set.of(Access.PUBLIC),
            "reporter", Set.of(Access.PUBLIC, Access.SIGNED_IN, Access.UNIT),
            "head", Set.of(Access.PUBLIC, Access.SIGNED_IN, Access.UNIT),
            "leader", Set.of(Access.PUBLIC, Access.SIGNED_IN, Access.OVERSIGHT),
            "office", Set.of(Access.PUBLIC, Access.SIGNED_IN, Access.OFFICE, Access.OVERSIGHT),
            "admin", Set.of(Access.PUBLIC, Access.SIGNED_IN, Access.UNIT, Access.OFFICE, Access.ADMIN, Access.OVERSIGHT));

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    UserService users;

    @Test
    void everyRouteHasAnEntry() {
        Set<String> routes = routes();
        assertThat(new TreeSet<>(routes)).as("routes without an entry in the authorization matrix")
                .isSubsetOf(MATRIX.keySet());
        assertThat(MATRIX.keySet()).as("matrix entries for routes that no longer exist").isSubsetOf(routes);
    }

    @Test
    void everyRoleIsLetThroughOrTurnedAwayAsTheMatrixSays() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (String route : new TreeSet<>(routes())) {
            Access access = MATRIX.get(route);
            if (access == null) continue;
            for (var role : ALLOWED.entrySet()) {
                boolean expected = role.getValue().contains(access);
                MockHttpServletResponse response = perform(route, role.getKey());
                String refusal = refusal(response);
                boolean allowed = refusal == null;
                if (allowed != expected) {
                    wrong.add(route + " as " + role.getKey() + ": expected " + (expected ? "allow" : "deny")
                            + ", got " + response.getStatus() + " " + response.getRedirectedUrl());
                } else if (!allowed && !refusal.equals(expectedRefusal(route, role.getKey()))) {
                    wrong.add(route + " as " + role.getKey() + ": expected " + expectedRefusal(route, role.getKey())
                            + ", got " + refusal);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    private MockHttpServletResponse perform(String route, String role) throws Exception {
        String[] parts = route.split(" ", 2);
        String path = parts[1].replaceAll("\\{[^}]+}", "999999");
        MockHttpServletRequestBuilder request = request(HttpMethod.valueOf(parts[0]), path);
        request.with(role.equals("anonymous") ? anonymous() : user(users.loadUserByUsername(role).withoutPassword()));
        request.with(csrf());
        return mvc.perform(request).andReturn().getResponse();
    }

    /** How a visitor was turned away ("401", "403" or "sign-in"), or null when let through. */
    private static String refusal(MockHttpServletResponse response) {
        if (response.getStatus() == 401 || response.getStatus() == 403) return String.valueOf(response.getStatus());
        String location = response.getRedirectedUrl();
        return response.getStatus() == 302 && location != null && location.startsWith("/login") ? "sign-in" : null;
    }

    /**
     * The API answers 401 to strangers and 403 to the signed-in (as problem details); pages send strangers to sign
     * in and show the signed-in the 403 page. (On the real container the pages' refusals were once 500s:
     * {@code PageRefusalsTest} checks them there.)
     */
    private static String expectedRefusal(String route, String role) {
        boolean stranger = role.equals("anonymous");
        if (route.split(" ", 2)[1].startsWith("/api/")) return stranger ? "401" : "403";
        return stranger ? "sign-in" : "403";
    }

    private Set<String> routes() {
        Set<String> routes = new TreeSet<>();
        for (RequestMappingHandlerMapping mapping : context.getBeansOfType(RequestMappingHandlerMapping.class).values()) {
            for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                for (String pattern : info.getPatternValues()) {
                    if (methods.isEmpty()) routes.add("GET " + pattern);
                    methods.forEach(m -> routes.add(m.name() + " " + pattern));
                }
            }
        }
        return routes;
    }
}
