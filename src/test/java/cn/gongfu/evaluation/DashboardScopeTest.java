package cn.gongfu.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import cn.gongfu.support.DemoFacts;
import cn.gongfu.support.H2Test;
import cn.gongfu.support.MvcContract;
import cn.gongfu.users.UserService;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The overview respects the role's scope (issue 14): a unit's reporter sees the indicators its unit is responsible
 * for and the tasks it works on, says so, and may widen to the district's indicators; the office sees everything.
 */
@H2Test
class DashboardScopeTest extends MvcContract {

    @Autowired
    UserService users;

    @Test
    void aReporterSeesItsUnitsIndicatorsAndMayWidenToTheDistrict() throws Exception {
        long plan = DemoFacts.demoPlanId(jdbc);
        long all = jdbc.sql("select count(distinct indicator_id) from target where plan_id = :p").param("p", plan).query(Long.class).single();
        long mine = jdbc.sql("""
                select count(distinct t.indicator_id) from target t join indicator i on i.id = t.indicator_id
                join user_unit uu on uu.unit_id = i.unit_id join app_user u on u.id = uu.user_id
                where t.plan_id = :p and u.username = 'reporter'""").param("p", plan).query(Long.class).single();
        assertThat(mine).as("the demo reporter's unit is responsible for some indicators, not all").isPositive().isLessThan(all);

        Document reporter = Jsoup.parse(page(get("/dashboard").param("plan", "" + plan).with(as("reporter"))));
        assertThat(reporter.select("#all-indicators tbody tr")).hasSize((int) mine);
        assertThat(reporter.select("#scope-note").text()).contains("本单位负责的 " + mine + " 项指标", "全区共 " + all + " 项");
        Document widened = Jsoup.parse(page(get(reporter.select("#scope-toggle").attr("href")).with(as("reporter"))));
        assertThat(widened.select("#all-indicators tbody tr")).hasSize((int) all);
        assertThat(widened.select("#scope-note").text()).contains("全区全部 " + all + " 项指标");

        // the tasks tab: the unit's tasks only, as its plan tree shows them
        long myTasks = jdbc.sql("""
                select count(distinct tu.task_id) from task_unit tu join task t on t.id = tu.task_id
                join user_unit uu on uu.unit_id = tu.unit_id join app_user u on u.id = uu.user_id
                where t.plan_id = :p and u.username = 'reporter'""").param("p", plan).query(Long.class).single();
        Document tasks = Jsoup.parse(page(get("/dashboard/tasks").param("plan", "" + plan).with(as("reporter"))));
        assertThat(tasks.select("#task-status tbody tr")).hasSize((int) myTasks);

        Document office = Jsoup.parse(page(get("/dashboard").param("plan", "" + plan).with(as("office"))));
        assertThat(office.select("#all-indicators tbody tr")).hasSize((int) all);
        assertThat(office.select("#scope-note")).isEmpty();
    }

    private RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username).withoutPassword());
    }
}
