package cn.gongfu.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import cn.gongfu.support.Accessibility;
import cn.gongfu.support.Browser;
import cn.gongfu.support.BrowserTest;
import cn.gongfu.support.DemoFacts;
import cn.gongfu.support.ReportSteps;
import cn.gongfu.users.UserService;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The pages people use every day meet WCAG 2.1 AA as axe-core checks it (issue 14): each role's workbench, the lists,
 * the dashboards, the plan, the report form and the calendar, on a 1366-px screen and a 390-px phone. Every violation
 * of every page is listed at once, so one run shows all there is to fix. Reads only (no form is sent).
 */
class SignedInAccessibilityTest extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserService users;

    @Autowired
    MockMvc mvc;

    @Test
    void theEverydayPagesOfEachRoleMeetWcag21AA() throws Exception {
        long plan = DemoFacts.demoPlanId(jdbc);
        long task = jdbc.sql("select min(id) from task where plan_id = :p").param("p", plan).query(Long.class).single();
        long indicator = jdbc.sql("select min(indicator_id) from target where plan_id = :p").param("p", plan).query(Long.class).single();
        // a report form of its own, for a unit no other test reports for in that period, taken away again at the end
        long farming = jdbc.sql("select id from unit where region_code = :r and name = '区农业农村局'").param("r", DemoFacts.DEMO_REGION)
                .query(Long.class).single();
        long report = ReportSteps.open(mvc, user(users.loadUserByUsername("admin").withoutPassword()), plan, farming, "2025Q2");
        try {
            everyPage(plan, task, indicator, report);
        } finally {
            jdbc.sql("delete from submission where id = :id").param("id", report).update();
        }
    }

    private void everyPage(long plan, long task, long indicator, long report) throws Exception {
        Map<String, List<String>> pages = new LinkedHashMap<>();
        pages.put("reporter", List.of("/workbench", "/reports", "/plans/" + plan, "/tasks/" + task));
        pages.put("head", List.of("/workbench"));
        pages.put("leader", List.of("/workbench", "/dashboard?plan=" + plan, "/dashboard/tasks?plan=" + plan,
                "/dashboard/units?plan=" + plan, "/dashboard/regions?plan=" + plan,
                "/dashboard/indicators/" + indicator + "?plan=" + plan, "/supervision"));
        pages.put("office", List.of("/workbench", "/reports/" + report, "/imports", "/plans", "/indicators", "/units", "/bulletins", "/reports/queue",
                "/reports/calendar", "/supervision/items", "/notify/deliveries"));
        List<String> violations = new ArrayList<>();
        int checked = 0;
        for (var role : pages.entrySet()) {
            browser.manage().deleteAllCookies();
            Browser.signIn(browser, port, role.getKey());
            for (String page : role.getValue()) {
                for (Dimension size : List.of(new Dimension(1366, 900), new Dimension(390, 844))) {
                    browser.manage().window().setSize(size);
                    browser.get(url(page));
                    chartsDrawn();
                    String found = Accessibility.violations(browser, role.getKey() + " " + page + " at " + size.getWidth() + " px");
                    if (!found.isEmpty()) violations.add(found);
                    checked++;
                }
            }
        }
        assertThat(checked).isEqualTo(2 * pages.values().stream().mapToInt(List::size).sum());
        assertThat(violations).as(() -> "WCAG 2.1 AA violations:\n" + String.join("\n", violations)).isEmpty();
    }
}
